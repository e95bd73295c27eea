"""Module-level tests for the shop package shown on the FastAPI patterns page."""

from __future__ import annotations

import asyncio
import os
import warnings
from collections.abc import Iterator
from decimal import Decimal
from unittest import mock

import httpx
import pytest
from pydantic import ValidationError

from snippets.fastapi_patterns.shop.db import ItemRow, SessionDep
from snippets.fastapi_patterns.shop.dependencies import get_rates
from snippets.fastapi_patterns.shop.settings import Settings, get_settings

with warnings.catch_warnings():
    # starlette's TestClient prefers httpx2 and says so once, at import, on httpx.
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

API_KEY = "test-key"

# main.py builds its module-level app on import, and the app refuses to start without
# an API key: import it as a deployment would, with the key in the environment.
with mock.patch.dict(os.environ, {"SHOP_RATES_API_KEY": API_KEY}):
    from snippets.fastapi_patterns.shop import main
get_settings.cache_clear()

UPSTREAM_CALLS: list[httpx.Request] = []


def upstream(request: httpx.Request) -> httpx.Response:
    UPSTREAM_CALLS.append(request)
    currency = request.url.path.rsplit("/", 1)[-1]
    if currency == "EUR":
        return httpx.Response(200, json={"rate": "1.0842"})
    if currency == "XXX":
        return httpx.Response(503)
    if currency == "ZZZ":
        raise httpx.ReadTimeout("the rates service is slow", request=request)
    if currency in BAD_BODIES:
        return httpx.Response(200, **BAD_BODIES[currency])
    if currency == "MOV":
        return httpx.Response(302, headers={"Location": "https://login.example.com/"})
    return httpx.Response(404)


# 200 answers whose body the shop must not use.
BAD_BODIES = {
    "HTM": {"html": "<h1>Down for maintenance</h1>"},
    "TXT": {"text": "1.0842"},
    "KEY": {"json": {"price": "1.08"}},
    "LST": {"json": [{"rate": "1.08"}]},
    "NUL": {"json": {"rate": None}},
    "BOO": {"json": {"rate": True}},
    "NAN": {"json": {"rate": "NaN"}},
    "INF": {"json": {"rate": "Infinity"}},
    "NEG": {"json": {"rate": "-5"}},
    "ZER": {"json": {"rate": 0}},
    "BIG": {"json": {"rate": "1e400"}},
    "EMP": {"content": b""},
}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # SQLAlchemy's asyncio extension does not run on trio


@pytest.fixture(autouse=True)
def api_key(monkeypatch) -> Iterator[None]:
    """Every test runs with the key set, and with no settings cached from before."""
    monkeypatch.setenv("SHOP_RATES_API_KEY", API_KEY)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize("environment", [{}, {"SHOP_RATES_API_KEY": ""}])
def test_the_app_refuses_to_start_without_an_api_key(monkeypatch, environment):
    monkeypatch.delenv("SHOP_RATES_API_KEY")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    with pytest.raises(ValidationError) as caught:
        main.create_app(rates_transport=httpx.MockTransport(upstream))
    [problem] = caught.value.errors()
    assert problem["loc"] == ("rates_api_key",)
    assert problem["type"] == ("too_short" if environment else "missing")


@pytest.fixture
def app():
    UPSTREAM_CALLS.clear()
    application = main.create_app(rates_transport=httpx.MockTransport(upstream))
    yield application
    application.dependency_overrides.clear()


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def test_routers_keep_their_prefix_and_tags(app):
    paths = app.openapi()["paths"]
    assert paths["/items"]["post"]["tags"] == ["items"]
    assert paths["/items/{item_id}"]["get"]["tags"] == ["items"]
    assert paths["/rates/{currency}"]["get"]["tags"] == ["rates"]
    assert paths["/about"]["get"]["tags"] == ["meta"]


def test_create_then_read_an_item(client):
    created = client.post("/items", json={"name": "kettle", "quantity": 3})
    assert created.status_code == 201
    assert created.headers["location"] == "http://testserver/items/1"
    assert created.json() == {"name": "kettle", "quantity": 3, "id": 1}
    assert client.get(created.headers["location"]).json() == created.json()


@pytest.mark.parametrize(
    "host", ["evil.example", "localhost.evil.example", "testserver@evil.example", ""]
)
def test_a_forged_host_is_refused_before_any_route_runs(client, host):
    forged = client.post(
        "/items", json={"name": "mug", "quantity": 1}, headers={"Host": host}
    )
    assert (forged.status_code, forged.text) == (400, "Invalid host header")
    assert "location" not in forged.headers
    assert client.post("/items", json={"name": "mug", "quantity": 1}).json()["id"] == 1


def test_allowed_hosts_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("SHOP_ALLOWED_HOSTS", '["shop.example.com"]')
    get_settings.cache_clear()
    try:
        app = main.create_app(rates_transport=httpx.MockTransport(upstream))
        with TestClient(app, base_url="https://shop.example.com") as production:
            created = production.post("/items", json={"name": "mug", "quantity": 1})
            assert created.headers["location"] == "https://shop.example.com/items/1"
            local = production.get("/items/1", headers={"Host": "localhost"})
            assert local.status_code == 400
    finally:
        get_settings.cache_clear()  # the lifespan cached the production settings


def test_docs_are_off_unless_the_settings_expose_them(client, monkeypatch):
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert client.get(path).status_code == 404
    monkeypatch.setenv("SHOP_EXPOSE_DOCS", "true")
    get_settings.cache_clear()
    try:
        documented = main.create_app(rates_transport=httpx.MockTransport(upstream))
    finally:
        get_settings.cache_clear()
    with TestClient(documented) as docs_client:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert docs_client.get(path).status_code == 200


def test_missing_item_goes_through_the_custom_handler(client):
    response = client.get("/items/42")
    assert response.status_code == 404
    assert response.json() == {"error": "not_found", "kind": "item", "key": 42}


def test_a_duplicate_name_is_a_409_and_nothing_is_written(client):
    assert client.post("/items", json={"name": "kettle", "quantity": 1}).is_success
    duplicate = client.post("/items", json={"name": "kettle", "quantity": 2})
    assert (duplicate.status_code, duplicate.json()) == (409, {"error": "conflict"})
    assert client.get("/items/1").json()["quantity"] == 1
    assert client.get("/items/2").status_code == 404


def test_a_failing_route_rolls_its_writes_back(app):
    @app.post("/crash")
    async def crash(session: SessionDep) -> None:
        session.add(ItemRow(name="teapot", quantity=1))
        await session.flush()
        raise RuntimeError("after the write")

    with TestClient(app, raise_server_exceptions=False) as test_client:
        assert test_client.post("/crash").status_code == 500
        assert test_client.get("/items/1").status_code == 404
        again = test_client.post("/items", json={"name": "teapot", "quantity": 1})
        assert again.status_code == 201


def test_a_file_database_keeps_the_catalogue_across_apps(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOP_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/shop.db")
    get_settings.cache_clear()
    try:
        transport = httpx.MockTransport(upstream)
        with TestClient(main.create_app(rates_transport=transport)) as first:
            first.post("/items", json={"name": "kettle", "quantity": 1})
        with TestClient(main.create_app(rates_transport=transport)) as second:
            assert second.get("/items/1").json()["name"] == "kettle"
            # Run twice against the same file, the same insert is a conflict, not a crash.
            again = second.post("/items", json={"name": "kettle", "quantity": 1})
            assert again.status_code == 409
    finally:
        get_settings.cache_clear()
    assert [path.name for path in tmp_path.iterdir()] == ["shop.db"]


def test_invalid_body_is_a_422_listing_every_error(client):
    response = client.post("/items", json={"name": "", "quantity": -1, "x": 1})
    assert response.status_code == 422
    assert [error["type"] for error in response.json()["detail"]] == [
        "string_too_short",
        "greater_than_equal",
        "extra_forbidden",
    ]


def test_each_app_has_its_own_store():
    transport = httpx.MockTransport(upstream)
    with TestClient(main.create_app(rates_transport=transport)) as first:
        first.post("/items", json={"name": "kettle", "quantity": 1})
    with TestClient(main.create_app(rates_transport=transport)) as second:
        assert second.get("/items/1").status_code == 404


def test_rate_from_the_upstream(client):
    response = client.get("/rates/EUR")
    assert response.status_code == 200
    assert response.json() == {"currency": "EUR", "rate": "1.0842"}
    (call,) = UPSTREAM_CALLS
    assert call.url == "https://rates.example.com/v1/rates/EUR"
    assert call.headers["x-api-key"] == API_KEY


@pytest.mark.parametrize(
    ("path", "status", "body"),
    [
        ("/rates/GBP", 404, {"error": "not_found", "kind": "currency", "key": "GBP"}),
        ("/rates/XXX", 502, {"error": "upstream_unavailable"}),
        ("/rates/ZZZ", 502, {"error": "upstream_unavailable"}),
    ],
)
def test_upstream_failures_map_to_json_errors(client, path, status, body):
    response = client.get(path)
    assert (response.status_code, response.json()) == (status, body)


@pytest.mark.parametrize("currency", [*BAD_BODIES, "MOV"])
def test_an_unusable_upstream_answer_is_a_502_and_a_log_line(client, currency, caplog):
    response = client.get(f"/rates/{currency}")
    assert response.status_code == 502
    assert response.json() == {"error": "upstream_unavailable"}
    assert len(UPSTREAM_CALLS) == 1  # no redirect was followed
    (record,) = [r for r in caplog.records if r.name == "shop"]
    assert record.getMessage().startswith(f"upstream failure on /rates/{currency}: ")


def test_a_rate_sent_as_a_json_number_is_accepted():
    async def check() -> Decimal | None:
        def number(request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={"rate": 1.0842, "extra": "ignored"})

        async with httpx.AsyncClient(
            base_url="https://rates.example.com", transport=httpx.MockTransport(number)
        ) as http:
            return await get_rates(http, Settings(rates_api_key=API_KEY)).rate("EUR")

    assert asyncio.run(check()) == Decimal("1.0842")


def test_bad_currency_never_reaches_the_upstream(client):
    assert client.get("/rates/eur").status_code == 422
    assert UPSTREAM_CALLS == []


def test_override_the_rates_client(app, client):
    class FakeRates:
        async def rate(self, currency: str) -> Decimal:
            return Decimal("0.5")

    app.dependency_overrides[get_rates] = FakeRates
    assert client.get("/rates/USD").json() == {"currency": "USD", "rate": "0.5"}
    assert UPSTREAM_CALLS == []
    app.dependency_overrides.clear()
    assert client.get("/rates/USD").status_code == 404
    assert len(UPSTREAM_CALLS) == 1


def test_override_settings(app, client):
    app.dependency_overrides[get_settings] = lambda: Settings(
        app_name="test-shop", rates_api_key="override-key"
    )
    assert client.get("/about").json() == {"app": "test-shop"}
    assert client.get("/rates/EUR").status_code == 200
    assert UPSTREAM_CALLS[-1].headers["x-api-key"] == "override-key"


def test_settings_are_cached_and_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("SHOP_APP_NAME", "from-env")
    get_settings.cache_clear()
    try:
        assert get_settings().app_name == "from-env"
        assert get_settings() is get_settings()
    finally:
        get_settings.cache_clear()


def test_lifespan_shares_one_client_and_closes_it(app):
    with TestClient(app) as test_client:
        http = app.state.http
        test_client.get("/rates/EUR")
        test_client.get("/rates/EUR")
        assert app.state.http is http
        assert not http.is_closed
    assert http.is_closed


def test_module_level_app_is_built_by_the_factory():
    assert set(main.app.openapi()["paths"]) == {
        "/items",
        "/items/{item_id}",
        "/rates/{currency}",
        "/about",
    }


@pytest.mark.anyio
async def test_async_client_with_the_lifespan(app):
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://localhost") as client,
    ):
        response = await client.get("/rates/EUR")
    assert response.json() == {"currency": "EUR", "rate": "1.0842"}
    assert app.state.http.is_closed
