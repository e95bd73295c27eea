"""Every page's front matter follows the schema; the nav lists exactly the skills."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from skills_site.front_matter import problems
from skills_site.render import variables
from tests.collect import DOCS_SYBIL, ROOT

PAGES = sorted(DOCS_SYBIL.path.glob("*.md"))
SITE_PAGES = variables()["site"]["site_pages"]


def check(path: Path, text: str | None = None) -> list[str]:
    text = path.read_text("utf-8") if text is None else text
    return problems(path, text, SITE_PAGES, variables()["pins"])


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_front_matter_follows_the_schema(page: Path):
    assert check(page) == []


def test_the_nav_lists_every_skill_page():
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use tags such as !ENV; their values do not matter here.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader)
    [skills] = [item["Skills"] for item in config["nav"] if "Skills" in item]
    skill_pages = [page.name for page in PAGES if page.name not in SITE_PAGES]
    assert skills == skill_pages


SKILL = """\
---
name: demo-page
version: 1.0.0
description: Demo. Use it when testing.
tags: [demo]
tested_with: [anyio]
---
# Demo
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            "description: Demo. Use it when testing.\n",
            "demo-page.md:1: front matter lacks 'description'",
        ),
        ("version: 1.0.0\n", "demo-page.md:1: front matter lacks 'version'"),
        ("tested_with: [anyio]\n", "demo-page.md:1: front matter lacks 'tested_with'"),
        ("tags: [demo]\n", "demo-page.md:1: front matter lacks 'tags'"),
    ],
)
def test_a_missing_field_is_named_with_the_page(change: str, message: str):
    assert check(Path("docs/demo-page.md"), SKILL.replace(change, "")) == [
        f"docs/{message}"
    ]


def test_bad_values_are_named_by_line():
    unknown = SKILL.replace("tags: [demo]", "tags: [demo]\nauthor: me")
    assert check(Path("docs/demo-page.md"), unknown) == [
        "docs/demo-page.md:6: unknown front matter field 'author'"
    ]
    wrong = SKILL.replace("tested_with: [anyio]", "tested_with: [anyio, nope]").replace(
        "version: 1.0.0", "version: one"
    )
    assert check(Path("docs/demo-page.md"), wrong) == [
        "docs/demo-page.md:3: 'version' must look like 1.2.3",
        (
            "docs/demo-page.md:6: 'tested_with' names packages that uv.lock does not pin: "
            "nope"
        ),
    ]


def test_a_page_without_name_must_be_a_listed_site_page():
    text = SKILL.replace("name: demo-page\n", "")
    assert check(Path("docs/demo-page.md"), text) == [
        (
            "docs/demo-page.md:1: neither a skill page (front matter with 'name') nor "
            "listed in site_pages in skills_site/data/site.yml"
        )
    ]
    assert check(Path("docs/other-name.md"), SKILL) == [
        (
            "docs/other-name.md:2: 'name' must be the file's name, 'other-name', in "
            "lowercase words joined by hyphens"
        )
    ]
