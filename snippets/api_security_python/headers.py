"""Pure ASGI middleware that adds security headers to every HTTP response."""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = {
    # Browsers use HTTPS only for two years, subdomains included.
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    # Never guess a content type: a JSON or image response is not run as a script.
    "x-content-type-options": "nosniff",
    # An API response loads nothing and may not be framed (clickjacking).
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    # Links out of the app do not leak the URL, which may hold tokens or ids.
    "referrer-policy": "no-referrer",
}


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.headers = SECURITY_HEADERS if headers is None else headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers.setdefault(name, value)  # a route may set its own
            await send(message)

        await self.app(scope, receive, send_with_headers)
