"""An API that combines the defences: headers, CORS allow-list, sign-in rate limits
per client and per account, Argon2id passwords, JWT sessions in a cookie (with CSRF
protection) or a bearer header, revocation on logout, and updates that refuse unknown
fields."""

import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from jwt import InvalidTokenError
from pydantic import BaseModel, ConfigDict, Field

from snippets.api_security_python.headers import SecurityHeadersMiddleware
from snippets.api_security_python.ratelimit import RateLimit, TokenBucket, enforce
from snippets.api_security_python.tokens import TokenService

# __Host- cookies must be Secure, have Path=/ and no Domain: no subdomain can set them.
SESSION_COOKIE = "__Host-session"
# Responses that carry a credential must not be stored by any cache (RFC 6749 5.1).
NO_STORE = {"Cache-Control": "no-store"}
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class User:
    username: str
    password_hash: str
    display_name: str
    is_admin: bool = False


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(max_length=64)
    password: str = Field(max_length=1024)  # bounds the work a login can cost


class ProfileUpdate(BaseModel):
    """What a user may change about themselves: nothing else is accepted."""

    model_config = ConfigDict(extra="forbid")

    display_name: str = Field(min_length=1, max_length=80)


class Profile(BaseModel):
    """What responses show: never the password hash."""

    username: str
    display_name: str
    is_admin: bool

    @classmethod
    def of(cls, user: User) -> "Profile":
        return cls(
            username=user.username,
            display_name=user.display_name,
            is_admin=user.is_admin,
        )


def create_app(
    *,
    tokens: TokenService,
    hasher: PasswordHasher,
    users: dict[str, User],
    login_limit: TokenBucket,
    account_limit: TokenBucket,
    allowed_origins: list[str],
) -> FastAPI:
    app = FastAPI()
    app.add_middleware(
        CORSMiddleware,
        allow_origins=allowed_origins,  # exact origins, never "*" with credentials
        allow_credentials=True,
        allow_methods=["GET", "POST", "PATCH"],
        allow_headers=["Authorization", "Content-Type", "X-CSRF-Token"],
        max_age=600,
    )
    app.add_middleware(SecurityHeadersMiddleware)  # added last, so outermost
    # Unknown users cost one Argon2 verification too: timing does not reveal them.
    unknown_user_hash = hasher.hash(secrets.token_urlsafe(32))

    def authenticate(credentials: Credentials) -> User:
        # Per account, whatever the address: stops a botnet spreading guesses for one
        # account over many addresses. Checked before the costly hash.
        enforce(account_limit, credentials.username.strip().casefold())
        user = users.get(credentials.username)
        stored = user.password_hash if user else unknown_user_hash
        try:
            hasher.verify(stored, credentials.password)
        except VerifyMismatchError:
            user = None
        if user is None:
            raise HTTPException(401, "invalid username or password")
        if hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hasher.hash(credentials.password)
        return user

    def check_csrf(request: Request, claims: dict[str, Any]) -> None:
        if request.headers.get("sec-fetch-site") == "cross-site":
            raise HTTPException(403, "cross-site request refused")
        origin = request.headers.get("origin")
        if origin is not None and origin not in allowed_origins:
            raise HTTPException(403, "cross-site request refused")
        # Double submit, bound to the session: the header must repeat the token that
        # the signed session carries. Another site can neither read it nor forge it.
        expected = claims.get("csrf", "")
        sent = request.headers.get("x-csrf-token", "")
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            raise HTTPException(403, "missing or wrong CSRF token")

    def current_user(request: Request) -> tuple[User, dict[str, Any]]:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        bearer = value if scheme.lower() == "bearer" else ""
        token = bearer or request.cookies.get(SESSION_COOKIE)
        if not token:
            raise HTTPException(401, "not authenticated")
        try:
            claims = tokens.verify(token)
        except InvalidTokenError:
            raise HTTPException(401, "invalid or expired token") from None
        # A browser attaches cookies to cross-site requests on its own; it never adds
        # an Authorization header by itself. Only cookie sessions need a CSRF check.
        if not bearer and request.method not in SAFE_METHODS:
            check_csrf(request, claims)
        user = users.get(claims["sub"])
        if user is None:
            raise HTTPException(401, "not authenticated")
        return user, claims

    Session = Annotated[tuple[User, dict[str, Any]], Depends(current_user)]
    limited = [Depends(RateLimit(login_limit))]

    @app.post("/login", dependencies=limited)
    def login(credentials: Credentials, response: Response) -> dict[str, str]:
        """Browser sign-in: the session lives in an HttpOnly cookie; the CSRF token
        comes back in the body, for the page's script to keep in memory."""
        user = authenticate(credentials)
        response.headers.update(NO_STORE)
        csrf = secrets.token_urlsafe(32)
        max_age = int(tokens.lifetime.total_seconds())
        response.set_cookie(
            SESSION_COOKIE,
            tokens.issue(user.username, csrf=csrf),
            max_age=max_age,
            path="/",
            secure=True,
            httponly=True,  # page scripts (and XSS) cannot read it
            samesite="strict",
        )
        return {"csrf_token": csrf}

    @app.get("/csrf")
    def csrf_token(session: Session, response: Response) -> dict[str, str]:
        """The session's CSRF token again, for a page that was reloaded. Only the
        origins CORS allows can read this response."""
        _user, claims = session
        response.headers.update(NO_STORE)
        return {"csrf_token": claims["csrf"]}

    @app.post("/token", dependencies=limited)
    def token(credentials: Credentials, response: Response) -> dict[str, str]:
        """Sign-in for non-browser clients, which send Authorization: Bearer."""
        user = authenticate(credentials)
        response.headers.update(NO_STORE)
        access_token = tokens.issue(user.username, csrf=secrets.token_urlsafe(32))
        return {"access_token": access_token, "token_type": "bearer"}

    @app.get("/me")
    def me(session: Session) -> Profile:
        user, _claims = session
        return Profile.of(user)

    @app.patch("/me")
    def update_me(update: ProfileUpdate, session: Session) -> Profile:
        user, _claims = session
        for name, value in update.model_dump(exclude_unset=True).items():
            setattr(user, name, value)
        return Profile.of(user)

    @app.post("/logout", status_code=204)
    def logout(session: Session, response: Response) -> None:
        _user, claims = session
        tokens.revoke(claims)  # the token is dead even if someone kept a copy
        response.delete_cookie(
            SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="strict"
        )

    return app
