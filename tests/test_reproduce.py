"""The downloadable reproduction of a page: a valid zip whose run.py pins the lock.

Running the reproductions is `nox -s reproduce`; this checks what it is built from.
"""

from __future__ import annotations

import re
import tomllib
import zipfile
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from skills_site import reproduce
from skills_site.pins import LOCK, locked_versions
from skills_site.render import variables
from skills_site.sources import skill_pages

# PEP 723's reference expression for inline script metadata.
REGEX = r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$"
PAGE = "django-patterns"  # extras, platform markers and two Django lines in the lock
installed_distributions = cache(packages_distributions)  # module -> distributions


def read_metadata(script: str) -> dict:
    """The spec's reference reader, for the `script` type."""
    matches = [m for m in re.finditer(REGEX, script) if m["type"] == "script"]
    assert len(matches) == 1, "exactly one script metadata block"
    content = "".join(
        line[2:] if line.startswith("# ") else line[1:]
        for line in matches[0]["content"].splitlines(keepends=True)
    )
    return tomllib.loads(content)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reproduce")
    (page,) = [path for path in skill_pages() if path.stem == PAGE]
    reproduce.build(page, out)
    return out / f"{PAGE}.zip"


def test_the_zip_is_valid_and_holds_the_script_and_snippets(archive: Path):
    with zipfile.ZipFile(archive) as bundle:
        assert bundle.testzip() is None
        names = set(bundle.namelist())
    blocks = reproduce.page_blocks(Path("docs", f"{PAGE}.md"))
    shown = {block["include"] for block in blocks if block["include"]}
    assert shown, "the page includes snippets"
    expected = {"run.py", "blocks.json", f"docs/{PAGE}.md", *shown}
    assert {f"{PAGE}/{name}" for name in expected} <= names


def pin_problems(script: str) -> list[str]:
    """How run.py's metadata differs from the lock: Python, pins, missing packages."""
    metadata = read_metadata(script)
    python = variables()["site"]["target_python"]
    problems = []
    if metadata["requires-python"] != f"=={python}.*":
        problems.append(f"requires-python {metadata['requires-python']}")
    locked = locked_versions(python)
    pins = {}
    for spec in metadata["dependencies"]:
        requirement = Requirement(spec)
        versions = [s.version for s in requirement.specifier if s.operator == "=="]
        name = canonicalize_name(requirement.name)
        pins[name] = versions[0] if len(versions) == 1 else None
        if pins[name] != locked.get(name):
            problems.append(f"{spec}: the lock has {locked.get(name)}")
    # Everything the pinned packages depend on in the lock, on the target Python.
    lock = {
        canonicalize_name(package["name"]): package
        for package in tomllib.loads(LOCK.read_text("utf-8"))["package"]
        if package.get("version") == locked.get(canonicalize_name(package["name"]))
    }
    target = {"python_version": python, "python_full_version": f"{python}.0"}
    for name in pins:
        for edge in lock.get(name, {}).get("dependencies", []):
            marker = edge.get("marker")
            needed = marker is None or Marker(marker).evaluate(target)
            if needed and canonicalize_name(edge["name"]) not in pins:
                problems.append(f"{name} needs {edge['name']}, which is not pinned")
    return problems


def test_run_py_pins_python_and_every_package_to_the_lock(archive: Path):
    with zipfile.ZipFile(archive) as bundle:
        script = bundle.read(f"{PAGE}/run.py").decode()
    assert pin_problems(script) == []
    names = {Requirement(spec).name for spec in read_metadata(script)["dependencies"]}
    assert {"django", "djangorestframework", "psycopg"} <= names  # the page's own


def test_a_pin_off_the_lock_or_a_missing_dependency_is_found(archive: Path):
    with zipfile.ZipFile(archive) as bundle:
        script = bundle.read(f"{PAGE}/run.py").decode()
    django = locked_versions(variables()["site"]["target_python"])["django"]
    stale = script.replace(f'"django=={django}"', '"django==5.2.1"')
    assert pin_problems(stale) == [f"django==5.2.1: the lock has {django}"]
    (sqlparse,) = [line for line in script.splitlines() if '"sqlparse==' in line]
    assert pin_problems(script.replace(sqlparse + "\n", "")) == [
        "django needs sqlparse, which is not pinned"
    ]
    looser = script.replace('requires-python = "==', 'requires-python = ">=')
    assert len(pin_problems(looser)) == 1


@pytest.mark.parametrize("page", [path.stem for path in skill_pages()])
def test_module_names_map_to_their_distributions(page: str):
    """The build names packages without looking at what is installed; here it is."""
    blocks = reproduce.page_blocks(Path("docs", f"{page}.md"))
    code = reproduce.page_code(blocks, reproduce.snippet_files(blocks))
    locked = locked_versions(variables()["site"]["target_python"])
    installed = installed_distributions()
    for module in reproduce.imported_modules(code):
        by_metadata = {canonicalize_name(name) for name in installed.get(module, [])}
        if by_metadata & set(locked):
            by_name = canonicalize_name(reproduce.DISTRIBUTIONS.get(module, module))
            assert by_name in by_metadata, (module, by_metadata)
