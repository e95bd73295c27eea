"""Short-lived access tokens with PyJWT: pinned algorithm, checked claims, revocation."""

import uuid
from collections.abc import MutableMapping
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

# A token without any of these is refused (MissingRequiredClaimError).
REQUIRED_CLAIMS = ["exp", "iat", "nbf", "iss", "aud", "sub", "jti"]


class TokenRevokedError(jwt.InvalidTokenError):
    """The signature and claims are valid, but the token's jti has been revoked."""


class TokenService:
    def __init__(
        self,
        secret: bytes,
        *,
        issuer: str,
        audience: str,
        lifetime: timedelta = timedelta(minutes=15),
        leeway: timedelta = timedelta(seconds=10),
        revoked: MutableMapping[str, int] | None = None,
    ) -> None:
        if len(secret) < 32:  # fail at start-up, not with a warning per token
            raise ValueError("an HS256 secret needs at least 32 random bytes")
        self.secret = secret
        self.issuer = issuer
        self.audience = audience
        self.lifetime = lifetime
        self.leeway = leeway
        self.algorithm = "HS256"
        # jti -> exp. Every process that verifies tokens must see the same entries:
        # with several workers, pass a mapping backed by a shared store (Redis keys
        # that expire with the token, a database table). A dict is one process's.
        self.revoked = {} if revoked is None else revoked

    def issue(self, subject: str, *, now: datetime | None = None, **extra: Any) -> str:
        now = now or datetime.now(UTC)
        claims = {
            **extra,  # registered claims below always win
            "sub": subject,
            "iss": self.issuer,
            "aud": self.audience,
            "iat": now,
            "nbf": now,
            "exp": now + self.lifetime,
            "jti": uuid.uuid4().hex,
        }
        return jwt.encode(claims, self.secret, algorithm=self.algorithm)

    def verify(self, token: str) -> dict[str, Any]:
        claims = jwt.decode(
            token,
            self.secret,
            algorithms=[self.algorithm],  # pinned: "none" and others are refused
            audience=self.audience,
            issuer=self.issuer,
            leeway=self.leeway,
            options={"require": REQUIRED_CLAIMS},
        )
        if claims["jti"] in self.revoked:
            raise TokenRevokedError("token has been revoked")
        return claims

    def revoke(self, claims: dict[str, Any], *, now: datetime | None = None) -> None:
        self.revoked[claims["jti"]] = claims["exp"]
        # An expired token is refused anyway: its entry is no longer needed.
        cutoff = (now or datetime.now(UTC)) - self.leeway
        for jti, exp in list(self.revoked.items()):
            if exp < cutoff.timestamp():
                del self.revoked[jti]
