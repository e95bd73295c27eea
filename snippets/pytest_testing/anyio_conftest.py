import pytest


# Module scope, like AnyIO's own default: a module-scoped async fixture needs it.
@pytest.fixture(scope="module", params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return request.param
