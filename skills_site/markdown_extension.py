"""The site's additions to every page, as a Python-Markdown extension.

Listed under ``markdown_extensions`` in mkdocs.yml, so MkDocs and Zensical both run it
(Zensical ignores MkDocs' ``hooks:``). For each page it

- stops the build when the page's front matter breaks the schema (``front_matter.py``);
- removes hidden setup blocks, turns skip directives into notes, and puts the description,
  version and tested-with line under a skill page's title (``additions.py``);
- after rendering, stops the build when the page shows a code block that is not one of its
  fenced blocks, which the test harness runs or checks (``code_account.py``).

It runs after the macros layer: MkDocs renders macros before any Markdown processing, and
Zensical's macros preprocessor has priority 35, above this one's.
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from skills_site.additions import for_readers, without_hidden_blocks
from skills_site.code_account import unaccounted_code
from skills_site.front_matter import problems
from skills_site.render import variables
from skills_site.sources import read_meta

try:  # MkDocs reports its own error type without a traceback.
    from mkdocs.exceptions import PluginError as _BuildError
except ImportError:  # Zensical
    _BuildError = RuntimeError

# Below Zensical's macros (35), above pymdownx.snippets (32) and the fences (25).
PRIORITY = 34
# Python-Markdown's raw_html (30) and amp_substitute (20) have run by then: the final HTML.
POST_PRIORITY = 5


class PageError(_BuildError):
    """A page the site must not be built with."""


def page_source(md: Markdown) -> tuple[Path, str]:
    """The source file of the page this Markdown instance is converting, and its name
    for messages (``docs/async-patterns.md``).

    Zensical registers a ``rendering_context`` preprocessor holding the page and the
    configuration; MkDocs registers its ``relpath`` tree processor, which holds the page's
    file, before converting.
    """
    if "rendering_context" in md.preprocessors:
        context = md.preprocessors["rendering_context"]
        docs = Path(context.config["root_dir"], context.config["docs_dir"])
        path = docs / context.page.path
    elif "relpath" in md.treeprocessors:
        relpath = md.treeprocessors["relpath"]
        docs = Path(relpath.config["docs_dir"])
        path = docs / relpath.file.src_uri
    else:
        raise PageError(
            "skills_site.markdown_extension: cannot tell which page is being rendered "
            "(neither Zensical's rendering context nor MkDocs' relpath processor is there)"
        )
    return path, f"{docs.name}/{path.relative_to(docs).as_posix()}"


class _Additions(Preprocessor):
    def __init__(self, md: Markdown, extension: PageAdditions) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        source, name = page_source(self.md)
        found = problems(
            source,
            source.read_text("utf-8"),
            variables()["site"]["site_pages"],
            variables()["pins"],
        )
        if found:
            raise PageError("\n".join(found))
        markdown = without_hidden_blocks("\n".join(lines))
        self.extension.page = name
        self.extension.fenced_markdown = markdown  # the rendered code must come from it
        return for_readers(markdown, read_meta(source)).split("\n")


class _CodeAccount(Postprocessor):
    def __init__(self, md: Markdown, extension: PageAdditions) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        page = self.extension.page
        if page is None:  # no page was converted (the preprocessor did not run)
            return text
        found = unaccounted_code(page, self.extension.fenced_markdown, text)
        if found:
            raise PageError("\n".join(found))
        return text


class PageAdditions(Extension):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.page: str | None = None  # the page being converted, as docs/<file>
        self.fenced_markdown = ""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(
            _Additions(md, self), "skills_site_additions", PRIORITY
        )
        md.postprocessors.register(
            _CodeAccount(md, self), "skills_site_code_account", POST_PRIORITY
        )

    def reset(self) -> None:
        self.page = None
        self.fenced_markdown = ""


def makeExtension(**kwargs) -> PageAdditions:
    return PageAdditions(**kwargs)
