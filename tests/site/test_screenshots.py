"""Screenshots for a reviewer: home, a skill page, a code block, the mobile drawer and the
404 page, in the light and the dark scheme, written to site-screenshots/ (gitignored).

Each is also a check that the view renders: the element shown must be visible.
"""

from __future__ import annotations

import pytest

from tests.site.conftest import SCREENSHOTS

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module", autouse=True)
def screenshots_dir():
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()


def shoot(page, name: str, scheme: str, **options) -> None:
    path = SCREENSHOTS / f"{name}-{scheme}.png"
    page.screenshot(path=path, animations="disabled", **options)
    assert path.stat().st_size > 10_000


def open_view(open_page, site_url, path, scheme, viewport=DESKTOP):
    page = open_page(viewport=viewport, color_scheme=scheme)
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(open_page, site_url, scheme):
    page = open_view(open_page, site_url, "", scheme)
    page.locator(".skill-card").first.wait_for()
    shoot(page, "home", scheme)

    page = open_view(open_page, site_url, "async-patterns/", scheme)
    shoot(page, "skill-page", scheme)

    # A Python block with the output it printed, framed together.
    output = page.locator("div.language-python + div.language-output").first
    output.scroll_into_view_if_needed()
    code = output.locator("xpath=preceding-sibling::div[1]")
    # The sticky header would cover part of a frame taken below the top of the page.
    page.add_style_tag(content=".md-header { visibility: hidden; }")
    top, bottom = code.bounding_box(), output.bounding_box()  # in the viewport
    scrolled = page.evaluate("window.scrollY")
    clip = {
        "x": top["x"] - 16,
        "y": top["y"] + scrolled - 16,
        "width": top["width"] + 32,
        "height": bottom["y"] + bottom["height"] - top["y"] + 32,
    }
    shoot(page, "code-block", scheme, clip=clip, full_page=True)

    page = open_view(open_page, site_url, "async-patterns/", scheme, viewport=PHONE)
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    page.wait_for_timeout(400)  # the drawer slides in
    shoot(page, "mobile-drawer", scheme)

    page = open_view(open_page, site_url, "no/such/page/", scheme)
    page.locator(".not-found__skills").wait_for()
    shoot(page, "404", scheme)
    assert page.foreign_requests == []
