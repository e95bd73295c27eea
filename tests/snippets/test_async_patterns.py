"""Module-level tests for the modules shown and used on the async patterns page."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import threading

import httpx
import pytest

from snippets.async_patterns import stuck
from snippets.async_patterns.client import (
    LIMITS,
    TIMEOUT,
    fetch_all,
    fetch_json,
    make_client,
)
from snippets.async_patterns.loopback import CountingServer

BASE_URL = "https://api.example.test"


class FakeApi:
    """A MockTransport handler that records requests and its peak concurrency."""

    def __init__(self, *, fail_path: str | None = None, delay: float = 0.005) -> None:
        self.fail_path = fail_path
        self.delay = delay
        self.paths: list[str] = []
        self.cancelled: list[str] = []
        self.now = self.peak = 0

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        self.now += 1
        self.peak = max(self.peak, self.now)
        try:
            if request.url.path == self.fail_path:
                return httpx.Response(503)
            await asyncio.sleep(self.delay)
        except asyncio.CancelledError:
            self.cancelled.append(request.url.path)
            raise
        finally:
            self.now -= 1
        return httpx.Response(200, json={"path": request.url.path})


def run_with_client(api: FakeApi, work):
    async def main():
        async with make_client(BASE_URL, httpx.MockTransport(api)) as client:
            return await work(client)

    return asyncio.run(main())


@pytest.mark.parametrize("limit", [1, 3, 7])
def test_fetch_all_keeps_order_and_never_exceeds_the_limit(limit: int):
    api = FakeApi()
    paths = [f"/items/{n}" for n in range(20)]

    results = run_with_client(api, lambda client: fetch_all(client, paths, limit=limit))

    assert [result["path"] for result in results] == paths
    assert sorted(api.paths) == sorted(paths)
    assert api.peak == limit
    assert api.now == 0


def test_fetch_all_of_nothing_is_empty():
    assert run_with_client(FakeApi(), lambda client: fetch_all(client, [])) == []


def test_a_failed_request_cancels_the_rest_and_raises_a_group():
    api = FakeApi(fail_path="/items/0", delay=1)
    paths = [f"/items/{n}" for n in range(5)]

    with pytest.raises(ExceptionGroup) as caught:
        run_with_client(api, lambda client: fetch_all(client, paths, limit=5))

    assert caught.group_contains(httpx.HTTPStatusError)
    assert len(caught.value.exceptions) == 1
    assert sorted(api.cancelled) == paths[1:]


def test_fetch_json_raises_for_an_error_status():
    api = FakeApi(fail_path="/down")
    with pytest.raises(httpx.HTTPStatusError):
        run_with_client(api, lambda client: fetch_json(client, "/down"))


def test_make_client_sets_budgets_and_base_url():
    async def inspect() -> tuple[httpx.Timeout, str, bool]:
        async with make_client(BASE_URL) as client:
            return client.timeout, str(client.base_url), client.is_closed

    timeout, base_url, closed_inside = asyncio.run(inspect())
    assert timeout == TIMEOUT
    assert (timeout.connect, timeout.read, timeout.pool) == (3.0, 10.0, 5.0)
    assert base_url == BASE_URL
    assert not closed_inside
    assert (LIMITS.max_connections, LIMITS.max_keepalive_connections) == (20, 10)


def test_counting_server_counts_connections_and_requests():
    async def calls(url: str) -> list[dict]:
        async with httpx.AsyncClient(trust_env=False) as client:
            return [(await client.get(f"{url}/n/{n}")).json() for n in range(3)]

    with CountingServer() as server:
        bodies = asyncio.run(calls(server.url))
        assert (server.connections, server.requests) == (1, 3)
        assert server.url.startswith("http://127.0.0.1:")
        port = server.server_address[1]

    assert bodies == [{"path": f"/n/{n}"} for n in range(3)]
    with pytest.raises(ConnectionRefusedError), socket.socket() as probe:
        probe.connect(("127.0.0.1", port))  # stopped and closed on exit


def test_a_held_server_answers_only_once_released():
    async def held(server: CountingServer) -> tuple[bool, dict]:
        async with httpx.AsyncClient(trust_env=False) as client:
            request = asyncio.create_task(client.get(f"{server.url}/held"))
            done, _ = await asyncio.wait({request}, timeout=0.1)
            answered_while_held = bool(done)
            server.hold.set()
            return answered_while_held, (await request).json()

    with CountingServer(hold=threading.Event()) as server:
        answered_while_held, body = asyncio.run(held(server))

    assert not answered_while_held
    assert body == {"path": "/held"}
    assert server.requests == 1


def test_stuck_tasks_all_wait_until_the_reply_comes():
    async def main() -> tuple[list[bool], list[str]]:
        crawler, reply = await stuck.start_crawler(["/x", "/y", "/z"])
        tasks = asyncio.all_tasks() - {asyncio.current_task()}
        suspended = [task.get_coro().cr_suspended for task in tasks]
        assert not crawler.done()
        reply.set()
        return suspended, await crawler

    suspended, fetched = asyncio.run(main())
    assert suspended == [True] * 4  # the crawler and its three fetches
    assert fetched == ["/x", "/y", "/z"]


def test_stuck_script_prints_its_pid_and_keeps_waiting():
    with subprocess.Popen(
        [sys.executable, stuck.__file__], stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout.readline() == f"{process.pid}\n"
            assert process.poll() is None  # still waiting for its replies
        finally:
            process.kill()
