"""Process items, printing results to stdout and a progress counter to stderr.

The counter appears only when stderr is an interactive terminal, so logs, pipes
and CI output stay clean.
"""

from __future__ import annotations

import hashlib
import os
import sys
from typing import TextIO


def wants_progress(stream: TextIO) -> bool:
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def process(items: list[str], out: TextIO, err: TextIO) -> None:
    show = wants_progress(err)
    for done, item in enumerate(items, start=1):
        out.write(f"{item} {hashlib.sha256(item.encode()).hexdigest()[:12]}\n")
        if show:
            err.write(f"\r{done}/{len(items)} processed")
            err.flush()
    if show:
        err.write("\n")


if __name__ == "__main__":
    process(sys.argv[1:], sys.stdout, sys.stderr)
