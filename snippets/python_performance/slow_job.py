"""A nightly job that has been running for far too long: python slow_job.py ROUNDS"""

from __future__ import annotations

import sys


def checksum(rounds: int) -> int:
    total = 0
    for step in range(rounds):
        total = (total * 31 + step) % 1_000_003
        if step == 100_000:
            print("still running", flush=True)  # the progress line a log would show
    return total


def nightly_report(rounds: int) -> int:
    return checksum(rounds)


if __name__ == "__main__":
    print(nightly_report(int(sys.argv[1])))
