from collections.abc import AsyncIterator

import pytest
import sniffio

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def connection(anyio_backend: str) -> AsyncIterator[dict[str, str]]:
    # Built once per module and backend, like a connection pool; closed at the end.
    yield {"opened on": sniffio.current_async_library()}


async def test_module_fixture_on_the_same_backend(
    connection: dict[str, str], anyio_backend: str
) -> None:
    assert connection["opened on"] == anyio_backend
