"""Every entry point of the project. Each session installs exactly the locked versions."""

from __future__ import annotations

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
        *(f"--group={group}" for group in groups),
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )


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


@nox.session(name="site-tests", python=PYTHON)
def site_tests(session: nox.Session) -> None:
    """Build the site and drive its search in headless Chromium (Debian's package)."""
    install(session, "site", "tests", "browser")
    session.run("python", "-m", "pytest", "tests/site", *session.posargs)


@nox.session(python=PYTHON)
def skills(session: nox.Session) -> None:
    """Export each skill page as dist/skills/<name>/SKILL.md for coding agents."""
    install(session, "site")
    session.run("python", "-m", "skills_site.export", "dist/skills")
