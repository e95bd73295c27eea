"""ruff lints and black formats every Python block, as pydantic's docs harness does."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from tests.collect import DOCS, ROOT
from tests.evaluate import SNIPPET

EXAMPLES = [
    example
    for example in find_examples(DOCS)
    # snippets/ is linted as code (test_code_is_lint_clean); doctests run, unlinted
    if not SNIPPET.fullmatch(example.source.strip())
    and not example.source.startswith(">>>")
]
# Blocks on a page share one namespace and may await at top level, so names defined
# in an earlier block, imports used later, and top-level await are not errors here.
SHARED_NAMESPACE = ["F401", "F704", "F811", "F821", "PLE1142"]


def example_id(example: CodeExample) -> str:
    return f"{example.path.relative_to(ROOT)}:{example.start_line}"


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_python_block_is_lint_clean(example: CodeExample, eval_example: EvalExample):
    eval_example.set_config(
        line_length=88,
        quotes="double",
        target_version="py313",
        upgrade=True,
        isort=True,
        ruff_select=["E", "F", "W", "B", "ASYNC", "RUF"],
        ruff_ignore=SHARED_NAMESPACE,
    )
    if eval_example.update_examples:
        eval_example.format(example)
    else:
        eval_example.lint(example)


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=" ".join)
def test_code_is_lint_clean(command: list[str]):
    paths = ["snippets", "tests", "skills_site", "noxfile.py", "conftest.py"]
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", *command, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
