"""Count the lines that contain a word, in files or on standard input.

"-" (or no file at all) reads standard input, so the tool works in a pipe. Input is
read as UTF-8, and a byte that is not UTF-8 cannot stop the count. Each -v shows more
log detail on stderr, each -q less. The count is printed in color on a
terminal, unless NO_COLOR is set.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import sys
from collections.abc import Iterator
from typing import TextIO

log = logging.getLogger("tally")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tally", description=__doc__, allow_abbrev=False
    )
    parser.add_argument("word", help="the word to look for")
    parser.add_argument(
        "files", nargs="*", default=["-"], help="files to read; '-' is standard input"
    )
    parser.add_argument("-v", "--verbose", action="count", default=0)
    parser.add_argument("-q", "--quiet", action="count", default=0)
    return parser


def log_level(verbose: int, quiet: int) -> int:
    """WARNING by default; -v INFO, -vv DEBUG; -q ERROR, -qq CRITICAL."""
    level = logging.WARNING + 10 * (quiet - verbose)
    return min(max(level, logging.DEBUG), logging.CRITICAL)


def use_color(stream: TextIO) -> bool:
    # https://no-color.org: NO_COLOR set to anything but "" turns color off.
    return not os.environ.get("NO_COLOR") and stream.isatty()


@contextlib.contextmanager
def open_input(name: str) -> Iterator[TextIO]:
    # errors="replace": a byte that is not UTF-8 (a Latin-1 file, binary junk)
    # becomes U+FFFD instead of a UnicodeDecodeError.
    if name == "-":
        # sys.stdin decodes with the locale's settings, strictly under most UTF-8
        # locales: read its bytes with the same rules as a file instead.
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        try:
            yield stdin
        finally:
            stdin.detach()  # sys.stdin is not ours to close
    else:
        with open(name, encoding="utf-8", errors="replace") as handle:
            yield handle


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr,
        level=log_level(args.verbose, args.quiet),
        format="%(levelname)s %(name)s: %(message)s",
    )
    total, failed = 0, False
    for name in args.files:
        try:
            with open_input(name) as lines:
                found = sum(args.word in line for line in lines)
        except OSError as error:
            log.error("%s", error)
            failed = True
            continue
        log.info("%s: %d matching lines", name, found)
        total += found
    log.debug("total %d", total)
    text = str(total)
    print(f"\033[1m{text}\033[0m" if use_color(sys.stdout) else text)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
