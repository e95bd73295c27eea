"""/items: a catalogue kept in app.state (a real app would use a database)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from snippets.fastapi_patterns.shop.errors import NotFoundError

router = APIRouter(prefix="/items", tags=["items"])


class ItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=40)
    quantity: int = Field(ge=0)


class Item(ItemIn):
    id: int


def get_store(request: Request) -> dict[int, Item]:
    return request.app.state.items


StoreDep = Annotated[dict[int, Item], Depends(get_store)]


@router.post("", status_code=201)
async def create_item(
    data: ItemIn, store: StoreDep, request: Request, response: Response
) -> Item:
    item = Item(id=len(store) + 1, **data.model_dump())
    store[item.id] = item
    response.headers["Location"] = str(request.url_for("read_item", item_id=item.id))
    return item


@router.get("/{item_id}")
async def read_item(item_id: int, store: StoreDep) -> Item:
    if item_id not in store:
        raise NotFoundError("item", item_id)
    return store[item_id]
