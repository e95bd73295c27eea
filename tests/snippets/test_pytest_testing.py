"""Checks on the example test files of the pytest testing page.

The page itself runs every example through pytest; these tests guard the conventions
that its runner relies on.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

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
    # functions, imports and plain assignments.
    allowed = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Import, ast.ImportFrom)
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
