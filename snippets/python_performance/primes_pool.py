"""Count primes below each limit in worker processes: python primes_pool.py LIMIT..."""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit: int) -> int:
    """Count the primes below ``limit`` by trial division: pure Python, all CPU."""
    count = 0
    for candidate in range(2, limit):
        divisor = 2
        while divisor * divisor <= candidate:
            if candidate % divisor == 0:
                break
            divisor += 1
        else:
            count += 1
    return count


def main(limits: list[int]) -> None:
    spawn = multiprocessing.get_context("spawn")  # the default on macOS and Windows
    with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
        counts = list(pool.map(count_primes, limits))
        workers = {pool.submit(os.getpid).result() for _ in limits}
    print(counts, "in other processes:", os.getpid() not in workers)


# A spawned worker imports this file to find count_primes: it must not run main again.
if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]])
