"""Every change to reminders, shared by the pages, the commands and the one-tap e-mail link."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from peergoals.errors import Conflict, NotAllowed
from peergoals.goals.models import Step
from peergoals.people.models import User
from peergoals.reminders.models import Preferences, PushSubscription, Reminder
from peergoals.reminders.schedule import is_valid_zone

# More than this on one step is no longer a nudge.
MOST_PER_STEP = 6


def preferences_for(person: User) -> Preferences:
    """The person's settings; the defaults (not saved) until they change one."""
    return Preferences.objects.filter(person=person).first() or Preferences(person=person)


def daily_reminder_of(person: User) -> Reminder | None:
    return Reminder.objects.filter(person=person, step__isnull=True).first()


def reminders_of_step(step: Step) -> list[Reminder]:
    return list(Reminder.objects.filter(step=step))


@transaction.atomic
def save_preferences(person: User, *, daily_at: datetime.time | None, **fields: Any) -> Preferences:
    if not is_valid_zone(fields.get("time_zone", "")):
        raise NotAllowed(_("Choose a time zone from the list."))
    preferences = preferences_for(person)
    for name, value in fields.items():
        setattr(preferences, name, value)
    preferences.save()
    daily = daily_reminder_of(person)
    if daily_at is None:
        if daily is not None:
            daily.delete()
    elif daily is None:
        Reminder.objects.create(person=person, at=daily_at)
    elif daily.at != daily_at:
        daily.at = daily_at
        daily.save(update_fields=["at"])
    return preferences


def turn_off(person: User) -> None:
    """Off with one tap: nothing more is sent; the chosen times stay for turning back on."""
    preferences = preferences_for(person)
    preferences.reminders_on = False
    preferences.save()


def turn_off_by_link(person_id: int) -> None:
    """From the signed link in an e-mail: the same, for whoever the link was made for."""
    person = User.objects.filter(pk=person_id).first()
    if person is not None:
        turn_off(person)


@transaction.atomic
def add_step_reminder(step: Step, *, by: User, at: datetime.time, weekdays: list[str]) -> Reminder:
    if step.goal.peer_id != by.pk:
        raise NotAllowed(_("Only the peer chooses reminders for their steps."))
    if Reminder.objects.filter(step=step, at=at).exists():
        raise Conflict(_("This step already has a reminder at that time."))
    if Reminder.objects.filter(step=step).count() >= MOST_PER_STEP:
        raise NotAllowed(_("A step can have up to 6 reminders. Remove one to add another."))
    days = "".join(sorted(set(weekdays)))
    return Reminder.objects.create(person=by, step=step, at=at, weekdays=days)


def remove_step_reminder(step: Step, *, by: User, reminder_id: int) -> None:
    Reminder.objects.filter(step=step, person=by, pk=reminder_id).delete()


def subscribe(person: User, *, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """This browser may be sent push messages for `person` (and no longer for anyone else who
    used it before: a shared phone's last person only)."""
    subscription, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"person": person, "p256dh": p256dh, "auth": auth}
    )
    return subscription


def unsubscribe(person: User, *, endpoint: str) -> None:
    PushSubscription.objects.filter(person=person, endpoint=endpoint).delete()
