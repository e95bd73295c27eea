"""Internal objects that are not dicts: stand-ins for rows an ORM returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class UserRow:
    id: int
    name: str
    password_hash: str
