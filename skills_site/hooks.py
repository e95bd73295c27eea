"""The names other code has imported from here, kept working.

The site's additions to a page now live in ``skills_site/additions.py`` and reach the
built pages through ``skills_site/markdown_extension.py``, which MkDocs and Zensical both
run; this module is no longer an MkDocs hook.
"""

from __future__ import annotations

from skills_site.additions import (
    HIDDEN_BLOCK,
    SKIP,
    TITLE,
    skip_note,
    skip_text,
    tested_with_line,
)

__all__ = [
    "HIDDEN_BLOCK",
    "SKIP",
    "TITLE",
    "skip_note",
    "skip_text",
    "tested_with_line",
]
