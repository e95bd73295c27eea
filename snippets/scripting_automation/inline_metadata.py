"""Read a PEP 723 inline metadata block, as tools such as uv do."""

from __future__ import annotations

import re
import tomllib

# The reference regular expression from the PEP 723 specification.
BLOCK = re.compile(
    r"(?m)^# /// (?P<type>[a-zA-Z0-9-]+)$\s(?P<content>(^#(| .*)$\s)+)^# ///$"
)


def read_inline_metadata(source: str, block_type: str = "script") -> dict | None:
    """Return the parsed TOML of the ``block_type`` block, or None if there is none.

    Two blocks of the same type are an error, as the specification requires.
    """
    found = [m for m in BLOCK.finditer(source) if m["type"] == block_type]
    if not found:
        return None
    if len(found) > 1:
        raise ValueError(f"more than one '{block_type}' metadata block")
    lines = found[0]["content"].splitlines(keepends=True)
    # Each line is "#" alone or "# " followed by TOML: drop that prefix.
    toml = "".join(line[2:] if line.startswith("# ") else line[1:] for line in lines)
    return tomllib.loads(toml)
