"""The "Copy page as Markdown" button: every skill page has it, and it copies the page's
Markdown twin (index.md beside the page, skills_site/llms.py) exactly, by mouse or by
keyboard, also on a page reached by Material's instant navigation, without any request
leaving the site.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from skills_site.export import skill_pages, twin_path

NAME = "Copy page as Markdown"
SENTINEL = "clipboard before the click"


def clipboard_page(open_page, site_url: str) -> Page:
    page = open_page(viewport={"width": 1366, "height": 900})
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=site_url
    )
    return page


def copy_and_read(page: Page, press) -> str:
    """Put a sentinel on the clipboard, copy with `press`, and read the clipboard back."""
    page.evaluate("(text) => navigator.clipboard.writeText(text)", SENTINEL)
    press()
    status = page.get_by_role("status").filter(has_text="Page copied as Markdown")
    status.wait_for(state="attached")
    return page.evaluate("() => navigator.clipboard.readText()")


@pytest.mark.parametrize("stem", [path.stem for path in skill_pages()])
def test_the_button_copies_the_pages_markdown_twin(
    open_page, site_url: str, site_dir: Path, stem: str
):
    page = clipboard_page(open_page, site_url)
    page.goto(f"{site_url}/{stem}/")
    button = page.get_by_role("button", name=NAME, exact=True)
    assert button.count() == 1
    copied = copy_and_read(page, button.click)
    assert copied == (site_dir / twin_path(stem)).read_text("utf-8")
    page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []


def test_the_button_is_reached_and_pressed_by_keyboard(
    open_page, site_url: str, site_dir: Path
):
    stem = skill_pages()[0].stem
    page = clipboard_page(open_page, site_url)
    page.goto(f"{site_url}/{stem}/")
    # In the tab order right after the "view source" link beside it.
    page.locator(".md-content__button[title='View source of this page']").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.tagName, document.activeElement.ariaLabel]"
    )
    assert focused == ["BUTTON", NAME]
    copied = copy_and_read(page, lambda: page.keyboard.press("Enter"))
    assert copied == (site_dir / twin_path(stem)).read_text("utf-8")


def test_after_instant_navigation_the_new_pages_twin_is_copied(
    open_page, site_url: str, site_dir: Path
):
    stem = skill_pages()[1].stem
    page = clipboard_page(open_page, site_url)
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    page.locator(f".skill-card a[href$='{stem}/']").click()
    page.wait_for_url(f"{site_url}/{stem}/")
    button = page.get_by_role("button", name=NAME, exact=True)
    copied = copy_and_read(page, button.click)
    assert copied == (site_dir / twin_path(stem)).read_text("utf-8")
    assert page.foreign_requests == []
