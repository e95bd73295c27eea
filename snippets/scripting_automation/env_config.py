"""Typed configuration from environment variables, with every error reported at once."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


class ConfigError(Exception):
    """One line per invalid or missing variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    api_url: str
    timeout: float = 10.0
    workers: int = 4
    dry_run: bool = False
    output_dir: Path = Path("out")


def parse_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in TRUE | FALSE:
        return value in TRUE
    raise ValueError(f"expected one of {', '.join(sorted(TRUE | FALSE))}")


def parse_seconds(text: str) -> float:
    value = float(text)
    if not 0 < value < math.inf:  # float() also reads "nan", "inf" and "-1"
        raise ValueError("must be a positive number of seconds")
    return value


def parse_workers(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 64:
        raise ValueError("must be between 1 and 64")
    return value


def parse_url(text: str) -> str:
    if not text.startswith(("https://", "http://")):
        raise ValueError("must start with https:// or http://")
    return text.rstrip("/")


def load_settings(
    environ: Mapping[str, str] | None = None, prefix: str = "APP_"
) -> Settings:
    """Build Settings from ``environ`` (default: os.environ) or raise ConfigError."""
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    errors: list[str] = []

    def read(
        field: str, parse: Callable[[str], object], *, required: bool = False
    ) -> None:
        name = prefix + field.upper()
        if name not in environ:
            if required:
                errors.append(f"{name} is required")
            return
        try:
            values[field] = parse(environ[name])
        except ValueError as error:
            errors.append(f"{name}={environ[name]!r}: {error}")

    read("api_url", parse_url, required=True)
    read("timeout", parse_seconds)
    read("workers", parse_workers)
    read("dry_run", parse_bool)
    read("output_dir", Path)
    if errors:
        raise ConfigError("\n".join(errors))
    return Settings(**values)
