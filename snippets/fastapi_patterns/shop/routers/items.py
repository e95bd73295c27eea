"""/items: a catalogue stored in the database, one transaction per request."""

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from snippets.fastapi_patterns.shop.db import ItemRow, SessionDep
from snippets.fastapi_patterns.shop.errors import NotFoundError

router = APIRouter(prefix="/items", tags=["items"])


class ItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=40)
    quantity: int = Field(ge=0)


class Item(ItemIn):
    model_config = ConfigDict(from_attributes=True)  # built from an ItemRow

    id: int


@router.post("", status_code=201)
async def create_item(
    data: ItemIn, session: SessionDep, request: Request, response: Response
) -> Item:
    row = ItemRow(**data.model_dump())
    session.add(row)
    await session.flush()  # sends the INSERT now, so the database assigns the id
    response.headers["Location"] = str(request.url_for("read_item", item_id=row.id))
    return Item.model_validate(row)


@router.get("/{item_id}")
async def read_item(item_id: int, session: SessionDep) -> Item:
    row = await session.get(ItemRow, item_id)
    if row is None:
        raise NotFoundError("item", item_id)
    return Item.model_validate(row)
