"""Domain errors and the handlers that turn them into JSON responses."""

import logging

from fastapi import Request
from fastapi.responses import JSONResponse

logger = logging.getLogger("shop")


class NotFoundError(Exception):
    """Raised by any router when the thing asked for does not exist."""

    def __init__(self, kind: str, key: str | int) -> None:
        super().__init__(f"{kind} {key!r} not found")
        self.kind = kind
        self.key = key


class UpstreamError(Exception):
    """A service we call answered, but with something we must not use."""

    def __init__(self, service: str, reason: str) -> None:
        super().__init__(f"{service} sent an invalid response: {reason}")
        self.service = service
        self.reason = reason


async def not_found_handler(request: Request, exc: NotFoundError) -> JSONResponse:
    return JSONResponse(
        status_code=404,
        content={"error": "not_found", "kind": exc.kind, "key": exc.key},
    )


async def conflict_handler(request: Request, exc: Exception) -> JSONResponse:
    # A constraint refused the write (a duplicate name, a negative quantity); the
    # transaction was rolled back. The database's message stays in the log.
    logger.info("conflict on %s: %s", request.url.path, exc)
    return JSONResponse(status_code=409, content={"error": "conflict"})


async def upstream_error_handler(request: Request, exc: Exception) -> JSONResponse:
    # Timeouts, refused connections, 5xx and invalid bodies: fail closed. The details
    # go to the log; the client learns only that the upstream let us down.
    logger.warning("upstream failure on %s: %r", request.url.path, exc)
    return JSONResponse(status_code=502, content={"error": "upstream_unavailable"})
