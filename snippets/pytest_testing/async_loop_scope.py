import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def module_loop() -> asyncio.AbstractEventLoop:
    # Stands in for a client or pool whose connections belong to one loop.
    return asyncio.get_running_loop()


@pytest.mark.asyncio(loop_scope="module")
async def test_first(module_loop: asyncio.AbstractEventLoop) -> None:
    assert asyncio.get_running_loop() is module_loop


@pytest.mark.asyncio(loop_scope="module")
async def test_second(module_loop: asyncio.AbstractEventLoop) -> None:
    assert asyncio.get_running_loop() is module_loop


@pytest.mark.asyncio
async def test_default_scope(module_loop: asyncio.AbstractEventLoop) -> None:
    assert asyncio.get_running_loop() is not module_loop
