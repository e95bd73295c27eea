"""mkdocs hooks: make the test harness's directives visible to readers.

``<!-- skip: next "reason" -->`` tells the harness not to run the next block; readers see
the reason in a note above that block. A page's ``tested_with`` front matter becomes a
line under its title naming the exact versions its examples ran against.
"""

from __future__ import annotations

import ast
import re

from skills_site.render import variables

SKIP = re.compile(
    r"^(?P<indent>[ \t]*)<!--\s*skip:\s*next\s+(?P<args>.+?)\s*-->", re.MULTILINE
)
TITLE = re.compile(r"^# .+$", re.MULTILINE)


def skip_note(match: re.Match) -> str:
    args = match["args"]
    if args.startswith("if"):
        call = ast.parse(f"skip{args[2:]}", mode="eval").body
        condition = ast.unparse(call.args[0])
        reason = next(k.value.value for k in call.keywords if k.arg == "reason")
        text = f"Not run when `{condition}`: {reason}"
    else:
        text = f"Not run by the test suite: {ast.literal_eval(args)}"
    indent = match["indent"]
    return f'{indent}!!! note "Not tested here"\n{indent}    {text}\n'


def tested_with(page) -> str:
    names = page.meta.get("tested_with", [])
    pins = variables()["pins"]
    python = variables()["site"]["target_python"]
    versions = " · ".join(f"{name} {pins[name]}" for name in names)
    return f"Examples tested with Python {python}" + (
        f" · {versions}" if versions else ""
    )


def on_page_markdown(markdown: str, page, config, files) -> str:
    markdown = SKIP.sub(skip_note, markdown)
    if "name" in page.meta:  # a skill page
        line = f'\n<p class="tested-with">{tested_with(page)}</p>\n'
        markdown = TITLE.sub(lambda title: title[0] + "\n" + line, markdown, count=1)
    return markdown
