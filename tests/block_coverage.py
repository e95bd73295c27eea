"""Line coverage of the Python blocks: which lines of each block (and of each included
snippet) actually ran. A function that is defined but never called leaves its body
uncovered. Uses sys.monitoring (Python 3.12+) on the blocks' code objects only, so the
rest of the process is not traced.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from types import CodeType

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL_ID = (
    4  # 0-2 and 5 are reserved for debuggers, coverage and profilers; 3 is Hypothesis's
)
AVAILABLE = hasattr(sys, "monitoring")

# filename -> line numbers that can run / that ran, in this process.
executable: defaultdict[str, set[int]] = defaultdict(set)
executed: defaultdict[str, set[int]] = defaultdict(set)


def _on_line(code: CodeType, line: int):
    executed[code.co_filename].add(line)
    return sys.monitoring.DISABLE  # one hit is enough; stop paying for this line


if AVAILABLE:
    sys.monitoring.use_tool_id(TOOL_ID, "docs-block-coverage")
    sys.monitoring.register_callback(TOOL_ID, sys.monitoring.events.LINE, _on_line)


MEASURED = (str(ROOT / "docs"), str(ROOT / "snippets"))


def track(code: CodeType, plain: CodeType, first_line: int) -> None:
    """Record which lines of a block (including the bodies of the functions it defines)
    run. ``code`` is what runs; ``plain`` is the same source compiled without pytest's
    assertion rewriting, whose lines from ``first_line`` on are the ones that count:
    rewriting adds code that only runs when an assert fails, and a block with top-level
    await gets set-up code on line 1. Only the project's pages and snippets count."""
    if not AVAILABLE or not code.co_filename.startswith(MEASURED):
        return
    executable[code.co_filename].update(
        line
        for nested in _code_objects(plain)
        for _, _, line in nested.co_lines()
        if line is not None and line >= first_line
    )
    for nested in _code_objects(code):
        sys.monitoring.set_local_events(TOOL_ID, nested, sys.monitoring.events.LINE)


def _code_objects(code: CodeType):
    yield code
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            yield from _code_objects(constant)


# --- pytest: gather from xdist workers, print per file, enforce the minimum ---

MERGED: dict[str, list[set[int]]] = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "docs_line_coverage",
        "minimum share (percent) of Python block lines that must run",
        default="0",
    )


def _merge(files: dict) -> None:
    for name, (can_run, ran) in files.items():
        entry = MERGED.setdefault(name, [set(), set()])
        entry[0].update(can_run)
        entry[1].update(ran)


def _local() -> dict:
    return {name: [lines, executed[name] & lines] for name, lines in executable.items()}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    # A worker that crashed hands nothing back; its crash is reported on its own.
    _merge(getattr(node, "workeroutput", {}).get("docs_block_lines", {}))


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand the lines to the controller
        workeroutput["docs_block_lines"] = {
            name: [sorted(a), sorted(b)] for name, (a, b) in _local().items()
        }
        return
    _merge(_local())
    minimum = float(session.config.getini("docs_line_coverage"))
    if MERGED and total_percent() < minimum and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def total_percent() -> float:
    can_run = sum(len(a) for a, _ in MERGED.values())
    ran = sum(len(b) for _, b in MERGED.values())
    return 100.0 * ran / can_run if can_run else 100.0


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    if not MERGED:
        if not AVAILABLE:
            terminalreporter.write_line("block line coverage needs Python 3.12+")
        return
    terminalreporter.section("docs block line coverage")
    for name, (can_run, ran) in sorted(MERGED.items()):
        shown = Path(name).resolve()
        shown = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else shown
        percent = 100.0 * len(ran) / len(can_run) if can_run else 100.0
        missing = _ranges(sorted(can_run - ran))
        terminalreporter.write_line(
            f"{percent:6.1f}%  {shown}" + (f"  not run: {missing}" if missing else "")
        )
    minimum = float(config.getini("docs_line_coverage"))
    total = total_percent()
    terminalreporter.write_line(
        f"{total:6.1f}%  total (minimum {minimum:g}%)",
        red=total < minimum,
        green=total >= minimum,
    )


def _ranges(lines: list[int]) -> str:
    spans: list[list[int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1][1] = line
        else:
            spans.append([line, line])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
