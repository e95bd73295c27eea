"""Retry a flaky call with exponential backoff and full jitter, honouring Retry-After."""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

import httpx

T = TypeVar("T")
log = logging.getLogger("retry")

# Statuses that say "not now" rather than "never": rate limited, or a server or
# gateway that is overloaded or restarting.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# httpx's errors do not derive from the built-in ConnectionError or TimeoutError.
TRANSIENT_ERRORS = (
    ConnectionError,
    TimeoutError,
    httpx.TimeoutException,  # connect, read, write and pool timeouts
    httpx.NetworkError,  # connection refused or reset
    httpx.RemoteProtocolError,  # the server hung up in the middle of a response
)


def is_transient(error: Exception) -> bool:
    """True for errors that may go away if the same request is sent again."""
    if isinstance(error, httpx.HTTPStatusError):
        return error.response.status_code in RETRY_STATUSES
    return isinstance(error, TRANSIENT_ERRORS)


def retry_after(error: Exception, now: datetime | None = None) -> float | None:
    """Seconds a retryable response asked us to wait, or None if it did not say.

    ``Retry-After`` holds either a number of seconds or an HTTP date.
    """
    if not isinstance(error, httpx.HTTPStatusError) or not is_transient(error):
        return None
    value = error.response.headers.get("Retry-After", "").strip()
    if value.isascii() and value.isdigit():  # "²".isdigit() is true as well
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # absent or malformed: fall back to the backoff schedule
    if when.tzinfo is None:  # "-0000" means UTC in an HTTP date
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def retry(
    call: Callable[[], T],
    *,
    attempts: int = 5,
    base_delay: float = 0.5,
    max_delay: float = 30.0,
    should_retry: Callable[[Exception], bool] = is_transient,
    sleep: Callable[[float], object] = time.sleep,
    jitter: Callable[[float, float], float] = random.uniform,
) -> T:
    """Call ``call`` up to ``attempts`` times; re-raise the last error.

    Before retry number n (1-based) wait a random time between 0 and
    ``min(max_delay, base_delay * 2 ** (n - 1))``, or longer if the server's
    Retry-After says so. A server that asks for more than ``max_delay`` gets
    no retry at all. Errors ``should_retry`` rejects propagate at once.
    ``sleep`` and ``jitter`` are parameters so tests control time and randomness.
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    attempt = 1
    while True:
        try:
            return call()
        except Exception as error:
            if not should_retry(error):
                raise
            if attempt == attempts:
                log.error("giving up after %d attempts: %s", attempts, error)
                raise
            ceiling = min(max_delay, base_delay * 2 ** (attempt - 1))
            delay = jitter(0, ceiling)
            asked = retry_after(error)
            if asked is not None:
                if asked > max_delay:
                    log.error("server asks for %.0fs, over max_delay: %s", asked, error)
                    raise
                delay = max(delay, asked)
            log.warning(
                "attempt %d failed (%s); retrying in %.2fs", attempt, error, delay
            )
            sleep(delay)
            attempt += 1
