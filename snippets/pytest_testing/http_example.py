import httpx
import pytest
import respx
from pytest_httpx import HTTPXMock

STATUS_URL = "https://status.example.com"


def service_status(client: httpx.Client, service: str) -> str:
    response = client.get(f"{STATUS_URL}/{service}")
    response.raise_for_status()
    return response.json()["status"]


def test_with_a_mock_transport() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api"
        return httpx.Response(200, json={"status": "up"})

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        assert service_status(client, "api") == "up"


def test_with_httpx_mock(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(url=f"{STATUS_URL}/api", json={"status": "degraded"})
    with httpx.Client() as client:
        assert service_status(client, "api") == "degraded"


def test_with_respx(respx_mock: respx.MockRouter) -> None:
    route = respx_mock.get(f"{STATUS_URL}/api").respond(json={"status": "up"})
    with httpx.Client() as client:
        assert service_status(client, "api") == "up"
        with pytest.raises(AssertionError, match="not mocked"):
            service_status(client, "database")
    assert route.call_count == 1


def test_unexpected_request(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(url=f"{STATUS_URL}/api", json={"status": "up"})
    with httpx.Client() as client:
        service_status(client, "database")
