"""Replace a file atomically: readers see the old content or the new, never half."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterable
from pathlib import Path

# O_EXCL: create the file or fail, never open one that someone else made. (Python
# makes every descriptor non-inheritable already: no O_CLOEXEC needed.)
FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL


def atomic_write_text(
    path: Path,
    chunks: str | Iterable[str],
    *,
    encoding: str = "utf-8",
    mode: int = 0o644,
) -> None:
    """Write ``chunks`` to a temporary file next to ``path``, then rename it over.

    An existing file keeps its permission bits. A new one gets ``mode`` minus
    the umask, exactly like a file created by ``open()``. A symbolic link stays a
    link: the file it points to is replaced. If anything fails before the
    rename, ``path`` is untouched and the temporary file is removed.
    """
    # Write where open() would: through a symbolic link, not over the link itself.
    path = Path(path).resolve()
    existing = path.exists()
    # Same directory, hence same file system: os.replace is then an atomic rename.
    # The kernel applies the umask to the mode given to os.open, so a new file is
    # never more open than the user asked for. An existing file's copy starts
    # private (0o600) and gets the old file's bits before any data is written.
    while True:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(temporary, FLAGS, 0o600 if existing else mode)
            break
        except FileExistsError:  # a name another writer is using: draw again
            continue
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            if existing:
                shutil.copymode(path, temporary)
            for chunk in [chunks] if isinstance(chunks, str) else chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())  # the data is on disk before the rename
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
