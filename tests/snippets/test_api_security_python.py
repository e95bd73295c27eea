"""Tests for snippets/api_security_python: each defence against the attack it stops."""

import importlib.util
import ipaddress
import secrets
import socket
import ssl
import threading
import warnings
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import anyio
import httpx
import jwt
import pytest
import trustme
from argon2 import PasswordHasher
from fastapi import Depends, FastAPI, Request
from pydantic import ValidationError
from starlette.exceptions import StarletteDeprecationWarning

from snippets.api_security_python.app import User, create_app
from snippets.api_security_python.headers import (
    SECURITY_HEADERS,
    SecurityHeadersMiddleware,
)
from snippets.api_security_python.limits import BodySizeLimit
from snippets.api_security_python.ratelimit import (
    RateLimit,
    TokenBucket,
    client_address,
)
from snippets.api_security_python.redact import RedactSecrets, redact
from snippets.api_security_python.refresh import RefreshTokenError, RefreshTokens
from snippets.api_security_python.settings import Settings
from snippets.api_security_python.ssrf import (
    Destination,
    GuardedClient,
    check_url,
    fetch,
    is_public,
)
from snippets.api_security_python.tokens import TokenRevokedError, TokenService

# starlette 1.x warns that TestClient runs on plain httpx (it prefers httpx2); the
# project locks httpx 0.28.1, so exactly that warning is silenced for this import.
with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore",
        message="Using `httpx` with `starlette.testclient` is deprecated",
        category=StarletteDeprecationWarning,
    )
    from fastapi.testclient import TestClient

ISSUER = "https://auth.example.com"
AUDIENCE = "https://api.example.com"
ORIGIN = "https://app.example.com"
PASSWORD = "correct horse battery staple"
REAL_GETADDRINFO = socket.getaddrinfo


def test_starlette_testclient_warns_on_plain_httpx():
    spec = importlib.util.find_spec("starlette.testclient")
    assert spec is not None and spec.loader is not None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spec.loader.exec_module(importlib.util.module_from_spec(spec))
    assert [w.category for w in caught] == [StarletteDeprecationWarning]
    assert "install `httpx2` instead" in str(caught[0].message)


# --- security headers -------------------------------------------------------------


def test_security_headers_on_every_response():
    app = FastAPI()
    app.add_middleware(SecurityHeadersMiddleware)

    @app.get("/ok")
    def ok() -> dict[str, bool]:
        return {"ok": True}

    with TestClient(app) as client:
        for path in ("/ok", "/missing"):
            response = client.get(path)
            for name, value in SECURITY_HEADERS.items():
                assert response.headers[name] == value


# --- body size limit ----------------------------------------------------------------


def drive(app, chunks: list[bytes], headers=()) -> tuple[list[dict], int]:
    """Call an ASGI app as a server would: one receive() per chunk."""
    pending = iter(chunks)
    sent: list[dict] = []
    pulled = 0

    async def receive() -> dict:
        nonlocal pulled
        chunk = next(pending, b"")
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": chunk != b""}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": list(headers)}
    anyio.run(app, scope, receive, send)
    return sent, pulled


async def reads_everything(scope, receive, send) -> None:
    """A raw app that keeps calling receive() until the body ends or the client goes."""
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        size += len(message["body"])
        if not message["more_body"]:
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(size).encode()})


def test_body_limit_counts_chunks_and_stops_early():
    limited = BodySizeLimit(reads_everything, max_bytes=250)
    sent, pulled = drive(limited, [b"x" * 100] * 10)
    assert pulled == 300  # the chunk that crossed the limit, and no further
    assert [m.get("status") for m in sent] == [413, None]
    assert b"over 250 bytes" in sent[1]["body"]
    sent, pulled = drive(limited, [b"x" * 100] * 2)
    assert (sent[0]["status"], sent[1]["body"], pulled) == (200, b"200", 200)


def test_declared_length_is_refused_unread():
    limited = BodySizeLimit(reads_everything, max_bytes=250)
    sent, pulled = drive(limited, [b"x" * 100] * 10, [(b"content-length", b"1000")])
    assert (sent[0]["status"], pulled) == (413, 0)


def test_body_limit_after_the_response_started_only_cuts_the_body():
    async def answers_first(scope, receive, send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        while (await receive())["type"] != "http.disconnect":
            pass
        await send({"type": "http.response.body", "body": b"done"})

    sent, pulled = drive(BodySizeLimit(answers_first, max_bytes=250), [b"x" * 100] * 9)
    assert [m.get("status") for m in sent] == [200]  # no second start, no body
    assert pulled == 300


def test_body_limit_passes_lifespan_through():
    started: list[bool] = []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        started.append(True)
        yield

    app = FastAPI(lifespan=lifespan)
    app.add_middleware(BodySizeLimit, max_bytes=10)
    with TestClient(app):
        assert started == [True]


# --- rate limiting ----------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_refills_and_reports_wait():
    clock = FakeClock()
    bucket = TokenBucket(capacity=2, rate=0.5, clock=clock)
    assert [bucket.acquire("a"), bucket.acquire("a")] == [0.0, 0.0]
    assert bucket.acquire("a") == pytest.approx(2.0)
    assert bucket.acquire("b") == 0.0  # keys are independent
    clock.now = 2.0
    assert bucket.acquire("a") == 0.0
    assert bucket.acquire("a") == pytest.approx(2.0)


def test_rate_limit_answers_429_with_retry_after():
    clock = FakeClock()
    app = FastAPI()
    bucket = TokenBucket(capacity=1, rate=0.25, clock=clock)

    @app.post("/login", dependencies=[Depends(RateLimit(bucket))])
    def login() -> dict[str, bool]:
        return {"ok": True}

    client = TestClient(app, client=("203.0.113.9", 1234))
    assert client.post("/login").status_code == 200
    blocked = client.post("/login", headers={"X-Forwarded-For": "198.51.100.1"})
    assert blocked.status_code == 429
    assert blocked.headers["retry-after"] == "4"


@pytest.mark.parametrize(
    ("peer", "key"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("testclient", "testclient"),
    ],
)
def test_client_address_narrows_ipv6_to_its_64(peer, key):
    app = FastAPI()

    @app.get("/")
    def show(request: Request) -> str:
        return client_address(request)

    assert TestClient(app, client=(peer, 1)).get("/").json() == key


def test_bucket_map_is_bounded_and_drops_the_longest_idle():
    clock = FakeClock()
    bucket = TokenBucket(capacity=1, rate=0.1, clock=clock, max_keys=2)
    bucket.acquire("a")
    clock.now = 1.0
    bucket.acquire("b")
    bucket.acquire("a")  # a is now the most recently used, and empty
    bucket.acquire("c")  # evicts b
    assert len(bucket) == 2
    assert bucket.acquire("a") > 0  # a kept its state
    assert bucket.acquire("b") == 0.0  # b was forgotten: a fresh bucket


def test_account_limit_holds_across_addresses(api):
    statuses = []
    for n in range(25):
        client = TestClient(api, client=(f"198.51.100.{n}", 1))
        wrong = {"username": "Alice" if n % 2 else "alice", "password": "x"}
        statuses.append(client.post("/token", json=wrong).status_code)
    assert statuses == [401] * 20 + [429] * 5  # capacity 20 per account


# --- tokens -----------------------------------------------------------------------


@pytest.fixture
def tokens() -> TokenService:
    return TokenService(secrets.token_bytes(32), issuer=ISSUER, audience=AUDIENCE)


def forge(tokens: TokenService, **changes) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": "alice",
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "nbf": now,
        "exp": now + timedelta(minutes=5),
        "jti": "j1",
    }
    claims.update(changes)
    claims = {name: value for name, value in claims.items() if value is not None}
    return jwt.encode(claims, tokens.secret, algorithm="HS256")


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"aud": "https://other.example.com"}, jwt.InvalidAudienceError),
        ({"iss": "https://evil.example"}, jwt.InvalidIssuerError),
        ({"exp": datetime(2025, 1, 1, tzinfo=UTC)}, jwt.ExpiredSignatureError),
        ({"jti": None}, jwt.MissingRequiredClaimError),
        ({"nbf": datetime.now(UTC) + timedelta(hours=1)}, jwt.ImmatureSignatureError),
    ],
)
def test_token_service_refuses_bad_claims(tokens, changes, error):
    with pytest.raises(error):
        tokens.verify(forge(tokens, **changes))


def test_token_service_refuses_alg_none_and_other_keys(tokens):
    with pytest.raises(jwt.InvalidAlgorithmError):
        tokens.verify(jwt.encode({"sub": "admin"}, None, algorithm="none"))
    other = TokenService(secrets.token_bytes(32), issuer=ISSUER, audience=AUDIENCE)
    with pytest.raises(jwt.InvalidSignatureError):
        tokens.verify(other.issue("alice"))


def test_decode_without_algorithms_is_an_error(tokens):
    with pytest.raises(jwt.DecodeError, match='"algorithms" argument'):
        jwt.decode(tokens.issue("alice"), tokens.secret)


def test_short_hmac_key_warns_by_default_and_can_be_an_error():
    with pytest.warns(jwt.InsecureKeyLengthWarning, match="8 bytes long"):
        jwt.encode({"sub": "a"}, "changeme", algorithm="HS256")
    strict = jwt.PyJWT(options={"enforce_minimum_key_length": True})
    with pytest.raises(jwt.InvalidKeyError):
        strict.encode({"sub": "a"}, "changeme", algorithm="HS256")
    with pytest.raises(ValueError, match="32 random bytes"):
        TokenService(b"changeme", issuer=ISSUER, audience=AUDIENCE)


def test_revoked_jti_is_refused(tokens):
    token = tokens.issue("alice")
    claims = tokens.verify(token)
    tokens.revoke(claims)
    assert tokens.revoked == {claims["jti"]: claims["exp"]}
    with pytest.raises(TokenRevokedError, match="revoked"):
        tokens.verify(token)


# --- the combined app ---------------------------------------------------------------


@pytest.fixture
def hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def users(hasher) -> dict[str, User]:
    return {"alice": User("alice", hasher.hash(PASSWORD), "Alice")}


@pytest.fixture
def api(tokens, hasher, users) -> FastAPI:
    return create_app(
        tokens=tokens,
        hasher=hasher,
        users=users,
        login_limit=TokenBucket(capacity=20, rate=1.0),
        account_limit=TokenBucket(capacity=20, rate=1.0),
        allowed_origins=[ORIGIN],
    )


@pytest.fixture
def browser(api) -> TestClient:
    client = TestClient(api, base_url="https://api.example.com")
    response = client.post("/login", json={"username": "alice", "password": PASSWORD})
    assert response.status_code == 200
    client.headers["X-CSRF-Token"] = response.json()["csrf_token"]
    return client


def test_login_sets_hardened_cookies(api):
    client = TestClient(api, base_url="https://api.example.com")
    response = client.post("/login", json={"username": "alice", "password": PASSWORD})
    [session] = response.headers.get_list("set-cookie")
    assert session.startswith("__Host-session=")
    for flag in ("HttpOnly", "Secure", "SameSite=strict", "Path=/"):
        assert flag in session
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"


def test_spa_on_another_host_gets_its_csrf_token_from_bodies(api):
    origin = {"Origin": ORIGIN, "Sec-Fetch-Site": "same-site"}
    spa = TestClient(api, base_url="https://api.example.com", headers=origin)
    first = spa.post("/login", json={"username": "alice", "password": PASSWORD})
    assert "csrf" not in first.headers["set-cookie"]  # no cookie the app can't read
    again = spa.get("/csrf")
    assert again.json() == first.json()
    assert again.headers["access-control-allow-origin"] == ORIGIN
    assert again.headers["cache-control"] == "no-store"
    token = {"X-CSRF-Token": again.json()["csrf_token"]}
    assert spa.patch("/me", json={"display_name": "A"}, headers=token).is_success
    elsewhere = {"Origin": "https://evil.example"}
    assert (
        "access-control-allow-origin" not in spa.get("/csrf", headers=elsewhere).headers
    )


def test_security_headers_on_a_500():
    app = FastAPI()
    app.add_middleware(SecurityHeadersMiddleware)

    @app.get("/crash")
    def crash() -> None:
        raise RuntimeError("bug")

    response = TestClient(app, raise_server_exceptions=False).get("/crash")
    assert (response.status_code, response.text) == (500, "Internal Server Error")
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    with pytest.raises(RuntimeError, match="bug"):  # still raised, so it is logged
        TestClient(app).get("/crash")


def test_unknown_user_and_wrong_password_look_the_same(api):
    client = TestClient(api)
    wrong = client.post("/login", json={"username": "alice", "password": "x"})
    unknown = client.post("/login", json={"username": "eve", "password": "x"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Sec-Fetch-Site": "cross-site"}, 403),
        ({"Origin": "https://evil.example"}, 403),
        ({"X-CSRF-Token": ""}, 403),
        ({"X-CSRF-Token": "guess"}, 403),
        ({"Origin": ORIGIN, "Sec-Fetch-Site": "same-site"}, 200),
    ],
)
def test_cookie_session_needs_csrf_token(browser, headers, status):
    response = browser.patch("/me", json={"display_name": "A"}, headers=headers)
    assert response.status_code == status


def test_bearer_header_needs_no_csrf_token(api):
    client = TestClient(api)
    issued = client.post("/token", json={"username": "alice", "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {issued.json()['access_token']}"}
    response = client.patch("/me", json={"display_name": "A"}, headers=bearer)
    assert response.status_code == 200


def test_cors_allow_list(api):
    client = TestClient(api)
    preflight = {"Access-Control-Request-Method": "PATCH"}
    ours = client.options("/me", headers={"Origin": ORIGIN} | preflight)
    assert ours.headers["access-control-allow-origin"] == ORIGIN
    theirs = client.options(
        "/me", headers={"Origin": "https://evil.example"} | preflight
    )
    assert theirs.status_code == 400
    assert "access-control-allow-origin" not in theirs.headers


def test_mass_assignment_is_refused(browser, users):
    response = browser.patch("/me", json={"display_name": "A", "is_admin": True})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["type"], error["loc"]) == ("extra_forbidden", ["body", "is_admin"])
    assert users["alice"].is_admin is False


def test_logout_revokes_the_token(browser):
    stolen = browser.cookies["__Host-session"]
    assert browser.post("/logout").status_code == 204
    replay = TestClient(browser.app).get(
        "/me", headers={"Authorization": f"Bearer {stolen}"}
    )
    assert replay.status_code == 401


def test_login_rehashes_after_cost_change(tokens, hasher, users):
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    app = create_app(
        tokens=tokens,
        hasher=stronger,
        users=users,
        login_limit=TokenBucket(capacity=5, rate=1.0),
        account_limit=TokenBucket(capacity=5, rate=1.0),
        allowed_origins=[ORIGIN],
    )
    client = TestClient(app, base_url="https://api.example.com")
    login = client.post("/login", json={"username": "alice", "password": PASSWORD})
    assert login.status_code == 200
    assert not stronger.check_needs_rehash(users["alice"].password_hash)


# --- SSRF ---------------------------------------------------------------------------

DNS = {
    "example.com": ["93.184.215.14"],
    "localhost": ["127.0.0.1", "::1"],
    "intranet.example.com": ["10.20.30.40"],
    "mixed.example.com": ["93.184.215.14", "10.0.0.7"],
}


def answer(ip: str, port: int) -> tuple:
    if ":" in ip:
        return (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (ip, port, 0, 0))
    return (socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))


def fake_getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Names from DNS above; IP literals parsed by the OS without any lookup."""
    if host in DNS:
        return [answer(ip, port) for ip in DNS[host]]
    flags |= socket.AI_NUMERICHOST
    return REAL_GETADDRINFO(host, port, family, type, proto, flags)


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard's default resolver is socket.getaddrinfo, looked up per call."""
    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)


ATTACKS = [
    "http://127.0.0.1/",
    "http://127.1/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://017700000001/",
    "http://localhost/",
    "http://[::1]/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://10.1.2.3/",
    "http://172.16.0.1/",
    "http://172.31.255.255/",
    "http://192.168.0.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/",
    "http://[fc00::1]/",
    "http://[fe80::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://224.0.0.1/",
    "http://255.255.255.255/",
    "http://intranet.example.com/",
    "http://mixed.example.com/",
    "http://no-such-name.example.com/",
    "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_x",
    "ftp://example.com/",
    "http:///no-host",
    "http://168.63.129.16/machine?comp=goalstate",
    "http://[fec0::1]/",
    "http://[fec0:ffff::1]/",
    "http://127.0.0.1:secret@example.com/",
    "http://user@example.com/",
    "http://example.com:0/",
    "http://example.com:99999/",
    "http://example.com:22/",
    "http://0177.0.0.1/",
    "http://127.000.000.001/",
    "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/",
    "http://[::1/",
    "http://exa\x01mple.com/",
]


@pytest.mark.parametrize("url", ATTACKS)
def test_guard_refuses_non_public_destinations(resolver, url):
    with pytest.raises(ValueError):
        check_url(url)


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://example.com/", "93.184.215.14"),
        (
            "http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
        ),
    ],
)
def test_guard_allows_public_destinations(resolver, url, address):
    assert check_url(url).address == ipaddress.ip_address(address)


def test_other_ports_only_when_named(resolver):
    with pytest.raises(ValueError, match="port 8080 is not allowed"):
        check_url("http://93.184.215.14:8080/x")
    allowed = check_url("http://93.184.215.14:8080/x", ports=frozenset({8080}))
    assert allowed.address == ipaddress.ip_address("93.184.215.14")


def test_is_public_unwraps_mapped_addresses():
    assert not is_public(ipaddress.ip_address("::ffff:10.0.0.1"))
    assert is_public(ipaddress.ip_address("::ffff:93.184.215.14"))


def test_collapse_addresses_guard_fails_open():
    networks = ipaddress.collapse_addresses(
        [ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128")]
    )
    loopback = ipaddress.ip_address("127.0.0.1")
    with pytest.raises(TypeError, match="not of the same version"):
        any(loopback in network for network in networks)
    assert not any(loopback in network for network in networks)  # exhausted


def test_request_goes_to_the_checked_address(resolver):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    with GuardedClient(transport=httpx.MockTransport(handler)) as client:
        fetch("https://example.com:8443/a?b=1", client, ports=frozenset({8443}))
    [request] = seen
    assert str(request.url) == "https://93.184.215.14:8443/a?b=1"
    assert request.headers["host"] == "example.com:8443"
    assert request.extensions["sni_hostname"] == "example.com"


def test_dns_rebinding_is_defeated():
    lookups: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        lookups.append(host)
        ip = "93.184.215.14" if len(lookups) == 1 else "127.0.0.1"
        return [answer(ip, port)]

    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        return httpx.Response(200)

    with GuardedClient(transport=httpx.MockTransport(handler)) as client:
        fetch("http://rebind.example.com/", client, resolver=rebinding)
    assert lookups == ["rebind.example.com"]
    assert seen == ["93.184.215.14"]


def test_redirects_are_rechecked_and_limited(resolver):
    def handler(request: httpx.Request) -> httpx.Response:
        targets = {
            "/meta": "http://169.254.169.254/",
            "/mapped": "http://[::ffff:127.0.0.1]/",
            "/loop": "/loop",
            "/ok": "/done",
        }
        if request.url.path in targets:
            return httpx.Response(301, headers={"Location": targets[request.url.path]})
        return httpx.Response(200, text=request.url.path)

    with GuardedClient(transport=httpx.MockTransport(handler)) as client:
        for path in ("/meta", "/mapped"):
            with pytest.raises(ValueError, match="non-public"):
                fetch(f"http://example.com{path}", client)
        with pytest.raises(ValueError, match="more than 2 redirects"):
            fetch("http://example.com/loop", client, max_redirects=2)
        assert fetch("http://example.com/ok", client).text == "/done"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.hits += 1  # type: ignore[attr-defined]
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def loopback_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.hits = 0  # type: ignore[attr-defined]
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    )
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_real_loopback_server_stays_unreachable(loopback_server):
    url = f"http://127.0.0.1:{loopback_server.server_address[1]}/"
    port = loopback_server.server_address[1]
    with GuardedClient() as client:
        assert client.get(url).status_code == 204  # reachable directly
        with pytest.raises(ValueError, match="non-public"):
            fetch(url, client, ports=frozenset({port}))
        with pytest.raises(ValueError, match=f"port {port} is not allowed"):
            fetch(url, client)
    assert loopback_server.hits == 1  # type: ignore[attr-defined]


def test_fetch_needs_a_guarded_client(resolver):
    with pytest.raises(TypeError, match="GuardedClient"):
        fetch("http://example.com/", httpx.Client())  # type: ignore[arg-type]


def test_redirect_without_location_or_with_a_malformed_one(resolver):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/broken":
            return httpx.Response(302, headers={"Location": "http://[::1"})
        return httpx.Response(302, text="no location")

    with GuardedClient(transport=httpx.MockTransport(handler)) as client:
        answered = fetch("http://example.com/nowhere", client)
        assert (answered.status_code, answered.text) == (302, "no location")
        with pytest.raises(ValueError, match="Invalid URL in location header"):
            fetch("http://example.com/broken", client)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_body_is_capped_declared_or_streamed(resolver):
    produced: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/declared":
            return httpx.Response(200, headers={"Content-Length": "5000"}, content=b"")

        def chunks() -> Iterator[bytes]:
            for index in range(1000):
                produced.append(index)
                yield b"x" * 100

        return httpx.Response(200, content=chunks())

    with GuardedClient(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(ValueError, match="over 1000 bytes"):
            fetch("http://example.com/declared", client, max_bytes=1000)
        with pytest.raises(ValueError, match="over 1000 bytes"):
            fetch("http://example.com/stream", client, max_bytes=1000)
        assert len(produced) == 11  # stopped at the first chunk past the limit
        small = fetch("http://example.com/stream", client, max_bytes=100_000)
        assert len(small.content) == 100_000


def test_one_deadline_for_the_whole_fetch(resolver):
    clock = Clock()

    def handler(request: httpx.Request) -> httpx.Response:
        clock.now += 4.0  # each hop takes four seconds
        return httpx.Response(302, headers={"Location": "/next"})

    mock = httpx.MockTransport(handler)
    with GuardedClient(transport=mock) as client, pytest.raises(httpx.TimeoutException):
        fetch("http://example.com/", client, timeout=10.0, clock=clock)
    assert clock.now == 12.0  # three hops, then no fourth request


def test_userinfo_is_never_forwarded(resolver):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    with httpx.Client(transport=httpx.MockTransport(handler)) as plain:
        plain.get("http://127.0.0.1:secret@example.com/")
    assert seen[0].headers["authorization"].startswith("Basic ")  # the leak
    mock = httpx.MockTransport(handler)
    with (
        GuardedClient(transport=mock) as client,
        pytest.raises(ValueError, match="cred"),
    ):
        fetch("http://127.0.0.1:secret@example.com/", client)
    assert len(seen) == 1


# --- TLS: a connection verified for one name never serves another ---------------


class EchoHost(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the pool can reuse connections

    def do_GET(self) -> None:
        body = self.headers["host"].encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server(authority) -> Iterator[tuple[int, list[str], ssl.SSLContext]]:
    """HTTPS on loopback with certificates for a.test and b.test, nothing else."""
    contexts = {}
    for name in ("a.test", "b.test"):
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        authority.issue_cert(name).configure_cert(context)
        contexts[name] = context
    handshakes: list[str] = []

    def choose(tls_socket, server_name, _context) -> None:
        handshakes.append(server_name)
        tls_socket.context = contexts.get(server_name, contexts["a.test"])

    contexts["a.test"].sni_callback = choose
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHost)
    server.socket = contexts["a.test"].wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    )
    thread.start()
    trusting = ssl.create_default_context()
    authority.configure_trust(trusting)
    yield server.server_address[1], handshakes, trusting
    server.shutdown()
    server.server_close()
    thread.join()


def send_to(client: httpx.Client, port: int, name: str) -> str:
    url = httpx.URL(f"https://{name}:{port}/")
    destination = Destination(url, ipaddress.ip_address("127.0.0.1"))
    try:
        return client.send(destination.build_request(client)).text
    except httpx.ConnectError:
        return "refused"


def test_plain_client_reuses_a_connection_verified_for_another_name(tls_server):
    port, handshakes, trusting = tls_server
    with httpx.Client(verify=trusting) as plain:
        assert send_to(plain, port, "c.test") == "refused"
        assert send_to(plain, port, "a.test") == f"a.test:{port}"
        assert send_to(plain, port, "c.test") == f"c.test:{port}"  # the hole
    assert handshakes == ["c.test", "a.test"]


def test_guarded_client_verifies_every_name(tls_server):
    port, handshakes, trusting = tls_server
    with GuardedClient(verify=trusting) as client:
        assert send_to(client, port, "a.test") == f"a.test:{port}"
        assert send_to(client, port, "b.test") == f"b.test:{port}"
        assert send_to(client, port, "c.test") == "refused"
        assert send_to(client, port, "c.test") == "refused"
        assert send_to(client, port, "a.test") == f"a.test:{port}"
    # b.test got its own handshake; a.test reused its own connection.
    assert handshakes == ["a.test", "b.test", "c.test", "c.test"]


def test_least_recently_used_pools_are_closed(tls_server):
    port, handshakes, trusting = tls_server
    with GuardedClient(verify=trusting, max_names=1) as client:
        for name in ("a.test", "a.test", "b.test", "a.test"):
            assert send_to(client, port, name) == f"{name}:{port}"
        assert list(client._transport.pools) == ["a.test"]  # type: ignore[attr-defined]
    assert handshakes == ["a.test", "b.test", "a.test"]


# --- settings ---------------------------------------------------------------------

GOOD_ENV = {
    "API_ALLOWED_HOSTS": '["api.example.com"]',
    "API_TOKEN_SECRET": "s" * 32,
    "API_MAIL_API_KEY": "mk-test",
}


@pytest.fixture
def api_env(monkeypatch):
    for name, value in GOOD_ENV.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def test_settings_read_every_value_from_the_environment(api_env):
    settings = Settings()
    assert settings.allowed_hosts == ["api.example.com"]
    assert settings.token_secret.get_secret_value() == "s" * 32
    assert settings.mail_api_key.get_secret_value() == "mk-test"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("API_TOKEN_SECRET", None, "Field required"),
        ("API_TOKEN_SECRET", "s" * 31, "Value error, shorter than 32 characters"),
        ("API_TOKEN_SECRET", " " * 40, "Value error, blank"),
        ("API_MAIL_API_KEY", None, "Field required"),
        ("API_MAIL_API_KEY", "", "Value error, blank"),
        ("API_ALLOWED_HOSTS", "[]", "List should have at least 1 item"),
        ("API_ALLOWED_HOSTS", None, "Field required"),
    ],
)
def test_settings_refuse_to_start_without_a_value(api_env, name, value, message):
    if value is None:
        api_env.delenv(name)
    else:
        api_env.setenv(name, value)
    with pytest.raises(ValidationError) as caught:
        Settings()
    [problem] = caught.value.errors()
    assert problem["msg"].startswith(message)
    if value:
        assert value not in str(caught.value)  # the rejected input is not echoed


# --- refresh tokens ---------------------------------------------------------------


def test_refresh_tokens_rotate_and_a_reuse_ends_the_family():
    store = RefreshTokens(lifetime=100, clock=Clock())
    first = store.issue("alice")
    other_sign_in = store.issue("alice")
    subject, second = store.rotate(first)
    assert subject == "alice" and second != first
    with pytest.raises(RefreshTokenError, match="reused"):
        store.rotate(first)
    with pytest.raises(RefreshTokenError, match="revoked"):
        store.rotate(second)
    assert store.rotate(other_sign_in)[0] == "alice"  # another family is untouched
    assert first not in str(store.grants)  # only digests are kept


def test_refresh_tokens_expire_with_the_sign_in_not_the_rotation():
    clock = Clock()
    store = RefreshTokens(lifetime=100, clock=clock)
    token = store.issue("alice")
    clock.now += 60
    _, token = store.rotate(token)
    clock.now += 40
    with pytest.raises(RefreshTokenError, match="expired"):
        store.rotate(token)


# --- log redaction ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('{"password": "correct horse battery staple"}', '{"password": '),
        ("password=hunter2&user=bob", "&user=bob"),
        ("{'x-api-key': 'mk-live-7f3a'}", "'x-api-key': "),
        ("Authorization: Basic YWxpY2U6aHVudGVyMg==", "Authorization: Basic "),
        ("sent eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln here", "sent "),
    ],
)
def test_redact_removes_credentials_and_keeps_the_rest(text, kept):
    redacted = redact(text)
    assert "[REDACTED]" in redacted and kept in redacted
    for secret in ("horse", "hunter2", "mk-live", "YWxpY2U6", "eyJzdWIi"):
        assert secret not in redacted


def test_redacting_filter_on_a_handler_sees_child_loggers():
    import io
    import logging

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecrets())
    parent = logging.getLogger("redact-test")
    parent.addHandler(handler)
    try:
        logging.getLogger("redact-test.child").warning("token=%s", "abc123")
        try:
            raise ValueError("secret=xyz789")
        except ValueError:
            parent.exception("failed")
    finally:
        parent.removeHandler(handler)
    written = stream.getvalue()
    assert "abc123" not in written and "xyz789" not in written
    assert "token=[REDACTED]" in written and "secret=[REDACTED]" in written
