"""Collect every fenced block in docs/ and give it the evaluator for its language.

Sybil's own Markdown code-block parser only matches an info string that is exactly the
language name, so ```python title="app.py"``` would be silently ignored. Here the whole
info string is lexed and the language is its first word; every fence that is not picked
up by a parser is reported by ``tests/test_fences.py``.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from sybil import Document, Lexeme, Sybil
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown import SkipParser
from sybil.parsers.markdown.lexers import (
    DirectiveInHTMLCommentLexer,
    FencedCodeBlockLexer,
)

from skills_site.fences import language_of
from skills_site.render import render_page
from tests import evaluate

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

LEXERS = (
    FencedCodeBlockLexer(r".+", mapping={"language": "info", "source": "source"}),
    DirectiveInHTMLCommentLexer(
        r"invisible-code-block",
        r"\w+",
        mapping={"arguments": "info", "source": "source"},
    ),
)


def fenced_blocks(document: Document):
    """Yield one region per fenced or invisible block, evaluated by its language."""
    doctests = DocTestStringParser(evaluate.DOCTEST)
    for lexer in LEXERS:
        for region in lexer(document):
            language = language_of(region.lexemes["info"])
            evaluator = evaluate.EVALUATORS.get(language)
            if evaluator is None:
                continue  # reported as unaccounted for by test_fences
            # Macros are rendered per block, as the site shows it; a block's lines stay
            # where they are on the page whatever the prose's macros expand to.
            raw = region.lexemes["source"]
            source = Lexeme(render_page(raw), raw.offset, raw.line_offset)
            if evaluator is evaluate.PYTHON and source.startswith(">>>"):
                for doctest_region in doctests(source, document.path):
                    doctest_region.adjust(region, source)
                    yield doctest_region
                continue
            region.parsed = source
            region.evaluator = evaluator
            yield region


def skips_with_reasons(document: Document):
    """Sybil's skip directive, limited to what the site shows readers: ``skip: next``
    with a reason, rendered as a note above the block it skips."""
    for region in SkipParser()(document):
        action, reason = region.parsed
        line = document.text.count("\n", 0, region.start) + 1
        if action != "next":
            raise ValueError(
                f"{document.path}:{line}: use 'skip: next' before each block"
            )
        if not reason:
            raise ValueError(f"{document.path}:{line}: 'skip: next' needs a reason")
        yield region


def setup_page(namespace: dict) -> None:
    # The names a skip condition may use, e.g. if(sys.version_info < (3, 14), ...).
    import sys

    namespace["sys"] = sys


DOCS_SYBIL = Sybil(
    parsers=[fenced_blocks, skips_with_reasons],
    patterns=["*.md"],
    path=str(DOCS),
    setup=setup_page,
    teardown=evaluate.close_page,
    fixtures=["hermetic_page"],
)

pytest_collect_file = DOCS_SYBIL.pytest()


def parse(path: Path) -> Document:
    return DOCS_SYBIL.parse(path)


# --- page order: shuffled per run (seeded), blocks within a page kept in order ---


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "docs_dir",
        "the folder of pages to collect (the harness's self-tests point it elsewhere)",
        default="docs",
    )
    parser.addoption(
        "--page",
        default=None,
        help="check one page only: its blocks, and the checks of the whole run that "
        "concern it (fences, lint, front matter, export, its snippets' tests)",
    )
    parser.addoption(
        "--update-output",
        action="store_true",
        help="rewrite each output block that differs with what its Python block printed",
    )
    parser.addoption(
        "--page-order-seed",
        type=int,
        default=None,
        help="seed for the random order of test files (default: a new one each run)",
    )


def pytest_configure(config: pytest.Config) -> None:
    evaluate.Output.update = config.getoption("update_output")
    DOCS_SYBIL.path = (config.rootpath / config.getini("docs_dir")).resolve()
    workerinput = getattr(config, "workerinput", {})
    seed = workerinput.get("page_order_seed", config.getoption("page_order_seed"))
    config.page_order_seed = random.randrange(10**6) if seed is None else seed


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    node.workerinput["page_order_seed"] = node.config.page_order_seed


def pytest_report_header(config: pytest.Config) -> str:
    return f"page order: --page-order-seed={config.page_order_seed}"


def about_another_page(item: pytest.Item, page: Path) -> bool:
    """Whether an item checks a page other than ``page``: a block of that page, or a
    test parametrized by it (its id names the page)."""
    if item.path.suffix == ".md":
        return item.path.resolve() != page
    callspec = getattr(item, "callspec", None)
    if callspec is None:
        return False
    words = set(re.split(r"[/:.\[\]]", callspec.id))
    others = {path.stem for path in DOCS_SYBIL.path.glob("*.md")} - {page.stem}
    return bool(words & others)


def pytest_collection_modifyitems(config: pytest.Config, items: list) -> None:
    page = config.getoption("page")
    if page is not None:
        chosen = Path(config.invocation_params.dir, page).resolve()
        if not chosen.is_file():
            raise pytest.UsageError(f"--page {page}: no such page")
        keep = [item for item in items if not about_another_page(item, chosen)]
        config.hook.pytest_deselected(items=[i for i in items if i not in keep])
        items[:] = keep
    files: dict = {}
    for item in items:
        files.setdefault(item.path, []).append(item)
    order = sorted(files, key=str)
    random.Random(config.page_order_seed).shuffle(order)
    items[:] = [item for path in order for item in files[path]]
