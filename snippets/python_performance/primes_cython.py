"""count_primes in Cython's pure-Python mode: plain Python until Cython compiles it.

``cythonize -i primes_cython.py`` turns the annotations into C integer types; run as it
stands, the ``cython`` module (installed with Cython) makes them no-ops.
"""

import cython

COMPILED = cython.compiled  # True only in the extension module Cython built


def count_primes(limit: cython.long) -> cython.long:
    """Count the primes below ``limit`` by trial division, on C longs once compiled."""
    count: cython.long = 0
    candidate: cython.long
    divisor: cython.long
    for candidate in range(2, limit):
        divisor = 2
        while divisor * divisor <= candidate:
            if candidate % divisor == 0:
                break
            divisor += 1
        else:
            count += 1
    return count
