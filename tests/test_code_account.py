"""The rendered half of the block account: code a reader sees that is not a fenced
block fails the build, named by page and line."""

from __future__ import annotations

from textwrap import dedent

import markdown

from skills_site.code_account import unaccounted_code

PAGE = dedent(
    """\
    # Page

    ```python
    print("a fenced block: the harness runs it")
    ```

    ## Shell

    Shown as code after a paragraph, by indentation alone:

        rm -rf build/

    <pre><code>raw &lt;html&gt; code</code></pre>

    ```python
    --8<-- "snippets/template_page/greeting.py"
    ```
    """
)


def rendered(text: str) -> str:
    extensions = ["pymdownx.highlight", "pymdownx.superfences", "pymdownx.snippets"]
    return markdown.markdown(
        text,
        extensions=extensions,
        extension_configs={"pymdownx.snippets": {"base_path": ["."]}},
    )


def test_code_that_is_not_a_fenced_block_is_named_by_page_and_line(monkeypatch):
    from tests.collect import ROOT

    monkeypatch.chdir(ROOT)  # where the snippets include resolves, as in the build
    problems = unaccounted_code("docs/page.md", PAGE, rendered(PAGE))
    assert [problem.split(" (")[0] for problem in problems] == [
        "docs/page.md:11: code block 2",
        "docs/page.md:13: code block 3",
    ]
    assert "under 'Shell', starting 'rm -rf build/'" in problems[0]
    assert "starting 'raw <html> code'" in problems[1]


def test_a_page_of_fenced_blocks_is_fully_accounted_for(monkeypatch):
    from tests.collect import ROOT

    monkeypatch.chdir(ROOT)
    fenced = PAGE.split("## Shell")[0]
    assert unaccounted_code("docs/page.md", fenced, rendered(fenced)) == []
