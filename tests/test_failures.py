"""Every way a block can fail is reported with its page and line, in a real pytest run
(the way ``nox -s docs-tests`` runs pages: in xdist workers, with a time limit)."""

from __future__ import annotations

import re
import subprocess
import sys
from textwrap import dedent

import pytest

from tests.collect import ROOT

FENCE = "```"

# Each block fails in its own way; the line of its opening fence is what the run must name.
PAGE = """\
    # Failures

    ~~~pycon
    >>> 1 + 1
    3
    ~~~

    ~~~python
    import threading

    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    ~~~

    ~~~python
    class Broken:
        def __del__(self):
            raise ValueError("raised in __del__")


    Broken()
    ~~~

    ~~~python
    import asyncio


    async def fails():
        raise KeyError("nobody awaits this")


    async def main():
        asyncio.create_task(fails())
        await asyncio.sleep(0.01)


    asyncio.run(main())
    ~~~

    ~~~python
    import time

    time.sleep(60)
    ~~~

    ~~~python
    assert True  # a passing block between two failures stays a pass
    ~~~

    ~~~python
    import os

    os._exit(3)
    ~~~
"""

EXPECTED = {
    4: ("pycon", "Expected:\n    3\nGot:\n    2"),
    8: ("python", "ZeroDivisionError"),
    16: ("python", "ValueError: raised in __del__"),
    25: ("python", "Task exception was never retrieved"),
    41: ("python", "Timeout"),
    51: ("python", "ended the test process"),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess:
    root = tmp_path_factory.mktemp("project")
    docs = root / "docs"
    docs.mkdir()
    page = docs / "failures.md"
    page.write_text(dedent(PAGE).replace("~~~", FENCE), "utf-8")
    command = [
        *(sys.executable, "-m", "pytest", "-n", "1", "-p", "conftest"),
        *("-c", str(ROOT / "pyproject.toml"), "--rootdir", str(root)),
        *("-o", "docs_dir=docs", "-o", "timeout=1", "-o", "docs_line_coverage=0"),
        str(page),
    ]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("line", sorted(EXPECTED))
def test_each_failure_names_its_page_and_line(run, line: int):
    language, error = EXPECTED[line]
    report = re.search(
        rf"^\S*docs/failures\.md:{line}: {language} block (?:failed|ended).*?"
        r"(?=^_{5,}|^=+ )",
        run.stdout,
        re.MULTILINE | re.DOTALL,
    )
    assert report is not None, run.stdout[-3000:]
    assert error in report[0]


def test_only_the_failing_blocks_fail(run):
    assert run.returncode == 1
    summary = run.stdout.strip().splitlines()[-1]
    assert re.search(rf"\b{len(EXPECTED)} failed, 1 passed\b", summary), summary
