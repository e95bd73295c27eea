"""`nox -s bench`: docs-tests against its floor, and the strict site build, side by side.

(a) the full docs-tests run, as `nox -s docs-tests` runs it;
(b) the floor: every docs block evaluated the same way (same evaluators, namespaces and
    page environment, so the same pytest runs for blocks that are test files) in one plain
    process, with no collection or reporting machinery;
(c) `mkdocs build --strict`, which writes the agent files from its hooks;
(d) the same site from Zensical as `nox -s docs-zensical` builds it: `zensical build
    --clean --strict` (no cached pages, as the session runs it) into site-zensical/, then
    the step that writes the agent files.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from unittest import SkipTest

from pytest_socket import socket_allow_hosts

from tests.collect import DOCS, ROOT, parse, setup_page
from tests.evaluate import close_page
from tests.hermetic import page_environment

DOCS_TESTS = [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadfile"]


def floor() -> None:
    """Evaluate every block of every page, in page order, in this process, with the
    same loopback-only network guard as the test run."""
    socket_allow_hosts(["127.0.0.1", "::1", "localhost"], allow_unix_socket=True)
    for page in sorted(DOCS.glob("*.md")):
        document = parse(page)
        setup_page(document.namespace)
        with tempfile.TemporaryDirectory() as home, page_environment(home):
            for example in document:
                try:
                    example.evaluate()
                except SkipTest:
                    pass
        close_page(document.namespace)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as site:
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site]
        full = timed(DOCS_TESTS)
        bare = timed([sys.executable, "-m", "tests.bench", "--floor"])
        site_build = timed(build)
        zensical = [sys.executable, "-m", "zensical", "build", "--clean", "--strict"]
        zensical_build = timed([*zensical, "-f", "zensical.yml"]) + timed(
            [sys.executable, "-m", "skills_site.llms", "site-zensical"]
        )
    print(f"(a) docs-tests:            {full:6.1f} s")
    print(f"(b) floor, one process:    {bare:6.1f} s")
    print(f"    ratio a/b:             {full / bare:6.2f}")
    print(f"(c) mkdocs build --strict: {site_build:6.1f} s")
    print(f"(d) zensical build:        {zensical_build:6.1f} s")


if __name__ == "__main__":
    floor() if sys.argv[1:] == ["--floor"] else main()
