"""Dependencies the routers share, as reusable Annotated aliases."""

from decimal import Decimal
from typing import Annotated

import httpx
from fastapi import Depends, Request
from pydantic import BaseModel, Field, SecretStr, ValidationError

from snippets.fastapi_patterns.shop.errors import UpstreamError
from snippets.fastapi_patterns.shop.settings import Settings, get_settings

SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_http(request: Request) -> httpx.AsyncClient:
    """The one client the lifespan opened for the whole process."""
    return request.app.state.http


HttpDep = Annotated[httpx.AsyncClient, Depends(get_http)]


class UpstreamRate(BaseModel):
    """What the rates service must send: a finite, positive, plausible rate."""

    rate: Decimal = Field(gt=0, lt=1_000_000)  # NaN and Infinity are refused too


class RatesClient:
    """Talks to the exchange-rate service: the thing tests replace."""

    def __init__(self, http: httpx.AsyncClient, api_key: SecretStr) -> None:
        self.http = http
        self.api_key = api_key

    async def rate(self, currency: str) -> Decimal | None:
        response = await self.http.get(
            f"/v1/rates/{currency}",
            headers={"X-Api-Key": self.api_key.get_secret_value()},
        )
        if response.status_code == httpx.codes.NOT_FOUND:
            return None
        response.raise_for_status()  # 3xx, 4xx and 5xx: httpx.HTTPStatusError
        try:
            return UpstreamRate.model_validate_json(response.content).rate
        except ValidationError as error:  # HTML, other JSON, "NaN", "-5", ...
            raise UpstreamError("rates", error.errors()[0]["type"]) from error


def get_rates(http: HttpDep, settings: SettingsDep) -> RatesClient:
    return RatesClient(http, settings.rates_api_key)


RatesDep = Annotated[RatesClient, Depends(get_rates)]
