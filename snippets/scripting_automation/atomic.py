"""Replace a file atomically: readers see the old content or the new, never half."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write_text(
    path: Path,
    chunks: str | Iterable[str],
    *,
    encoding: str = "utf-8",
    mode: int = 0o644,
) -> None:
    """Write ``chunks`` to a temporary file next to ``path``, then rename it over.

    An existing file keeps its permission bits; a new one gets ``mode``.
    If anything fails before the rename, ``path`` is untouched and the
    temporary file is removed.
    """
    path = Path(path)
    # Same directory, hence same file system: os.replace is then an atomic rename.
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            for chunk in [chunks] if isinstance(chunks, str) else chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())  # the data is on disk before the rename
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            temporary.chmod(mode)  # mkstemp creates files readable by the owner only
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if os.name == "posix":  # make the rename itself durable
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
