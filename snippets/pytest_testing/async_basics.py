import asyncio

import pytest


async def fetch_greeting() -> str:
    await asyncio.sleep(0)
    return "hello"


@pytest.mark.asyncio
async def test_marked() -> None:
    assert await fetch_greeting() == "hello"


async def test_unmarked() -> None:
    assert await fetch_greeting() == "hello"


@pytest.fixture  # pytest's decorator: in strict mode no plugin runs this coroutine
async def hello() -> str:
    return await fetch_greeting()


@pytest.mark.asyncio
async def test_plain_async_fixture(hello: str) -> None:
    assert hello == "hello"


def test_old_event_loop_fixture(event_loop: asyncio.AbstractEventLoop) -> None:
    """Asks for the fixture that pytest-asyncio 0.x provided."""
