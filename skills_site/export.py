"""Export skill pages as standalone Markdown for coding agents.

A page becomes a ``SKILL.md``: front matter (name, version, description) and the body
with macros rendered, hidden setup blocks and harness directives removed (a skip becomes
a visible note), included snippets inlined, and site-only markup turned into plain
Markdown. ``python -m skills_site.export DIR`` writes ``DIR/<name>/SKILL.md``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from skills_site.hooks import (
    HIDDEN_BLOCK,
    SKIP,
    skip_text,
    tested_with_line,
)
from skills_site.render import render_page

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?)\n---\n", re.DOTALL)
INCLUDE = re.compile(
    r'^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^\n]*)\n[ \t]*--8<--\s+"(?P<path>[^"]+)"\n'
    r"[ \t]*(?P=fence)[ \t]*$",
    re.MULTILINE,
)
FENCE_INFO = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})\{?\.?(?P<language>[\w+-]+)[^\n]*$",
    re.MULTILINE,
)
ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?) *(?P<kind>\w+)(?: +"(?P<title>[^"]*)")?\n'
    r"(?P<body>(?:(?P=indent)(?:    |\t).*\n|[ \t]*\n)*)",
    re.MULTILINE,
)
TESTED_WITH = re.compile(r"^# .+$", re.MULTILINE)
KEPT_META = ("name", "version", "description")


def skill_pages() -> list[Path]:
    return sorted(p for p in DOCS.glob("*.md") if "name" in read_meta(p))


def read_meta(path: Path) -> dict:
    match = FRONT_MATTER.match(path.read_text("utf-8"))
    return yaml.safe_load(match["meta"]) if match else {}


def _inline(match: re.Match) -> str:
    indent = match["indent"]
    code = (ROOT / match["path"]).read_text("utf-8").rstrip("\n")
    lines = [indent + line if line else "" for line in code.splitlines()]
    return (
        f"{indent}{match['fence']}{match['info']}\n"
        + "\n".join(lines)
        + f"\n{indent}{match['fence']}"
    )


def _admonition(match: re.Match) -> str:
    indent, title = match["indent"], match["title"] or match["kind"].capitalize()
    body = [
        line.removeprefix(indent).removeprefix("    ")
        for line in match["body"].splitlines()
    ]
    quoted = "\n".join(
        f"{indent}> {line}".rstrip() for line in [f"**{title}**", "", *body]
    )
    return quoted.rstrip() + "\n\n"


def _skip_note(match: re.Match) -> str:
    title, text = skip_text(match)
    return f"{match['indent']}> **{title}.** {text}\n"


def export_page(path: Path) -> tuple[dict, str]:
    """The page's kept front matter and its body as standalone Markdown."""
    text = render_page(path.read_text("utf-8"))
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match["meta"])
    body = text[match.end() :]
    body = HIDDEN_BLOCK.sub("", body)
    body = SKIP.sub(_skip_note, body)
    body = INCLUDE.sub(_inline, body)
    body = FENCE_INFO.sub(lambda m: f"{m['indent']}{m['fence']}{m['language']}", body)
    body = ADMONITION.sub(_admonition, body)
    body = TESTED_WITH.sub(
        lambda t: f"{t[0]}\n\n{tested_with_line(meta)}", body, count=1
    )
    return {key: meta[key] for key in KEPT_META}, body.strip() + "\n"


def skill_markdown(path: Path) -> str:
    meta, body = export_page(path)
    return f"---\n{yaml.safe_dump(meta, sort_keys=False, width=1000)}---\n\n{body}"


def main(out: str) -> None:
    for path in skill_pages():
        name = read_meta(path)["name"]
        target = Path(out, name, "SKILL.md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(skill_markdown(path), "utf-8")
        print(target)


if __name__ == "__main__":
    main(*sys.argv[1:] or ["dist/skills"])
