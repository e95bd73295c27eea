"""Typing claims checked by mypy, the version in the lock.

A Python block that says what a type checker reports is checked by one: each line the
checker must flag ends with ``# error: <part of mypy's message>``, and a block that claims
to be clean starts with the comment ``# type-checked with mypy``. Every expected error
must be reported on its line, and mypy must report nothing else. The block still runs
like any other; the type check comes after.

mypy runs once per page, on all of the page's type-checked blocks together (each as its
own module), with the settings in ``[tool.mypy]`` of pyproject.toml.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent
EXPECTED_ERROR = re.compile(r"#\s*error:\s*(?P<message>.+?)\s*$")
CLEAN = re.compile(r"\A\s*#\s*type-checked with mypy\b")
REPORTED = re.compile(
    r"^(?P<file>[^:\n]+):(?P<line>\d+): error: (?P<message>.*)$", re.MULTILINE
)
# mypy's incremental cache lives in the test environment, so only its first run pays
# for analysing the standard library; a new environment starts a new cache.
CACHE = Path(sys.prefix, "mypy-cache")


def expected_errors(source: str, first_line: int) -> dict[int, list[str]]:
    """{page line: [expected message parts]} from ``# error:`` comments."""
    expected: dict[int, list[str]] = {}
    for number, line in enumerate(source.splitlines(), first_line):
        match = EXPECTED_ERROR.search(line)
        if match:
            expected.setdefault(number, []).append(match["message"])
    return expected


def is_type_checked(source: str) -> bool:
    return bool(CLEAN.match(source)) or any(
        EXPECTED_ERROR.search(line) for line in source.splitlines()
    )


def check_page(
    blocks: dict[tuple[str, int], str],
) -> dict[tuple[str, int], list[tuple[int, str]]]:
    """Run mypy on blocks given as {(file, first line): source}; for each block, the
    errors reported as [(line in the file, message)]."""
    with tempfile.TemporaryDirectory(prefix="typecheck-") as folder:
        files = {}
        for number, ((filename, first), source) in enumerate(blocks.items()):
            # A module name of its own each run: mypy's cache is keyed by module name,
            # and would replay what it reported for an earlier file of that name.
            unique = Path(folder).name.replace("-", "_")
            stem = re.sub(r"\W", "_", Path(filename).stem)
            path = Path(folder, f"{unique}_{number}_{stem}.py")
            # Padded, so mypy's line numbers are the page's.
            path.write_text("\n" * (first - 1) + source, "utf-8")
            files[str(path.resolve())] = (filename, first)
        stdout, stderr, status = api.run(
            [
                *("--config-file", str(ROOT / "pyproject.toml")),
                *("--cache-dir", str(CACHE)),
                *("--no-error-summary", "--no-pretty", "--show-error-codes"),
                "--hide-error-context",
                *files,
            ]
        )
    if status not in (0, 1):
        raise RuntimeError(f"mypy could not run:\n{stdout}{stderr}")
    reported: dict[tuple[str, int], list[tuple[int, str]]] = {
        block: [] for block in files.values()
    }
    for match in REPORTED.finditer(stdout):
        # mypy names a file under the working directory by its relative path.
        block = files[str(Path(match["file"]).resolve())]
        reported[block].append((int(match["line"]), match["message"]))
    return reported


def compare(
    expected: dict[int, list[str]], reported: list[tuple[int, str]]
) -> list[str]:
    """What differs between the errors a block expects and what mypy reported."""
    problems = []
    unexpected = list(reported)
    for line, parts in sorted(expected.items()):
        for part in parts:
            match = next((r for r in unexpected if r[0] == line and part in r[1]), None)
            if match is None:
                on_line = [message for number, message in reported if number == line]
                problems.append(
                    f"line {line}: expected mypy to report {part!r}, "
                    f"but it reported {on_line or 'nothing'} there"
                )
            else:
                unexpected.remove(match)
    problems += [
        f"line {line}: mypy reported an error the block does not expect: {message}"
        for line, message in unexpected
    ]
    return problems
