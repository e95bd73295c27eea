"""Run a small pytest project and read what happened: for pages whose examples are test files.

A page shows a test file (and perhaps a ``conftest.py`` and a ``pyproject.toml``), then
proves what pytest reports for it::

    from snippets.testing_helpers import make_project, run_pytest

    project = make_project({"tests/test_demo.py": "def test_one():\\n    pass\\n"})
    result = run_pytest(project, "-q")
    result.assert_outcomes(passed=1)

The run is cheap and hermetic:

- Plugin autoloading is off: a run loads only pytest's own plugins and the ones named in
  ``plugins=`` (for example ``("pytest_asyncio.plugin",)``), not every plugin that happens
  to be installed. The cache provider is off unless ``cache=True``, so nothing is
  written to ``.pytest_cache``.
- By default pytest runs in this process (``pytest.main``), which costs a few
  milliseconds instead of a new interpreter. Pass ``own_process=True`` when the claim is
  about what the ``pytest`` command does on its own: importing the files from disk,
  start-up errors. Such a run blocks the network except loopback (pytest-socket), and
  uses the environment's compiled modules without writing any.
- pytest-xdist (``plugins=("xdist.plugin",)`` and ``-n``) works in this process too: only
  its controller runs here, and its workers are new interpreters, which load the named
  plugins and block the network except loopback as an own-process run does.
- An in-process run forgets the modules pytest imported from the project, so a second
  run imports them afresh. It may hand pytest modules that already exist (``modules=``, keyed by
  the name pytest's importlib mode gives a file, such as ``tests.test_demo``), so the
  tests it runs are the very functions a page defined.

The result has the exit code, the output, the summary line without its timing
(``"1 failed, 2 passed"``), the counts per outcome and the outcome of every test by name
(from pytest's JUnit XML report): ``"passed"``, ``"failed"``, ``"skipped"``, ``"xfailed"``,
``"error"``, or ``"failed+error"`` for a test that failed and then errored at teardown.

``coverage=True`` measures the run with coverage.py, as ``coverage run -m pytest`` would,
under the project's own settings (``[tool.coverage]`` in its ``pyproject.toml``), and
sets ``result.coverage`` (a ``CoverageResult``): the total percentage, the missing lines
of each measured file, what ``coverage report`` then prints and its exit code (2 when
the total is under ``fail_under``), the measuring core and coverage's warnings. It needs
an in-process run, and the settings must name what to measure (``source`` or
``include``), since this process runs other code too. Coverage uses its own
``sys.monitoring`` tool id, so another tool in this process keeps its events.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from types import ModuleType

import pytest

__all__ = ["CoverageResult", "Outcome", "make_project", "run_pytest"]

_COUNTS = re.compile(
    r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected|warnings?)"
)
_TIMING = re.compile(r" in [\d.]+s( \([\d:]+\))?$")


@dataclass
class CoverageResult:
    """What coverage.py measured in a run (``run_pytest(..., coverage=True)``)."""

    percent: float  # the total, branches included when branch = true
    missing: dict[str, list[int]]  # file (relative to the project) -> lines not run
    report: str  # what `coverage report` printed, with its fail_under verdict
    report_returncode: int  # that of `coverage report`: 2 when under fail_under
    core: str  # "CTracer" (a trace function) or "SysMonitor" (sys.monitoring)
    warnings: list[str] = field(default_factory=list)  # coverage's own warnings


@dataclass
class Outcome:
    """What one pytest run did."""

    returncode: int
    output: str  # everything pytest printed
    summary: str  # its last line without the timing, e.g. "1 failed, 2 passed"
    outcomes: Counter[str] = field(default_factory=Counter)  # {"failed": 1, ...}
    cases: dict[str, str] = field(default_factory=dict)  # test name -> outcome
    changed_sys_path: bool = False  # an in-process run left sys.path changed
    project: Path | None = None  # where it ran
    coverage: CoverageResult | None = None  # with coverage=True

    def assert_outcomes(self, **expected: int) -> None:
        """Fail unless the counts are exactly these: ``assert_outcomes(passed=2)``."""
        __tracebackhide__ = True
        counted = {word: count for word, count in self.outcomes.items() if count}
        if counted != expected:
            raise AssertionError(
                f"expected {expected}, pytest reported {counted}:\n{self.output}"
            )

    def line(self, phrase: str) -> str:
        """The first line of the output that contains ``phrase``."""
        lines = self.output.splitlines()
        found = next((line.rstrip() for line in lines if phrase in line), None)
        if found is None:
            raise AssertionError(f"{phrase!r} is not in the output:\n{self.output}")
        return found


def make_project(files: Mapping[str, str], *, parent: Path | None = None) -> Path:
    """A new directory holding ``files`` ({relative path: text}); in the current
    directory unless ``parent`` is given."""
    root = Path(tempfile.mkdtemp(prefix="project-", dir=parent or Path.cwd()))
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def run_pytest(
    project: Path,
    *args: str,
    plugins: Sequence[str] = (),
    own_process: bool = False,
    modules: Mapping[str, ModuleType] | None = None,
    cache: bool = False,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
    coverage: bool = False,
) -> Outcome:
    """Run pytest in ``project`` with ``args`` and only the given ``plugins``.

    ``env`` adds environment variables for the run only.

    ``cache=True`` keeps pytest's cache provider, which ``--lf`` and ``--sw`` need; its
    ``.pytest_cache`` is then written in the project.

    ``coverage=True`` measures the run with coverage.py (see the module's docstring).
    """
    report = project / "report.xml"
    report.unlink(missing_ok=True)
    options = [
        "--disable-plugin-autoload",
        *(() if cache else ("-p", "no:cacheprovider")),
        f"--basetemp={project / '.tmp'}",
        f"--junitxml={report}",
        *args,
    ]
    measured: list[CoverageResult] = []
    if own_process:
        if modules or coverage:
            raise ValueError("modules= and coverage= need an in-process run")
        returncode, output = _in_new_interpreter(
            project, options, plugins, env or {}, timeout
        )
        changed = False
    else:
        returncode, output, changed = _in_this_process(
            project, options, plugins, modules or {}, env or {}, measured, coverage
        )
    outcome = _read_outcome(returncode, output, report)
    outcome.changed_sys_path, outcome.project = changed, project
    outcome.coverage = measured[0] if measured else None
    return outcome


# pytest's summary lines are cut to the terminal's width, except on CI services (where
# $CI is set) that get them whole: the same width everywhere, CI or not, gives the same
# output everywhere.
SAME_OUTPUT_EVERYWHERE = {"COLUMNS": "80", "LINES": "24"}
CI_VARIABLES = ("CI", "BUILD_NUMBER")


def _in_new_interpreter(
    project: Path,
    options: list[str],
    plugins: Sequence[str],
    extra_env: Mapping[str, str],
    timeout: float,
) -> tuple[int, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PYTEST_") and k not in CI_VARIABLES
    }
    env.update(SAME_OUTPUT_EVERYWHERE)
    env.update(extra_env)
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # read the installed .pyc files, write none
    env.pop("PYTHONPYCACHEPREFIX", None)
    loaded = [*plugins, "pytest_socket"]  # only loopback is reachable
    done = subprocess.run(
        # -P: like the `pytest` script, keep the current directory off sys.path.
        [sys.executable, "-P", "-m", "pytest", *options, "--allow-hosts=127.0.0.1"]
        + [option for plugin in loaded for option in ("-p", plugin)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


# The calling process already reports exceptions that nobody could catch (in threads, in
# __del__): a nested run leaves them to it, and skips the full garbage collections with
# which pytest looks for them at the end of every run.
IN_PROCESS_OPTIONS = ("-p", "no:unraisableexception", "-p", "no:threadexception")


def _in_this_process(
    project: Path,
    options: list[str],
    plugins: Sequence[str],
    modules: Mapping[str, ModuleType],
    extra_env: Mapping[str, str],
    measured: list[CoverageResult],
    coverage: bool,
) -> tuple[int, str, bool]:
    printed, environ, path = io.StringIO(), dict(os.environ), list(sys.path)
    for variable in CI_VARIABLES:
        os.environ.pop(variable, None)
    os.environ.update(SAME_OUTPUT_EVERYWHERE)
    os.environ.update(extra_env)
    sys.modules.update(modules)
    try:
        with (
            contextlib.chdir(project),
            # Entered in the project, whose settings coverage reads.
            _measured(measured) if coverage else contextlib.nullcontext(),
            contextlib.redirect_stdout(printed),
            contextlib.redirect_stderr(printed),
        ):
            returncode = pytest.main(
                [*options, *IN_PROCESS_OPTIONS, *_for_workers(plugins, options)],
                plugins=[import_module(name) for name in plugins],
            )
    finally:
        os.environ.clear()
        os.environ.update(environ)
        changed = sys.path != path
        sys.path[:] = path
        for name, module in modules.items():
            # pytest used the module it was given: it did not import the file itself.
            assert sys.modules.pop(name) is module, name
        # Files pytest imported from the project are forgotten: the next run in this
        # process imports them afresh, as a new `pytest` command would.
        inside = f"{project}{os.sep}"  # a plain string test: sys.modules is long
        for name, module in list(sys.modules.items()):
            file = getattr(module, "__file__", None)
            if isinstance(file, str) and file.startswith(inside):
                del sys.modules[name]
    return int(returncode), printed.getvalue(), changed


def _for_workers(plugins: Sequence[str], options: Sequence[str]) -> list[str]:
    """Options for pytest-xdist's workers, new interpreters that get this run's command
    line but not the plugin objects handed to pytest.main: the plugins by name, and the
    loopback-only network of an own-process run (only with workers: pytest-socket lifts
    every restriction after each test it ran in this process)."""
    if "xdist.plugin" not in plugins or _workers(options) in (None, "0"):
        return []
    named = [option for name in plugins for option in ("-p", name)]
    return [*named, "-p", "pytest_socket", "--allow-hosts=127.0.0.1"]


def _workers(options: Sequence[str]) -> str | None:
    """The value of -n / --numprocesses on a command line, if it has one."""
    found = None
    for option, following in zip(options, [*options[1:], ""], strict=True):
        if option in ("-n", "--numprocesses"):
            found = following
        elif option.startswith("--numprocesses="):
            found = option.partition("=")[2]
        elif option.startswith("-n") and not option.startswith("--"):
            found = option[2:]
    return found


@contextlib.contextmanager
def _measured(measured: list[CoverageResult]) -> Iterator[None]:
    """Measure what runs inside with coverage.py, under the current directory's
    settings, then append the result to ``measured``."""
    from coverage import Coverage  # imported only by the runs that measure
    from coverage.cmdline import main as coverage_command

    project = Path.cwd()
    with warnings.catch_warnings(record=True) as caught:  # coverage's, not pytest's
        warnings.simplefilter("always")
        measure = Coverage()  # its settings and data file, as `coverage run` has them
        if not (measure.get_option("run:source") or measure.get_option("run:include")):
            raise ValueError(
                "say what to measure in [tool.coverage.run] (source or include): "
                "an in-process run would measure this process's own code too"
            )
        measure.start()
    try:
        yield
    finally:
        measure.stop()
    with warnings.catch_warnings(record=True) as caught_later:
        warnings.simplefilter("always")
        measure.save()
        percent = measure.report(file=io.StringIO())
        missing = {
            Path(name).relative_to(project).as_posix(): measure.analysis2(name)[3]
            for name in sorted(measure.get_data().measured_files())
        }
        core = dict(measure.sys_info())["core"]
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            returncode = coverage_command(["report"])  # what `coverage report` does
    measured.append(
        CoverageResult(
            percent=percent,
            missing=missing,
            report=printed.getvalue(),
            report_returncode=int(returncode or 0),
            core=core,
            warnings=[str(warning.message) for warning in [*caught, *caught_later]],
        )
    )


def _read_outcome(returncode: int, output: str, report: Path) -> Outcome:
    lines = output.strip().splitlines() or [""]
    summary = _TIMING.sub("", lines[-1].strip("= "))
    outcomes: Counter[str] = Counter()
    for count, word in _COUNTS.findall(summary):
        singular = {"errors": "error", "warnings": "warning"}.get(word, word)
        outcomes[singular] += int(count)
    cases: dict[str, str] = {}
    if report.exists():
        for case in ET.parse(report).iter("testcase"):
            outcome = "passed"
            for child in case:
                if child.tag == "skipped":
                    xfail = child.get("type") == "pytest.xfail"
                    outcome = "xfailed" if xfail else "skipped"
                elif child.tag in ("failure", "error"):
                    outcome = {"failure": "failed", "error": "error"}[child.tag]
            name = case.get("name", "")
            cases[name] = f"{cases[name]}+{outcome}" if name in cases else outcome
    return Outcome(returncode, output, summary, outcomes, cases)
