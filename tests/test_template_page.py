"""The template page of docs/contributing.md passes the one-page check as it stands, and
each usual mistake in it fails with the page and line and what to do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.collect import ROOT

TEMPLATE = ROOT / "tests" / "template" / "new-page.md"
MISTAKES = {
    "wrong output": (
        ("Hello, Ada!\n```", "Hello, Bob!\n```"),
        "new-page.md:19: output block failed",
    ),
    "unknown language": (
        ("```bash\ncurl", "```shel\ncurl"),
        "new-page.md:35: ```shel is neither run nor checked",
    ),
    "failing assert": (
        ('greet("Grace") == "Hello, Grace!"', 'greet("Grace") == "Hi, Grace!"'),
        "new-page.md:29: python block failed",
    ),
    "snippet typo": (
        ('--8<-- "snippets/template_page/greeting.py"', '--8<-- "snippets/x/y.py"'),
        "new-page.md:25: python block failed",
    ),
    "missing front matter field": (
        ("tags: [example]\n", ""),
        "docs/new-page.md:1: front matter lacks 'tags'",
    ),
}


def check_page(tmp_path: Path, text: str) -> subprocess.CompletedProcess:
    """The one-page check (`nox -s page`) on a project whose docs/ holds this page."""
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "new-page.md"
    page.write_text(text, "utf-8")
    plugins = (
        "xdist.plugin",
        "pytest_timeout",
        "pytest_socket",
        "pytest_asyncio.plugin",
    )
    command = [
        *(sys.executable, "-m", "pytest", "-n", "0", "-p", "conftest"),
        *(option for plugin in plugins for option in ("-p", plugin)),
        *("-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path)),
        *("-o", "docs_dir=docs", "--page", str(page)),
        # The nav lists the project's own pages; a new page's entry is checked there.
        *("-k", "not test_the_nav_lists_every_skill_page"),
        str(page),
        str(ROOT / "tests" / "test_fences.py"),
        str(ROOT / "tests" / "test_front_matter.py"),
    ]
    environment = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    return subprocess.run(
        command,
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_template_passes_as_it_stands(tmp_path):
    run = check_page(tmp_path, TEMPLATE.read_text("utf-8"))
    assert run.returncode == 0, run.stdout[-3000:]
    assert "skipped" in run.stdout and "needs the network" in run.stdout


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_each_mistake_fails_naming_page_and_line(tmp_path, mistake: str):
    (old, new), message = MISTAKES[mistake]
    text = TEMPLATE.read_text("utf-8")
    assert old in text
    run = check_page(tmp_path, text.replace(old, new, 1))
    assert run.returncode != 0
    assert message in run.stdout, run.stdout[-3000:]
