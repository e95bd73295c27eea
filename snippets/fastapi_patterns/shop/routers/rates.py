"""/rates: a thin proxy in front of the exchange-rate service."""

from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel

from snippets.fastapi_patterns.shop.dependencies import RatesDep
from snippets.fastapi_patterns.shop.errors import NotFoundError

router = APIRouter(prefix="/rates", tags=["rates"])

Currency = Annotated[str, Path(pattern=r"^[A-Z]{3}$")]


class Rate(BaseModel):
    currency: str
    rate: Decimal


@router.get("/{currency}")
async def read_rate(currency: Currency, rates: RatesDep) -> Rate:
    rate = await rates.rate(currency)
    if rate is None:
        raise NotFoundError("currency", currency)
    return Rate(currency=currency, rate=rate)
