"""Personal access tokens for the JSON API: made and revoked by their owner, kept hashed.

A token acts as its owner through the same access policy, so it never reaches what its owner
cannot; a read-scope token cannot write; a token of a deactivated account (or one whose
deletion was asked for) stops working at once (`AccessToken.objects.live`). Staff, who sign in
with two steps, may make one only once their two-step sign-in is set up. Made, revoked and
used are audited; a use is recorded once per token a day, so the log stays readable.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peergoals import audit
from peergoals.audit.models import AuditAction
from peergoals.errors import NotAllowed, NotFound
from peergoals.people import two_factor
from peergoals.people.models import AccessToken, TokenScope, User

# Every token is told apart from other secrets by this start (and by secret scanners).
TOKEN_START = "pg_"  # noqa: S105 (a visible marker, not a secret)
LONGEST_LIFE_DAYS = 365


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def may_make_tokens(person: User) -> bool:
    """Staff reach many peers' records: their tokens wait until two-step sign-in is set up."""
    return not two_factor.must_use_two_factor(person) or two_factor.has_confirmed_device(person)


def tokens_of(owner: User) -> list[AccessToken]:
    """The owner's tokens that are not revoked, newest first (the secret is never among them)."""
    return list(AccessToken.objects.filter(owner=owner, revoked_at__isnull=True))


def create_token(
    owner: User, *, name: str, scope: str, days: int, at: datetime.datetime | None = None
) -> tuple[AccessToken, str]:
    """A new token for `owner` and its secret, which is shown this once and never kept."""
    if not may_make_tokens(owner):
        raise NotAllowed(_("Set up two-step sign-in first, then make an access token."))
    if scope not in TokenScope.values:
        raise NotAllowed(_("Please choose read only, or read and write."))
    if not 1 <= days <= LONGEST_LIFE_DAYS:
        raise NotAllowed(_("A token lasts from 1 to 365 days."))
    now = at or timezone.now()
    secret = TOKEN_START + secrets.token_urlsafe(32)
    token = AccessToken(
        owner=owner,
        name=name.strip()[:100] or _("Access token"),
        prefix=secret[:10],
        secret_hash=_hash(secret),
        scope=scope,
        created_at=now,
        expires_at=now + datetime.timedelta(days=days),
    )
    with transaction.atomic():
        token.save()
        audit.record(AuditAction.TOKEN_CREATED, by=owner, record=token, detail=token.scope)
    return token, secret


def revoke_token(owner: User, token_id: int, *, at: datetime.datetime | None = None) -> None:
    """The owner revokes one of their tokens: it stops working on the next request."""
    token = AccessToken.objects.filter(id=token_id, owner=owner, revoked_at__isnull=True).first()
    if token is None:
        raise NotFound(_("No such access token."))
    token.revoked_at = at or timezone.now()
    with transaction.atomic():
        token.save(update_fields=["revoked_at"])
        audit.record(AuditAction.TOKEN_REVOKED, by=owner, record=token)


def token_for(secret: str, *, at: datetime.datetime | None = None) -> AccessToken | None:
    """The live token with this secret, or None; its first use each day is audited."""
    if not secret.startswith(TOKEN_START):
        return None
    now = at or timezone.now()
    token = (
        AccessToken.objects.live(now).select_related("owner").filter(secret_hash=_hash(secret))
    ).first()
    if token is None:
        return None
    today = timezone.localdate(now)
    if token.last_used_on != today:
        # One entry per token a day: the update wins only for the first request of the day.
        first_today = (
            AccessToken.objects.filter(id=token.pk)
            .exclude(last_used_on=today)
            .update(last_used_on=today)
        )
        if first_today:
            audit.record(AuditAction.TOKEN_USED, by=token.owner, record=token)
        token.last_used_on = today
    return token
