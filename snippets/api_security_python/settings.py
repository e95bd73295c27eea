"""Settings with no defaults for what production must provide: the service refuses to
start without them, instead of running with an empty secret."""

from typing import Annotated

from pydantic import AfterValidator, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def at_least(characters: int) -> AfterValidator:
    """Refuse a secret shorter than ``characters``; blanks do not count."""

    def check(value: SecretStr) -> SecretStr:
        secret = value.get_secret_value().strip()
        if not secret:
            raise ValueError("blank")
        if len(secret) < characters:
            raise ValueError(f"shorter than {characters} characters")
        return value

    return AfterValidator(check)


class Settings(BaseSettings):
    # hide_input_in_errors: a validation error would otherwise print the rejected value,
    # and a secret that is merely too short is still a secret.
    model_config = SettingsConfigDict(env_prefix="API_", hide_input_in_errors=True)

    # The Host names the service answers to: API_ALLOWED_HOSTS='["api.example.com"]'.
    allowed_hosts: list[str] = Field(min_length=1)
    # The HS256 key for session tokens, e.g. from secrets.token_urlsafe(32).
    token_secret: Annotated[SecretStr, at_least(32)]
    # The key for the mail provider that delivers password-reset links.
    mail_api_key: Annotated[SecretStr, at_least(1)]
    mail_from: str = "no-reply@example.com"
