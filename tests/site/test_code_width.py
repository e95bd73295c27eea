"""Code is formatted to 88 columns, and from 1280 px wide a whole 88-column line shows.

Every code block on every page is measured in the browser: a block whose longest line is
at most 88 characters must not need horizontal scrolling (its scrollWidth is not larger
than its clientWidth). Longer lines, such as a traceback's, may scroll.
"""

from __future__ import annotations

import pytest

from tests.site.conftest import site_pages

COLUMNS = 88
WIDTHS = [1280, 1920]

# Every block's longest line and its two widths; `details` are opened first so that no
# block is hidden from the measurement.
MEASURE = """() => {
    for (const details of document.querySelectorAll(".md-content details")) {
        details.open = true;
    }
    return [...document.querySelectorAll(".md-content pre > code")].map((code) => {
        const lines = code.textContent.replace(/\\n$/, "").split("\\n");
        return {
            columns: Math.max(...lines.map((line) => line.length)),
            scroll: code.scrollWidth,
            client: code.clientWidth,
            start: lines[0].slice(0, 60),
        };
    });
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", site_pages())
def test_code_lines_fit_without_scrolling(open_page, site_url, path, width):
    page = open_page(viewport={"width": width, "height": 900})
    page.goto(f"{site_url}/{path}")
    blocks = page.evaluate(MEASURE)
    formatted = [block for block in blocks if block["columns"] <= COLUMNS]
    hidden = [block["start"] for block in formatted if block["client"] == 0]
    assert not hidden, f"/{path}: blocks not shown, so not measured: {hidden}"
    scrolling = [
        f"{block['start']!r}: {block['columns']} columns, "
        f"{block['scroll']} px in a {block['client']} px box"
        for block in formatted
        if block["scroll"] > block["client"]
    ]
    assert not scrolling, f"/{path} at {width} px:\n" + "\n".join(scrolling)


def test_a_skill_page_has_blocks_to_measure(open_page, site_url):
    """The measurement sees real blocks, and an 88-column one among them."""
    page = open_page(viewport={"width": WIDTHS[0], "height": 900})
    page.goto(f"{site_url}/async-patterns/")
    blocks = page.evaluate(MEASURE)
    assert len(blocks) > 20
    assert (
        max(block["columns"] for block in blocks if block["columns"] <= COLUMNS) >= 85
    )
