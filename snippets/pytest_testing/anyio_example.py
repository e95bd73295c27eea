import anyio
import pytest
import sniffio

pytestmark = pytest.mark.anyio


async def test_runs_on_each_backend(anyio_backend: str) -> None:
    assert sniffio.current_async_library() == anyio_backend


async def test_task_group_waits_for_children() -> None:
    finished: list[int] = []

    async def work(n: int) -> None:
        await anyio.sleep(0.01)
        finished.append(n)

    async with anyio.create_task_group() as tg:
        for n in range(3):
            tg.start_soon(work, n)
    # The block exits only after every child has finished, in whatever order.
    assert sorted(finished) == [0, 1, 2]
