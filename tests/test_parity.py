"""The site built by Zensical gives readers what the MkDocs build gives them.

`nox -s parity` builds both sites (MkDocs into site/, Zensical into site-zensical/) and
runs this module, which compares them page by page on what a reader gets:

- the page's title, and its visible text, block by block;
- the text of every code block;
- every heading with its anchor, and every other anchor in the content;
- the skip notes, and a skill page's description, version and tested-with line;
- every link in the content, and the pages the navigation leads to;
- HTML comments left in the content (hidden setup blocks must not reach either site);
- the agent files: llms.txt, llms-full.txt and every page's Markdown twin, byte for byte;
- the set of pages, and the URLs in the sitemap.

A difference fails, naming the page and what differs. What the two themes do differently
with the same content is normalised away where it is read (each with its reason, marked
"Theme:" below); nothing else is.

Without both builds (as in `nox -s docs-tests`) only the checks of the comparison itself
run; the rest are skipped with the command that runs them.
"""

from __future__ import annotations

import difflib
import functools
import os
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITES = os.environ.get("PARITY_SITES", "")  # "MKDOCS_DIR:ZENSICAL_DIR", set by nox
BUILT = pytest.mark.skipif(not SITES, reason="needs both builds: run `nox -s parity`")

SKIP_TITLES = ("Not tested here", "Tested where it can run")
BLOCKS = {
    "p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    "summary", "details", "blockquote", "div", "table", "tr", "ul", "ol", "dl",
    "figcaption", "br", "hr", "section", "article", "nav",
}  # fmt: skip
HEADING = re.compile(r"h[1-6]")
# Theme: ids the theme itself puts in the content, not the page: the target of
# Zensical's "skip to content" link.
THEME_IDS = {"__skip"}


def _classes(attrs: dict) -> set[str]:
    return set((attrs.get("class") or "").split())


@dataclass
class Reading:
    """What a reader gets from one page."""

    title: str = ""
    text: list[str] = field(default_factory=list)  # visible text, one entry a block
    code: list[str] = field(default_factory=list)
    # (level, id, text) of each heading
    headings: list[tuple[int, str, str]] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # every other id in the content
    skip_notes: list[tuple[str, str]] = field(default_factory=list)  # title, text
    tested_with: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # target, text
    tags: list[tuple[str, str]] = field(default_factory=list)  # target, tag
    comments: list[str] = field(default_factory=list)
    nav: list[str] = field(default_factory=list)  # pages the navigation leads to


class _Reader(HTMLParser):
    """Reads a built page. Everything but the title and the navigation comes from the
    content (`<article>`); the theme's chrome around it is not compared."""

    def __init__(self, page_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_url = page_url  # the page's path in the site, e.g. "async-patterns/"
        self.reading = Reading()
        self.stack: list[tuple[str, set[str], str]] = []  # tag, classes, role
        self.in_article = self.in_title = False
        self.chunk: list[str] = []
        self.captures: list[tuple[str, list[str]]] = []  # open captures of text

    # --- where we are ------------------------------------------------------------

    def _inside(self, role: str) -> bool:
        return any(entry[2] == role for entry in self.stack)

    def _open(self, kind: str) -> None:
        self.captures.append((kind, []))

    def _close(self, kind: str) -> str:
        for index in range(len(self.captures) - 1, -1, -1):
            if self.captures[index][0] == kind:
                _, parts = self.captures.pop(index)
                return " ".join("".join(parts).split())
        return ""

    def _flush(self) -> None:
        text = " ".join("".join(self.chunk).split())
        if text:
            self.reading.text.append(text)
        self.chunk = []

    def _target(self, href: str) -> str:
        """A link's target relative to the site root (so both sites' links compare)."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("#", "mailto:")):
            return href
        # Theme: the same target is spelt "./x/" or "x/", "." or "" (Zensical), and on
        # the 404 page "/." or "/": each is read as one path from the site's root.
        path = posixpath.normpath(posixpath.join("/" + self.page_url, parts.path))
        directory = parts.path in {"", "."} or parts.path.endswith(("/", "/."))
        if directory and path != "/":
            path += "/"
        return path + (f"#{parts.fragment}" if parts.fragment else "")

    # --- parsing -----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = dict(attrs_list)
        classes = _classes(attrs)
        role = ""
        if tag == "title":
            self.in_title = True
        if tag == "article":
            self.in_article = True
            role = "article"
        if not self.in_article:
            if tag == "nav" and "md-nav--primary" in classes:
                role = "nav"
            if tag == "a" and self._inside("nav") and attrs.get("href") is not None:
                target = self._target(attrs["href"])
                if target not in self.reading.nav:
                    self.reading.nav.append(target)
            if tag not in {"br", "hr", "img", "input", "meta", "link"}:
                self.stack.append((tag, classes, role))
            return
        if tag in BLOCKS:
            self._flush()
            self._separate()
        if (
            attrs.get("id")
            and attrs["id"] not in THEME_IDS
            and not HEADING.fullmatch(tag)
        ):
            self.reading.anchors.append(attrs["id"])
        if tag == "nav" and "md-tags" in classes:
            # Theme: Material shows a page's tags above its title, Zensical below its
            # content. They are compared as their own list, not as part of the text.
            role = "tags"
        elif HEADING.fullmatch(tag):
            role = "heading"
            self._heading = (int(tag[1]), attrs.get("id", ""))
            self._open("heading")
        elif tag == "a" and "headerlink" in classes:
            role = "headerlink"  # the permalink's "¶"; its target is the heading's id
        elif tag == "pre":
            role = "code"
            self._open("code")
        elif tag == "div" and "admonition" in classes:
            role = "admonition"
            self._open("admonition")
        elif tag == "p" and "admonition-title" in classes:
            role = "admonition-title"
            self._open("admonition-title")
        elif tag == "p" and "skill-meta" in classes:
            role = "skill-meta"
            self._open("skill-meta")
        elif tag == "a" and attrs.get("href") is not None:
            role = "link"
            self._link = self._target(attrs["href"])
            self._open("link")
        if tag not in {"br", "hr", "img", "input", "meta", "link"}:
            self.stack.append((tag, classes, role))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if not self.stack:
            return
        # Close up to the matching tag (HTML allows some end tags to be left out).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                break
        else:
            return
        while len(self.stack) > index:
            _, _, role = self.stack.pop()
            self._end(role)
        if self.in_article and tag in BLOCKS:
            self._flush()
            self._separate()

    def _separate(self) -> None:
        """Text on both sides of a block boundary stays apart in open captures."""
        for kind, parts in self.captures:
            if kind != "code":
                parts.append(" ")

    def _end(self, role: str) -> None:
        reading = self.reading
        if role == "article":
            self._flush()
            self.in_article = False
        elif role == "heading":
            level, anchor = self._heading
            reading.headings.append((level, anchor, self._close("heading")))
        elif role == "code":
            code = self._close_raw("code")
            reading.code.append(code)
        elif role == "admonition":
            text = self._close("admonition")
            for title in SKIP_TITLES:
                if text.startswith(title + " "):
                    reading.skip_notes.append((title, text.removeprefix(title).strip()))
        elif role == "admonition-title":
            self._close("admonition-title")
        elif role == "skill-meta":
            reading.tested_with.append(self._close("skill-meta"))
        elif role == "link":
            text = self._close("link")
            if self._inside("tags"):
                reading.tags.append((self._link, text))
            else:
                reading.links.append((self._link, text))

    def _close_raw(self, kind: str) -> str:
        """Code keeps its lines: only trailing spaces and blank ends are dropped."""
        for index in range(len(self.captures) - 1, -1, -1):
            if self.captures[index][0] == kind:
                _, parts = self.captures.pop(index)
                lines = "".join(parts).strip("\n").splitlines()
                return "\n".join(line.rstrip() for line in lines)
        return ""

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.reading.title += data
        if not self.in_article or self._inside("headerlink"):
            return  # the "¶" permalink sign: compared through the heading's anchor
        for _, parts in self.captures:
            parts.append(data)
        if not self._inside("code") and not self._inside("tags"):
            self.chunk.append(data)

    def handle_comment(self, data: str) -> None:
        if self.in_article:
            self.reading.comments.append(" ".join(data.split()))


def read_page(html: str, page_url: str) -> Reading:
    reader = _Reader(page_url)
    reader.feed(html)
    reader.close()
    reader.reading.title = " ".join(reader.reading.title.split())
    return reader.reading


# --- Comparing -----------------------------------------------------------------------


def _first_difference(name: str, old: list, new: list) -> str:
    """The first place two lists differ, shown as a short unified diff."""
    diff = list(
        difflib.unified_diff(
            [str(item) for item in old],
            [str(item) for item in new],
            "mkdocs",
            "zensical",
            n=1,
            lineterm="",
        )
    )
    shown = "\n".join(diff[2:14]) + ("\n    ..." if len(diff) > 14 else "")
    return f"{name} differ ({len(old)} vs {len(new)}):\n{shown}"


def compare_readings(page: str, old: Reading, new: Reading) -> list[str]:
    """Each way the two readings of one page differ, as a message naming the page."""
    problems = []
    for name in Reading.__dataclass_fields__:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            a, b = ([a], [b]) if isinstance(a, str) else (a, b)
            problems.append(f"{page}: {_first_difference(name, a, b)}")
    return problems


# Theme: files each theme brings along under its own names, with no page content in
# them: styles, scripts and icons (assets/), the search index (MkDocs' search plugin
# writes search/search_index.json, Zensical search.json), the compressed sitemap, and
# tags.json, the tag index Material's tags plugin exports for other tools (the tags
# a reader sees are compared on every page and on the tags page).
THEME_FILES = re.compile(
    r"^(assets/|search/|search\.json$|sitemap\.xml\.gz$|tags\.json$)"
)


def site_files(site: Path) -> set[str]:
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and not THEME_FILES.match(path.relative_to(site).as_posix())
    }


def page_url(html_file: str) -> str:
    """``async-patterns/index.html`` -> ``async-patterns/``; the home page -> ``""``."""
    return html_file.removesuffix("index.html")


def sitemap_urls(site: Path) -> list[str]:
    text = (site / "sitemap.xml").read_text("utf-8")
    return sorted(re.findall(r"<loc>([^<]+)</loc>", text))


def compare_sites(old: Path, new: Path) -> list[str]:
    """Everything that differs between the two builds, each naming its page or file."""
    problems = []
    old_files, new_files = site_files(old), site_files(new)
    for name in sorted(old_files - new_files):
        problems.append(f"{name}: in the MkDocs build only")
    for name in sorted(new_files - old_files):
        problems.append(f"{name}: in the Zensical build only")
    for name in sorted(old_files & new_files):
        problems += compare_file(name, old, new)
    return problems


@functools.cache
def _read_built(path: Path, modified: int, url: str) -> Reading:
    return read_page(path.read_text("utf-8"), url)


def read_built(site: Path, name: str) -> Reading:
    """A built page's reading, parsed once per file version (pages are compared by
    several tests and self-tests)."""
    path = (site / name).resolve()
    return _read_built(path, path.stat().st_mtime_ns, page_url(name))


def compare_file(name: str, old: Path, new: Path) -> list[str]:
    if name.endswith(".html"):
        return compare_readings(name, read_built(old, name), read_built(new, name))
    a, b = (old / name).read_bytes(), (new / name).read_bytes()
    if name == "sitemap.xml":
        # Theme: the generators write the same URLs with different dates and layout.
        a_urls, b_urls = sitemap_urls(old), sitemap_urls(new)
        if a_urls != b_urls:
            return [f"{name}: {_first_difference('URLs', a_urls, b_urls)}"]
        return []
    if a != b:  # the agent files: twins, llms.txt and llms-full.txt
        lines = _first_difference(
            "lines", a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
        )
        return [f"{name}: {lines}"]
    return []


# --- The two builds ------------------------------------------------------------------


def built_sites() -> tuple[Path, Path]:
    old, new = (ROOT / part for part in SITES.split(":"))
    return old, new


def html_pages() -> list[str]:
    if not SITES:
        return []
    old, _ = built_sites()
    return sorted(name for name in site_files(old) if name.endswith(".html"))


@BUILT
def test_both_builds_have_the_same_files():
    old, new = built_sites()
    missing = sorted(site_files(old) ^ site_files(new))
    assert not missing, "files in one build only: " + ", ".join(missing)


@BUILT
@pytest.mark.parametrize("name", html_pages())
def test_the_page_reads_the_same(name: str):
    old, new = built_sites()
    if not (new / name).is_file():
        pytest.fail(f"{name}: in the MkDocs build only")
    problems = compare_file(name, old, new)
    assert not problems, "\n".join(problems)


@BUILT
def test_every_page_was_read():
    """The reader found the content in both builds: a page with no text, headings or
    title would compare equal to another empty reading and prove nothing."""
    old, new = built_sites()
    for name in html_pages():
        for site in (old, new):
            reading = read_built(site, name)
            assert reading.title and reading.headings and reading.text, (
                f"{site.name}/{name}: no title, headings or text found"
            )


@BUILT
def test_the_agent_files_are_the_same():
    old, new = built_sites()
    agent = sorted(
        name
        for name in site_files(old)
        if name.endswith(".md") or name in {"llms.txt", "llms-full.txt"}
    )
    assert {"llms.txt", "llms-full.txt", "index.md"} <= set(agent)
    problems = [p for name in agent for p in compare_file(name, old, new)]
    assert not problems, "\n".join(problems)


@BUILT
def test_the_sitemaps_list_the_same_urls():
    old, new = built_sites()
    assert compare_file("sitemap.xml", old, new) == []
