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


SERVER_ERROR = b"Internal Server Error"


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.headers = SECURITY_HEADERS if headers is None else headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers.setdefault(name, value)  # a route may set its own
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # Starlette's ServerErrorMiddleware sits outside every added middleware,
            # so its 500 would never pass through here. Answer first, then let the
            # error propagate to be logged; the outer middleware sees a response
            # already started and sends nothing more.
            if not started:
                await send_with_headers(
                    {
                        "type": "http.response.start",
                        "status": 500,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(SERVER_ERROR)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": SERVER_ERROR})
            raise
