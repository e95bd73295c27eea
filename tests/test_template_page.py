"""The template page of docs/contributing.md passes the one-page check as it stands, and
each usual mistake in it fails with the page and line and what to do."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.collect import ROOT
from tests.scratch_project import run_harness

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


def check_pages(tmp_path: Path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    """The one-page checks (`nox -s page`) on a project whose docs/ holds these pages,
    all in one run."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in pages.items():
        (docs / f"{name}.md").write_text(text, "utf-8")
    return run_harness(
        tmp_path,
        "-n",
        "0",
        # The nav lists the project's own pages; a new page's entry is checked there.
        *("-k", "not test_the_nav_lists_every_skill_page"),
        str(docs),
        str(ROOT / "tests" / "test_fences.py"),
        str(ROOT / "tests" / "test_front_matter.py"),
    )


def slug(mistake: str) -> str:
    return "mistake-" + mistake.replace(" ", "-")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess:
    """The template as it stands, and one copy per mistake, checked in one run."""
    template = TEMPLATE.read_text("utf-8")
    pages = {"new-page": template}
    for mistake, ((old, new), _message) in MISTAKES.items():
        assert old in template, mistake
        text = template.replace(old, new, 1)
        pages[slug(mistake)] = text.replace("name: new-page", f"name: {slug(mistake)}")
    return check_pages(tmp_path_factory.mktemp("project"), pages)


def test_the_template_passes_as_it_stands(run):
    failed = [line for line in run.stdout.splitlines() if line.startswith("FAILED")]
    assert not [line for line in failed if "new-page" in line], run.stdout[-3000:]
    assert "new-page.md:35 (shell): needs the network" in run.stdout


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_each_mistake_fails_naming_page_and_line(run, mistake: str):
    _change, message = MISTAKES[mistake]
    message = message.replace("new-page.md", f"{slug(mistake)}.md")
    assert message in run.stdout, run.stdout[-3000:]
