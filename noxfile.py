"""Every entry point of the project. Each session installs exactly the locked versions.

Run by the plain `nox` command from nox's own environment, so this file imports nothing
of the project: whatever needs the project's code runs inside a session.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv"
nox.options.sessions = ["docs-tests", "docs"]
nox.needs_version = ">=2025.2.9"

PYTHON = "3.13"  # the interpreter the examples target; see skills_site/data/site.yml


def install(session: nox.Session, *groups: str) -> None:
    """Sync the session's venv to uv.lock; a lock that disagrees with pyproject fails."""
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
    # Pages in a random order, in parallel; each page stays whole on one worker.
    args = session.posargs or ["-n", "2", "--dist", "loadfile"]
    session.run("python", "-m", "pytest", *args)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site; warnings (broken links, anchors) fail the build."""
    install(session, "site")
    session.run("mkdocs", "build", "--strict", *session.posargs)


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Serve the site with live reload on http://127.0.0.1:8000."""
    install(session, "site")
    session.run("mkdocs", "serve", *session.posargs)


@nox.session(python=["3.13", "3.12", "3.11"])
def matrix(session: nox.Session) -> None:
    """docs-tests on every supported Python, and the Django page on both Django lines."""
    install(session, "tests", "examples")
    session.run(
        "python", "-m", "pytest", "-n", "2", "--dist", "loadfile", *session.posargs
    )
    # Python 3.11 gets Django's LTS from the lock, the others its current release; on
    # the target Python the Django page runs against the LTS as well.
    if session.python == PYTHON and (lts := django_lts(session)):
        session.install(f"django=={lts}")
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
    session.install("--upgrade", *examples["examples"])
    session.run("python", "-m", "skills_site.pins")  # what differs from the lock
    session.run(
        "python",
        "-m",
        "pytest",
        "-n",
        "2",
        "--dist",
        "loadfile",
        "-rf",
        "--override-ini=docs_line_coverage=0",
        *session.posargs,
        success_codes=[0, 1],
    )


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Time docs-tests against its floor (blocks run in one plain process), and the build."""
    install(session, "site", "tests", "examples")
    session.run("python", "-m", "tests.bench")


@nox.session(name="site-tests", python=PYTHON)
def site_tests(session: nox.Session) -> None:
    """Build the site and test it in headless Chromium (Debian's package).

    axe-core on every page in both colour schemes, code widths, the 404 page and the
    features readers use, and search; screenshots for review go to site-screenshots/.
    """
    # The examples group too: pytest reads its plugins' settings from pyproject.toml.
    install(session, "site", "tests", "examples", "browser")
    session.run("python", "-m", "pytest", "tests/site", *session.posargs)


@nox.session(python=PYTHON)
def skills(session: nox.Session) -> None:
    """Export each skill page as dist/skills/<name>/SKILL.md for coding agents."""
    install(session, "site")
    session.run("python", "-m", "skills_site.export", "dist/skills")
