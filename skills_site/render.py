"""Variables and Jinja settings shared by the macros layer (mkdocs-macros, or Zensical's
port of it) and the test harness.

Macros use ``{@ ... @}`` (and ``{@% ... %@}``) instead of Jinja's defaults, so a code block
that contains ``{{ }}`` or ``{% %}`` is shown verbatim.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import jinja2
import yaml

from skills_site.pins import locked_versions
from skills_site.sources import read_meta, skill_pages

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
    """A Markdown table of the skill pages, from their own front matter."""
    rows = ["| Skill | What it covers |", "| --- | --- |"]
    for path in skill_pages():
        meta = read_meta(path)
        rows.append(f"| [{meta['name']}]({path.name}) | {meta['description']} |")
    return "\n".join(rows)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, **DELIMITERS
    )


def render_page(text: str) -> str:
    """Render a page's macros exactly as the site build does."""
    return _environment().from_string(text).render(**variables())
