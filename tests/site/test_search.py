"""The built site in a real browser: search finds pages by the names people type, and
the pages load nothing from any host but the site's own server."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from skills_site.export import skill_pages
from skills_site.fences import fences
from skills_site.sources import page_title
from tests.collect import ROOT

# (what a user types, the page that must be among the first results)
QUERIES = [
    ("TaskGroup", "async-patterns"),
    ("timeout_at", "async-patterns"),
    ("to_thread", "async-patterns"),
    ("collapse_addresses", "api-security-python"),
    ("Argon2id", "api-security-python"),
    ("dependency_overrides", "fastapi-patterns"),
    ("lifespan", "fastapi-patterns"),
    ("model_validate_json", "pydantic-validation"),
    ("discriminator", "pydantic-validation"),
    ("select_related", "django-patterns"),
    ("SynchronousOnlyOperation", "django-patterns"),
    ("monkeypatch", "pytest-testing"),
    ("loop_scope", "pytest-testing"),
    ("ExitStack", "python-patterns"),
    ("tracemalloc", "python-performance"),
    ("argparse", "scripting-automation"),
]
# Names that appear on their page only inside code blocks.
CODE_ONLY = [
    ("check_needs_rehash", "api-security-python"),
    ("get_type_hints", "python-patterns"),
    ("run_with_timeout", "scripting-automation"),
    ("alias_generator", "pydantic-validation"),
]
QUERIES += CODE_ONLY
FIRST_RESULTS = 3


# Material shows "Initializing search" until its web worker has built the index.
INDEX_READY = """() => {
    const meta = document.querySelector(".md-search-result__meta");
    return meta !== null && !meta.textContent.includes("Initializing");
}"""


RESULTS = "li.md-search-result__item > a.md-search-result__link"
# The first results' addresses, read in one step: the list is rebuilt as results arrive.
TOP_RESULTS = f"""() => [...document.querySelectorAll("{RESULTS}")]
    .slice(0, {FIRST_RESULTS}).map((link) => link.getAttribute("href"))"""


def search(page: Page, site_url: str, query: str) -> None:
    page.goto(f"{site_url}/")
    page.wait_for_function(INDEX_READY, timeout=60_000)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)  # real key presses, as a person types
    page.locator(RESULTS).first.wait_for(timeout=60_000)  # a ceiling: a busy machine


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_search_finds_the_page(page: Page, site_url: str, query: str, expected: str):
    search(page, site_url, query)
    # Results for the first letters typed can show before those for the whole query, so
    # the test waits (up to a ceiling) for the list a reader ends up looking at.
    found = f"""() => ({TOP_RESULTS})().some((href) => href.includes("{expected}/"))"""
    try:
        page.wait_for_function(found, timeout=30_000)
    except PlaywrightTimeoutError:
        pytest.fail(f"{query!r}: first results {page.evaluate(TOP_RESULTS)}")
    assert page.foreign_requests == []


@pytest.mark.parametrize(("name", "page"), CODE_ONLY, ids=[n for n, _ in CODE_ONLY])
def test_code_only_names_are_only_in_code(name: str, page: str):
    text = (ROOT / "docs" / f"{page}.md").read_text("utf-8")
    lines = text.splitlines()
    in_code = {n for first, last, _ in fences(text) for n in range(first, last + 1)}
    found = [number for number, line in enumerate(lines, 1) if name in line]
    assert found
    assert set(found) <= in_code


def test_pages_make_no_third_party_requests(page: Page, site_url: str):
    for path in [
        "",
        "async-patterns/",
        "fastapi-patterns/",
        "contributing/",
        "404.html",
    ]:
        page.goto(f"{site_url}/{path}")
        page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []


def test_llms_txt_lists_every_skill(page: Page, site_url: str):
    index = page.goto(f"{site_url}/llms.txt").text()
    full = page.goto(f"{site_url}/llms-full.txt").text()
    for skill in skill_pages():
        # Each skill's Markdown twin, by its absolute address (skills_site/llms.py).
        assert f"/{skill.stem}/index.md): " in index
        assert f"\n# {page_title(skill)}\n" in full  # the whole skill, under its title
