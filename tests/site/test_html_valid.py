"""Every built HTML page is valid under the Nu HTML Checker (vnu), apart from the theme.

One run of vnu checks every page of the build. Any error or warning fails the test, unless
it is one of THEME_MESSAGES below: markup that Material for MkDocs writes itself, matched
by the message and by the very markup it points at, each with the reason it is harmless.
Whatever the project writes (overrides/, the stylesheets, the home cards and skill meta
line from skills_site, the page content) has no excuse.

`nox -s site-tests` installs the pinned npm package vnu-jar and names its vnu.jar in the
VNU_JAR environment variable; it runs on the installed Java, without a network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class ThemeMessage:
    message: str  # vnu's text, exactly
    markup: re.Pattern[str]  # the markup it points at, found in vnu's extract
    reason: str  # why it is harmless


THEME_MESSAGES = [
    ThemeMessage(
        message=(
            "Attribute “autocomplete” is only allowed when the input type is “color”, "
            "“date”, “datetime-local”, “email”, “hidden”, “month”, “number”, "
            "“password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
        ),
        markup=re.compile(
            r'<input class="md-toggle" data-md-toggle="(drawer|search)" '
            r'type="checkbox" id="__(drawer|search)" autocomplete="off">'
        ),
        reason=(
            "Material's base.html: the hidden checkboxes that open the navigation "
            "drawer and the search. Browsers read autocomplete=off on them as 'do not "
            "restore the checked state' when a reader comes back to the page, so the "
            "drawer and search are closed again; otherwise the attribute is ignored. "
            "Nothing is announced or focusable differently."
        ),
    ),
    ThemeMessage(
        message=(
            "Bad value “” for attribute “tabindex” on element “label”: The empty "
            "string is not a valid integer."
        ),
        markup=re.compile(
            r'<label class="md-nav__link" for="__nav_\d+" id="__nav_\d+_label" '
            r'tabindex="">'
        ),
        reason=(
            "Material's partials/nav-item.html, with navigation.sections: the heading "
            "of a navigation section gets an empty tabindex. HTML parses an empty "
            "tabindex as no tabindex at all, so the heading stays out of the tab "
            "order, which is what Material means: a section heading is a label, not "
            "a control."
        ),
    ),
]

# A page with errors of the project's own kind, checked in the same run: the run must
# report them, or a clean result would prove nothing. Its checkbox carries the same
# attribute as Material's toggles but is not one of them, so it is not excused.
CANARY = """<!doctype html>
<html lang="en"><head><title>Canary</title></head><body>
<p id="twice">One</p><p id="twice">Two</p>
<input type="checkbox" id="flag" autocomplete="off">
</body></html>
"""


def matches(message: dict, listed: ThemeMessage) -> bool:
    return message["message"] == listed.message and bool(
        listed.markup.search(message.get("extract", ""))
    )


def is_theme_message(message: dict) -> bool:
    return any(matches(message, listed) for listed in THEME_MESSAGES)


def is_problem(message: dict) -> bool:
    """An error, a warning, or a page vnu could not read; plain notes are not problems.

    With --verbose, vnu also warns of every file --skip-non-html passes over (the
    Markdown twins, CSS, JavaScript); those are not pages.
    """
    if message["message"].startswith("File was not checked."):
        return False
    return message["type"] != "info" or message.get("subType") == "warning"


@pytest.fixture(scope="module")
def checked(site_dir: Path, tmp_path_factory) -> tuple[list[str], list[dict]]:
    """The files vnu checked and its messages, from one run over the site and the canary."""
    jar = os.environ.get("VNU_JAR")
    if not jar or not Path(jar).is_file():
        pytest.fail(
            "VNU_JAR names no vnu.jar: run the browser tests with nox -s site-tests"
        )
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: install Debian's default-jre-headless package")
    canary = tmp_path_factory.mktemp("vnu-canary") / "canary.html"
    canary.write_text(CANARY, "utf-8")
    command = [java, "-jar", jar, "--format", "json", "--verbose", "--skip-non-html"]
    run = subprocess.run(
        [*command, str(site_dir), str(canary)],
        capture_output=True,
        text=True,
        check=False,
    )
    # --verbose names each checked file on stdout; the messages go to stderr as JSON.
    files = [line for line in run.stdout.splitlines() if line.strip()]
    try:
        messages = json.loads(run.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(
            f"vnu exited {run.returncode} without a report:\n{run.stderr[-2000:]}"
        )
    return files, messages


def page_name(url: str, site_dir: Path) -> str:
    return Path(url.removeprefix("file:")).relative_to(site_dir).as_posix()


def test_vnu_checks_every_page_and_reports_errors(checked, site_dir: Path):
    files, messages = checked
    pages = {str(path) for path in site_dir.rglob("*.html")}
    assert len(pages) > 10
    assert pages <= set(files), f"not checked: {sorted(pages - set(files))}"
    canary = [m for m in messages if m["url"].endswith("/canary.html")]
    found = {m["message"] for m in canary if is_problem(m) and not is_theme_message(m)}
    assert "Duplicate ID “twice”." in found
    assert (
        THEME_MESSAGES[0].message in found
    )  # the same attribute outside Material's toggles


def test_html_is_valid_apart_from_listed_theme_messages(checked, site_dir: Path):
    _files, messages = checked
    site = [m for m in messages if not m["url"].endswith("/canary.html")]
    problems = [m for m in site if is_problem(m) and not is_theme_message(m)]
    report = [
        f"{page_name(m['url'], site_dir)}:{m.get('lastLine', '?')}: "
        f"{m['type']}{'/' + m['subType'] if 'subType' in m else ''}: {m['message']}\n"
        f"    {m.get('extract', '').strip()[:200]}"
        for m in problems
    ]
    if problems:
        heading = f"{len(problems)} message(s) from vnu:"
        pytest.fail("\n".join([heading, *report]), pytrace=False)


def test_every_listed_theme_message_still_occurs(checked):
    """A listed message the theme no longer causes is taken off the list."""
    _files, messages = checked
    site = [m for m in messages if not m["url"].endswith("/canary.html")]
    for listed in THEME_MESSAGES:
        assert any(matches(m, listed) for m in site), (
            f"no longer reported, remove it from THEME_MESSAGES: {listed.message}"
        )
