"""ruff lints and black formats every Python block, as pydantic's docs harness does;
ruff runs once over all blocks rather than once per block."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
import tempfile
from pathlib import Path

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


RUFF_ARGS = (
    "--target-version=py313",
    "--line-length=88",
    "--extend-select=E,F,W,B,ASYNC,RUF,UP,I",
    f"--ignore=E501,{','.join(SHARED_NAMESPACE)}",
)


@functools.cache
def ruff_findings() -> dict[str, list[str]]:
    """ruff on every block at once (one process, not one per block): for each block's
    id, what ruff reports, with the page's line numbers."""
    with tempfile.TemporaryDirectory(prefix="lint-blocks-") as folder:
        files = {}
        for number, example in enumerate(EXAMPLES):
            path = Path(folder, f"block_{number}.py")
            path.write_text(example.source, "utf-8")
            files[str(path)] = example
        ruff = subprocess.run(
            [
                *(sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated"),
                *(*RUFF_ARGS, "--output-format=concise", *files),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    if ruff.returncode not in (0, 1):
        raise RuntimeError(f"ruff could not run:\n{ruff.stderr}")
    findings: dict[str, list[str]] = {}
    for line in ruff.stdout.splitlines():
        match = re.match(r"^(?P<file>.+?\.py):(?P<line>\d+):(?P<rest>.*)$", line)
        if match is None or match["file"] not in files:
            continue
        example = files[match["file"]]
        page_line = int(match["line"]) + example.start_line
        findings.setdefault(example_id(example), []).append(
            f"{example.path.relative_to(ROOT)}:{page_line}:{match['rest']}"
        )
    return findings


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_python_block_is_lint_clean(example: CodeExample, eval_example: EvalExample):
    eval_example.set_config(line_length=88, quotes="double", target_version="py313")
    if eval_example.update_examples:
        eval_example.set_config(
            line_length=88,
            quotes="double",
            target_version="py313",
            upgrade=True,
            isort=True,
            ruff_select=["E", "F", "W", "B", "ASYNC", "RUF"],
            ruff_ignore=SHARED_NAMESPACE,
        )
        eval_example.format(example)
        return
    eval_example.lint_black(example)
    findings = ruff_findings().get(example_id(example), [])
    assert not findings, "ruff reports:\n" + "\n".join(findings)


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
