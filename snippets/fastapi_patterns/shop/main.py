"""The app factory: lifespan, routers and error handlers in one place."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from sqlalchemy.exc import IntegrityError
from starlette.middleware.trustedhost import TrustedHostMiddleware

from snippets.fastapi_patterns.shop.db import open_database
from snippets.fastapi_patterns.shop.dependencies import SettingsDep
from snippets.fastapi_patterns.shop.errors import (
    NotFoundError,
    UpstreamError,
    conflict_handler,
    not_found_handler,
    upstream_error_handler,
)
from snippets.fastapi_patterns.shop.routers import items, rates
from snippets.fastapi_patterns.shop.settings import get_settings


def create_app(*, rates_transport: httpx.AsyncBaseTransport | None = None) -> FastAPI:
    """Build a fresh app. Tests pass a transport so no request leaves the process."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings = get_settings()
        async with (
            httpx.AsyncClient(
                base_url=settings.rates_url,
                timeout=settings.rates_timeout,
                transport=rates_transport,
            ) as http,
            open_database(settings.database_url) as sessions,
        ):
            app.state.http = http
            app.state.sessions = sessions
            yield
        # Leaving the block closed the client and disposed of the database engine.

    settings = get_settings()
    app = FastAPI(
        title="Shop",
        lifespan=lifespan,
        # Without a schema URL FastAPI serves no /docs and no /redoc either.
        openapi_url="/openapi.json" if settings.expose_docs else None,
    )
    # A request for a Host we do not serve gets a 400 before any route runs, so
    # url_for() never builds a link to a domain the client made up.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
    app.include_router(items.router)
    app.include_router(rates.router)
    app.add_exception_handler(NotFoundError, not_found_handler)
    app.add_exception_handler(IntegrityError, conflict_handler)
    app.add_exception_handler(httpx.HTTPError, upstream_error_handler)
    app.add_exception_handler(UpstreamError, upstream_error_handler)

    @app.get("/about", tags=["meta"])
    async def about(settings: SettingsDep) -> dict[str, str]:
        return {"app": settings.app_name}

    return app


# The module-level app an ASGI server imports: snippets.fastapi_patterns.shop.main:app
app = create_app()
