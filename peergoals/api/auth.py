"""Who is asking: the site's own session (with its CSRF token) or a personal access token.

Either way the acting person is `request.auth`, a `User`, and every record is reached through
`peergoals.access` as that person, so a token never does what its owner cannot. A token also
carries a scope: a read-only one is refused before any write (`require_write`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django_ratelimit.core import is_ratelimited
from ninja.security import HttpBearer, SessionAuth

from peergoals.people import tokens
from peergoals.people.models import AccessToken, User


class ApiRequest(HttpRequest):
    """A request the API's auth let through: `auth` is the acting person."""

    auth: User
    access_token: AccessToken | None


class ReadOnlyToken(Exception):
    """A write asked with a token whose scope is read only (answered 403)."""


class TooManyRequests(Exception):
    """A token past its rate limit (answered 429)."""


class PersonalToken(HttpBearer):
    """`Authorization: Bearer pg_...`: the token's owner, or None (401) for anything else."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = tokens.token_for(token)
        if found is None:
            return None
        # Per token, whoever holds it and from wherever: a leaked token can't flood the site.
        if is_ratelimited(
            request,
            group="api-token",
            key=lambda _group, _request: str(found.pk),
            rate=settings.API_TOKEN_RATE,
            increment=True,
        ):
            raise TooManyRequests
        request.access_token = found  # type: ignore[attr-defined]
        # The owner's chosen language, as PersonLanguageMiddleware gives a signed-in person
        # (that middleware runs before a token is read, so it cannot).
        if found.owner.language:
            translation.activate(found.owner.language)
            request.LANGUAGE_CODE = found.owner.language
        return found.owner


class SignedIn(SessionAuth):
    """The site's own session; a write needs the CSRF token, as a form on a page would."""

    def _get_key(self, request: HttpRequest) -> str | None:
        # No session, no CSRF question: the answer is 401 (as with no token), not a 403.
        if not request.COOKIES.get(self.param_name):
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is not None:
            request.access_token = None  # type: ignore[attr-defined]
        return user


def acting_person(request: HttpRequest) -> User:
    """The person the request acts as (the token's owner, or who is signed in)."""
    return request.auth  # type: ignore[attr-defined]


def require_write(request: HttpRequest) -> User:
    """The acting person, for a write: refused when the request came with a read-only token."""
    token: AccessToken | None = getattr(request, "access_token", None)
    if token is not None and not token.may_write:
        raise ReadOnlyToken
    return acting_person(request)
