"""A token-bucket rate limiter with an injectable clock, and a FastAPI dependency."""

import math
import threading
import time
from collections.abc import Callable

from fastapi import HTTPException, Request


class TokenBucket:
    """Each key may make ``capacity`` calls at once, refilled at ``rate`` per second.

    State lives in this process. With several workers or hosts, keep the buckets in a
    shared store (Redis, for example) so that every process counts the same calls.
    """

    def __init__(
        self,
        capacity: int,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = capacity
        self.rate = rate
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def acquire(self, key: str) -> float:
        """Take a token for ``key``: 0.0 if allowed, else seconds until one is free."""
        with self._lock:
            now = self.clock()
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate


def client_address(request: Request) -> str:
    """The peer address. Behind a proxy, configure the server to trust the proxy's
    forwarded headers (uvicorn --forwarded-allow-ips) rather than reading them here."""
    return request.client.host if request.client else "unknown"


class RateLimit:
    """Dependency that answers 429 with Retry-After when the caller's bucket is empty."""

    def __init__(
        self,
        bucket: TokenBucket,
        key: Callable[[Request], str] = client_address,
    ) -> None:
        self.bucket = bucket
        self.key = key

    async def __call__(self, request: Request) -> None:
        wait = self.bucket.acquire(self.key(request))
        if wait:
            raise HTTPException(
                status_code=429,
                detail="too many requests",
                headers={"Retry-After": str(math.ceil(wait))},
            )
