"""Checks on the example test files of the pytest testing page.

The page itself runs every example through pytest; these tests guard the conventions
that its runner relies on.
"""

from __future__ import annotations

import ast
import contextlib
import os
import re
import sys
import tomllib
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from snippets.testing_helpers import _for_workers, make_project, run_pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "snippets" / "pytest_testing"
PAGE = ROOT / "docs" / "pytest-testing.md"
SNIPPETS = sorted(p for p in EXAMPLES.glob("*.py") if p.name != "__init__.py")
INCLUDE = re.compile(r'--8<-- "snippets/pytest_testing/(?P<name>[^"]+)"')


def test_every_example_is_shown_on_the_page():
    shown = set(INCLUDE.findall(PAGE.read_text("utf-8")))
    assert shown == {path.name for path in SNIPPETS}


def test_every_example_is_run_on_the_page():
    text = PAGE.read_text("utf-8")
    blocks = re.findall(r"<!-- invisible-code-block: python\n(.*?)-->", text, re.DOTALL)
    hidden = "".join(blocks)
    assert all(f'"{path.name}"' in hidden for path in SNIPPETS)


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda path: path.name)
def test_no_example_is_collected_by_this_repository(path: Path):
    # The examples are test files, but only the page's own runs should collect them.
    assert not path.name.startswith("test_")
    assert not path.stem.endswith("_test")
    assert path.name != "conftest.py"


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda path: path.name)
def test_examples_bind_names_the_page_can_collect(path: Path):
    # The page hands pytest a module made of the names each example binds at top level:
    # functions, classes, imports and plain assignments. A bare call (a conftest
    # registering something) binds nothing and ran when the page showed the file.
    allowed = (
        ast.FunctionDef,
        ast.AsyncFunctionDef,
        ast.ClassDef,
        ast.Import,
        ast.ImportFrom,
        ast.Expr,
    )
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            assert all(isinstance(target, ast.Name) for target in targets)
        else:
            assert isinstance(node, allowed), ast.dump(node)


def test_the_configuration_uses_native_toml_types():
    text = PAGE.read_text("utf-8")
    fence = re.compile(
        r'^```toml title="pyproject.toml"\n(.*?)^```$', re.MULTILINE | re.DOTALL
    )
    (block,) = fence.findall(text)
    table = tomllib.loads(block)["tool"]["pytest"]
    assert isinstance(table["addopts"], list)
    assert isinstance(table["markers"], list)
    assert table["strict"] is True


# The shared helper that runs a page's test files (snippets/testing_helpers.py).

PROJECT = {
    "pyproject.toml": '[tool.pytest]\naddopts = ["--import-mode=importlib"]\n',
    "tests/test_demo.py": (
        "import pytest\n\n"
        "def test_ok():\n    pass\n\n"
        "def test_broken():\n    assert 1 == 2\n\n"
        "@pytest.mark.xfail(reason='known')\ndef test_known():\n    assert False\n\n"
        "@pytest.mark.skip(reason='later')\ndef test_later():\n    pass\n"
    ),
    "tests/test_plugins.py": (
        "import os\n\n"
        "def test_only_named_plugins(request):\n"
        "    manager = request.config.pluginmanager\n"
        "    assert not manager.has_plugin('xdist.plugin')\n"
        "    assert not manager.has_plugin('cacheprovider')\n"
    ),
}


@pytest.mark.parametrize("own_process", [False, True], ids=["in-process", "subprocess"])
def test_helper_reads_every_outcome(tmp_path: Path, own_process: bool):
    project = make_project(PROJECT, parent=tmp_path)
    result = run_pytest(project, "-q", own_process=own_process)
    assert result.returncode == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(passed=2, failed=1, skipped=1, xfailed=1)
    assert result.summary == "1 failed, 2 passed, 1 skipped, 1 xfailed"
    assert result.cases == {
        "test_ok": "passed",
        "test_broken": "failed",
        "test_known": "xfailed",
        "test_later": "skipped",
        "test_only_named_plugins": "passed",
    }
    assert "assert 1 == 2" in result.line("assert 1 == 2")
    assert not result.changed_sys_path
    assert not (project / ".pytest_cache").exists()
    assert result.coverage is None and not (project / ".coverage").exists()


def test_helper_says_what_differs(tmp_path: Path):
    project = make_project(PROJECT, parent=tmp_path)
    result = run_pytest(project, "-q", "-k", "ok")
    with pytest.raises(AssertionError, match=r"expected \{'passed': 2\}, pytest"):
        result.assert_outcomes(passed=2)
    with pytest.raises(AssertionError, match="'nowhere' is not in the output"):
        result.line("nowhere")


def test_helper_hands_pytest_the_given_modules(tmp_path: Path):
    module = types.ModuleType("tests.test_given")
    calls: list[str] = []
    module.test_given = lambda: calls.append("ran")  # type: ignore[attr-defined]
    files = {"pyproject.toml": PROJECT["pyproject.toml"], "tests/test_given.py": "1/0"}
    project = make_project(files, parent=tmp_path)
    result = run_pytest(project, "-q", modules={"tests.test_given": module})
    result.assert_outcomes(passed=1)
    assert calls == ["ran"] and "tests.test_given" not in sys.modules
    with pytest.raises(ValueError, match="in-process"):
        run_pytest(project, own_process=True, modules={"tests.test_given": module})


COVERED = {
    "pyproject.toml": (
        '[tool.pytest]\naddopts = ["--import-mode=importlib"]\npythonpath = ["src"]\n\n'
        '[tool.coverage.run]\nsource = ["src"]\n\n'
        "[tool.coverage.report]\nshow_missing = true\nfail_under = 80\n"
    ),
    "src/halve.py": (
        "def halve(n):\n    if n % 2:\n        raise ValueError(n)\n    return n // 2\n"
    ),
    "tests/test_halve.py": (
        "from halve import halve\n\n\ndef test_even():\n    assert halve(4) == 2\n"
    ),
}


@contextlib.contextmanager
def another_monitoring_tool() -> Iterator[list[str]]:
    """A second sys.monitoring tool, as the docs' own block coverage is: it records the
    names of the project's functions that start while it is on."""
    started: list[str] = []
    if sys.version_info < (3, 12):  # no sys.monitoring
        yield started
        return
    monitoring = sys.monitoring
    tool = next(i for i in (2, 5, 0, 3, 4) if monitoring.get_tool(i) is None)
    monitoring.use_tool_id(tool, "another tool")

    def on_start(code: types.CodeType, offset: int) -> None:
        if code.co_name == "halve":
            started.append(code.co_name)

    monitoring.register_callback(tool, monitoring.events.PY_START, on_start)
    monitoring.set_events(tool, monitoring.events.PY_START)
    try:
        yield started
    finally:
        monitoring.set_events(tool, 0)
        monitoring.register_callback(tool, monitoring.events.PY_START, None)
        monitoring.free_tool_id(tool)


def test_helper_measures_coverage(tmp_path: Path):
    project = make_project(COVERED, parent=tmp_path)
    core_before = os.environ.get("COVERAGE_CORE")
    tools = (
        [sys.monitoring.get_tool(i) for i in range(6)]
        if sys.version_info >= (3, 12)
        else []
    )
    with another_monitoring_tool() as started:
        result = run_pytest(
            project, "-q", coverage=True, env={"COVERAGE_CORE": "sysmon"}
        )
    result.assert_outcomes(passed=1)
    measured = result.coverage
    assert measured is not None
    assert measured.percent == 75
    assert measured.missing == {"src/halve.py": [3]}
    assert re.search(r"^src/halve\.py +4 +1 +75% +3$", measured.report, re.MULTILINE)
    assert measured.report_returncode == 2  # under fail_under
    assert "Coverage failure: total of 75 is less than fail-under=80" in measured.report
    assert (project / ".coverage").is_file()  # what `coverage report` read
    assert "halve" not in sys.modules and sys.gettrace() is None
    assert os.environ.get("COVERAGE_CORE") == core_before  # only for the run
    if sys.version_info >= (3, 12):
        # coverage measured with sys.monitoring under its own tool id while another
        # tool kept receiving its events; afterwards every tool id is as it was.
        assert measured.core == "SysMonitor" and measured.warnings == []
        assert started == ["halve"]
        assert [sys.monitoring.get_tool(i) for i in range(6)] == tools
    else:
        assert measured.core == "CTracer"
        assert "sys.monitoring isn't available" in measured.warnings[0]


def test_helper_coverage_needs_a_scope_and_this_process(tmp_path: Path):
    files = {**COVERED, "pyproject.toml": '[tool.pytest]\npythonpath = ["src"]\n'}
    project = make_project(files, parent=tmp_path)
    here = Path.cwd()
    with pytest.raises(
        ValueError, match=r"say what to measure .*\(source or include\)"
    ):
        run_pytest(project, "-q", coverage=True)
    assert Path.cwd() == here and sys.gettrace() is None
    with pytest.raises(ValueError, match="in-process"):
        run_pytest(project, own_process=True, coverage=True)


@pytest.mark.parametrize(
    ("options", "workers"),
    [
        (["-q", "-n", "2"], True),
        (["-n2"], True),
        (["--numprocesses=auto"], True),
        (["-n", "0"], False),  # tests run in this process: no pytest-socket here
        (["-q"], False),
    ],
)
def test_helper_hands_xdist_workers_the_plugins_by_name(
    options: list[str], workers: bool
):
    # The page's xdist runs show that the workers use them; these are the options.
    expected = ["-p", "xdist.plugin", "-p", "pytest_socket", "--allow-hosts=127.0.0.1"]
    assert _for_workers(("xdist.plugin",), options) == (expected if workers else [])
    assert _for_workers((), options) == []
