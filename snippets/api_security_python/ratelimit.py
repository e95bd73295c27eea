"""A token-bucket rate limiter with an injectable clock, and a FastAPI dependency."""

import ipaddress
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from fastapi import HTTPException, Request


class TokenBucket:
    """Each key may make ``capacity`` calls at once, refilled at ``rate`` per second.

    At most ``max_keys`` buckets are kept: keys are chosen by clients (addresses,
    account names), so an unbounded map is a memory leak an attacker can drive. The
    bucket dropped first is the one left alone longest, which has refilled the most.

    State lives in this process. With several workers or hosts, keep the buckets in a
    shared store (Redis, for example) so that every process counts the same calls.
    """

    def __init__(
        self,
        capacity: int,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 100_000,
    ) -> None:
        self.capacity = capacity
        self.rate = rate
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._buckets)

    def acquire(self, key: str) -> float:
        """Take a token for ``key``: 0.0 if allowed, else seconds until one is free."""
        with self._lock:
            now = self.clock()
            tokens, last = self._buckets.pop(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1:
                tokens, wait = tokens - 1, 0.0
            else:
                wait = (1 - tokens) / self.rate
            self._buckets[key] = (tokens, now)  # now the most recently used
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)  # least recently used first
            return wait


def enforce(bucket: TokenBucket, key: str) -> None:
    """Answer 429 with Retry-After when ``key``'s bucket is empty."""
    wait = bucket.acquire(key)
    if wait:
        raise HTTPException(
            status_code=429,
            detail="too many requests",
            headers={"Retry-After": str(math.ceil(wait))},
        )


def client_address(request: Request) -> str:
    """The peer address; for IPv6, the /64 network it belongs to.

    One IPv6 subscriber usually gets a whole /64 (often far more), so counting single
    IPv6 addresses would give an attacker billions of fresh buckets. Behind a proxy,
    configure the server to trust the proxy's forwarded headers (uvicorn
    --forwarded-allow-ips) rather than reading them here.
    """
    host = request.client.host if request.client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return host


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
        enforce(self.bucket, self.key(request))
