"""The front matter every page in docs/ must have, checked with messages that name the
page and line (``docs/x.md:1: front matter lacks 'description'``).

A skill page is one whose front matter has ``name``; every other page must be listed in
``site_pages`` in ``skills_site/data/site.yml``.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?\n)---\n", re.DOTALL)
SKILL_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
SKILL_FIELDS = {
    "name": str,
    "version": str,
    "description": str,
    "tags": list,
    "tested_with": list,
}
SITE_FIELDS = {"title": str, "description": str}
SITE_OPTIONAL = {"hide": list}


def _line_of(key: str, meta_text: str) -> int:
    for number, line in enumerate(meta_text.splitlines(), 2):
        if line.startswith(f"{key}:"):
            return number
    return 1


def problems(path: Path, text: str, site_pages: list[str], pins: dict) -> list[str]:
    """Everything wrong with a page's front matter, one message per problem."""
    page = f"docs/{path.name}"
    match = FRONT_MATTER.match(text)
    if match is None:
        return [f"{page}:1: no front matter: start the page with a '---' block"]
    try:
        meta = yaml.safe_load(match["meta"]) or {}
    except yaml.YAMLError as error:
        return [f"{page}:1: front matter is not valid YAML: {error}"]
    if not isinstance(meta, dict):
        return [f"{page}:1: front matter must be a mapping of fields"]
    skill = "name" in meta
    if not skill and path.name not in site_pages:
        return [
            (
                f"{page}:1: neither a skill page (front matter with 'name') nor listed in "
                "site_pages in skills_site/data/site.yml"
            )
        ]
    required = SKILL_FIELDS if skill else SITE_FIELDS
    allowed = required if skill else {**SITE_FIELDS, **SITE_OPTIONAL}
    found = [
        f"{page}:1: front matter lacks {key!r}" for key in required if key not in meta
    ]
    for key, value in meta.items():
        line = f"{page}:{_line_of(key, match['meta'])}"
        if key not in allowed:
            found.append(f"{line}: unknown front matter field {key!r}")
        elif not isinstance(value, allowed[key]) or not value:
            kind = allowed[key].__name__
            found.append(f"{line}: {key!r} must be a non-empty {kind}")
    if found or not skill:
        return found
    if meta["name"] != path.stem or not SKILL_NAME.match(meta["name"]):
        found.append(
            f"{page}:{_line_of('name', match['meta'])}: 'name' must be the file's "
            f"name, {path.stem!r}, in lowercase words joined by hyphens"
        )
    if not VERSION.match(meta["version"]):
        found.append(
            f"{page}:{_line_of('version', match['meta'])}: 'version' must look like "
            "1.2.3"
        )
    if len(meta["description"]) > 1024:
        found.append(
            f"{page}:{_line_of('description', match['meta'])}: 'description' is over "
            "1024 characters"
        )
    unknown = [name for name in meta["tested_with"] if name not in pins]
    if unknown:
        found.append(
            f"{page}:{_line_of('tested_with', match['meta'])}: 'tested_with' names "
            f"packages that uv.lock does not pin: {', '.join(map(str, unknown))}"
        )
    return found
