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


def test_old_event_loop_fixture(event_loop: asyncio.AbstractEventLoop) -> None:
    """Asks for the fixture that pytest-asyncio 0.x provided."""
