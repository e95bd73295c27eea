"""Every fenced block in docs/ is run or checked by some parser: none is silently ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from skills_site.fences import fences
from tests import evaluate
from tests.collect import DOCS_SYBIL, ROOT, parse

# The configured docs folder (the harness's self-tests point it at a page of their own).
PAGES = sorted(DOCS_SYBIL.path.rglob("*.md"))


def page_id(page: Path) -> str:
    return str(page.relative_to(ROOT) if page.is_relative_to(ROOT) else page)


def unaccounted_fences(path: Path) -> list[str]:
    document = parse(path)
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    starts = [document.text.count("\n", 0, region.start) + 1 for region in document]
    return [
        f"{name}:{first}: ```{info} is neither run nor checked "
        "(unknown language, or a fence no parser picked up)"
        for first, last, info in fences(document.text)
        if not any(first <= start <= last for start in starts)
    ]


def test_docs_have_blocks():
    assert PAGES, "docs/ has no pages"
    assert sum(len(fences(page.read_text("utf-8"))) for page in PAGES) > 0


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_fence_is_accounted_for(page: Path):
    assert unaccounted_fences(page) == []


def shell_pin_mismatches(path: Path) -> list[str]:
    """Install commands in shell blocks, skipped ones included, that pin a version
    other than the locked one."""
    problems = []
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    for example in parse(path):
        if getattr(example.region, "evaluator", None) is not evaluate.SHELL_RUN:
            continue
        try:
            evaluate.check_requirements(
                evaluate.shell_requirements(str(example.parsed))
            )
        except AssertionError as error:
            problems.append(f"{name}:{example.line}: {error}")
    return problems


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_shell_pins_are_the_locked_versions(page: Path):
    assert shell_pin_mismatches(page) == []
