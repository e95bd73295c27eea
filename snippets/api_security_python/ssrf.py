"""Fetch user-supplied URLs without letting them reach private networks (SSRF).

The guard allows only globally routable addresses instead of denying known-bad ranges,
checks every address the name resolves to, and hands back the address it checked so
that the request goes to exactly that address. Redirects are re-checked hop by hop,
and every fetch is bounded in ports, time and bytes.
"""

import ipaddress
import socket
import ssl
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[..., Sequence[tuple[Any, ...]]]
DEFAULT_PORTS = {"http": 80, "https": 443}
WEB_PORTS = frozenset(DEFAULT_PORTS.values())
# Globally routable, yet the cloud platform's own service inside every VM.
PLATFORM_ADDRESSES = (ipaddress.ip_network("168.63.129.16/32"),)  # Azure WireServer


def is_public(address: IPAddress) -> bool:
    """True only for unicast addresses that are routable on the public internet."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
        elif address.is_site_local:  # fec0::/10: deprecated, still routed in places
            return False
    if any(address in network for network in PLATFORM_ADDRESSES):
        return False
    return address.is_global and not (address.is_multicast or address.is_reserved)


@dataclass(frozen=True)
class Destination:
    """A URL whose host resolved only to public addresses, and the address checked."""

    url: httpx.URL
    address: IPAddress

    def build_request(
        self,
        client: httpx.Client | httpx.AsyncClient,
        method: str = "GET",
        timeout: float | None = None,
    ) -> httpx.Request:
        """A request to the checked address that still names the original host.

        The URL carries the IP literal, so the client does not resolve the name again;
        the Host header and, for HTTPS, the TLS server name (SNI, also used to verify
        the certificate) carry the name the user asked for. Send it through a
        GuardedClient: a plain client's pool would reuse a connection to the same IP
        that was verified for another name.
        """
        pinned = self.url.copy_with(host=str(self.address))
        extensions = {"sni_hostname": self.url.raw_host.decode("ascii")}
        return client.build_request(
            method,
            pinned,
            headers={"Host": self.url.netloc.decode("ascii")},
            extensions=extensions if self.url.scheme == "https" else {},
            timeout=httpx.USE_CLIENT_DEFAULT if timeout is None else timeout,
        )


def check_url(
    url: str | httpx.URL,
    resolver: Resolver | None = None,
    *,
    ports: frozenset[int] = WEB_PORTS,
) -> Destination:
    """Return where ``url`` may be fetched, or raise ValueError if it may not."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:  # 0177.0.0.1, full-width digits, "[::1", ...
        raise ValueError(f"malformed URL: {error}") from None
    if parsed.scheme not in DEFAULT_PORTS:
        raise ValueError(f"scheme {parsed.scheme!r} is not allowed")
    if parsed.userinfo:  # httpx would send it on as an Authorization header
        raise ValueError("URL must not carry credentials")
    host = parsed.raw_host.decode("ascii")
    if not host:
        raise ValueError("URL has no host")
    port = DEFAULT_PORTS[parsed.scheme] if parsed.port is None else parsed.port
    if port not in ports:
        raise ValueError(f"port {port} is not allowed")
    resolve = resolver or socket.getaddrinfo  # looked up per call: tests can patch it
    try:
        answers = resolve(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise ValueError(f"cannot resolve {host!r}") from error
    # Keep the resolver's spelling for messages: str() of an IPv4-mapped address
    # differs between Python versions.
    reported = [sockaddr[0] for *_, sockaddr in answers]
    if not reported:
        raise ValueError(f"{host!r} has no addresses")
    for spelling in reported:  # every answer: one bad record rejects the name
        if not is_public(ipaddress.ip_address(spelling)):
            raise ValueError(f"{host!r} resolves to non-public address {spelling}")
    return Destination(parsed, ipaddress.ip_address(reported[0]))


class PoolPerName(httpx.BaseTransport):
    """One connection pool per server name.

    A pinned request names an IP in its URL, and httpcore reuses a pooled connection
    whenever scheme, IP and port match, whatever the TLS server name. Two names on one
    address would share a connection whose certificate was checked for only the first.
    Keeping a pool per name means a connection only ever serves the name it was
    verified for. The least recently used pools are closed beyond ``max_names``.
    """

    def __init__(
        self,
        *,
        verify: ssl.SSLContext | str | bool = True,
        max_names: int = 64,
        **options: Any,  # for each httpx.HTTPTransport: limits, http2, ...
    ) -> None:
        self.max_names = max_names
        # One TLS context for all pools: loading the CA bundle takes milliseconds.
        self.options = {"verify": httpx.create_ssl_context(verify), **options}
        self.pools: OrderedDict[str, httpx.HTTPTransport] = OrderedDict()
        self.lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        name = request.extensions.get("sni_hostname") or request.url.host
        with self.lock:
            pool = self.pools.pop(name, None) or httpx.HTTPTransport(**self.options)
            self.pools[name] = pool  # now the most recently used
            evicted = []
            while len(self.pools) > self.max_names:
                evicted.append(self.pools.popitem(last=False)[1])
        for old in evicted:
            old.close()
        return pool.handle_request(request)

    def close(self) -> None:
        with self.lock:
            pools, self.pools = list(self.pools.values()), OrderedDict()
        for pool in pools:
            pool.close()


class GuardedClient(httpx.Client):
    """The client ``fetch`` needs: a pool per server name, no proxy settings taken
    from the environment (nothing may sit between the check and the connection), and
    no redirects followed behind the guard's back."""

    def __init__(
        self,
        *,
        verify: ssl.SSLContext | str | bool = True,
        max_names: int = 64,
        transport: httpx.BaseTransport | None = None,  # tests pass a mock
    ) -> None:
        super().__init__(
            transport=transport or PoolPerName(verify=verify, max_names=max_names),
            trust_env=False,
            follow_redirects=False,
        )


def read_capped(
    response: httpx.Response,
    max_bytes: int,
    deadline: float,
    clock: Callable[[], float],
) -> httpx.Response:
    """Read a streamed body, refusing more than ``max_bytes`` or a late finish."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding != "identity":
        # httpx would decode each network chunk in full before anything could count
        # it: one 64 KiB chunk of a gzip bomb expands to about 64 MB.
        raise ValueError(f"compressed response ({encoding}) refused")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ValueError(f"response body over {max_bytes} bytes")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise ValueError(f"response body over {max_bytes} bytes")
        if clock() > deadline:  # a server dripping bytes never trips a read timeout
            raise httpx.ReadTimeout("fetch took too long", request=response.request)
    dropped = {"content-encoding", "content-length", "transfer-encoding"}
    headers = [(k, v) for k, v in response.headers.multi_items() if k not in dropped]
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=bytes(body),
        request=response.request,
    )


def fetch(
    url: str | httpx.URL,
    client: GuardedClient,
    *,
    resolver: Resolver | None = None,
    ports: frozenset[int] = WEB_PORTS,
    max_redirects: int = 3,
    max_bytes: int = 1_000_000,
    timeout: float = 10.0,
    clock: Callable[[], float] = time.monotonic,
) -> httpx.Response:
    """GET ``url``, re-checking every redirect, within ``timeout`` seconds in total.

    Raises ValueError for a URL, redirect or response the guard refuses, and
    httpx.TimeoutException when the whole fetch outlasts ``timeout``.
    """
    if not isinstance(client, GuardedClient):
        raise TypeError("fetch needs a GuardedClient")
    deadline = clock() + timeout
    current = url
    for _hop in range(max_redirects + 1):
        destination = check_url(current, resolver, ports=ports)
        remaining = deadline - clock()
        if remaining <= 0:
            raise httpx.ConnectTimeout("fetch took too long")
        request = destination.build_request(client, timeout=remaining)
        request.headers["Accept-Encoding"] = "identity"  # see read_capped
        try:
            response = client.send(request, stream=True)
        except httpx.RemoteProtocolError as error:  # also: a malformed Location
            raise ValueError(f"invalid response: {error}") from None
        try:
            if not response.has_redirect_location:  # a 304, or a 3xx without Location
                return read_capped(response, max_bytes, deadline, clock)
            current = destination.url.join(response.headers["location"])
        finally:
            response.close()
    raise ValueError(f"more than {max_redirects} redirects")
