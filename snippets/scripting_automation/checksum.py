#!/usr/bin/env -S uv run --script
# /// script
# requires-python = ">=3.11"
# dependencies = ["typer>=0.29"]
# ///
"""Print the SHA-256 digest of each file, in the format of sha256sum."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def checksum(
    files: Annotated[list[Path], typer.Argument(help="Files to hash.")],
) -> None:
    """Exit 1 if any file cannot be read (after hashing the others)."""
    failed = False
    for path in files:
        try:
            with path.open("rb") as handle:
                # Reads in chunks: memory stays flat however large the file is.
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as error:
            typer.echo(f"checksum: {path}: {error.strerror}", err=True)
            failed = True
            continue
        typer.echo(f"{digest}  {path}")
    if failed:
        raise typer.Exit(code=1)


if __name__ == "__main__":
    app()
