"""Configuration from the environment, read once per process."""

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHOP_")

    app_name: str = "shop"
    rates_url: str = "https://rates.example.com"
    # No default: without SHOP_RATES_API_KEY, or with it empty, the app does not start.
    rates_api_key: SecretStr = Field(min_length=1)
    rates_timeout: float = 5.0
    # In memory, gone when the process exits; production sets SHOP_DATABASE_URL,
    # for example postgresql+asyncpg://shop@db/shop.
    database_url: str = "sqlite+aiosqlite://"
    # The Host names the app answers to; production sets its own, for example
    # SHOP_ALLOWED_HOSTS='["shop.example.com"]'. "testserver" is TestClient's host.
    allowed_hosts: list[str] = ["localhost", "127.0.0.1", "testserver"]
    # /docs, /redoc and /openapi.json are published only where this is true.
    expose_docs: bool = False


@lru_cache
def get_settings() -> Settings:
    return Settings()
