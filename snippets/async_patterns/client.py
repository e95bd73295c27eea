"""One shared httpx.AsyncClient per process, and fan-out that never exceeds a bound."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import httpx

# Explicit budgets: httpx's default is 5 s for every phase, which is rarely what you want.
TIMEOUT = httpx.Timeout(10.0, connect=3.0, pool=5.0)
# The pool: at most 20 sockets open at once, 10 kept alive between requests.
LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=10)


def make_client(
    base_url: str, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """Build the one client the application shares; call this once, at startup.

    ``limits`` and ``http2`` configure the default transport: when a test passes its
    own ``transport`` (such as ``httpx.MockTransport``) that transport is used as is.
    """
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=TIMEOUT,
        limits=LIMITS,
        http2=True,  # needs the h2 package: install "httpx[http2]"
        transport=transport,
    )


async def fetch_json(client: httpx.AsyncClient, path: str) -> Any:
    """One call through the shared client: the client is a parameter, never built here."""
    response = await client.get(path)
    response.raise_for_status()
    return response.json()


async def fetch_all(
    client: httpx.AsyncClient, paths: Iterable[str], *, limit: int = 10
) -> list[Any]:
    """Fetch every path, at most ``limit`` at a time; results keep the input order.

    The first failure cancels the requests still running and raises an ExceptionGroup.
    """
    semaphore = asyncio.Semaphore(limit)

    async def one(path: str) -> Any:
        async with semaphore:
            return await fetch_json(client, path)

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(one(path)) for path in paths]
    return [task.result() for task in tasks]
