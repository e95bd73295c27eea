"""Fetch user-supplied URLs without letting them reach private networks (SSRF).

The guard allows only globally routable addresses instead of denying known-bad ranges,
checks every address the name resolves to, and hands back the address it checked so
that the request goes to exactly that address. Redirects are re-checked hop by hop.
"""

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[..., Sequence[tuple[Any, ...]]]
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_public(address: IPAddress) -> bool:
    """True only for unicast addresses that are routable on the public internet."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return address.is_global and not (address.is_multicast or address.is_reserved)


@dataclass(frozen=True)
class Destination:
    """A URL whose host resolved only to public addresses, and the address checked."""

    url: httpx.URL
    address: IPAddress

    def build_request(
        self, client: httpx.Client | httpx.AsyncClient, method: str = "GET"
    ) -> httpx.Request:
        """A request to the checked address that still names the original host.

        The URL carries the IP literal, so the client does not resolve the name again;
        the Host header and, for HTTPS, the TLS server name (SNI, also used to verify
        the certificate) carry the name the user asked for.
        """
        pinned = self.url.copy_with(host=str(self.address))
        extensions = {"sni_hostname": self.url.raw_host.decode("ascii")}
        return client.build_request(
            method,
            pinned,
            headers={"Host": self.url.netloc.decode("ascii")},
            extensions=extensions if self.url.scheme == "https" else {},
        )


def check_url(url: str | httpx.URL, resolver: Resolver | None = None) -> Destination:
    """Return where ``url`` may be fetched, or raise ValueError if it is not public."""
    parsed = httpx.URL(url)
    if parsed.scheme not in DEFAULT_PORTS:
        raise ValueError(f"scheme {parsed.scheme!r} is not allowed")
    host = parsed.raw_host.decode("ascii")
    if not host:
        raise ValueError("URL has no host")
    port = parsed.port or DEFAULT_PORTS[parsed.scheme]
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


def fetch(
    url: str,
    client: httpx.Client,
    *,
    resolver: Resolver | None = None,
    max_redirects: int = 3,
) -> httpx.Response:
    """GET ``url``, following at most ``max_redirects`` redirects, each one re-checked."""
    current = httpx.URL(url)
    for _hop in range(max_redirects + 1):
        destination = check_url(current, resolver)
        request = destination.build_request(client)
        response = client.send(request, follow_redirects=False)
        if not response.is_redirect:
            return response
        response.close()
        current = current.join(response.headers["location"])
    raise ValueError(f"more than {max_redirects} redirects")
