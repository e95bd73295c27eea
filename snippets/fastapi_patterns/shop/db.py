"""The database: tables, one engine per app, and a session per request."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import CheckConstraint, String, make_url
from sqlalchemy.ext.asyncio import (
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


class ItemRow(Base):
    __tablename__ = "items"
    __table_args__ = (CheckConstraint("quantity >= 0"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    quantity: Mapped[int]


@asynccontextmanager
async def open_database(url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Create the engine (and, for this example, the tables); dispose of it at exit."""
    in_memory = make_url(url).database in (None, "", ":memory:")
    # An in-memory SQLite database lives in one connection: share that connection.
    engine = create_async_engine(url, poolclass=StaticPool if in_memory else None)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)  # real apps: migrations
        yield async_sessionmaker(engine, expire_on_commit=False)
    finally:
        await engine.dispose()


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request: commit if the route returns, else roll back."""
    async with request.app.state.sessions() as session, session.begin():
        yield session


# scope="function": the commit runs before the response is sent, so a failed commit
# becomes an error response instead of a 201 for data that was never stored.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
