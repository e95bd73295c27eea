"""mkdocs hooks: make the harness's directives visible to readers.

``<!-- skip: next "reason" -->`` tells the harness not to run the next block; readers see
the reason in a note above that block. A page's ``tested_with`` front matter becomes a
line under its title naming the exact versions its examples ran against. The Markdown
twins, ``llms.txt`` and ``llms-full.txt`` are written by ``skills_site/llms.py``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from skills_site.render import variables

SKIP = re.compile(
    r"^(?P<indent>[ \t]*)<!--\s*skip:\s*next\s+(?P<args>.+?)\s*-->[ \t]*$", re.MULTILINE
)
HIDDEN_BLOCK = re.compile(
    r"^[ \t]*<!--\s*invisible-code-block:.*?-->[ \t]*\n\n?", re.DOTALL | re.MULTILINE
)
ROOT = Path(__file__).resolve().parent.parent
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
    indent = match["indent"]
    title, text = skip_text(match)
    return f'{indent}!!! note "{title}"\n{indent}    {text}\n'


def tested_with_line(meta: dict) -> str:
    pins = variables()["pins"]
    python = variables()["site"]["target_python"]
    versions = "".join(
        f" · {name} {pins[name]}" for name in meta.get("tested_with", [])
    )
    return f"Examples tested with Python {python}{versions}"


def check_front_matter(page) -> None:
    """A page with front matter that breaks the schema stops the build, named by line."""
    from mkdocs.exceptions import PluginError

    from skills_site.front_matter import problems

    path = Path(page.file.abs_src_path)
    found = problems(
        path,
        path.read_text("utf-8"),
        variables()["site"]["site_pages"],
        variables()["pins"],
    )
    if found:
        raise PluginError("\n".join(found))


def on_page_markdown(markdown: str, page, config, files) -> str:
    check_front_matter(page)
    # Hidden setup blocks are for the test run only: they never reach the HTML.
    markdown = HIDDEN_BLOCK.sub("", markdown)
    page.fenced_markdown = markdown  # what the rendered page's code must come from
    markdown = SKIP.sub(skip_note, markdown)
    if "name" in page.meta:  # a skill page
        meta = page.meta
        line = (
            f'\n<p class="skill-meta"><em>{meta["description"]}</em><br>\n'
            f"<small>Skill version {meta['version']} · {tested_with_line(meta)}</small></p>\n"
        )
        markdown = TITLE.sub(lambda title: title[0] + "\n" + line, markdown, count=1)
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    from mkdocs.exceptions import PluginError

    from skills_site.code_account import unaccounted_code

    page_path = (
        f"{config['docs_dir'].removeprefix(str(ROOT) + '/')}/{page.file.src_path}"
    )
    problems = unaccounted_code(page_path, page.fenced_markdown, html)
    if problems:
        raise PluginError("\n".join(problems))
    return html
