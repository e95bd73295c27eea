"""Domain errors and the handlers that turn them into JSON responses."""

from fastapi import Request
from fastapi.responses import JSONResponse


class NotFoundError(Exception):
    """Raised by any router when the thing asked for does not exist."""

    def __init__(self, kind: str, key: str | int) -> None:
        super().__init__(f"{kind} {key!r} not found")
        self.kind = kind
        self.key = key


async def not_found_handler(request: Request, exc: NotFoundError) -> JSONResponse:
    return JSONResponse(
        status_code=404,
        content={"error": "not_found", "kind": exc.kind, "key": exc.key},
    )


async def upstream_error_handler(request: Request, exc: Exception) -> JSONResponse:
    # Timeouts, refused connections and 5xx from the rates service: fail closed.
    return JSONResponse(status_code=502, content={"error": "upstream_unavailable"})
