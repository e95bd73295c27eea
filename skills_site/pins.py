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


def drift(python: str) -> list[str]:
    """Installed distributions whose version differs from the lock, one line each."""
    from importlib.metadata import distributions

    locked = locked_versions(python)
    lines = []
    for dist in distributions():
        name = canonicalize_name(dist.metadata["Name"])
        if name in locked and dist.version != locked[name]:
            lines.append(f"{name}: locked {locked[name]}, installed {dist.version}")
    return sorted(lines)


if __name__ == "__main__":
    import sys

    found = drift(f"{sys.version_info.major}.{sys.version_info.minor}")
    print(
        "\n".join(found)
        if found
        else "every installed package is at its locked version"
    )
