"""Mutation testing of the pages: does a page notice when its code computes something
else? A seeded sample of small mutants of the visible Python blocks and of the snippets
they include, each run against its page in a copy of the project; a mutant the page
still passes with "survives". Run with ``nox -s mutate``.

The operators are small and text-precise (one token or one line changed), because a
maintained mutation tool (mutmut, cosmic-ray) mutates importable modules, not code
blocks inside Markdown.
"""

from __future__ import annotations

import argparse
import ast
import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import tokenize
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from skills_site.fences import fences, language_of

ROOT = Path(__file__).resolve().parent.parent
INCLUDE = re.compile(r'--8<--\s+"(?P<path>[^":]+)"')
COPIED = (
    *("docs", "snippets", "tests", "skills_site"),
    *("conftest.py", "pyproject.toml", "uv.lock"),
)
TOP_LEVEL_AWAIT = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
COMPARISONS = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
SIMPLE_STATEMENT = re.compile(
    r"^\s*(?!(?:def|class|if|elif|else|for|while|with|try|except|finally|async|"
    r"return|assert|import|from|@|#|\)|\]|\}))\S"
)


# Mutants that change the code but nothing the page claims, each with the reason. They
# are printed and left out of the score: no check could notice them, and none should.
EQUIVALENT = {
    (
        "docs/django-patterns.md",
        "secrets.token_urlsafe(50)",
        "secrets.token_urlsafe(51)",
    ): "any secret key of 50 random bytes or more serves",
    (
        "docs/api-security-python.md",
        "secrets.token_hex(16)",
        "secrets.token_hex(17)",
    ): "a token id only has to be unique; 16 or 17 random bytes both are",
    (
        "docs/python-patterns.md",
        "stack.push(3)",
        "stack.push(4)",
    ): "the claim is the type checker's error for any int",
    (
        "docs/scripting-automation.md",
        "producer.wait(timeout=30)",
        "producer.wait(timeout=31)",
    ): "a limit for a process that ends at once; any generous value serves",
    (
        "docs/python-performance.md",
        "zip(xs, ys, strict=True)",
        "zip(xs, ys, strict=False)",
    ): "the inputs always have equal lengths; strict only guards later edits",
    (
        "snippets/pytest_testing/async_basics.py",
        "await asyncio.sleep(0)",
        "pass",
    ): "the example coroutine only has to be awaitable; what it awaits is not the point",
    (
        "docs/api-security-python.md",
        '"is_admin": True})',
        '"is_admin": False})',
    ): "extra='forbid' refuses the unknown key whatever its value",
}


@dataclass(frozen=True)
class Mutant:
    file: str  # relative to the project root
    line: int  # 1-based line in that file
    original: str
    mutated: str
    operator: str
    page: str  # the page that includes the code

    @property
    def equivalent(self) -> str | None:
        """Why this mutant cannot change what the page claims, if it is listed."""
        indent = self.original[: len(self.original) - len(self.original.lstrip())]
        for (file, original, mutated), reason in EQUIVALENT.items():
            if mutated == "pass":  # the whole statement removed
                expected = indent + "pass"
            else:
                expected = self.original.replace(original, mutated)
            if (self.file, self.mutated) == (
                file,
                expected,
            ) and original in self.original:
                return reason
        return None

    @property
    def behavioural(self) -> bool:
        """A mutant on an ``assert`` line weakens a check; any other changes what the
        code does, which the page should notice."""
        return not self.original.lstrip().startswith("assert")

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line} ({self.operator}): "
            f"{self.original.strip()!r} -> {self.mutated.strip()!r}"
        )


def python_blocks(page: Path, root: Path) -> list[tuple[str, int, list[str]]]:
    """(file, number of its first line, lines) of the page's visible Python blocks and
    of the snippets they include."""
    text = page.read_text("utf-8")
    lines = text.splitlines()
    found = []
    for first, last, info in fences(text):
        if language_of(info) not in ("python", "py"):
            continue
        body = lines[first : last - 1]
        include = INCLUDE.fullmatch("\n".join(body).strip())
        if include is not None:
            snippet = (root / include["path"]).read_text("utf-8").splitlines()
            found.append((include["path"], 1, snippet))
        elif not (body and body[0].lstrip().startswith(">>>")):
            found.append((str(page.relative_to(root)), first + 1, body))
    return found


def string_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines that continue a string begun on an earlier line."""
    inside: set[int] = set()
    try:
        tokens = tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline)
        for token in tokens:
            if token.type == tokenize.STRING and token.end[0] > token.start[0]:
                inside.update(
                    range(token.start[0], token.end[0])
                )  # 0-based: next lines
    except (tokenize.TokenError, SyntaxError):
        pass
    return inside


def compiles(lines: list[str]) -> bool:
    try:
        compile("\n".join(lines), "<mutant>", "exec", flags=TOP_LEVEL_AWAIT)
    except SyntaxError:
        return False
    return True


def line_mutations(line: str) -> list[tuple[str, str]]:
    """(operator, mutated line) for each mutation of one line of code."""
    try:
        tokens = list(
            tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline)
        )
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []
    indent = line[: len(line) - len(line.lstrip())]
    stripped = line.strip()
    found = []
    for token in tokens:
        start, end = token.start[1], token.end[1]
        replacement, operator = None, None
        if token.type == tokenize.OP and token.string in COMPARISONS:
            replacement, operator = COMPARISONS[token.string], "comparison flipped"
        elif token.type == tokenize.NAME and token.string in ("True", "False"):
            replacement = "False" if token.string == "True" else "True"
            operator = "boolean swapped"
        elif token.type == tokenize.NUMBER and token.string.isdigit():
            replacement, operator = str(int(token.string) + 1), "integer changed"
        if replacement is not None:
            found.append(
                (operator, indent + stripped[:start] + replacement + stripped[end:])
            )
    if stripped.startswith("return ") and stripped != "return None":
        found.append(("return value dropped", indent + "return None"))
    # A statement (not a docstring or other bare literal) whose removal changes what
    # the code does.
    statement = tokens[0].type == tokenize.NAME and SIMPLE_STATEMENT.match(line)
    if (
        statement
        and stripped != "pass"
        and not stripped.endswith(("(", "[", "{", ",", "\\"))
    ):
        found.append(("statement removed", indent + "pass"))
    return found


def all_mutants(root: Path = ROOT) -> list[Mutant]:
    """Every mutant of every page's code that still compiles: a syntax error proves
    nothing about the page's checks."""
    mutants = []
    for page in sorted((root / "docs").glob("*.md")):
        page_name = str(page.relative_to(root))
        for file, first, lines in python_blocks(page, root):
            in_strings = string_lines(lines)
            for index, text in enumerate(lines):
                if not text.strip() or text.lstrip().startswith("#"):
                    continue
                if index in in_strings:
                    continue  # a line of a multi-line string: text, not code
                for operator, mutated in line_mutations(text):
                    changed = [*lines[:index], mutated, *lines[index + 1 :]]
                    if compiles(changed):
                        mutants.append(
                            Mutant(
                                file, first + index, text, mutated, operator, page_name
                            )
                        )
    return mutants


class Workspace:
    """A copy of the project in which one mutant at a time is applied and its page run."""

    def __init__(self, python: str, source_root: Path = ROOT) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="mutate-"))
        for name in COPIED:
            source = source_root / name
            if source.is_dir():
                shutil.copytree(source, self.root / name)
            else:
                shutil.copy2(source, self.root / name)
        self.python = python
        self.report = ""  # what the last page run printed

    def passes(self, page: str, timeout: float) -> bool:
        command = [
            *(self.python, "-m", "pytest", "-q", "-x", "-n", "0"),
            *("-o", "docs_line_coverage=0", "-o", f"timeout={timeout:g}"),
            page,
        ]
        try:
            completed = subprocess.run(
                command,
                cwd=self.root,
                capture_output=True,
                timeout=timeout * 3,
                check=False,
            )
        except subprocess.TimeoutExpired:
            self.report = f"{page}: no verdict within {timeout * 3:g} s"
            return False
        self.report = completed.stdout.decode(errors="replace")
        return completed.returncode == 0

    def survives(self, mutant: Mutant, timeout: float) -> bool:
        path = self.root / mutant.file
        original = path.read_text("utf-8")
        lines = original.split("\n")
        assert lines[mutant.line - 1] == mutant.original, mutant
        lines[mutant.line - 1] = mutant.mutated
        path.write_text("\n".join(lines), "utf-8")
        try:
            return self.passes(mutant.page, timeout)
        finally:
            path.write_text(original, "utf-8")

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("pages", nargs="*", help="only mutants of these pages")
    args = parser.parse_args()

    # One snapshot of the project: the mutants and every workspace come from it, so
    # edits made while the run goes on change neither.
    snapshot = Workspace(sys.executable)
    mutants = all_mutants(snapshot.root)
    if args.pages:
        wanted = {str(Path(page)) for page in args.pages}
        mutants = [mutant for mutant in mutants if mutant.page in wanted]
    sample = random.Random(args.seed).sample(mutants, min(args.count, len(mutants)))
    print(f"{len(sample)} of {len(mutants)} mutants, seed {args.seed}", flush=True)

    local = threading.local()
    workspaces: list[Workspace] = []
    lock = threading.Lock()

    def workspace() -> Workspace:
        if not hasattr(local, "workspace"):
            local.workspace = Workspace(sys.executable, snapshot.root)
            with lock:
                workspaces.append(local.workspace)
        return local.workspace

    def run(mutant: Mutant) -> tuple[Mutant, bool]:
        return mutant, workspace().survives(mutant, args.timeout)

    try:
        for page in sorted({mutant.page for mutant in sample}):
            if not workspace().passes(page, args.timeout):
                print(workspace().report[-4000:], file=sys.stderr)
                print(f"{page} fails without any mutant: fix it first", file=sys.stderr)
                return 2
        with ThreadPoolExecutor(args.workers) as pool:
            results = list(pool.map(run, sample))
    finally:
        for each in [*workspaces, snapshot]:
            each.remove()

    for mutant, survived in results:
        if mutant.equivalent:
            verdict = "survived" if survived else "killed"
            print(f"equivalent, {verdict}, not counted: {mutant} ({mutant.equivalent})")
    results = [
        (mutant, survived) for mutant, survived in results if not mutant.equivalent
    ]
    survivors = [mutant for mutant, survived in results if survived]
    behavioural = [mutant for mutant, _ in results if mutant.behavioural]
    behavioural_survivors = [mutant for mutant in survivors if mutant.behavioural]
    for mutant in survivors:
        kind = "behaviour" if mutant.behavioural else "assert"
        print(f"survived [{kind}] {mutant}  (page {mutant.page})")
    killed = len(results) - len(survivors)
    print(f"killed {killed}/{len(results)} ({killed / len(results):.0%})")
    killed_behavioural = len(behavioural) - len(behavioural_survivors)
    share = killed_behavioural / len(behavioural) if behavioural else 1.0
    print(
        f"behaviour-changing mutants killed: {killed_behavioural}/{len(behavioural)} "
        f"({share:.0%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
