"""Short-lived access tokens with PyJWT: pinned algorithm, checked claims, revocation."""

import uuid
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
    ) -> None:
        if len(secret) < 32:  # fail at start-up, not with a warning per token
            raise ValueError("an HS256 secret needs at least 32 random bytes")
        self.secret = secret
        self.issuer = issuer
        self.audience = audience
        self.lifetime = lifetime
        self.leeway = leeway
        self.algorithm = "HS256"
        # jti -> exp. In production: a shared store whose entries expire with the token.
        self.revoked: dict[str, int] = {}

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

    def revoke(self, claims: dict[str, Any]) -> None:
        self.revoked[claims["jti"]] = claims["exp"]
