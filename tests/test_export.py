"""The agent bundle: each SKILL.md stands alone and shows only code the harness ran."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from skills_site.export import FRONT_MATTER, skill_markdown, skill_pages
from skills_site.fences import fences
from tests import evaluate
from tests.collect import ROOT, parse

PAGES = skill_pages()
FENCED = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<info>\w*)\n(?P<code>.*?)^(?P=indent)```$",
    re.DOTALL | re.MULTILINE,
)
LEFTOVERS = ("--8<--", "invisible-code-block", "<!-- skip", "<!-- shell", "{@", "!!! ")


def executed_python(page: Path) -> set[str]:
    """The Python sources the harness runs for the page (snippets read from their files)."""
    sources = set()
    for example in parse(page):
        if example.region.evaluator is evaluate.PYTHON:
            source, _, _ = evaluate.snippet_or_block(example)
            sources.add(source.strip())
    return sources


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_skill_md_stands_alone(page: Path):
    text = skill_markdown(page)
    meta = yaml.safe_load(FRONT_MATTER.match(text)["meta"])
    assert set(meta) == {"name", "version", "description"}
    assert meta["name"] == page.stem
    assert not [left for left in LEFTOVERS if left in text]
    assert all(info for _, _, info in fences(text)), "every fence names its language"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_every_exported_python_block_is_one_the_harness_runs(page: Path):
    text = skill_markdown(page)
    ran = executed_python(page)
    shown = [
        match for match in FENCED.finditer(text) if match["info"] in ("python", "py")
    ]
    assert shown
    for match in shown:
        code = "\n".join(
            line.removeprefix(match["indent"]) for line in match["code"].splitlines()
        ).strip()
        assert code in ran, f"{page.relative_to(ROOT)}: not run by docs-tests:\n{code}"
