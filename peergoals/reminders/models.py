"""Reminders a person chose, where they may be sent, and a record of every one sent.

A `Sent` row is written (and committed) before a reminder goes out, unique per reminder and
local day, so a worker killed and started again never sends the same occurrence twice.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peergoals.goals.models import Step

# Monday first, as Python's date.weekday() counts them.
WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]
EVERY_DAY = "0123456"


class Preferences(models.Model):
    """One person's reminder settings; a person without a row has the defaults."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preferences"
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default=settings.TIME_ZONE)
    # Off with one tap: nothing is sent, the chosen times are kept for when they come back.
    reminders_on = models.BooleanField(_("reminders on"), default=True)
    by_email = models.BooleanField(_("by e-mail"), default=True)
    # A lock screen shows the neutral text unless the person asks for their step's own words.
    show_step_words = models.BooleanField(_("show my step's words"), default=False)
    quiet_from = models.TimeField(_("quiet from"), null=True, blank=True)
    quiet_until = models.TimeField(_("quiet until"), null=True, blank=True)
    # For staff: the morning digest of their caseload.
    daily_digest = models.BooleanField(_("daily digest"), default=True)

    def __str__(self) -> str:
        return f"Reminder settings of {self.person_id}"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def is_quiet_at(self, local: datetime.time) -> bool:
        """Quiet hours may run past midnight (22:00 until 07:00)."""
        start, end = self.quiet_from, self.quiet_until
        if start is None or end is None or start == end:
            return False
        if start < end:
            return start <= local < end
        return local >= start or local < end


class Reminder(models.Model):
    """One time of day, on some weekdays: for a step, or (step empty) "fill in today"."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    step = models.ForeignKey(
        Step, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    at = models.TimeField(_("time"))
    weekdays = models.CharField(_("days"), max_length=7, default=EVERY_DAY)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]
        constraints = [
            models.UniqueConstraint(fields=["step", "at"], name="one_reminder_per_step_time"),
            # One daily "fill in today" reminder per person.
            models.UniqueConstraint(
                fields=["person"], condition=Q(step__isnull=True), name="one_daily_reminder"
            ),
        ]

    def __str__(self) -> str:
        return f"Reminder {self.pk} at {self.at:%H:%M}"

    @property
    def is_daily(self) -> bool:
        return self.step_id is None


class Claim(models.Model):
    """Something sent once per local day: claimed (committed) first, marked when it went."""

    # The day in the person's own calendar: once per local day, whatever a clock change does
    # to the hour.
    local_day = models.DateField()
    claimed_at = models.DateTimeField(default=timezone.now)
    # Empty when the worker stopped between the claim and the send: not sent again.
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class Sent(Claim):
    """A reminder occurrence taken for sending."""

    reminder = models.ForeignKey(Reminder, on_delete=models.CASCADE, related_name="sent")
    due_at = models.DateTimeField()
    channels = models.CharField(max_length=60, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reminder", "local_day"], name="sent_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.reminder_id} on {self.local_day}"


class DigestSent(Claim):
    """A specialist's daily digest, once per local day."""

    specialist = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["specialist", "local_day"], name="digest_once_a_day")
        ]

    def __str__(self) -> str:
        return f"Digest for {self.specialist_id} on {self.local_day}"


class PushSubscription(models.Model):
    """A browser that may be sent web push messages for this person."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Push subscription {self.pk}"
