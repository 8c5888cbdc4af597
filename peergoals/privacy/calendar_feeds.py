"""The peer's private calendar address: made, its titles chosen and stopped by the peer alone,
read by their calendar app with no sign-in. What the calendar shows is `goals.calendar`'s.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peergoals import access, audit
from peergoals.audit.models import AuditAction, RecordType
from peergoals.errors import NotAllowed, NotFound
from peergoals.people.models import User
from peergoals.privacy.models import CalendarFeed

# 32 random bytes: an address nobody guesses, and short enough to paste.
FEED_SECRET_BYTES = 32


def calendar_secret_hash(secret: str) -> str:
    """What is kept of a calendar address's secret: its SHA-256."""
    return hashlib.sha256(secret.encode()).hexdigest()


def _only_the_peer_feed(peer: User, by: User) -> None:
    if by.id != peer.id or not access.may(by, access.Action.VIEW, peer):
        raise NotAllowed(_("Only the peer can make or stop their own calendar address."))


@transaction.atomic
def start_calendar_feed(
    peer: User, *, by: User, full_titles: bool = False
) -> tuple[CalendarFeed, str]:
    """Make a new private calendar address for `peer`; the one they had stops answering.

    Returns the feed and its secret: the secret is shown to the peer once and never kept
    (only its hash is), so a lost address is replaced, not recovered.
    """
    _only_the_peer_feed(peer, by)
    now = timezone.now()
    # Lock the peer's row so two taps at once leave one live address, not a refused second.
    User.objects.select_for_update().filter(id=peer.id).first()
    CalendarFeed.objects.live().filter(peer=peer).update(revoked_at=now)
    secret = secrets.token_urlsafe(FEED_SECRET_BYTES)
    feed = CalendarFeed.objects.create(
        peer=peer, token_hash=calendar_secret_hash(secret), full_titles=full_titles, created_at=now
    )
    return feed, secret


def live_calendar_feed(peer: User) -> CalendarFeed | None:
    """The peer's calendar address that still answers, if they have one."""
    return CalendarFeed.objects.live().filter(peer=peer).first()


@transaction.atomic
def stop_calendar_feed(peer: User, *, by: User) -> CalendarFeed | None:
    """Stop the peer's calendar address: from the next read on it answers "not found", and the
    calendar app keeps nothing new. Returns the feed stopped, None when there was none."""
    _only_the_peer_feed(peer, by)
    feed = CalendarFeed.objects.select_for_update().live().filter(peer=peer).first()
    if feed is not None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
    return feed


@transaction.atomic
def show_full_titles(peer: User, *, by: User, full_titles: bool) -> CalendarFeed:
    """Choose what the peer's calendar shows: their steps' own words, or neutral titles."""
    _only_the_peer_feed(peer, by)
    feed = CalendarFeed.objects.select_for_update().live().filter(peer=peer).first()
    if feed is None:
        raise NotAllowed(_("You don't have a calendar address right now. Make one first."))
    feed.full_titles = full_titles
    feed.save(update_fields=["full_titles"])
    return feed


def read_calendar_feed(secret: str, *, at: datetime.datetime | None = None) -> CalendarFeed:
    """The live feed whose address holds `secret`, marked as read now ("last used", which the
    peer sees). NotFound for an unknown or stopped address, and for a peer nobody may reach
    (an account closed or asked to be deleted).

    The first read of each day writes one audit entry in the peer's name (they hold the
    address); later reads that day only move "last used". A calendar app asks every few
    minutes to hours, and an entry for each would bury the log.
    """
    feed = (
        CalendarFeed.objects.live()
        .select_related("peer")
        .filter(token_hash=calendar_secret_hash(secret))
        .first()
    )
    if feed is None or not access.may(feed.peer, access.Action.VIEW, feed.peer):
        raise NotFound(_("No such calendar."))
    now = at or timezone.now()
    day_began = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(now), datetime.time.min)
    )
    this_feed = CalendarFeed.objects.filter(pk=feed.pk)
    # One conditional update: of two reads at once, only one is the day's first.
    first_today = this_feed.filter(
        models.Q(last_used_at__isnull=True) | models.Q(last_used_at__lt=day_began)
    ).update(last_used_at=now)
    if first_today:
        audit.record(
            AuditAction.EXPORT,
            by=feed.peer,
            peer_id=feed.peer.pk,
            record_type=RecordType.PLAN,
            record_id=feed.peer.pk,
            detail="calendar feed",
        )
    else:
        this_feed.update(last_used_at=now)
    feed.last_used_at = now
    return feed
