"""Dependencies the routers share, as reusable Annotated aliases."""

from decimal import Decimal
from typing import Annotated

import httpx
from fastapi import Depends, Request
from pydantic import SecretStr

from snippets.fastapi_patterns.shop.settings import Settings, get_settings

SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_http(request: Request) -> httpx.AsyncClient:
    """The one client the lifespan opened for the whole process."""
    return request.app.state.http


HttpDep = Annotated[httpx.AsyncClient, Depends(get_http)]


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
        response.raise_for_status()
        return Decimal(response.json()["rate"])


def get_rates(http: HttpDep, settings: SettingsDep) -> RatesClient:
    return RatesClient(http, settings.rates_api_key)


RatesDep = Annotated[RatesClient, Depends(get_rates)]
