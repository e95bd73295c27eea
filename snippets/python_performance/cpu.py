"""CPU-bound work for the pool examples: importable, so worker processes can unpickle it."""

from __future__ import annotations


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
