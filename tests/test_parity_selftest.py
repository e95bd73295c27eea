"""The parity test catches what it is for: a page addition that one build lost.

The first tests change one thing in a real built page and check that the comparison
names the page and what changed. The last two take a mechanism away for real: a Zensical
build without the site's Markdown extension, and one without the post-build step that
writes the agent files; both must fail the comparison, naming the pages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_parity import (
    BUILT,
    ROOT,
    Reading,
    built_sites,
    compare_readings,
    compare_sites,
    read_page,
)

PAGE = """\
<html><head><title>Demo - Site</title></head><body>
<nav class="md-nav md-nav--primary"><a href=".">Demo</a><a href="../other/">Other</a></nav>
<article class="md-content__inner md-typeset">
<nav class="md-tags"><a href="../tags/#tag:demo" class="md-tag">demo</a></nav>
<h1 id="demo">Demo<a class="headerlink" href="#demo">&para;</a></h1>
<p class="skill-meta"><em>What it is.</em><br>
<small>Skill version 1.0.0 · Examples tested with Python 3.13 · anyio 4.16.0</small></p>
<p>Some text with <a href="../other/#part">a link</a>.</p>
<div class="admonition note"><p class="admonition-title">Not tested here</p>
<p>Not run by the test suite: needs the network</p></div>
<div class="highlight"><pre><span></span><code>print("hi")
</code></pre></div>
<h2 id="more">More<a class="headerlink" href="#more">&para;</a></h2>
<p>The end.</p>
</article></body></html>
"""


def reading(html: str = PAGE) -> Reading:
    return read_page(html, "demo/")


def test_the_reader_finds_every_part_of_a_page():
    page = reading()
    assert page.title == "Demo - Site"
    assert page.headings == [(1, "demo", "Demo"), (2, "more", "More")]
    assert page.code == ['print("hi")']
    assert page.skip_notes == [
        ("Not tested here", "Not run by the test suite: needs the network")
    ]
    assert page.tested_with == [
        "What it is. Skill version 1.0.0 · Examples tested with Python 3.13 · anyio 4.16.0"
    ]
    assert page.links == [("/other/#part", "a link")]
    assert page.tags == [("/tags/#tag:demo", "demo")]
    assert page.nav == ["/demo/", "/other/"]  # "." from demo/ is the page itself
    assert "Some text with a link." in page.text
    assert "The end." in page.text
    assert page.comments == []


@pytest.mark.parametrize(
    ("change", "part"),
    [
        # A skip note lost: no admonition above the block.
        (
            lambda html: re.sub(r'<div class="admonition.*?</div>', "", html, flags=re.DOTALL),
            "skip_notes",
        ),
        # The tested-with line lost.
        (lambda html: re.sub(r'<p class="skill-meta">.*?</p>', "", html, flags=re.DOTALL),
         "tested_with"),
        # A hidden setup block left in the page's source.
        (lambda html: html.replace("<h2", "<!-- invisible-code-block: python -->\n<h2"),
         "comments"),
        (lambda html: html.replace('print("hi")', 'print("ho")'), "code"),
        (lambda html: html.replace('id="more"', 'id="more_1"'), "headings"),
        (lambda html: html.replace("../other/#part", "../other/#parts"), "links"),
        (lambda html: html.replace("The end.", "The end!"), "text"),
        (lambda html: html.replace("tag:demo", "tag:other"), "tags"),
        (lambda html: html.replace('href="../other/">Other', 'href="../gone/">Other'), "nav"),
    ],
    ids=[
        "skip note", "tested-with", "hidden block", "code", "anchor", "link", "text",
        "tags", "nav",
    ],
)  # fmt: skip
def test_a_difference_fails_naming_the_page_and_the_part(change, part: str):
    problems = compare_readings("demo/index.html", reading(), reading(change(PAGE)))
    assert problems, f"{part}: the change went unnoticed"
    assert any(p.startswith(f"demo/index.html: {part} differ") for p in problems), (
        problems
    )


def test_theme_markup_alone_is_no_difference():
    """What the two themes do differently with the same content (see test_parity.py)."""
    zensical = (
        PAGE.replace('href=".">Demo', 'href="">Demo')
        .replace('href="../other/">Other', 'href="./../other/">Other')
        .replace('<article class="md-content__inner md-typeset">',
                 '<article class="md-content__inner md-typeset"><a id="__skip"></a>')
    )  # fmt: skip
    tags = re.search(r'<nav class="md-tags">.*?</nav>\n', zensical, flags=re.DOTALL)[0]
    zensical = zensical.replace(tags, "").replace("</article>", tags + "</article>")
    assert compare_readings("demo/index.html", reading(), reading(zensical)) == []


# --- Taking a mechanism away for real ------------------------------------------------

EXTENSION_LINE = "  - skills_site.markdown_extension\n"
CONFIG = ROOT / ".parity-selftest.yml"
SITE = ROOT / ".parity-selftest-site"


@pytest.fixture
def zensical_without_the_extension():
    """A Zensical build from mkdocs.yml minus the site's Markdown extension.

    Zensical takes the project's root from where its configuration file is, and keeps
    the site inside it; so this configuration and its site sit in the root while the
    test runs.
    """
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert EXTENSION_LINE in config
    CONFIG.write_text(
        config.replace(EXTENSION_LINE, "") + f"\nsite_dir: {SITE.name}\n", "utf-8"
    )
    bin_dir = Path(sys.executable).parent
    try:
        subprocess.run(
            [bin_dir / "zensical", "build", "--clean", "-f", CONFIG.name],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        # The agent files as in the real build: only the extension is missing.
        subprocess.run(
            [sys.executable, "-m", "skills_site.llms", SITE.name], cwd=ROOT, check=True
        )
        yield SITE
    finally:
        CONFIG.unlink(missing_ok=True)
        shutil.rmtree(SITE, ignore_errors=True)


@BUILT
def test_without_the_markdown_extension_parity_fails(zensical_without_the_extension):
    mkdocs, _ = built_sites()
    problems = compare_sites(mkdocs, zensical_without_the_extension)
    # Skip notes, tested-with lines and hidden setup blocks, each named by its page.
    for part in ("skip_notes", "tested_with", "comments"):
        assert any(
            problem.startswith(f"async-patterns/index.html: {part} differ")
            for problem in problems
        ), part
    without_notes = {
        problem.split(": ")[0]
        for problem in problems
        if ": skip_notes differ" in problem
    }
    assert len(without_notes) >= 5, sorted(without_notes)


@BUILT
def test_without_the_agent_files_step_parity_fails(tmp_path):
    """The step only adds files to a finished build: the Zensical site without them is
    the build as it is without the step."""
    mkdocs, zensical = built_sites()
    bare = tmp_path / "site"
    shutil.copytree(zensical, bare)
    for name in ("llms.txt", "llms-full.txt"):
        (bare / name).unlink()
    for twin in bare.rglob("index.md"):
        twin.unlink()
    problems = compare_sites(mkdocs, bare)
    assert "llms.txt: in the MkDocs build only" in problems
    assert "llms-full.txt: in the MkDocs build only" in problems
    assert "async-patterns/index.md: in the MkDocs build only" in problems
