"""One evaluator per block language: run Python, parse data, check shell.

Every evaluator has a ``language`` and an ``outcome`` ("executed" or "validated") that the
block account in ``tests/report.py`` prints.
"""

from __future__ import annotations

import ast
import asyncio
import configparser
import contextlib
import difflib
import gc
import importlib
import importlib.util
import inspect
import io
import itertools
import json
import logging
import os
import re
import shlex
import subprocess
import sys
import tomllib
import types
from pathlib import Path
from typing import ClassVar

import yaml
from _pytest.assertion.rewrite import rewrite_asserts
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from sybil import Example
from sybil.evaluators.doctest import DocTestEvaluator
from validate_pyproject.api import Validator

from skills_site.render import variables
from tests import block_coverage, typecheck

ROOT = Path(__file__).resolve().parent.parent
# A block whose only line is a pymdownx.snippets include of a whole file.
SNIPPET = re.compile(r'--8<--\s+"(?P<path>[^":]+)"')
PAGE_MODULES = "__page_modules__"  # namespace key: {module name: what it replaced}
FLAGS = {"flags": ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, "dont_inherit": True}
PYPROJECT_TABLES = ("project", "build-system", "dependency-groups")


class Evaluator:
    language = ""
    outcome = "validated"

    def __repr__(self) -> str:
        return f"<{self.language} {self.outcome}>"


class Python(Evaluator):
    """Execute the block in the page's namespace; top-level ``await`` is allowed.

    An included snippet runs as its own module, from its own file, so tracebacks point
    into snippets/.
    What the block prints is kept for the ``output`` block that may follow it.
    """

    language = "python"
    outcome = "executed"

    def __call__(self, example: Example) -> None:
        __tracebackhide__ = True
        source, filename, first_line = snippet_or_block(example)
        padded = "\n" * first_line + source
        code = compile_block(padded, filename)
        plain = compile(padded, filename, "exec", **FLAGS)
        block_coverage.track(code, plain, first_line + 1)
        module = snippet_module(example, filename)
        namespace = example.namespace if module is None else vars(module)
        printed = io.StringIO()
        example.document.printed = None
        collect = ASYNC_CODE.search(source) is not None
        with contextlib.redirect_stdout(printed), asyncio_errors_fail(collect):
            result = eval(code, namespace)
            if inspect.isawaitable(result):
                asyncio.run(result)
        if module is None:  # a module keeps its builtins: C code it calls looks there
            namespace.pop("__builtins__", None)
        if module is not None:  # the page sees what the module defines
            example.namespace.update(
                (name, value)
                for name, value in vars(module).items()
                if name[:2] != "__"
            )
        example.document.printed = printed.getvalue()
        if typecheck.is_type_checked(source):
            type_check(example, source, filename, first_line + 1)
        save_titled_file(example, source)


TITLE = re.compile(r'\btitle="(?P<name>[\w.-]+\.py)"')


def save_titled_file(example: Example, source: str) -> None:
    """A block titled with a bare file name (``title="crunch.py"``) is a file the reader
    saves: it is written to the page's directory, where a later shell block can run it."""
    info = example.region.lexemes.get("info", "")
    match = TITLE.search(info)
    if match is not None:
        Path(match["name"]).write_text(source, "utf-8")


def type_check(example: Example, source: str, filename: str, first_line: int) -> None:
    """Compare the errors the block expects with mypy's, checking the page's
    type-checked blocks in one mypy run the first time one of them is reached."""
    __tracebackhide__ = True
    document = example.document
    if not hasattr(document, "type_checked"):
        blocks = {}
        for other in document.examples():
            if getattr(other.region, "evaluator", None) is PYTHON:
                text, name, first = snippet_or_block(other)
                if typecheck.is_type_checked(text):
                    blocks[name, first + 1] = text
        document.type_checked = typecheck.check_page(blocks)
    problems = typecheck.compare(
        typecheck.expected_errors(source, first_line),
        document.type_checked[filename, first_line],
    )
    if problems:
        raise AssertionError("the type check differs:\n" + "\n".join(problems))


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


# Code that may create tasks; only after it is a garbage collection worth its cost.
ASYNC_CODE = re.compile(r"\basync|\bawait\b|anyio|trio")


@contextlib.contextmanager
def asyncio_errors_fail(collect: bool = True):
    """An error asyncio could only log (a task whose exception nobody retrieved, a
    failing callback) fails the block. When the block may have created tasks, those it
    dropped are collected before the verdict, since that is when asyncio reports them;
    the page's end collects whatever is left."""
    records = _Records()
    logger = logging.getLogger("asyncio")
    logger.addHandler(records)
    try:
        yield
        if collect:
            # The young generations hold what the block made: cheap to scan, and a
            # task that outlived them is still caught when the page ends.
            gc.collect(1)
    finally:
        logger.removeHandler(records)
    if records.records:
        raise AssertionError(
            "asyncio reported an error that nothing handled:\n"
            + "\n".join(records.format(record) for record in records.records)
        )


def snippet_module(example: Example, filename: str) -> types.ModuleType | None:
    """An included snippet runs as its own module (``snippets/a/b.py`` is
    ``snippets.a.b``), registered in ``sys.modules`` so that code importing it, a
    framework or a sibling snippet, gets the objects the page runs. When the page ends,
    whatever was registered under that name before comes back."""
    if filename == example.path:
        return None
    name = ".".join(Path(filename).relative_to(ROOT).with_suffix("").parts)
    name = name.removesuffix(".__init__")
    replaced = example.document.namespace.setdefault(PAGE_MODULES, {})
    if name in replaced:  # included again on the same page: run it in the same module
        return sys.modules[name]
    replaced[name] = sys.modules.get(name)
    module = importlib.util.module_from_spec(
        importlib.util.spec_from_file_location(name, filename)
    )
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    setattr(importlib.import_module(parent), child, module)
    return module


def compile_block(source: str, filename: str):
    """Compile with pytest's assertion rewriting, so a failing ``assert`` shows values."""
    tree = ast.parse(source, filename)
    rewrite_asserts(tree, source.encode(), filename)
    return compile(tree, filename, "exec", **FLAGS)


def snippet_or_block(example: Example) -> tuple[str, str, int]:
    source = str(example.parsed)
    include = SNIPPET.fullmatch(source.strip())
    if include is None:
        return source, example.path, example.line + example.parsed.line_offset
    path = ROOT / include["path"]
    return path.read_text("utf-8"), str(path), 0


class Output(Evaluator):
    """Compare with what the Python block just before it printed.

    With ``--update-output``, a block that differs is rewritten with what was printed
    when the run ends (see ``write_updates``), and the block passes.
    """

    language = "output"
    update = False  # set from --update-output
    # page path -> [(start, end, new text)] of the blocks to rewrite
    updates: ClassVar[dict[str, list[tuple[int, int, str]]]] = {}

    def __call__(self, example: Example) -> None:
        printed = getattr(example.document, "printed", None)
        example.document.printed = None
        if printed is None:
            raise AssertionError("an output block must follow a Python block that ran")
        expected = _normalise(str(example.parsed))
        actual = _normalise(printed)
        if actual != expected and self.update:
            raw = example.region.lexemes["source"]  # as written, before macros
            start = example.region.start + raw.offset
            self.updates.setdefault(example.path, []).append(
                (start, start + len(raw), printed.strip("\n") + "\n")
            )
        elif actual != expected:
            first = example.line + 1
            diff = difflib.unified_diff(
                expected.splitlines(),
                actual.splitlines(),
                "the output block on the page",
                "what the Python block before it printed",
                lineterm="",
            )
            raise AssertionError(
                "the output differs:\n"
                + "\n".join(diff)
                + f"\n\nIf the new output is right, replace the block's lines from "
                f"line {first} with what was printed, or run again with "
                "--update-output to have it done."
            )


def write_updates() -> list[str]:
    """Rewrite the output blocks collected under ``--update-output``; the pages
    changed, one line each."""
    changed = []
    for path, updates in Output.updates.items():
        text = Path(path).read_text("utf-8")
        for start, end, new in sorted(updates, reverse=True):
            text = text[:start] + new + text[end:]
        Path(path).write_text(text, "utf-8")
        changed.append(f"{path}: {len(updates)} output block(s) updated")
    Output.updates.clear()
    return changed


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


class Toml(Evaluator):
    """Parse; a pyproject.toml is checked against its schema and the project's pins."""

    language = "toml"

    def __call__(self, example: Example) -> None:
        data = tomllib.loads(str(example.parsed))
        if any(table in data for table in PYPROJECT_TABLES):
            Validator()(data)
            check_pins(data)


def check_pins(pyproject: dict) -> None:
    """Any ``==`` pin shown for a package the project locks must be the locked version."""
    groups = pyproject.get("dependency-groups", {}).values()
    project = pyproject.get("project", {})
    specs = [*project.get("dependencies", []), *itertools.chain(*groups)]
    check_requirements(spec for spec in specs if isinstance(spec, str))


def check_requirements(specs) -> None:
    locked = variables()["pins"]
    for spec in specs:
        try:
            requirement = Requirement(spec)
        except InvalidRequirement as error:
            raise AssertionError(f"invalid requirement {spec!r}: {error}") from None
        name = canonicalize_name(requirement.name)
        for pin in requirement.specifier:
            if pin.operator == "==" and name in locked and pin.version != locked[name]:
                raise AssertionError(
                    f"{spec!r} pins {name} {pin.version}, but the examples are tested "
                    f"with {locked[name]}: render the pin from the lock file"
                )


# Commands that install what they are given: ``pip install x==1``, ``uv add x==1``...
INSTALLERS = (
    ("pip", "install"),
    ("pip3", "install"),
    ("-m", "pip", "install"),
    ("uv", "add"),
    ("uv", "pip", "install"),
    ("uv", "tool", "install"),
    ("pipx", "install"),
)


def shell_requirements(script: str) -> list[str]:
    """The requirements a shell script installs, as written (``name==version`` and the
    like); options and their values are not requirements."""
    found = []
    for line in script.splitlines():
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            continue  # a line of a heredoc or a multi-line string: not a command
        arguments = {
            index
            for installer in INSTALLERS
            for start in range(len(words) - len(installer) + 1)
            if tuple(words[start : start + len(installer)]) == installer
            for index in range(start + len(installer), len(words))
        }
        found += [
            words[index]
            for index in sorted(arguments)
            if re.match(r"[A-Za-z0-9]", words[index]) and "/" not in words[index]
        ]
    return found


class Json(Evaluator):
    language = "json"

    def __call__(self, example: Example) -> None:
        json.loads(str(example.parsed))


class Yaml(Evaluator):
    language = "yaml"

    def __call__(self, example: Example) -> None:
        list(yaml.safe_load_all(str(example.parsed)))


class Ini(Evaluator):
    language = "ini"

    def __call__(self, example: Example) -> None:
        configparser.ConfigParser(interpolation=None).read_string(str(example.parsed))


class ShellRun(Evaluator):
    """Run in the page's directory (a fresh temporary directory per page, also its
    $HOME: tests/hermetic.py), with package indexes off. Files the page's blocks wrote
    there, such as a script shown as ``title="crunch.py"``, are there to run.

    Every shell block runs; one that cannot (it needs the network, a secret, a
    long-running server) carries a ``skip: next`` with its reason, shown to readers. A
    version pinned in an install command must be the locked version. What the block
    prints is kept for a following ``output`` block.
    """

    language = "shell"
    outcome = "executed"

    def __call__(self, example: Example) -> None:
        check_requirements(shell_requirements(str(example.parsed)))
        example.document.printed = _bash(
            ["-euo", "pipefail"], str(example.parsed), cwd=os.getcwd()
        )


def _bash(options: list[str], script: str, cwd: str) -> str:
    # A block's uv or pip must not act on the test run's own virtual environment.
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name not in ("UV_PROJECT_ENVIRONMENT", "VIRTUAL_ENV")
    }
    env = {
        **inherited,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "UV_OFFLINE": "1",
        "PIP_NO_INDEX": "1",
        "HOME": cwd,
    }
    completed = subprocess.run(
        ["bash", *options],
        input=script,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(
            f"bash {' '.join(options)} exited {completed.returncode}:\n{completed.stderr}"
        )
    return completed.stdout


class Doctest(Evaluator):
    language = "pycon"
    outcome = "executed"

    def __init__(self) -> None:
        self._doctest = DocTestEvaluator()

    def __call__(self, example: Example):
        return self._doctest(example)


def close_page(namespace: dict) -> None:
    """Sybil teardown: the page's namespace, and the modules it created, go with it.
    (The page's environment may have dropped them already: tests/hermetic.py.) A task
    the page dropped with an exception nobody retrieved fails the page here at last."""
    with asyncio_errors_fail(collect=False):
        _close_page(namespace)
        gc.collect()


def _close_page(namespace: dict) -> None:
    for name, before in namespace.get(PAGE_MODULES, {}).items():
        parent, _, child = name.rpartition(".")
        if before is None:
            sys.modules.pop(name, None)
            if parent in sys.modules:
                vars(sys.modules[parent]).pop(child, None)
        else:
            sys.modules[name] = before
            if parent in sys.modules:
                setattr(sys.modules[parent], child, before)
    namespace.clear()


PYTHON = Python()
DOCTEST = Doctest()
SHELL_RUN = ShellRun()
TOML, JSON, YAML, INI, OUTPUT = Toml(), Json(), Yaml(), Ini(), Output()

EVALUATORS = {
    "python": PYTHON,
    "py": PYTHON,
    "pycon": PYTHON,
    "toml": TOML,
    "json": JSON,
    "yaml": YAML,
    "yml": YAML,
    "ini": INI,
    "cfg": INI,
    "bash": SHELL_RUN,
    "sh": SHELL_RUN,
    "shell": SHELL_RUN,
    "output": OUTPUT,
}
