"""Report on docs blocks: the source of a failing block, and the account of all blocks."""

from __future__ import annotations

import doctest
import re
import traceback
from collections import Counter
from pathlib import Path

import pytest
from sybil.integration.pytest import SybilItem

from skills_site.fences import language_of
from tests import evaluate, typecheck
from tests.collect import DOCS_SYBIL, ROOT

# (page, line, language, outcome, skip reason, hidden, type-checked) for each block.
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
COLUMNS = ("found", "executed", "validated", "type-checked", "skipped", "failed")


def _relative(path: str) -> str:
    resolved = Path(path).resolve()
    return str(
        resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else resolved
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    example = getattr(item, "example", None)
    evaluator = getattr(example, "region", None) and example.region.evaluator
    language = getattr(evaluator, "language", None)
    not_run = report.when == "setup" and report.skipped  # after a failed block
    if (report.when != "call" and not not_run) or language is None:
        return report  # not a docs block (or a skip directive)
    page, line = _relative(example.path), example.line
    if report.failed and call.excinfo is not None:
        report.longrepr = describe_failure(example, page, call.excinfo.value)
        example.document.failed_at = getattr(example.document, "failed_at", line)
    if report.skipped:
        outcome, reason = "skipped", report.longrepr[2].removeprefix("Skipped: ")
    else:
        outcome, reason = ("failed" if report.failed else evaluator.outcome), ""
    hidden = example.document.text.startswith("<!--", example.region.start)
    checked = (
        outcome == "executed"
        and evaluator is evaluate.PYTHON
        and typecheck.is_type_checked(evaluate.snippet_or_block(example)[0])
    )
    report.user_properties.append(
        ("docs_block", (page, line, language, outcome, reason, hidden, checked))
    )
    return report


def pytest_runtest_setup(item: pytest.Item) -> None:
    """After a block fails, the page's later blocks would fail for its sake (a name it
    never defined): they are reported as not run instead."""
    example = getattr(item, "example", None)
    failed_at = getattr(getattr(example, "document", None), "failed_at", None)
    if failed_at is not None:
        pytest.skip(f"not run: the block at line {failed_at} failed")


def describe_failure(example, page: str, error: BaseException) -> str:
    """The page and line, the block's code, and the error with the frames from the
    page (or the snippet it includes) onwards: no harness frames."""
    code = "\n".join(f"{number:>5} | {text}" for number, text in shown_lines(example))
    trace = traceback.TracebackException.from_exception(error)
    ours = (example.path, str(ROOT / "snippets"))
    frames = trace.stack
    # The frames from the page (or its snippet) on; none at all when the harness raised
    # the error itself (an output or type-check mismatch): its message says everything.
    start = next(
        (i for i, f in enumerate(frames) if f.filename.startswith(ours)), len(frames)
    )
    trace.stack = traceback.StackSummary.from_list(frames[start:])
    language = example.region.evaluator.language
    return f"{page}:{example.line}: {language} block failed\n\n{code}\n\n" + "".join(
        trace.format()
    )


def shown_lines(example) -> list[tuple[int, str]]:
    """The block's lines as the page numbers them. A doctest example is one ``>>>``
    statement and the output the page expects after it."""
    parsed = example.parsed
    if isinstance(parsed, doctest.Example):
        source = parsed.source.splitlines()
        lines = [
            f"{'>>>' if i == 0 else '...'} {text}" for i, text in enumerate(source)
        ]
        lines += parsed.want.splitlines()
        return list(enumerate(lines, example.line))
    first = example.line + parsed.line_offset + 1
    return list(enumerate(str(parsed).splitlines(), first))


CRASHED_BLOCK = re.compile(r"(?P<page>[^:]+)::line:(?P<line>\d+),column:\d+$")


@pytest.hookimpl(optionalhook=True)
def pytest_handlecrashitem(crashitem: str, report: pytest.TestReport, sched) -> None:
    """A block that ended its worker (``os._exit``, a fatal signal, a crash in C) is
    reported by page and line, and counted as a failed block."""
    match = CRASHED_BLOCK.match(crashitem)
    if match is None:
        return
    line = int(match["line"])
    path = sched.config.rootpath / match["page"]
    page = _relative(str(path))
    info = path.read_text("utf-8").splitlines()[line - 1].lstrip(" `~<!-")
    language = language_of(info.removeprefix("invisible-code-block:"))
    report.longrepr = (
        f"{page}:{line}: {language} block ended the test process before it finished "
        f"(os._exit, a fatal signal, or a crash); the page's later blocks ran in a "
        f"new process without its earlier state\n\n({report.longrepr})"
    )
    report.user_properties.append(
        ("docs_block", (page, line, language, "failed", "", False, False))
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
    for _page, _line, language, outcome, _reason, _hidden, checked in blocks:
        counts.setdefault(language, Counter()).update(
            ["found", outcome, *(["type-checked"] if checked else [])]
        )
    total = sum(counts.values(), Counter())
    write(f"{'language':<10}" + "".join(f"{c:>13}" for c in COLUMNS))
    for language, count in [*sorted(counts.items()), ("total", total)]:
        write(f"{language:<10}" + "".join(f"{count[c]:>13}" for c in COLUMNS))
    pages = sorted({block[0] for block in blocks})
    hidden = sum(block[5] for block in blocks)
    write(f"{len(pages)} pages; {hidden} of the blocks are hidden setup blocks")
    for page, line, language, outcome, reason, *_ in sorted(blocks):
        if outcome == "skipped":
            write(f"skipped {page}:{line} ({language}): {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A docs run that found no block at all is a failure, not a pass."""
    for line in evaluate.write_updates():  # each process writes the pages it ran
        session.config.get_terminal_writer().line(line)
    if (
        ACCOUNT
        or session.config.option.collectonly
        or not _selects_docs(session.config)
        # A page may have no blocks (the home page); the fence account checks that.
        or session.config.getoption("page")
    ):
        return
    if exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        session.config.get_terminal_writer().line("no docs block was found", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _selects_docs(config: pytest.Config) -> bool:
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path == DOCS_SYBIL.path or DOCS_SYBIL.path in path.parents:
            return True
    return False
