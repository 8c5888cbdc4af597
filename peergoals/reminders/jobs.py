"""The scheduled work, as plain functions: huey runs them every minute (peergoals.reminders.tasks)
and `peergoals send-reminders` runs them once; moving to Django's tasks framework means only
re-wrapping these.

Each occurrence is claimed by a committed `Sent` row, unique per reminder and local day, BEFORE
anything goes out. A worker killed mid-run and started again finds its claims and sends the rest:
nothing twice. The one occurrence being sent at the moment of the kill is not sent again (a
duplicate on a phone is worse than one missing nudge); everything after it is.
"""

from __future__ import annotations

import datetime
from typing import TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from peergoals.goals.models import Status
from peergoals.people.models import Role, User
from peergoals.reminders.channels import CHANNELS, Notice
from peergoals.reminders.digest import digest_notice, digest_of
from peergoals.reminders.models import Claim, DigestSent, Preferences, Reminder, Sent
from peergoals.reminders.notices import reminder_notice
from peergoals.reminders.schedule import due_occurrence

Claimed = TypeVar("Claimed", bound=Claim)
WORKDAYS = "01234"


def preferences_of(person: User) -> Preferences:
    try:
        return person.reminder_preferences
    except Preferences.DoesNotExist:
        return Preferences(person=person)


def deliver(person: User, notice: Notice, by_email: bool) -> list[str]:
    """Send `notice` on every channel that reaches the person; the names of those that went."""
    return [
        channel.name
        for channel in CHANNELS
        if channel.reaches(person, by_email) and channel.send(person, notice)
    ]


def reachable(person: User, by_email: bool) -> bool:
    return any(channel.reaches(person, by_email) for channel in CHANNELS)


def _claim(model: type[Claimed], **fields: object) -> Claimed | None:
    """The claim on one day's sending, committed now; None when it was claimed already (sent,
    or being sent by another worker)."""
    try:
        with transaction.atomic():
            return model._default_manager.create(**fields)
    except IntegrityError:
        return None


def _send(claim: Claim, person: User, notice: Notice, by_email: bool) -> bool:
    went = deliver(person, notice, by_email)
    claim.sent_at = timezone.now()
    fields = ["sent_at"]
    if isinstance(claim, Sent):
        claim.channels = ",".join(went)
        fields.append("channels")
    claim.save(update_fields=fields)
    return bool(went)


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Send every reminder due in the last few minutes not sent yet; how many went out."""
    now = now or timezone.now()
    reminders = (
        Reminder.objects.filter(person__is_active=True, person__deletion_requested_at__isnull=True)
        .filter(
            Q(step__isnull=True) | Q(step__status=Status.ACTIVE, step__goal__status=Status.ACTIVE)
        )
        .exclude(person__reminder_preferences__reminders_on=False)
        .select_related("person", "step", "person__reminder_preferences")
        .order_by("id")
    )
    due = []
    for reminder in reminders:
        preferences = preferences_of(reminder.person)
        found = due_occurrence(reminder.at, reminder.weekdays, preferences.zone, now)
        if found is None:
            continue
        day, moment = found
        if preferences.is_quiet_at(moment.astimezone(preferences.zone).time()):
            continue
        due.append((reminder, preferences, day, moment))
    if not due:
        return 0
    claimed = set(
        Sent.objects.filter(
            reminder_id__in=[r.pk for r, *_ in due], local_day__gte=min(d for _, _, d, _ in due)
        ).values_list("reminder_id", "local_day")
    )
    count = 0
    for reminder, preferences, day, moment in due:
        if (reminder.pk, day) in claimed or not reachable(reminder.person, preferences.by_email):
            continue
        sent = _claim(Sent, reminder=reminder, local_day=day, due_at=moment)
        if sent is not None:
            notice = reminder_notice(reminder, preferences)
            count += _send(sent, reminder.person, notice, preferences.by_email)
    return count


def send_staff_digests(now: datetime.datetime | None = None) -> int:
    """Each peer specialist's digest, once a working day at PEERGOALS_DIGEST_HOUR local time."""
    now = now or timezone.now()
    at = datetime.time(settings.PEERGOALS_DIGEST_HOUR)
    specialists = (
        User.objects.filter(role=Role.SPECIALIST, is_active=True)
        .exclude(reminder_preferences__daily_digest=False)
        .exclude(reminder_preferences__reminders_on=False)
        .select_related("reminder_preferences")
        .order_by("id")
    )
    count = 0
    for specialist in specialists:
        preferences = preferences_of(specialist)
        found = due_occurrence(at, WORKDAYS, preferences.zone, now)
        if found is None or not reachable(specialist, preferences.by_email):
            continue
        if DigestSent.objects.filter(specialist=specialist, local_day=found[0]).exists():
            continue
        sections = digest_of(specialist)
        if not sections:
            continue  # nothing to act on: no e-mail at all
        claim = _claim(DigestSent, specialist=specialist, local_day=found[0])
        if claim is not None:
            notice = digest_notice(specialist, sections)
            count += _send(claim, specialist, notice, preferences.by_email)
    return count
