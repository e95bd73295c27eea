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


def main(items: list[str]) -> int:
    try:
        process(items, sys.stdout, sys.stderr)
        sys.stdout.flush()  # a broken pipe shows up here at the latest
    except BrokenPipeError:
        # The reader stopped early (`progress.py ... | head -1`): that is not an
        # error to report. Point stdout at /dev/null so the flush at exit cannot
        # fail again, and exit as a process ended by SIGPIPE would (128 + 13).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
