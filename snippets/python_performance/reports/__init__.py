"""Report helpers. The chart code loads the first time someone uses ``reports.charts``."""

from __future__ import annotations

import importlib
from types import ModuleType


def total(cents: list[int]) -> int:
    return sum(cents)


def __getattr__(name: str) -> ModuleType:
    """PEP 562: Python calls this only for names the module does not define."""
    if name == "charts":
        # Not `from . import charts`: that asks this function for `charts` again.
        # Importing the submodule also sets it as an attribute here, so this function
        # runs once for it.
        return importlib.import_module(f"{__name__}.charts")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
