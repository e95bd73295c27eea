#!/usr/bin/env -S uv run --script
# /// script
# requires-python = ">=3.11"
# dependencies = []
# ///
"""Sum one column of a CSV file and print the total.

Data goes to stdout, diagnostics to stderr. Exit codes: 0 success, 1 bad input,
2 wrong usage.
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

log = logging.getLogger("csv_total")


def build_parser() -> argparse.ArgumentParser:
    # allow_abbrev=False: "--col" is an error, not a silent alias of "--column".
    parser = argparse.ArgumentParser(
        prog="csv_total", description=__doc__, allow_abbrev=False
    )
    parser.add_argument("file", type=Path, help="CSV file with a header row")
    parser.add_argument("--column", default="amount", help="column to sum")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log progress to stderr"
    )
    return parser


def total(path: Path, column: str) -> Decimal:
    """Sum ``column``; raise ValueError naming the row that is not a number."""
    with path.open(newline="", encoding="utf-8") as handle:
        # restval="": a row with fewer fields has "" in the missing ones, not None.
        reader = csv.DictReader(handle, restval="")
        if column not in (reader.fieldnames or []):
            raise ValueError(f"{path}: no column {column!r}")
        result, rows = Decimal(0), 0
        for row in reader:
            try:
                amount = Decimal(row[column])
            except InvalidOperation:
                amount = Decimal("NaN")
            if not amount.is_finite():  # Decimal also reads "NaN" and "Infinity"
                # line_num counts the lines read, blank lines and quoted newlines too.
                where = f"{path}:{reader.line_num}"
                raise ValueError(f"{where}: {row[column]!r} is not a number")
            result += amount
            rows += 1
    log.info("summed %d rows of %s", rows, path)
    return result


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # exits with 2 on a usage error
    logging.basicConfig(
        stream=sys.stderr,
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        result = total(args.file, args.column)
    except (OSError, ValueError) as error:
        log.error("%s", error)
        return 1
    print(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
