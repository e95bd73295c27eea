"""What the site adds to a page for its readers, as plain text functions of the Markdown.

``<!-- skip: next "reason" -->`` tells the harness not to run the next block; readers see
the reason in a note above that block. A page's ``tested_with`` front matter becomes a
line under its title naming the exact versions its examples ran against. Hidden setup
blocks (``<!-- invisible-code-block: ... -->``) are for the test run only and are removed.

The site build applies these through a Python-Markdown extension
(``skills_site/markdown_extension.py``), which MkDocs and Zensical both run; the agent
exports (``skills_site/export.py``) apply the same functions to the page sources.
"""

from __future__ import annotations

import ast
import re

from skills_site.render import tested_with_line

SKIP = re.compile(
    r"^(?P<indent>[ \t]*)<!--\s*skip:\s*next\s+(?P<args>.+?)\s*-->[ \t]*$", re.MULTILINE
)
HIDDEN_BLOCK = re.compile(
    r"^[ \t]*<!--\s*invisible-code-block:.*?-->[ \t]*\n\n?", re.DOTALL | re.MULTILINE
)
TITLE = re.compile(r"^# .+$", re.MULTILINE)


def skip_text(match: re.Match) -> tuple[str, str]:
    """A skip directive as a note for readers: (title, text)."""
    args = match["args"]
    if args.startswith("if"):
        call = ast.parse(f"skip{args[2:]}", mode="eval").body
        condition = ast.unparse(call.args[0])
        reason = next(k.value.value for k in call.keywords if k.arg == "reason")
        return "Tested where it can run", f"Skipped when `{condition}`: {reason}"
    return "Not tested here", f"Not run by the test suite: {ast.literal_eval(args)}"


def skip_note(match: re.Match) -> str:
    """A skip directive as an admonition in the page's Markdown."""
    indent = match["indent"]
    title, text = skip_text(match)
    return f'{indent}!!! note "{title}"\n{indent}    {text}\n'


def skill_meta(meta: dict) -> str:
    """What a skill page shows under its title: its description, version and versions,
    and a link to its reproduction (``skills_site/reproduce.py``), one level up from the
    page's own folder."""
    reproduction = f"../reproduce/{meta['name']}.zip"
    return (
        f'\n<p class="skill-meta"><em>{meta["description"]}</em><br>\n'
        f"<small>Skill version {meta['version']} · {tested_with_line(meta)}</small><br>\n"
        f'<a class="reproduce" href="{reproduction}" download>'
        "Run these examples yourself</a></p>\n"
    )


def without_hidden_blocks(markdown: str) -> str:
    """The page without its hidden setup blocks: those never reach a reader."""
    return HIDDEN_BLOCK.sub("", markdown)


def for_readers(markdown: str, meta: dict) -> str:
    """A page's Markdown (macros rendered, hidden blocks removed) with the skip notes and,
    on a skill page, the line under its title."""
    markdown = SKIP.sub(skip_note, markdown)
    if "name" in meta:  # a skill page
        line = skill_meta(meta)
        markdown = TITLE.sub(lambda title: title[0] + "\n" + line, markdown, count=1)
    return markdown
