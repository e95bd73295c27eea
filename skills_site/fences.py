"""Fenced code blocks in a page's Markdown, found the same way by the test harness (which
runs or checks each one) and by the site build (which checks that every code block a
reader sees is one of them)."""

from __future__ import annotations

import re

FENCE = re.compile(
    r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$", re.MULTILINE
)
# First word of an info string, with Pandoc/attr_list spellings such as {.python .x}.
LANGUAGE = re.compile(r"^\{?\.?(?P<language>[\w+-]+)")


def fences(text: str) -> list[tuple[int, int, str]]:
    """Every fenced block as (first line, last line, info string)."""
    found, opening = [], None
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if opening is None:
            opening = (line, match)
        elif (
            match["fence"][0] == opening[1]["fence"][0]
            and len(match["fence"]) >= len(opening[1]["fence"])
            and not match["info"].strip()
        ):
            found.append((opening[0], line, opening[1]["info"].strip()))
            opening = None
    if opening is not None:
        found.append((opening[0], text.count("\n") + 1, opening[1]["info"].strip()))
    return found


def fence_bodies(text: str) -> list[tuple[int, str]]:
    """(first line, code) of every fenced block, the code dedented by the fence's indent."""
    lines = text.splitlines()
    bodies = []
    for first, last, _info in fences(text):
        opening = lines[first - 1]
        indent = len(opening) - len(opening.lstrip(" \t>"))
        body = [line[indent:] for line in lines[first : last - 1]]
        bodies.append((first, "\n".join(body)))
    return bodies


def language_of(info: str) -> str:
    match = LANGUAGE.match(info.strip())
    return match["language"].lower() if match else ""
