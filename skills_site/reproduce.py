"""A reproduction of every skill page that a reader can download and run on their own.

``python -m skills_site.reproduce OUT [PAGE ...]`` writes, for each skill page (or the
pages named, e.g. ``async-patterns``), ``OUT/<page>/`` and ``OUT/<page>.zip`` holding:

- ``run.py``: a script with PEP 723 inline metadata that pins ``requires-python`` and
  every package the page needs, and what those depend on, to the versions in
  ``uv.lock`` that the page is tested with. ``uv run run.py`` runs the page's blocks in order, as a
  plain ``__main__`` script in the current directory, and prints one line per section;
  ``uv run run.py --visible-only`` runs only the blocks the page shows.
- ``blocks.json``: the page's blocks, in page order, as the site renders them.
- ``snippets/...``: the page's snippet files, under the paths the page shows.

The script needs nothing of this repository: no harness, no hidden namespace, no HOME of
its own. Hidden blocks are checks; they run (and are named as such) unless
``--visible-only`` is given.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import sys
import tomllib
import zipfile
from functools import cache
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from skills_site.fences import fences, language_of
from skills_site.pins import LOCK, _applies, locked_versions
from skills_site.render import render_page, variables
from skills_site.sources import read_meta, skill_pages

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
# The same spellings the test harness reads (tests/collect.py, tests/evaluate.py).
HIDDEN = re.compile(
    r"^[ \t]*<!--\s*invisible-code-block:\s*(?P<language>\w+)[ \t]*\n(?P<source>.*?)-->",
    re.MULTILINE | re.DOTALL,
)
SKIP = re.compile(r"^[ \t]*<!--\s*skip:\s*next\s+(?P<args>.+?)\s*-->", re.MULTILINE)
SECTION = re.compile(r"^## (?P<title>.+?)[ \t]*$", re.MULTILINE)
INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^":]+)"')
TITLE = re.compile(r'\btitle="(?P<name>[\w.-]+\.py)"')
KINDS = {
    **dict.fromkeys(("python", "py"), "python"),
    **dict.fromkeys(("bash", "sh", "shell"), "shell"),
    "output": "output",
    **dict.fromkeys(("toml", "json", "yaml", "yml", "ini", "cfg"), "data"),
}
# Where the lock's own project lists its dependency groups.
GROUPS = ("examples", "tests")
ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # the same zip for the same page, whenever it is built


# --- the page's blocks ----------------------------------------------------------------


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def skip_of(args: str) -> dict:
    """``"reason"`` skips always; ``if(condition, reason="...")`` when it holds."""
    if args.startswith("if"):
        call = ast.parse(f"skip{args[2:]}", mode="eval").body
        reason = next(k.value.value for k in call.keywords if k.arg == "reason")
        return {"condition": ast.unparse(call.args[0]), "reason": reason}
    return {"condition": None, "reason": ast.literal_eval(args)}


def page_blocks(page: Path) -> list[dict]:
    """Every block the harness runs or checks, in page order, with its section."""
    text = page.read_text("utf-8")
    lines = text.splitlines()
    found: list[tuple[int, dict]] = []
    inside = set()
    for first, last, info in fences(text):
        inside.update(range(first, last + 1))
        opening = lines[first - 1]
        indent = len(opening) - len(opening.lstrip(" \t>"))
        body = "\n".join(line[indent:] for line in lines[first : last - 1])
        language = language_of(info)
        title = TITLE.search(info)
        found.append(
            (
                first,
                {
                    "language": language,
                    "source": body + "\n",
                    "line": first + 1,
                    "hidden": False,
                    "title": title["name"] if title else None,
                },
            )
        )
    for match in HIDDEN.finditer(text):
        line = _line(text, match.start())
        if line not in inside:
            found.append(
                (
                    line,
                    {
                        "language": match["language"],
                        "source": match["source"],
                        "line": line + 1,
                        "hidden": True,
                        "title": None,
                    },
                )
            )
    skips = {
        _line(text, match.start()): skip_of(match["args"])
        for match in SKIP.finditer(text)
        if _line(text, match.start()) not in inside
    }
    sections = [
        (_line(text, match.start()), match["title"])
        for match in SECTION.finditer(text)
        if _line(text, match.start()) not in inside
    ]
    blocks, pending = [], None
    skip_lines = sorted(skips)
    for line, block in sorted(found, key=lambda item: item[0]):
        kind = KINDS.get(block["language"])
        if kind is None:
            continue  # not a block the harness runs (test_fences reports those)
        while skip_lines and skip_lines[0] < line:
            pending = skips[skip_lines.pop(0)]
        source = render_page(block["source"])
        include = INCLUDE.fullmatch(source.strip())
        if kind == "python" and source.lstrip().startswith(">>>"):
            raise ValueError(f"{page.name}:{line}: doctest blocks are not reproduced")
        section = next(
            (title for start, title in reversed(sections) if start < line),
            "Introduction",
        )
        blocks.append(
            {
                "kind": kind,
                "language": block["language"],
                "section": section,
                "line": block["line"],
                "hidden": block["hidden"],
                "title": block["title"],
                "include": include["path"] if include else None,
                "source": None if include else source,
                "skip": pending,
            }
        )
        pending = None
    return blocks


def snippet_files(blocks: list[dict]) -> list[str]:
    """The snippet files a reader needs: every file of the folders the page includes
    from, and the snippet modules its code imports (and what those import), with the
    packages above them."""
    files: set[Path] = set()

    def add(path: Path) -> None:
        files.add(path.relative_to(ROOT))
        for parent in path.relative_to(ROOT).parents:
            init = ROOT / parent / "__init__.py"
            if parent != Path(".") and init.is_file():
                files.add(init.relative_to(ROOT))

    for folder in {
        Path(block["include"]).parent for block in blocks if block["include"]
    }:
        top = Path(*folder.parts[:2]) if len(folder.parts) > 1 else folder
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                add(path)
    code = [block["source"] for block in blocks if block["source"]]
    code += [(ROOT / path).read_text("utf-8") for path in files if path.suffix == ".py"]
    while code:
        for name in _snippet_modules(code.pop()):
            module = ROOT / Path(*name.split("."))
            for path in (module.with_suffix(".py"), module / "__init__.py"):
                if path.is_file() and path.relative_to(ROOT) not in files:
                    add(path)
                    code.append(path.read_text("utf-8"))
    return sorted(str(path) for path in files)


# --- what the page needs, pinned ------------------------------------------------------


@cache
def _imports(code: str) -> frozenset[str]:
    """Full names of the modules the code imports (``from a import b``: ``a`` and
    ``a.b``), in its strings too (code written to a file, or run with ``-c``), and of
    those it runs with ``-m``."""
    found = set(re.findall(r"(?:-m|\"-m\",)\s*\"?([A-Za-z_]\w*)", code))
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return frozenset(found)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "import " in node.value
        ):
            found |= _imports(node.value)
    return frozenset(found)


def _snippet_modules(code: str) -> set[str]:
    """The modules under ``snippets`` that the code imports, by their full names."""
    return {name for name in _imports(code) if name.split(".")[0] == "snippets"}


def _imported(code: str) -> set[str]:
    """Top-level names of the modules the code imports (and runs with ``-m``)."""
    return {name.split(".")[0] for name in _imports(code)}


@cache
def _group_requirements() -> dict[str, Requirement]:
    """The project's own requirements (extras and markers as written), by name."""
    pyproject = tomllib.loads(PYPROJECT.read_text("utf-8"))
    groups = pyproject["dependency-groups"]
    specs = [
        *pyproject["project"]["dependencies"],
        *(spec for group in GROUPS for spec in groups[group]),
    ]
    found: dict[str, Requirement] = {}
    for spec in specs:
        requirement = Requirement(spec)
        found.setdefault(canonicalize_name(requirement.name), requirement)
    return found


# Modules whose distribution has another name; the rest are named alike. (A test checks
# this against the installed packages, so that the build needs none of them.)
DISTRIBUTIONS = {
    "_pytest": "pytest",
    "argon2": "argon2-cffi",
    "attr": "attrs",
    "jwt": "pyjwt",
    "multipart": "python-multipart",
    "python_multipart": "python-multipart",
    "rest_framework": "djangorestframework",
    "yaml": "pyyaml",
}


def page_code(blocks: list[dict], files: list[str]) -> list[str]:
    """The code that runs: blocks never skipped, and the snippet files."""
    code = [
        block["source"]
        for block in blocks
        if block["source"]
        and not (block["skip"] and block["skip"]["condition"] is None)
    ]
    return code + [
        (ROOT / name).read_text("utf-8") for name in files if name.endswith(".py")
    ]


def imported_modules(code: list[str]) -> set[str]:
    """Top-level modules the code imports, without the standard library's."""
    return set().union(*(_imported(text) for text in code)) - set(
        sys.stdlib_module_names
    )


def direct_requirements(page: Path, blocks: list[dict], files: list[str]) -> set[str]:
    """The locked packages the page's code imports or names, plus its tested_with."""
    code = page_code(blocks, files)
    locked = locked_versions(python())
    wanted = {
        canonicalize_name(DISTRIBUTIONS.get(module, module))
        for module in imported_modules(code)
    }
    words = set(re.findall(r"[A-Za-z][\w.-]*", "\n".join(code)))
    wanted |= {canonicalize_name(word) for word in words} & set(_group_requirements())
    wanted |= {
        canonicalize_name(name) for name in read_meta(page).get("tested_with", [])
    }
    return {name for name in wanted if name in locked and name in installable()}


@cache
def installable() -> frozenset[str]:
    """What the project's groups install on the target Python: all a session has."""
    packages = _lock_packages()
    project = packages[
        canonicalize_name(
            tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]["name"]
        )
    ]
    todo = [edge["name"] for edge in project.get("dependencies", [])]
    for group in GROUPS:
        todo += [edge["name"] for edge in project["dev-dependencies"][group]]
    found: set[str] = set()
    while todo:
        name = canonicalize_name(todo.pop())
        if name in found or name not in packages:
            continue
        found.add(name)
        package = packages[name]
        todo += [edge["name"] for edge in package.get("dependencies", [])]
        for extra in package.get("optional-dependencies", {}).values():
            todo += [edge["name"] for edge in extra]
    return frozenset(found)


def python() -> str:
    return variables()["site"]["target_python"]


@cache
def _lock_packages() -> dict[str, dict]:
    lock = tomllib.loads(LOCK.read_text("utf-8"))
    return {
        canonicalize_name(package["name"]): package
        for package in lock["package"]
        if "version" in package and _applies(package, python())
    }


def _keeps(marker: str | None) -> bool:
    """Whether an edge with this marker can hold on the target Python (any platform)."""
    if marker is None or "python" not in marker:
        return True
    target = {"python_version": python(), "python_full_version": f"{python()}.0"}
    return any(
        Marker(marker).evaluate({**target, "sys_platform": platform})
        for platform in ("linux", "darwin", "win32")
    )


def pinned_requirements(direct: set[str]) -> tuple[list[str], list[str]]:
    """(the page's own packages, what they depend on), each ``name==version``, with
    the extras the project uses and the lock's platform markers."""
    packages = _lock_packages()
    ours = _group_requirements()
    markers: dict[str, set[str | None]] = {}
    todo: list[tuple[str, tuple[str, ...], str | None]] = []
    for name in direct:
        requirement = ours.get(name)
        extras = tuple(sorted(requirement.extras)) if requirement else ()
        marker = str(requirement.marker) if requirement and requirement.marker else None
        todo.append((name, extras, None if marker and "python" in marker else marker))
    seen: set[tuple[str, tuple[str, ...]]] = set()
    extras_of: dict[str, set[str]] = {}
    while todo:
        name, extras, marker = todo.pop()
        markers.setdefault(name, set()).add(marker)
        extras_of.setdefault(name, set()).update(extras)
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        package = packages[name]
        edges = list(package.get("dependencies", []))
        for extra in extras:
            edges += package.get("optional-dependencies", {}).get(extra, [])
        for edge in edges:
            if not _keeps(edge.get("marker")):
                continue
            edge_marker = edge.get("marker")
            if edge_marker and "python" in edge_marker:
                edge_marker = None  # holds on the target Python, as checked above
            combined = (
                edge_marker
                if marker is None
                else marker
                if edge_marker is None
                else f"({marker}) and ({edge_marker})"
            )
            todo.append(
                (
                    canonicalize_name(edge["name"]),
                    tuple(sorted(edge.get("extra", []))),
                    combined,
                )
            )

    def spec(name: str) -> str:
        extras = f"[{','.join(sorted(extras_of[name]))}]" if extras_of[name] else ""
        found = markers[name]
        marker = (
            ""
            if None in found
            else "; "
            + " or ".join(f"({m})" if len(found) > 1 else m for m in sorted(found))
        )
        pinned = f"{name}{extras}=={packages[name]['version']}{marker}"
        return pinned.replace('"', "'")  # markers quoted the way the lock writes them

    first = sorted(spec(name) for name in direct)
    rest = sorted(spec(name) for name in markers if name not in direct)
    return first, rest


def script_metadata(direct: list[str], transitive: list[str]) -> str:
    """The PEP 723 block: ``requires-python`` and every pin, one per line."""
    lines = [
        "# /// script",
        f'# requires-python = "=={python()}.*"',
        "# dependencies = [",
        *(f'#     "{spec}",' for spec in direct),
    ]
    if transitive:
        lines.append(
            "#     # what those depend on, at the versions the page was tested with"
        )
        lines += [f'#     "{spec}",' for spec in transitive]
    lines += ["# ]", "# ///"]
    return "\n".join(lines) + "\n"


# --- the script -----------------------------------------------------------------------

RUNNER = r'''
"""Run the examples of the page "{title}" in page order, as one plain script.

    uv run run.py                  every block; the page's hidden checks included
    uv run run.py --visible-only   only the blocks the page shows

Blocks run in the current directory, in one namespace, the script's ``__main__``;
``blocks.json`` holds them, and the snippet files the page shows sit beside this file.
Top-level ``await`` works as in ``python -m asyncio``. Shell blocks run with
``bash -euo pipefail``. Each ``output`` block is compared with what the block before it
printed. One line per section says how it went; the first failure stops the run with a
non-zero exit status, naming the page and the block.
"""

import argparse
import ast
import asyncio
import builtins
import configparser
import contextlib
import difflib
import importlib
import importlib.util
import inspect
import io
import json
import os
import subprocess
import sys
import tomllib
import traceback
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE = "{page}"
FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


class Failed(Exception):
    """A block failed; the message names it."""


def normalise(text):
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def label(block):
    kind = "hidden check" if block["hidden"] else f"{{block['language']}} block"
    return f"{{PAGE}} line {{block['line']}} ({{kind}})"


class Page:
    def __init__(self):
        self.module = types.ModuleType("__main__")
        self.module.__file__ = __file__
        self.module.__builtins__ = builtins
        self.namespace = vars(self.module)
        self.snippets = {{}}  # module name -> the module the page runs it in
        self.printed = None

    def skipped(self, block):
        skip = block["skip"]
        if skip is None:
            return None
        if skip["condition"] is None:
            return skip["reason"]
        condition = compile(skip["condition"], f"{{PAGE}}:{{block['line']}}", "eval")
        # `sys` is there for conditions such as sys.version_info < (3, 14).
        holds = eval(condition, {{"sys": sys, **self.namespace}})
        return skip["reason"] if holds else None

    def snippet(self, path):
        """A snippet is the module its path names, run from its own file; the page's
        later blocks see what it defines, as after ``from snippets.x import *``.

        Imported already (by a framework, or by another snippet), it is that module;
        shown a second time, it runs again in the same module. Returns the module and
        whether to run the file now.
        """
        name = ".".join(Path(path).with_suffix("").parts).removesuffix(".__init__")
        if name in self.snippets:
            return self.snippets[name], True
        file = str(HERE / path)
        module = sys.modules.get(name)
        self.snippets[name] = module
        if module is not None and getattr(module, "__file__", None) == file:
            return module, False
        spec = importlib.util.spec_from_file_location(name, file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = self.snippets[name] = module
        parent, _, child = name.rpartition(".")
        setattr(importlib.import_module(parent), child, module)
        return module, True

    def python(self, block):
        run = True
        if block["include"]:
            module, run = self.snippet(block["include"])
            filename = str(HERE / block["include"])
            text, namespace = Path(filename).read_text("utf-8"), vars(module)
            source = text
        else:
            filename, namespace, text = PAGE, self.namespace, block["source"]
            source = "\n" * (block["line"] - 1) + text
        printed = io.StringIO()
        self.printed = None
        if run:
            code = compile(source, filename, "exec", flags=FLAGS, dont_inherit=True)
            with contextlib.redirect_stdout(printed):
                result = eval(code, namespace)
                if inspect.isawaitable(result):
                    asyncio.run(result)
        if block["include"]:  # the page sees what the module defines
            self.namespace.update(
                (name, value) for name, value in namespace.items() if name[:2] != "__"
            )
        self.printed = printed.getvalue()
        if block["title"]:  # a file the reader saves, for a later shell block to run
            Path(block["title"]).write_text(text, "utf-8")

    def shell(self, block):
        bindir = str(Path(sys.executable).parent)
        environment = {{
            name: value
            for name, value in os.environ.items()
            if name not in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")
        }}
        environment["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
        sys.stdout.flush()
        done = subprocess.run(
            ["bash", "-euo", "pipefail"],
            input=block["source"],
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )
        if done.returncode != 0:
            raise Failed(f"bash exited {{done.returncode}}:\n{{done.stderr}}")
        self.printed = done.stdout

    def output(self, block):
        printed, self.printed = self.printed, None
        if printed is None:
            raise Failed("an output block must follow a block that ran")
        expected, actual = normalise(block["source"]), normalise(printed)
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(),
                actual.splitlines(),
                "the output block on the page",
                "what the block before it printed",
                lineterm="",
            )
            raise Failed("the output differs:\n" + "\n".join(diff))

    def data(self, block):
        text, language = block["source"], block["language"]
        if language == "toml":
            tomllib.loads(text)
        elif language == "json":
            json.loads(text)
        elif language in ("ini", "cfg"):
            configparser.ConfigParser(interpolation=None).read_string(text)
        # YAML is shown only: reading it needs a package the page does not use.


def run(blocks, visible_only):
    page = Page()
    sys.modules["__main__"] = page.module  # the blocks are the script
    sections = {{}}
    for index, block in enumerate(blocks):
        counts = sections.setdefault(
            block["section"], {{"ran": 0, "hidden": 0, "skip": []}}
        )
        try:
            reason = "hidden check" if block["hidden"] and visible_only else None
            if visible_only and block["kind"] == "output" and producer(blocks, index):
                reason = "printed by a hidden check"
            reason = reason or page.skipped(block)
            if reason is None:
                getattr(page, block["kind"])(block)
                counts["ran"] += 1
                counts["hidden"] += block["hidden"]
            elif reason != "hidden check":
                counts["skip"].append(f"line {{block['line']}}: {{reason}}")
        except BaseException as error:  # every failure is reported, by block
            report("FAIL", block["section"], counts)
            print(f"FAILED: {{label(block)}}", file=sys.__stdout__, flush=True)
            if isinstance(error, Failed):
                print(error, file=sys.stderr)
            else:
                traceback.print_exception(error, file=sys.stderr)
            return 1
        last = (
            index + 1 == len(blocks) or blocks[index + 1]["section"] != block["section"]
        )
        if last:
            report("pass", block["section"], counts)
    mode = (
        "the blocks the page shows"
        if visible_only
        else "every block, hidden checks too"
    )
    print(f"{{PAGE}}: every section passes ({{mode}})", file=sys.__stdout__)
    return 0


def producer(blocks, index):
    """Whether the block whose output this is, the block before it, is hidden."""
    return index > 0 and blocks[index - 1]["hidden"]


def report(verdict, section, counts):
    ran = counts["ran"]
    parts = [f"{{ran}} block{{'' if ran == 1 else 's'}}"]
    if counts["hidden"]:
        parts.append(f"{{counts['hidden']}} of them hidden checks")
    if counts["skip"]:
        parts.append("skipped " + "; ".join(counts["skip"]))
    print(
        f"{{verdict:4}}  {{section}}  ({{', '.join(parts)}})", file=sys.__stdout__, flush=True
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--visible-only",
        action="store_true",
        help="run only the blocks the page shows, not its hidden checks",
    )
    arguments = parser.parse_args()
    blocks = json.loads((HERE / "blocks.json").read_text("utf-8"))
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    sys.exit(run(blocks, arguments.visible_only))


if __name__ == "__main__":
    main()
'''


def build(page: Path, out: Path) -> Path:
    """Write ``out/<page>/`` and ``out/<page>.zip``; return the folder."""
    blocks = page_blocks(page)
    files = snippet_files(blocks)
    direct, transitive = pinned_requirements(direct_requirements(page, blocks, files))
    folder = out / page.stem
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    title = next(
        line[2:]
        for line in page.read_text("utf-8").splitlines()
        if line.startswith("# ")
    )
    script = script_metadata(direct, transitive) + RUNNER.format(
        title=title, page=f"docs/{page.name}"
    )
    (folder / "run.py").write_text(script, "utf-8")
    (folder / "blocks.json").write_text(json.dumps(blocks, indent=1) + "\n", "utf-8")
    for name in [f"docs/{page.name}", *files]:  # the page's source: checks read it
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, target)
    archive = out / f"{page.stem}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(
                    f"{page.stem}/{path.relative_to(folder)}", ZIP_TIME
                )
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                bundle.writestr(info, path.read_bytes())
    return folder


def write_archives(out: Path) -> list[Path]:
    """Only the zips, one per skill page, as the site serves them."""
    import tempfile

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        for page in skill_pages():
            build(page, Path(scratch))
            written.append(out / f"{page.stem}.zip")
            shutil.move(Path(scratch, f"{page.stem}.zip"), written[-1])
    return written


def chosen_pages(names: list[str]) -> list[Path]:
    pages = {path.stem: path for path in skill_pages()}
    unknown = [name for name in names if name not in pages]
    if unknown:
        raise SystemExit(
            f"no such skill page: {', '.join(unknown)}; one of {sorted(pages)}"
        )
    return [pages[name] for name in names] if names else list(pages.values())


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit("usage: python -m skills_site.reproduce OUT [PAGE ...]")
    out = Path(argv[0])
    for page in chosen_pages(argv[1:]):
        folder = build(page, out)
        print(f"{folder}/ and {folder}.zip")


if __name__ == "__main__":
    main(sys.argv[1:])
