"""Every way a block can fail is reported with its page and line, in a real pytest run
(the way ``nox -s docs-tests`` runs pages: in xdist workers, with a time limit)."""

from __future__ import annotations

import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from textwrap import dedent

import pytest

from tests.scratch_project import run_harness

FENCE = "```"

# One page per way a block can fail (after a failure the rest of a page is not run);
# the line of the failing block's opening fence is what the run must name.
PAGES = {
    "doctest": """\
        >>> 1 + 1
        3
    """,
    "thread": """\
        import threading

        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
    """,
    "unraisable": """\
        class Broken:
            def __del__(self):
                raise ValueError("raised in __del__")


        Broken()
    """,
    "task": """\
        import asyncio


        async def fails():
            raise KeyError("nobody awaits this")


        async def main():
            asyncio.create_task(fails())
            await asyncio.sleep(0.01)


        asyncio.run(main())
    """,
    "hang": """\
        import time

        time.sleep(60)
    """,
    "exit": """\
        import os

        os._exit(3)
    """,
}
EXPECTED = {
    "doctest": ("pycon", 4, "Expected:\n    3\nGot:\n    2"),
    "thread": ("python", 3, "ZeroDivisionError"),
    "unraisable": ("python", 3, "ValueError: raised in __del__"),
    "task": ("python", 3, "Task exception was never retrieved"),
    "hang": ("python", 3, "Timeout"),
    "exit": ("python", 3, "ended the test process"),
}
FOLLOWING = "~~~python\nassert True  # never reached: an earlier block failed\n~~~\n"


# The hanging block gets 1 s; setting up a page on a loaded machine is not timed.
TIMEOUT = ("-o", "timeout=1", "-o", "timeout_func_only=true")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess:
    """All the pages run, as docs-tests runs them. The page whose block ends its
    process runs in a worker (as in docs-tests) and on its own, since the worker that
    replaces the crashed one would take over other pages half-way through."""
    root = tmp_path_factory.mktemp("project")
    docs = root / "docs"
    docs.mkdir()
    for name, code in PAGES.items():
        language = EXPECTED[name][0]
        page = f"# {name}\n\n~~~{language}\n{dedent(code)}~~~\n\n{FOLLOWING}"
        (docs / f"{name}.md").write_text(page.replace("~~~", FENCE), "utf-8")
    # Both runs at once: the hanging block's wait overlaps the other run's work.
    with ThreadPoolExecutor(2) as pool:
        crashed = pool.submit(
            run_harness, root, *TIMEOUT, "-n", "1", str(docs / "exit.md")
        )
        others = pool.submit(
            run_harness,
            *(root, *TIMEOUT, "-n", "0", str(docs), f"--ignore={docs / 'exit.md'}"),
        )
        crash, others = crashed.result(), others.result()
    return subprocess.CompletedProcess(
        crash.args,
        max(crash.returncode, others.returncode),
        crash.stdout + others.stdout,
        crash.stderr + others.stderr,
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_failure_names_its_page_and_line(run, name: str):
    language, line, error = EXPECTED[name]
    report = re.search(
        rf"^\S*docs/{name}\.md:{line}: {language} block (?:failed|ended).*?"
        r"(?=^_{5,}|^=+ )",
        run.stdout,
        re.MULTILINE | re.DOTALL,
    )
    assert report is not None, run.stdout[-3000:]
    assert error in report[0]


def test_after_a_failure_the_page_stops(run):
    assert run.returncode == 1
    # The block after the failing one is reported as not run, except where the process
    # ended: that page goes on in a new worker, without its earlier state.
    for name, (_language, line, _error) in EXPECTED.items():
        not_run = (
            rf"docs/{name}\.md:\d+ \(python\): not run: the block at line {line} failed"
        )
        found = re.search(not_run, run.stdout)
        assert (found is None) == (name == "exit"), run.stdout[-3000:]
