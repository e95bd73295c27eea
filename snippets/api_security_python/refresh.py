"""Opaque refresh tokens that rotate on every use and detect reuse."""

import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


class RefreshTokenError(Exception):
    """The refresh token cannot be used: the client must sign in again."""


@dataclass
class Grant:
    subject: str
    family: str  # every token descended from one sign-in
    expires_at: float  # the sign-in's end: rotation does not extend it
    used: bool = False


class RefreshTokens:
    def __init__(
        self, lifetime: float = 14 * 86400, clock: Callable[[], float] = time.time
    ) -> None:
        self.lifetime = lifetime
        self.clock = clock
        # Only digests are stored: a leaked table holds no usable token. (A real store
        # also deletes grants once they expire.)
        self.grants: dict[str, Grant] = {}
        self.revoked_families: set[str] = set()
        # FastAPI runs sync routes in a thread pool: two refreshes with one token can
        # run at once. Checking and spending must be one step, or both would pass.
        self._lock = threading.Lock()

    @staticmethod
    def digest(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def issue(self, subject: str) -> str:
        """A new sign-in: a new family."""
        grant = Grant(subject, secrets.token_hex(16), self.clock() + self.lifetime)
        return self._store(grant)

    def _store(self, grant: Grant) -> str:
        token = secrets.token_urlsafe(32)
        self.grants[self.digest(token)] = grant
        return token

    def rotate(self, token: str) -> tuple[str, str]:
        """Spend ``token`` once. Returns the subject and the next refresh token."""
        digest, now = self.digest(token), self.clock()
        with self._lock:  # in a database: one conditional UPDATE, see the page
            grant = self.grants.get(digest)
            if grant is None or grant.family in self.revoked_families:
                raise RefreshTokenError("unknown or revoked refresh token")
            if grant.used:
                # Two parties hold this token: the client and a thief. Which one is
                # which is unknowable, so the whole sign-in ends for both.
                self.revoked_families.add(grant.family)
                raise RefreshTokenError("refresh token reused: the sign-in is revoked")
            if now >= grant.expires_at:
                raise RefreshTokenError("refresh token expired")
            grant.used = True
        successor = Grant(grant.subject, grant.family, grant.expires_at)
        return grant.subject, self._store(successor)
