"""A long-running job that removes its lock file when it is told to stop.

Usage: python worker.py LOCK_FILE LOG_FILE [--no-handler]
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    # Turn SIGTERM into an exception: `finally` blocks and `with` exits then run.
    raise SystemExit(128 + signum)


def do_work() -> None:
    time.sleep(0.05)  # stands in for one unit of real work


def run(lock: Path, log: Path, work: Callable[[], None] = do_work) -> None:
    lock.write_text("running\n", encoding="utf-8")
    try:
        print("ready", flush=True)
        while True:
            work()
    finally:
        lock.unlink(missing_ok=True)
        log.write_text("cleaned up\n", encoding="utf-8")


if __name__ == "__main__":
    if "--no-handler" not in sys.argv:
        signal.signal(signal.SIGTERM, stop_on_sigterm)
    run(Path(sys.argv[1]), Path(sys.argv[2]))
