"""The pages' source files in docs/ and what their front matter says.

The bottom layer of ``skills_site``: it imports nothing else from the package, so every
other module may use it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?)\n---\n", re.DOTALL)
TITLE = re.compile(r"^# (?P<title>.+)$", re.MULTILINE)


def pages() -> list[Path]:
    return sorted(DOCS.glob("*.md"))


def skill_pages() -> list[Path]:
    return [path for path in pages() if "name" in read_meta(path)]


def read_meta(path: Path) -> dict:
    match = FRONT_MATTER.match(path.read_text("utf-8"))
    return yaml.safe_load(match["meta"]) if match else {}


@cache
def page_title(path: Path) -> str:
    match = TITLE.search(path.read_text("utf-8"))
    return match["title"].strip() if match else path.stem
