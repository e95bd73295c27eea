"""The agent exports checked with the ecosystem's own tools.

skills-ref's `agentskills validate` on every skill bundle, md-dead-link-check over the
bundles and over the site's Markdown twins, and the reference `llms-txt` parser and
context builder on the built llms.txt, whose links are fetched from a loopback server.
`nox -s skills` runs this module on the bundles it wrote (SKILLS_DIR).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from llms_txt import create_ctx, parse_llms_file

from skills_site.export import (
    CODE_SPAN,
    LINK_TARGET,
    SCHEME,
    page_title,
    pages,
    read_meta,
    skill_bundles,
    skill_pages,
    split_code,
    twin_path,
    write_bundles,
)
from tests.collect import ROOT

BIN = Path(sys.executable).parent
HREF = re.compile(r'<a\s[^>]*href="(?P<target>[^"]+)"')
SKILL_NAMES = sorted(read_meta(path)["name"] for path in skill_pages())


def local_links(tree: Path) -> int:
    """How many relative links the Markdown files under `tree` hold (code excluded)."""
    return sum(
        1
        for path in tree.rglob("*.md")
        for code, chunk in split_code(path.read_text("utf-8"))
        if not code
        for match in [*LINK_TARGET.finditer(chunk), *HREF.finditer(chunk)]
        if not SCHEME.match(match["target"])
    )


def dead_links(tree: Path, work: Path) -> tuple[int, str]:
    """md-dead-link-check over the Markdown under `tree` (local links only), plus a file
    with two dead links that it must report: (links it found sound, its report)."""
    repo = work / "repo"
    shutil.copytree(
        tree, repo, ignore=shutil.ignore_patterns("*.html", "assets", "search")
    )
    (repo / "planted.md").write_text(
        "[gone](no-such-file.md) and [no anchor](planted.md#no-such-heading)\n", "utf-8"
    )
    (repo / "pyproject.toml").write_text(
        "[tool.md_dead_link_check]\ncheck_web_links = false\n", "utf-8"
    )
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    result = subprocess.run(
        [BIN / "md-dead-link-check", "--untrack", "--all", "--no-color"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    dead = [line for line in report.splitlines() if "Error" in line]
    assert result.returncode == 1, report
    assert len(dead) == 2, "\n".join(dead)
    assert all(line.startswith("File: planted.md") for line in dead), "\n".join(dead)
    return report.count("• OK"), report


# --- Skill bundles -------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundles(tmp_path_factory) -> Path:
    if given := os.environ.get("SKILLS_DIR"):
        return Path(given)
    out = tmp_path_factory.mktemp("skills")
    write_bundles(skill_bundles(), out)
    return out


def validate(skill: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BIN / "agentskills", "validate", skill],
        capture_output=True,
        text=True,
        check=False,
    )


def test_agentskills_validates_every_bundle(bundles: Path):
    assert (
        sorted(path.name for path in bundles.iterdir() if path.is_dir()) == SKILL_NAMES
    )
    for name in SKILL_NAMES:
        result = validate(bundles / name)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("Valid skill"), result.stdout


def test_agentskills_refuses_a_field_the_spec_does_not_allow(bundles: Path, tmp_path):
    skill = tmp_path / SKILL_NAMES[0]
    shutil.copytree(bundles / SKILL_NAMES[0], skill)
    text = (skill / "SKILL.md").read_text("utf-8")
    (skill / "SKILL.md").write_text(text.replace("---\n", "---\nversion: 1.0.0\n", 1))
    result = validate(skill)
    assert result.returncode == 1
    assert "Unexpected fields in frontmatter: version" in result.stderr


def test_no_dead_links_in_the_bundles(bundles: Path, tmp_path):
    sound, report = dead_links(bundles, tmp_path)
    # Every relative link in the bundles was checked: none was skipped.
    assert sound == local_links(bundles) > 0, report


def test_archives_hold_the_bundles(bundles: Path, tmp_path):
    import zipfile

    from skills_site.export import SET_NAME, write_archives

    archives = write_archives(skill_bundles(), tmp_path)
    assert sorted(path.stem for path in archives) == sorted([*SKILL_NAMES, SET_NAME])
    files = {
        path.relative_to(bundles).as_posix()
        for path in bundles.rglob("*")
        if path.is_file()
    }
    with zipfile.ZipFile(tmp_path / f"{SET_NAME}.zip") as archive:
        assert set(archive.namelist()) == files
    with zipfile.ZipFile(tmp_path / f"{SKILL_NAMES[0]}.zip") as archive:
        assert {name.split("/")[0] for name in archive.namelist()} == {SKILL_NAMES[0]}


# --- The built site ------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site built with site_url on a loopback server that serves it: (dir, url)."""
    root = tmp_path_factory.mktemp("site")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [BIN / "mkdocs", "build", "--strict", "--quiet", "--site-dir", root],
        cwd=ROOT,
        env=env,
        check=True,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, url
    server.shutdown()
    server.server_close()


def test_llms_txt_parses_with_the_reference_parser(site):
    root, url = site
    parsed = parse_llms_file((root / "llms.txt").read_text("utf-8"))
    assert parsed.title == "Python Stack Skills"
    assert parsed.summary.startswith("Opinionated guides to the modern Python stack.")
    assert f"{url}llms-full.txt" in parsed.info
    skills = parsed.sections["Skills"]
    assert [link["url"] for link in skills] == [
        url + twin_path(path.stem) for path in skill_pages()
    ]
    assert all(link["desc"] for link in skills)
    optional = [link["url"] for link in parsed.sections["Optional"]]
    assert f"{url}llms-full.txt" in optional


def test_llms_txt_context_fetches_every_twin(site):
    root, _ = site
    context = create_ctx((root / "llms.txt").read_text("utf-8"), optional=True)
    for path in pages():
        assert f"# {page_title(path)}" in context, path.name
    assert "File not found" not in context


def test_every_page_has_a_markdown_twin_beside_its_html(site):
    root, _ = site
    for path in pages():
        twin = root / twin_path(path.stem)
        assert twin.with_name("index.html").is_file()
        text = twin.read_text("utf-8")
        assert text.startswith(f"# {page_title(path)}\n")
        # What the page shows as code may name the directives; its prose may not.
        text = "".join(
            CODE_SPAN.sub("", chunk) for code, chunk in split_code(text) if not code
        )
        for leftover in (
            "{@",
            "invisible-code-block",
            "<!-- skip",
            "<!-- shell",
            "!!! ",
        ):
            assert leftover not in text, f"{twin}: {leftover}"
    # Skip notes stay, as text.
    assert (
        "> **Tested where it can run.**"
        in (root / "async-patterns/index.md").read_text()
    )


def test_no_dead_links_in_the_twins(site, tmp_path):
    root, _ = site
    sound, report = dead_links(root, tmp_path)
    assert sound == local_links(root) > 0, report


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attrs[name])


@functools.cache
def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text("utf-8"))
    return links


def test_no_dead_links_in_the_html(site):
    root, url = site
    dead, checked = [], 0
    for page in root.rglob("*.html"):
        for link in parsed(page).links:
            parts = urlsplit(link)
            if parts.scheme and not link.startswith(url):
                continue
            path = unquote(parts.path)
            if link.startswith(url) or path.startswith("/"):
                target = root / path.removeprefix(urlsplit(url).path).lstrip("/")
            else:
                target = page.parent / path
            target = target / "index.html" if target.is_dir() else target
            if not parts.path:
                target = page
            checked += 1
            if not target.is_file() or (
                parts.fragment
                and target.suffix == ".html"
                and parts.fragment not in parsed(target).ids
            ):
                dead.append(f"{page.relative_to(root)}: {link}")
    assert checked > 100
    assert not dead


def test_canonical_links_and_sitemap_use_site_url(site):
    root, url = site
    html = (root / "async-patterns/index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{url}async-patterns/">' in html
    assert f"<loc>{url}async-patterns/</loc>" in (root / "sitemap.xml").read_text()
    assert "127.0.0.1:8000" not in (root / "llms.txt").read_text()


def test_publishing_with_the_placeholder_site_url_fails(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {
        "CI": "true",
        "SITE_PUBLISH": "true",
        "NO_MKDOCS_2_WARNING": "1",
    }
    result = subprocess.run(
        [BIN / "mkdocs", "build", "--quiet", "--site-dir", tmp_path / "site"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert re.search(r"site_url is still the placeholder", result.stderr), result.stderr
