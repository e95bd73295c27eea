"""Every entry point of the project. Each session installs exactly the locked versions.

Run by the plain `nox` command from nox's own environment, so this file imports nothing
of the project: whatever needs the project's code runs inside a session.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv"
nox.options.sessions = ["docs-tests", "docs"]
nox.options.reuse_venv = "yes"  # install() syncs a venv again when the lock changes
nox.needs_version = ">=2025.2.9"

WORKERS = ("-n", "2", "--dist", "loadfile")
PYTHON = "3.13"  # the interpreter the examples target; see skills_site/data/site.yml


def install(session: nox.Session, *groups: str) -> None:
    """Sync the session's venv to uv.lock; a lock that disagrees with pyproject fails.

    Venvs are reused between runs: a venv already synced to this very lock, pyproject
    and set of groups is not synced again, which keeps a one-page run to seconds.
    """
    stamp = Path(session.virtualenv.location, ".synced-lock")
    wanted = hashlib.sha256(
        Path("uv.lock").read_bytes()
        + Path("pyproject.toml").read_bytes()
        + " ".join(groups).encode()
    ).hexdigest()
    if stamp.is_file() and stamp.read_text() == wanted:
        session.log("venv already synced to uv.lock")
        return
    session.run_install(
        "uv",
        "sync",
        "--locked",
        "--no-default-groups",
        # Examples start Python subprocesses; compiled bytecode spares each a cold start.
        "--compile-bytecode",
        *(f"--group={group}" for group in groups),
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )
    stamp.write_text(wanted)


def install_beside_lock(session: nox.Session, *args: str) -> None:
    """Install something the lock does not pin; the next run syncs the venv again."""
    Path(session.virtualenv.location, ".synced-lock").unlink(missing_ok=True)
    session.install(*args)


def django_lts(session: nox.Session) -> str | None:
    """The Django LTS pinned for Python 3.11, when it differs from this Python's pin."""
    found = session.run(
        "python",
        "-c",
        "from skills_site.pins import locked_versions as v;"
        f"lts, here = v('3.11')['django'], v('{session.python}')['django'];"
        "print(lts if lts != here else '')",
        silent=True,
    )
    return found.strip() or None


@nox.session(name="docs-tests", python=PYTHON)
def docs_tests(session: nox.Session) -> None:
    """Run every block in docs/ and every harness and snippet test."""
    install(session, "tests", "examples")
    # Pages in a random order, in parallel; each page stays whole on one worker. Always
    # in workers, so a block that ends its process is reported, never the run cut short.
    session.run("python", "-m", "pytest", *WORKERS, *session.posargs)


@nox.session(python=PYTHON)
def page(session: nox.Session) -> None:
    """One page, checked as the full run checks it: `nox -s page -- docs/x.md`.

    Its blocks, and the whole run's checks that concern it: fences, lint, front matter,
    export, and the tests of its snippets. Options after the page go to both runs.
    """
    if not session.posargs or not session.posargs[0].endswith(".md"):
        session.error("name one page: nox -s page -- docs/async-patterns.md")
    page, *options = session.posargs
    page = Path(page)
    if not page.is_file():
        session.error(f"{page}: no such page")
    install(session, "tests", "examples")
    snippet_tests = Path("tests/snippets", f"test_{page.stem.replace('-', '_')}.py")
    checks = [
        *("tests/test_fences.py", "tests/test_lint.py", "tests/test_front_matter.py"),
        "tests/test_export.py",
        *([str(snippet_tests)] if snippet_tests.is_file() else []),
    ]
    # The checks run in a second pytest on the other core while this one runs the
    # page's blocks, so the verdict waits only for the slower of the two.
    environment = {
        **os.environ,
        "VIRTUAL_ENV": session.virtualenv.location,
        "PATH": os.pathsep.join((session.bin, os.environ.get("PATH", ""))),
    }
    for name, value in session.env.items():
        if value is None:  # nox's way of saying "unset"
            environment.pop(name, None)
        else:
            environment[name] = value
    python = str(Path(session.bin, "python"))
    with tempfile.TemporaryFile("w+") as printed:
        other = subprocess.Popen(
            [python, "-m", "pytest", "-q", "--page", str(page), *checks, *options],
            stdout=printed,
            stderr=subprocess.STDOUT,
            env=environment,
            text=True,
        )
        try:
            session.run(
                *("python", "-m", "pytest", "--page", str(page), str(page), *options),
                success_codes=[0, 5],  # 5: a page without blocks, such as the home page
            )
        finally:
            other.wait()
            printed.seek(0)
            print(f"\nThe checks of the whole run for {page}:\n{printed.read()}")
    if other.returncode:
        session.error(f"the checks for {page} failed: see their report above")


@nox.session(python=PYTHON)
def stress(session: nox.Session) -> None:
    """docs-tests five times in a row while busy loops occupy every core.

    Timing claims on the pages must hold on a loaded machine, not only on an idle one.
    """
    install(session, "tests", "examples")
    busy = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 2)
    ]
    try:
        for run in range(1, 6):
            session.log(f"run {run} of 5, with {len(busy)} busy loops")
            session.run("python", "-m", "pytest", *WORKERS, "-q", *session.posargs)
    finally:
        for process in busy:
            process.kill()
            process.wait()


@nox.session(python=PYTHON)
def mutate(session: nox.Session) -> None:
    """Kill rate of a seeded sample of mutants of the pages' Python code.

    Arguments go to tests/mutate.py: `-- --seed 7 --count 50 docs/async-patterns.md`.
    """
    install(session, "tests", "examples")
    session.run("python", "-m", "tests.mutate", *session.posargs)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site; warnings (broken links, anchors) fail the build."""
    install(session, "site")
    session.run("mkdocs", "build", "--strict", *session.posargs)


def build_zensical(session: nox.Session, *args: str) -> None:
    """The site built by Zensical into site-zensical/, with the agent files."""
    # Zensical runs no MkDocs hooks: the agent files come from the same step, run here.
    session.run("python", "-m", "skills_site.llms", "--check")
    # --clean: a cached page would skip the site's Markdown extension, whose output also
    # depends on files outside docs/ (uv.lock, snippets). --strict: a broken link or
    # anchor fails, as in the MkDocs build.
    session.run("zensical", "build", "--clean", "--strict", "-f", "zensical.yml", *args)
    session.run("python", "-m", "skills_site.llms", "site-zensical")


@nox.session(name="docs-zensical", python=PYTHON)
def docs_zensical(session: nox.Session) -> None:
    """Build the same site with Zensical into site-zensical/ (see README, Generators)."""
    install(session, "zensical")
    build_zensical(session, *session.posargs)


@nox.session(python=PYTHON)
def parity(session: nox.Session) -> None:
    """Build the site with MkDocs and with Zensical and compare them page by page."""
    # The examples group too: pytest reads its plugins' settings from pyproject.toml.
    install(session, "site", "zensical", "tests", "examples")
    session.run(
        "mkdocs", "build", "--strict", "--quiet", env={"NO_MKDOCS_2_WARNING": "1"}
    )
    build_zensical(session)
    session.run(
        "python",
        "-m",
        "pytest",
        "tests/test_parity.py",
        "tests/test_parity_selftest.py",
        *session.posargs,
        env={"PARITY_SITES": "site:site-zensical"},
    )


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Serve the site with live reload on http://127.0.0.1:8000."""
    install(session, "site")
    session.run("mkdocs", "serve", *session.posargs)


@nox.session(python=["3.13", "3.12", "3.11"])
def matrix(session: nox.Session) -> None:
    """docs-tests on every supported Python, and the Django page on both Django lines."""
    install(session, "tests", "examples")
    session.run("python", "-m", "pytest", *WORKERS, *session.posargs)
    # Python 3.11 gets Django's LTS from the lock, the others its current release; on
    # the target Python the Django page runs against the LTS as well.
    if session.python == PYTHON and (lts := django_lts(session)):
        install_beside_lock(session, f"django=={lts}")
        session.run(
            "python", "-m", "pytest", "docs/django-patterns.md", "tests/snippets"
        )


@nox.session(python=PYTHON)
def latest(session: nox.Session) -> None:
    """Early warning: the pages against the newest releases instead of the lock.

    Informational: it reports which blocks break and why, and never fails.
    """
    install(session, "tests", "examples")
    examples = tomllib.loads(Path("pyproject.toml").read_text())["dependency-groups"]
    install_beside_lock(session, "--upgrade", *examples["examples"])
    session.run("python", "-m", "skills_site.pins")  # what differs from the lock
    session.run(
        "python",
        "-m",
        "pytest",
        *WORKERS,
        "-rf",
        "--override-ini=docs_line_coverage=0",
        *session.posargs,
        success_codes=[0, 1],
    )


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Time docs-tests against its floor (blocks run in one plain process), the site
    build by MkDocs and by Zensical, and the performance page's compiled examples
    (mypyc and Cython against plain Python), each side by side."""
    install(session, "site", "zensical", "tests", "examples")
    # `nox -s bench -- compiled` runs (f) alone: the compiled examples' timings.
    session.run("python", "-m", "tests.bench", *session.posargs)
    if session.posargs:
        return
    # (e) the one-page loop as a writer runs it, nox included: `nox -s page -- <page>`
    # with its environment already synced, for every page; the budget is the slowest.
    loops = {}
    for page in sorted(Path("docs").glob("*.md")):
        command = [sys.executable, "-m", "nox", "-s", "page", "--", str(page)]
        subprocess.run(command, check=True, capture_output=True)  # warm caches once
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        loops[page] = time.perf_counter() - start
        session.log(f"(e) nox -s page -- {page}: {loops[page]:.1f} s")
    slowest = max(loops, key=loops.get)
    session.log(f"(e) slowest one-page loop: {slowest} in {loops[slowest]:.1f} s")


@nox.session(name="site-tests", python=PYTHON)
def site_tests(session: nox.Session) -> None:
    """Build the site and test it in headless Chromium (Debian's package).

    axe-core on every page in both colour schemes, code widths, the 404 page and the
    features readers use, and search; screenshots for review go to site-screenshots/.
    The Nu HTML Checker (vnu.jar from npm, on Java) checks every page's HTML.
    """
    # The examples group too: pytest reads its plugins' settings from pyproject.toml.
    install(session, "site", "tests", "examples", "browser")
    session.run(
        "python",
        "-m",
        "pytest",
        *(session.posargs or ["tests/site"]),  # or the tests named after `--`
        env={"VNU_JAR": str(install_vnu(session))},
    )


VNU = "26.9.27"  # the npm package vnu-jar: the Nu HTML Checker's vnu.jar, run on Java


def install_vnu(session: nox.Session) -> Path:
    """vnu.jar from the npm registry, pinned, kept in the session's venv between runs.

    --ignore-scripts: the package's install script would download a Java runtime; the
    tests use the installed Java (Debian's default-jre-headless).
    """
    folder = Path(session.virtualenv.location, "vnu")
    package = folder / "node_modules" / "vnu-jar"
    jar = package / "build" / "dist" / "vnu.jar"
    manifest = package / "package.json"
    if jar.is_file() and json.loads(manifest.read_text())["version"] == VNU:
        return jar.resolve()
    if not shutil.which("npm"):
        session.error("npm is missing: install Debian's npm package")
    session.run_install(
        "npm",
        "install",
        "--prefix",
        str(folder),
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        "--save-exact",
        f"vnu-jar@{VNU}",
        external=True,
    )
    return jar.resolve()


@nox.session(python=PYTHON)
def skills(session: nox.Session) -> None:
    """Export every skill as an Agent Skill bundle, with zips, and check them.

    Writes dist/skills/<name>/ (SKILL.md and references/) and dist/archives/ (one zip per
    skill and one for the set), then validates the bundles with skills-ref, checks their
    links, and checks llms.txt and the Markdown twins of a fresh site build.
    """
    # tests/site/conftest.py imports Playwright, though these tests start no browser.
    install(session, "site", "tests", "examples", "browser")
    session.run("python", "-m", "skills_site.export", "dist/skills", "dist/archives")
    session.run(
        "python",
        "-m",
        "pytest",
        "tests/site/test_agent_exports.py",
        *session.posargs,
        env={"SKILLS_DIR": "dist/skills"},
    )


# PEP 723's reference expression for a script's inline metadata block.
SCRIPT_METADATA = re.compile(
    r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$"
)


def script_metadata(script: Path) -> dict:
    match = next(
        m for m in SCRIPT_METADATA.finditer(script.read_text()) if m["type"] == "script"
    )
    content = "".join(
        line[2:] if line.startswith("# ") else line[1:]
        for line in match["content"].splitlines(keepends=True)
    )
    return tomllib.loads(content)


# Runs in the session's Python: a throwaway PostgreSQL server (tests/postgres.py) for
# the reproductions, as a reader's own server would be. Prints libpq's variables for it,
# or {} without server binaries, and stops the server when its stdin closes.
POSTGRES = """
import json, os, sys
from tests import postgres
cluster = postgres.start_in_background()
if cluster is None:
    print("{}", flush=True)
    sys.exit()
try:
    postgres.wait_until_ready(cluster.directory)
    libpq = {name: os.environ[name] for name in ("PGHOST", "PGUSER")}
    print(json.dumps(libpq), flush=True)
    sys.stdin.read()
finally:
    cluster.stop()
"""


@contextlib.contextmanager
def postgres_server(session: nox.Session):
    """libpq's variables for a PostgreSQL server that lives as long as the block."""
    python = Path(session.virtualenv.bin, "python")
    server = subprocess.Popen(
        [python, "-c", POSTGRES],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        found = json.loads(server.stdout.readline() or "null")
        if found is None:
            session.error("the PostgreSQL server for the Django page did not start")
        session.log(
            f"PostgreSQL: {found.get('PGHOST', 'none; the Django page uses SQLite')}"
        )
        yield found
    finally:
        server.stdin.close()
        server.wait(timeout=60)


@nox.session(python=PYTHON)
def reproduce(session: nox.Session) -> None:
    """Build each skill page's reproduction and run it as a reader would.

    `nox -s reproduce -- async-patterns` for one page. Writes dist/reproduce/<page>/ and
    <page>.zip, then for each: unzips it into a fresh directory, makes an environment
    with exactly the pins of run.py's inline metadata, and runs run.py there, with and
    without --visible-only. Nothing of this repository is importable there.

    Why not `uv run --offline run.py`: uv's resolver wants each pinned wheel's metadata,
    and for packages with platform-specific wheels (ruff, pydantic-core, numpy...) it
    asks the index for it even though the cache that `uv sync` filled holds the wheel
    itself, so offline it refuses (pages with only pure-Python packages do run that
    way). The metadata pins every package, and what those depend on, so there is nothing
    to resolve: `uv pip sync` installs exactly that list from the same cache, and
    `uv pip check` confirms it is complete: the environment `uv run run.py` makes online.
    """
    install(session, "tests", "examples")
    out = Path("dist/reproduce")
    session.run("python", "-m", "skills_site.reproduce", str(out), *session.posargs)
    names = session.posargs or sorted(zip.stem for zip in out.glob("*.zip"))
    uv = {"UV_OFFLINE": "1"}
    # Nothing of this session's environment or project reaches the script.
    clean = {"VIRTUAL_ENV": None, "UV_PROJECT_ENVIRONMENT": None, "PYTHONPATH": None}
    failures = []
    with (
        tempfile.TemporaryDirectory(prefix="reproduce-") as scratch,
        postgres_server(session) as libpq,
    ):
        for name in names:
            metadata = script_metadata(out / name / "run.py")
            venv = Path(scratch, f"{name}-venv")
            requirements = Path(scratch, f"{name}-requirements.txt")
            requirements.write_text("\n".join(metadata["dependencies"]) + "\n")
            python = ("--python", str(venv / "bin" / "python"))
            session.run(
                "uv", "venv", "--quiet", "--python", metadata["requires-python"],
                str(venv), env=uv, external=True,
            )  # fmt: skip
            session.run(
                "uv", "pip", "sync", "--quiet", *python, str(requirements),
                env=uv, external=True,
            )  # fmt: skip
            session.run("uv", "pip", "check", "--quiet", *python, env=uv, external=True)
            for mode in ([], ["--visible-only"]):
                where = Path(scratch, f"{name}{'-visible' if mode else ''}")
                with zipfile.ZipFile(out / f"{name}.zip") as bundle:
                    bundle.extractall(where)
                with session.chdir(where / name):
                    try:
                        session.run(
                            str(venv / "bin" / "python"), "run.py", *mode,
                            env={**clean, **uv, **libpq}, external=True,
                        )  # fmt: skip
                    except nox.command.CommandFailed:
                        failures.append(f"{name} {' '.join(mode) or '(every block)'}")
    if failures:
        session.error("reproductions failed: " + ", ".join(failures))
