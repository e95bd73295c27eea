"""The built site, served on loopback, and headless Chromium (Debian's package) to drive it.

One build and one browser serve every test in tests/site. Each page a test opens records
the requests it makes and refuses any that leave the local server.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.collect import ROOT

CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium tries to reach its vendor's services on every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Where the screenshots for reviewers go (gitignored); the README names it.
SCREENSHOTS = ROOT / "site-screenshots"


def site_pages() -> list[str]:
    """The path of every page the build writes, from docs/ and the 404 page."""
    paths = []
    for source in sorted((ROOT / "docs").glob("*.md")):
        paths.append("" if source.stem == "index" else f"{source.stem}/")
    return [*paths, "404.html"]


# The site is built as for publishing, with a repository address, so the repository and
# "edit this page" links are there to test (and to prove they cause no requests).
REPO_URL = "https://github.com/example/python-stack-skills"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", site],
        cwd=ROOT,
        check=True,
        env={**os.environ, "SITE_REPO_URL": REPO_URL},
    )
    return site


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        """Answer a missing path with the site's 404 page, as a static host does."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, site_url):
    """Open pages in a fresh context: `open_page(**context_options)` returns the page.

    Each page records the requests it tried to send elsewhere in `foreign_requests`.
    """
    contexts = []
    local = urlsplit(site_url).netloc

    def make(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.foreign_requests = []

        def only_local(route):
            if urlsplit(route.request.url).netloc == local:
                route.continue_()
            else:
                page.foreign_requests.append(route.request.url)
                route.abort()

        page.route("**/*", only_local)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    """A desktop-sized page in the default (light) scheme."""
    return open_page()
