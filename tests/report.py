"""Report on docs blocks: the source of a failing block, and the account of all blocks."""

from __future__ import annotations

import traceback
from collections import Counter
from pathlib import Path

import pytest
from sybil.integration.pytest import SybilItem

from tests.collect import DOCS, ROOT

# (page, line, language, outcome, skip reason, hidden) for each block that ran.
ACCOUNT: list[tuple] = []


def _traceback_filter(item: SybilItem, excinfo: pytest.ExceptionInfo):
    """Sybil's filter assumes at least two frames; an exception chained from one raised
    in the page's own ``except`` clause has one, and pytest would stop with an internal
    error instead of reporting the block. Fall back to the whole traceback there."""
    try:
        return _sybil_traceback_filter(item, excinfo)
    except IndexError:
        return excinfo.traceback


_sybil_traceback_filter = SybilItem._traceback_filter
SybilItem._traceback_filter = _traceback_filter
COLUMNS = ("found", "executed", "validated", "skipped", "failed")


def _relative(path: str) -> str:
    return str(Path(path).resolve().relative_to(ROOT))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    example = getattr(item, "example", None)
    evaluator = getattr(example, "region", None) and example.region.evaluator
    language = getattr(evaluator, "language", None)
    if report.when != "call" or language is None:
        return report  # not a docs block (or a skip directive)
    page, line = _relative(example.path), example.line
    if report.failed and call.excinfo is not None:
        report.longrepr = describe_failure(example, page, call.excinfo.value)
    if report.skipped:
        outcome, reason = "skipped", report.longrepr[2].removeprefix("Skipped: ")
    else:
        outcome, reason = ("failed" if report.failed else evaluator.outcome), ""
    hidden = example.document.text.startswith("<!--", example.region.start)
    report.user_properties.append(
        ("docs_block", (page, line, language, outcome, reason, hidden))
    )
    return report


def describe_failure(example, page: str, error: BaseException) -> str:
    """The page and line, the block's code, and the error with the frames from the
    page (or the snippet it includes) onwards: no harness frames."""
    first = example.line + example.parsed.line_offset + 1
    code = "\n".join(
        f"{number:>5} | {text}"
        for number, text in enumerate(str(example.parsed).splitlines(), first)
    )
    trace = traceback.TracebackException.from_exception(error)
    ours = (example.path, str(ROOT / "snippets"))
    frames = trace.stack
    start = next((i for i, f in enumerate(frames) if f.filename.startswith(ours)), 0)
    trace.stack = traceback.StackSummary.from_list(frames[start:])
    language = example.region.evaluator.language
    return f"{page}:{example.line}: {language} block failed\n\n{code}\n\n" + "".join(
        trace.format()
    )


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # Runs on the xdist controller too, where user_properties arrive from workers.
    ACCOUNT.extend(
        block for name, block in report.user_properties if name == "docs_block"
    )


def pytest_terminal_summary(
    terminalreporter, exitstatus, config: pytest.Config
) -> None:
    blocks = ACCOUNT
    if not blocks:
        return
    write = terminalreporter.write_line
    terminalreporter.section("docs blocks")
    counts: dict[str, Counter] = {}
    for _page, _line, language, outcome, _reason, _hidden in blocks:
        counts.setdefault(language, Counter()).update(["found", outcome])
    total = sum(counts.values(), Counter())
    write(f"{'language':<10}" + "".join(f"{c:>11}" for c in COLUMNS))
    for language, count in [*sorted(counts.items()), ("total", total)]:
        write(f"{language:<10}" + "".join(f"{count[c]:>11}" for c in COLUMNS))
    pages = sorted({block[0] for block in blocks})
    hidden = sum(block[5] for block in blocks)
    write(f"{len(pages)} pages; {hidden} of the blocks are hidden setup blocks")
    for page, line, language, outcome, reason, _hidden in sorted(blocks):
        if outcome == "skipped":
            write(f"skipped {page}:{line} ({language}): {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A docs run that found no block at all is a failure, not a pass."""
    if ACCOUNT or not _selects_docs(session.config):
        return
    if exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        session.config.get_terminal_writer().line("no docs block was found", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _selects_docs(config: pytest.Config) -> bool:
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path == DOCS or DOCS in path.parents:
            return True
    return False
