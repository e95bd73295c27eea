"""Retry a flaky call with exponential backoff and full jitter."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger("retry")


def retry(
    call: Callable[[], T],
    *,
    attempts: int = 5,
    base_delay: float = 0.5,
    max_delay: float = 30.0,
    retry_on: tuple[type[Exception], ...] = (ConnectionError, TimeoutError),
    sleep: Callable[[float], object] = time.sleep,
    jitter: Callable[[float, float], float] = random.uniform,
) -> T:
    """Call ``call`` up to ``attempts`` times; re-raise the last error.

    Before retry number n (1-based) wait a random time between 0 and
    ``min(max_delay, base_delay * 2 ** (n - 1))``. Errors not in ``retry_on``
    propagate at once. ``sleep`` and ``jitter`` are parameters so tests
    control time and randomness.
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    attempt = 1
    while True:
        try:
            return call()
        except retry_on as error:
            if attempt == attempts:
                log.error("giving up after %d attempts: %s", attempts, error)
                raise
            ceiling = min(max_delay, base_delay * 2 ** (attempt - 1))
            delay = jitter(0, ceiling)
            log.warning(
                "attempt %d failed (%s); retrying in %.2fs", attempt, error, delay
            )
            sleep(delay)
            attempt += 1
