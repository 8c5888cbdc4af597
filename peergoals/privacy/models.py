"""Consent to share a peer's records, in the shape 42 CFR 2.31 asks for.

A signed consent is never edited: its words are kept exactly as the peer saw and signed them.
It ends in one of three ways, each recorded on its own field: the peer revokes it, a newer
consent replaces it, or the event it names as its end happens. A consent with an end date
simply stops being valid after that day.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from peergoals.people.models import User


class SignedConsentError(Exception):
    """Raised when code tries to change what a peer signed; a new consent replaces it instead."""


# The only fields that may be set after signing: they record how the consent ended.
ENDING_FIELDS = frozenset({"revoked_at", "replaced_at", "event_happened_at"})


# Not ended in any of the three ways a consent ends; an end date passing is not one of them.
NOT_ENDED = Q(revoked_at__isnull=True, replaced_at__isnull=True, event_happened_at__isnull=True)


class ConsentQuerySet(models.QuerySet["Consent"]):
    def not_ended(self) -> ConsentQuerySet:
        """Not revoked, not replaced, its end event not happened: what a new consent replaces
        and what revoking stops (at most one per peer)."""
        return self.filter(NOT_ENDED)

    def valid(self, on: datetime.date | None = None) -> ConsentQuerySet:
        """Signed, not expired, not revoked, not replaced: the consents that open access."""
        on = on or timezone.localdate()
        return self.not_ended().filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=on), signed_at__isnull=False
        )

    def covering_program_reports(self) -> ConsentQuerySet:
        """Consents whose peer agreed to be counted in the program's outcome reports."""
        return self.filter(covers_program_reports=True)

    def covering_substance_use(self) -> ConsentQuerySet:
        """Consents that cover alcohol and drug use records (42 CFR Part 2)."""
        return self.filter(covers_substance_use=True)


class Consent(models.Model):
    """A peer's written consent to share their records (42 CFR 2.31), kept as signed."""

    # 2.31(a)(1): the patient.
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("peer"),
    )
    # 2.31(a)(2): who may disclose.
    program_name = models.CharField(_("who may share"), max_length=200)
    # 2.31(a)(3): how much and what kind of information.
    information = models.TextField(_("what may be shared"), max_length=4000)
    covers_substance_use = models.BooleanField(
        _("includes alcohol and drug use records"),
        default=False,
        help_text=_("Records protected by 42 CFR Part 2 may be shared only when this is set."),
    )
    # Whether the peer also agreed to be counted, without their name, in the program's outcome
    # reports (peergoals.outcomes): a purpose beyond their own support, so asked separately.
    covers_program_reports = models.BooleanField(
        _("includes being counted in the program's reports, without your name"), default=False
    )
    # 2.31(a)(4): to whom.
    shared_with = models.TextField(_("who may see it"), max_length=2000)
    # 2.31(a)(5): purpose.
    purpose = models.TextField(_("why"), max_length=2000)
    # 2.31(a)(6): the right to revoke, and that revoking does not undo what was shared.
    revocation_statement = models.TextField(_("your right to stop sharing"), max_length=2000)
    # 2.31(a)(7): an expiration date, or the event upon which it expires.
    expires_on = models.DateField(_("ends on"), null=True, blank=True)
    expiry_event = models.CharField(_("ends when"), max_length=300, blank=True)
    # 2.31(a)(8) and (9): signature and date.
    signature = models.CharField(_("signature (typed name)"), max_length=200)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    # How it ended, if it did.
    revoked_at = models.DateTimeField(_("stopped by the peer"), null=True, blank=True)
    replaced_at = models.DateTimeField(_("replaced by a newer one"), null=True, blank=True)
    event_happened_at = models.DateTimeField(_("end event happened"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_at", "-id"]
        indexes = [models.Index(fields=["peer", "revoked_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=False) | ~Q(expiry_event=""),
                name="consent_has_an_end_date_or_event",
            ),
            # Giving a new consent ends the old one first, so at most one is open at a time.
            models.UniqueConstraint(
                fields=["peer"],
                condition=NOT_ENDED & Q(signed_at__isnull=False),
                name="one_open_consent_per_peer",
            ),
        ]

    def __str__(self) -> str:
        return f"Consent of {self.peer} signed {self.signed_at:%Y-%m-%d}" if self.signed_at else ""

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            if fields is None or not set(fields) <= ENDING_FIELDS:  # type: ignore[call-overload]
                raise SignedConsentError(
                    "A signed consent is never changed; give a new consent to replace it."
                )
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def is_valid(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (
            self.signed_at is not None
            and self.revoked_at is None
            and self.replaced_at is None
            and self.event_happened_at is None
            and (self.expires_on is None or self.expires_on >= on)
        )

    @property
    def ended_because(self) -> str:
        """Why this consent no longer opens access, in plain words; empty while it does."""
        if self.revoked_at:
            return str(_("You stopped sharing"))
        if self.replaced_at:
            return str(_("Replaced by a newer one"))
        if self.event_happened_at:
            return str(_("Ended when this happened: %(event)s") % {"event": self.expiry_event})
        if self.expires_on and self.expires_on < timezone.localdate():
            return str(_("Ended on its end date"))
        return ""


def consents_of(peer: User) -> tuple[Consent | None, list[Consent]]:
    """The peer's consent that opens access now, if any, and every other one, newest first."""
    consents = list(Consent.objects.filter(peer=peer))
    current = next((consent for consent in consents if consent.is_valid()), None)
    return current, [consent for consent in consents if consent is not current]


class CalendarFeedQuerySet(models.QuerySet["CalendarFeed"]):
    def live(self) -> CalendarFeedQuerySet:
        """Feeds that still answer: not stopped by the peer."""
        return self.filter(revoked_at__isnull=True)


class CalendarFeed(models.Model):
    """A private calendar address the peer gave to their calendar app (an ICS feed).

    Anyone holding the address reads what it shows, so only a hash of its secret is kept: the
    peer sees the address once, when it is made, and stops it here. What it shows is neutral
    unless the peer chose their steps' own words (`full_titles`).
    """

    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
        verbose_name=_("peer"),
    )
    # SHA-256 of the address's random secret: 256 bits of chance need no slow hash, and a copy
    # of the database gives nobody a working address.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    full_titles = models.BooleanField(_("shows the steps' own words"), default=False)
    created_at = models.DateTimeField(_("made"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last read by a calendar"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("stopped"), null=True, blank=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # Making a new address stops the old one first: one live address per peer.
            models.UniqueConstraint(
                fields=["peer"],
                condition=Q(revoked_at__isnull=True),
                name="one_live_calendar_feed_per_peer",
            ),
        ]

    def __str__(self) -> str:
        return f"Calendar feed of {self.peer} made {self.created_at:%Y-%m-%d}"
