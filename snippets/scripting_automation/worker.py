"""A long-running job: one copy at a time, and no scratch file left when told to stop.

Usage: python worker.py LOCK_FILE LOG_FILE [--no-handler]   (POSIX: uses fcntl.flock)
"""

from __future__ import annotations

import fcntl
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType


class AlreadyRunning(Exception):
    """Another process holds the lock."""


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    # Turn SIGTERM into an exception: `finally` blocks and `with` exits then run.
    raise SystemExit(128 + signum)


def hold_lock(path: Path) -> int:
    """Lock ``path`` for this process or raise AlreadyRunning; return the descriptor.

    The kernel drops the lock when the process ends, however it ends (even
    SIGKILL), so a lock file left behind never blocks the next run.
    """
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 32).decode().strip() or "?"
        os.close(fd)
        raise AlreadyRunning(f"{path} is held by process {holder}") from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())  # for people; the lock is the flock
    return fd


def do_work() -> None:
    time.sleep(0.05)  # stands in for one unit of real work


def run(lock: Path, log: Path, work: Callable[[], None] = do_work) -> None:
    descriptor = hold_lock(lock)
    scratch = lock.with_suffix(".partial")  # where partial results would go
    try:
        scratch.write_text("", encoding="utf-8")
        print("ready", flush=True)
        while True:
            work()
    finally:
        scratch.unlink(missing_ok=True)
        log.write_text("cleaned up\n", encoding="utf-8")
        os.close(descriptor)  # release the lock last, after the cleanup


if __name__ == "__main__":
    if "--no-handler" not in sys.argv:
        signal.signal(signal.SIGTERM, stop_on_sigterm)
    try:
        run(Path(sys.argv[1]), Path(sys.argv[2]))
    except AlreadyRunning as error:
        sys.exit(f"worker: {error}")
    except KeyboardInterrupt:
        # Ctrl-C, after the cleanup: end by SIGINT, as an uncaught KeyboardInterrupt
        # would, minus the traceback. The shell then reports 130 and stops a loop
        # that runs this script; after sys.exit(130), bash runs the next command.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
