"""The rendered half of the block account: every code block a reader sees on a page must
be one of the page's fenced blocks, which the test harness runs or checks. An indented
code block or a raw ``<pre>`` is shown as code but tested by nothing, so it fails the
build, named by page and position."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from skills_site.fences import fence_bodies

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^":]+)"')


class _CodeBlocks(HTMLParser):
    """Text of each ``<pre>`` element, with the heading it follows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (heading, code)
        self._heading: list[str] | None = None
        self._last_heading = "the top of the page"
        self._pre_depth = 0
        self._code: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "pre":
            self._pre_depth += 1
            if self._pre_depth == 1:
                self._code = []
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
            if not self._pre_depth:
                self.blocks.append((self._last_heading, "".join(self._code)))
        elif re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self._last_heading = "".join(self._heading).strip().rstrip("¶").strip()
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._pre_depth:
            self._code.append(data)
        elif self._heading is not None:
            self._heading.append(data)


def _normalise(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip("\n").splitlines())


def expected_code(markdown: str) -> list[str]:
    """The code of each fenced block as a reader will see it; an included snippet is
    shown as the file it includes."""
    shown = []
    for _line, body in fence_bodies(markdown):
        include = INCLUDE.fullmatch(body.strip())
        if include is not None:
            body = (ROOT / include["path"]).read_text("utf-8")
        shown.append(_normalise(html.unescape(body)))
    return shown


def _line_of(text: str, markdown: str) -> int:
    """The first Markdown line that holds ``text`` (1 when it cannot be found)."""
    for number, line in enumerate(markdown.splitlines(), 1):
        if text and text in html.unescape(line):
            return number
    return 1


def unaccounted_code(page: str, markdown: str, rendered: str) -> list[str]:
    """Each code block in the rendered page that no fenced block of the Markdown
    accounts for, as a message naming the page and where the block is."""
    parser = _CodeBlocks()
    parser.feed(rendered)
    remaining = expected_code(markdown)
    problems = []
    for number, (heading, code) in enumerate(parser.blocks, 1):
        code = _normalise(code)
        if code in remaining:
            remaining.remove(code)
            continue
        first = code.splitlines()[0] if code else ""
        problems.append(
            f"{page}:{_line_of(first, markdown)}: code block {number} (under "
            f"'{heading}', starting {first!r}) is shown to readers but is not a fenced "
            "block, so no test runs or checks it; write it as a fenced block with its "
            "language"
        )
    return problems
