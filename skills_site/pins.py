"""The versions the examples are tested with, read from uv.lock."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "uv.lock"


def _applies(package: dict, python: str) -> bool:
    markers = package.get("resolution-markers")
    if not markers:
        return True
    environment = {"python_version": python, "python_full_version": f"{python}.0"}
    return any(Marker(marker).evaluate(environment) for marker in markers)


@cache
def locked_versions(python: str) -> dict[str, str]:
    """Map each locked package to the version installed for ``python`` (e.g. "3.13")."""
    lock = tomllib.loads(LOCK.read_text("utf-8"))
    return {
        canonicalize_name(package["name"]): package["version"]
        for package in lock["package"]
        if "version" in package and _applies(package, python)
    }
