"""Variables and Jinja settings shared by the macros layer (mkdocs-macros, or Zensical's
port of it) and the test harness.

Macros use ``{@ ... @}`` (and ``{@% ... %@}``) instead of Jinja's defaults, so a code block
that contains ``{{ }}`` or ``{% %}`` is shown verbatim.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from html import escape
from pathlib import Path

import jinja2
import yaml

from skills_site.pins import locked_versions
from skills_site.sources import page_title, read_meta, skill_pages

DELIMITERS = {
    "variable_start_string": "{@",
    "variable_end_string": "@}",
    "block_start_string": "{@%",
    "block_end_string": "%@}",
    "comment_start_string": "{@#",
    "comment_end_string": "#@}",
}
# One YAML file per topic; site.yml holds facts about the site itself.
DATA = Path(__file__).with_name("data")
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@cache
def variables() -> dict:
    data = {
        path.stem.replace("-", "_"): yaml.safe_load(path.read_text("utf-8"))
        for path in sorted(DATA.glob("*.yml"))
    }
    site = data["site"]
    pytest_config = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["pytest"]
    site["minimum_coverage"] = int(pytest_config["docs_line_coverage"])
    return {
        "data": data,
        "site": site,
        "pins": locked_versions(site["target_python"]),
        "skill_catalogue": skill_catalogue,
    }


def skill_catalogue() -> str:
    """The home page's skill cards, from each skill page's own front matter.

    Each card names the page (its title), says what it covers, lists its tags and the
    exact versions its examples ran against. The title's link covers the whole card.
    """
    cards = []
    for path in skill_pages():
        meta = read_meta(path)
        title = page_title(path)
        tags = "".join(
            f'<li class="skill-card__tag">{escape(tag)}</li>'
            for tag in meta.get("tags", [])
        )
        cards.append(
            '<article class="skill-card">\n'
            f'<h3 class="skill-card__title"><a href="{path.stem}/">{escape(title)}</a></h3>\n'
            f'<p class="skill-card__text">{inline_code(meta["description"])}</p>\n'
            f'<ul class="skill-card__tags" aria-label="Tags">{tags}</ul>\n'
            f'<p class="skill-card__versions">{escape(tested_with_line(meta))}</p>\n'
            "</article>"
        )
    return '<div class="skill-cards">\n' + "\n".join(cards) + "\n</div>"


def tested_with_line(meta: dict) -> str:
    """The versions a skill page's examples ran against, as the page shows them."""
    pins = variables()["pins"]
    python = variables()["site"]["target_python"]
    versions = "".join(
        f" · {name} {pins[name]}" for name in meta.get("tested_with", [])
    )
    return f"Examples tested with Python {python}{versions}"


def inline_code(text: str) -> str:
    """Escape `text` for HTML, with its `backtick` spans as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, **DELIMITERS
    )


def render_page(text: str) -> str:
    """Render a page's macros exactly as the site build does."""
    return _environment().from_string(text).render(**variables())
