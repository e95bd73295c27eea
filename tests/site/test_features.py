"""What a reader expects of the site, checked in the browser: the 404 page, the home page's
skill cards, output blocks that look unlike code, repository and edit links, the previous
and next footer, link previews (Open Graph), the three-way colour scheme toggle, and a
clean address after moving from one page to another."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from skills_site.export import read_meta, skill_pages
from skills_site.render import variables
from tests.site.conftest import REPO_URL

DESKTOP = {"width": 1366, "height": 900}
SKILL_TITLES = {
    path.stem: re.search(r"^# (.+)$", path.read_text("utf-8"), re.MULTILINE)[1]
    for path in skill_pages()
}


def test_a_missing_page_gets_the_404_page_with_a_way_on(page: Page, site_url: str):
    response = page.goto(f"{site_url}/async-patterns/no-such-section/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    home = page.get_by_role("link", name="Go to the home page")
    href = "a => a.href"  # resolved: Material's script rewrites links to full addresses
    assert home.evaluate(href) == f"{site_url}/"
    skills = page.locator(".not-found__skills a")
    assert skills.all_inner_texts() == list(SKILL_TITLES.values())
    # Links from the site's root work at any depth of a missing address.
    assert skills.first.evaluate(href) == f"{site_url}/{skill_pages()[0].stem}/"
    skills.nth(1).click()
    page.wait_for_url(f"{site_url}/{skill_pages()[1].stem}/")
    assert page.foreign_requests == []


def test_the_404_search_opens_the_site_search_with_the_query(page: Page, site_url: str):
    page.goto(f"{site_url}/missing.html")
    page.get_by_role("searchbox", name="Search the guides").fill("TaskGroup")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/\?q=TaskGroup"))
    results = page.locator("li.md-search-result__item > a.md-search-result__link")
    results.first.wait_for(timeout=60_000)
    assert "async-patterns/" in results.first.get_attribute("href")
    assert page.locator("input.md-search__input").input_value() == "TaskGroup"


def test_home_shows_each_skill_as_a_card(page: Page, site_url: str):
    page.goto(f"{site_url}/")
    cards = page.locator(".skill-card")
    assert cards.count() == len(skill_pages())
    python = variables()["site"]["target_python"]
    pins = variables()["pins"]
    for card, path in zip(cards.all(), skill_pages(), strict=True):
        meta = read_meta(path)
        link = card.locator(".skill-card__title a")
        assert link.inner_text() == SKILL_TITLES[path.stem]
        assert link.evaluate("a => a.href") == f"{site_url}/{path.stem}/"
        text = meta["description"].replace("`", "")  # `code` spans show as code
        assert card.locator(".skill-card__text").inner_text() == text
        assert card.locator(".skill-card__tag").all_inner_texts() == meta["tags"]
        versions = card.locator(".skill-card__versions").inner_text()
        assert f"Python {python}" in versions
        for name in meta["tested_with"]:
            assert f"{name} {pins[name]}" in versions
    # The whole card is the link's target, not only its title. The card is scrolled into
    # view first: a mouse click outside the viewport reaches nothing.
    cards.first.scroll_into_view_if_needed()
    box = cards.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 8)
    page.wait_for_url(f"{site_url}/{skill_pages()[0].stem}/")


def test_output_blocks_look_unlike_code(page: Page, site_url: str):
    page.goto(f"{site_url}/contributing/")
    code = page.locator("div.language-python pre > code").first
    output = page.locator("div.language-output pre > code").first
    style = "(el, name) => getComputedStyle(el)[name]"
    for name in ["backgroundColor", "borderLeftWidth", "borderLeftColor"]:
        assert code.evaluate(style, name) != output.evaluate(style, name), name
    caption = output.evaluate(
        "el => getComputedStyle(el.closest('div.language-output'), '::before').content"
    )
    assert caption == '"Output"'


def test_repository_edit_link_and_footer(page: Page, site_url: str):
    page.goto(f"{site_url}/async-patterns/")
    assert page.locator("a.md-source").first.get_attribute("href") == REPO_URL
    edit = page.locator("a[rel='edit']")
    assert edit.get_attribute("href") == f"{REPO_URL}/edit/main/docs/async-patterns.md"
    previous = page.locator("a.md-footer__link--prev")
    following = page.locator("a.md-footer__link--next")
    assert (
        previous.get_attribute("aria-label")
        == "Previous: API security for Python services"
    )
    assert following.get_attribute("aria-label") == "Next: Django patterns"
    # Material asks a code host's API for stars and forks; this site does not.
    page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []


def test_link_previews_carry_the_page_title_and_description(page: Page, site_url: str):
    page.goto(f"{site_url}/fastapi-patterns/")
    meta = "(name) => document.querySelector(`meta[property='${name}']`)?.content"
    assert page.evaluate(meta, "og:title") == SKILL_TITLES["fastapi-patterns"]
    description = read_meta(
        next(p for p in skill_pages() if p.stem == "fastapi-patterns")
    )
    assert page.evaluate(meta, "og:description") == description["description"]
    assert page.evaluate(meta, "og:type") == "article"
    assert page.evaluate(meta, "og:url").endswith("/fastapi-patterns/")
    page.goto(f"{site_url}/")
    assert page.evaluate(meta, "og:type") == "website"


def test_colour_scheme_follows_the_system_until_chosen(open_page, site_url: str):
    page = open_page(viewport=DESKTOP, color_scheme="dark")
    page.goto(f"{site_url}/")
    scheme = "() => document.body.dataset.mdColorScheme"
    assert page.evaluate(scheme) == "slate"  # system: dark
    toggle = page.locator("form[data-md-component='palette'] label:visible")
    toggle.click()  # system -> light
    assert page.evaluate(scheme) == "default"
    toggle = page.locator("form[data-md-component='palette'] label:visible")
    toggle.click()  # light -> dark
    assert page.evaluate(scheme) == "slate"
    page.emulate_media(color_scheme="light")
    assert page.evaluate(scheme) == "slate"  # a choice outlasts the system's
    page.locator("form[data-md-component='palette'] label:visible").click()
    assert page.evaluate(scheme) == "default"  # back to the system, now light
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(f"({scheme})() === 'slate'")


def test_moving_to_another_page_leaves_the_old_fragment_behind(
    page: Page, site_url: str
):
    page.set_viewport_size({"width": 1366, "height": 500})
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    # Scroll down by wheel, as a reader does, so the address tracks the section shown.
    page.mouse.move(600, 300)
    heading = page.locator("#why-you-can-trust-the-examples")
    while heading.bounding_box()["y"] > 150:
        page.mouse.wheel(0, 200)
        page.wait_for_timeout(50)
    page.wait_for_url(re.compile("/#[a-z-]+$"))
    fragment = page.url
    page.locator(".md-content a[href$='/contributing/']").click()
    page.wait_for_url(f"{site_url}/contributing/")
    page.wait_for_timeout(500)  # any late update of the address would come now
    assert page.url == f"{site_url}/contributing/"
    page.go_back()
    page.wait_for_url(fragment)
    page.locator(".skill-card a").nth(1).click()
    page.wait_for_url(f"{site_url}/{skill_pages()[1].stem}/")
    page.wait_for_timeout(500)
    assert page.url == f"{site_url}/{skill_pages()[1].stem}/"
