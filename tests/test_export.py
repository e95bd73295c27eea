"""The agent exports: each skill is a self-contained Agent Skill bundle, every page has a
clean Markdown twin, and both show only code the harness ran.

The official validators (skills-ref's `agentskills`, the `llms-txt` parser, LinkChecker)
run in tests/site, which `nox -s skills` and `nox -s site-tests` run.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
import yaml

from skills_site import export
from skills_site.export import (
    FRONT_MATTER,
    HEADING,
    LINK_TARGET,
    SCHEME,
    SKILL_FIELDS,
    Slugs,
    github_slug,
    prose_lines,
    skill_bundle,
    skill_pages,
    split_code,
    twin_markdown,
)
from skills_site.fences import fences
from tests import evaluate
from tests.collect import ROOT, parse

PAGES = skill_pages()
BUNDLES = {page.stem: skill_bundle(page) for page in PAGES}
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


def shown_python(text: str) -> list[str]:
    return [
        "\n".join(
            line.removeprefix(match["indent"]) for line in match["code"].splitlines()
        ).strip()
        for match in FENCED.finditer(text)
        if match["info"] in ("python", "py")
    ]


def skill_front_matter(text: str) -> dict:
    return yaml.safe_load(FRONT_MATTER.match(text)["meta"])


def anchors(text: str) -> set[str]:
    slugs = Slugs(github_slug, "-")
    return {
        slugs(match["text"])
        for _, line in prose_lines(text)
        if (match := HEADING.match(line))
    }


def broken_links(files: dict[str, str]) -> list[str]:
    """Relative links in a tree of Markdown files ({path: text}) that lead nowhere."""
    broken = []
    for name, text in files.items():
        for code, chunk in split_code(text):
            if code:
                continue
            for match in LINK_TARGET.finditer(chunk):
                target = match["target"]
                if SCHEME.match(target):
                    continue
                path, _, fragment = target.partition("#")
                path = (
                    posixpath.normpath(posixpath.join(posixpath.dirname(name), path))
                    if path
                    else name
                )
                if path not in files or (
                    fragment and fragment not in anchors(files[path])
                ):
                    broken.append(f"{name}: {target}")
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_skill_md_is_a_valid_overview(page: Path):
    bundle = BUNDLES[page.stem]
    skill = bundle["SKILL.md"]
    meta = skill_front_matter(skill)
    assert set(meta) <= set(SKILL_FIELDS)
    assert meta["name"] == page.stem
    assert set(meta["metadata"]) == {"version", "tested-with"}
    assert all(isinstance(value, str) for value in meta["metadata"].values())
    assert "Use it" in meta["description"], "the description says when to use the skill"
    assert "\\u" not in FRONT_MATTER.match(skill)[0], "non-ASCII stays readable"
    assert len(skill.splitlines()) < 500
    # Every reference file is linked from SKILL.md, and nothing else is in the bundle.
    assert set(bundle) == {"SKILL.md"} | set(
        re.findall(r"\]\((references/[\w-]+\.md)\)", skill)
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_bundle_is_plain_markdown(page: Path):
    for name, text in BUNDLES[page.stem].items():
        assert not [left for left in LEFTOVERS if left in text], name
        assert all(info for _, _, info in fences(text)), (
            f"{name}: a fence without language"
        )


def test_every_link_resolves_inside_the_bundle_set():
    files = {
        f"{name}/{path}": text
        for name, bundle in BUNDLES.items()
        for path, text in bundle.items()
    }
    assert not broken_links(files)
    # Across skills the links lead to the other skill's SKILL.md, or into its references.
    assert "](../python-patterns/SKILL.md)" in files["async-patterns/SKILL.md"]


def test_twins_link_only_to_twins():
    files = {
        export.twin_path(page.stem): twin_markdown(page) for page in export.pages()
    }
    assert not broken_links(files)


def test_front_matter_spells_non_ascii_as_is():
    meta = {"name": "x", "description": "one — two", "version": "1", "tested_with": []}
    assert "description: one — two\n" in export.front_matter(meta)


def test_a_link_to_a_missing_anchor_fails_the_export():
    page = export.parse_page(PAGES[0])
    with pytest.raises(ValueError, match="no anchor"):
        export.resolve_link(page, "#no-such-heading")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_every_exported_python_block_is_one_the_harness_runs(page: Path):
    ran = executed_python(page)
    texts = {
        **{f"bundle {name}": text for name, text in BUNDLES[page.stem].items()},
        "twin": twin_markdown(page),
    }
    for where, text in texts.items():
        for code in shown_python(text):
            assert code in ran, f"{page.relative_to(ROOT)} ({where}): not run:\n{code}"
    # Nothing is lost on the way: the bundle shows every block the twin shows.
    in_bundle = [
        code for text in BUNDLES[page.stem].values() for code in shown_python(text)
    ]
    assert in_bundle
    assert sorted(in_bundle) == sorted(shown_python(texts["twin"]))
