"""The words of a reminder and of the staff digest, in the person's own language.

Neutral by default: a lock screen, a shared inbox or an e-mail subject says nothing about
recovery, goals or steps (42 CFR Part 2). A peer may opt in to their step's own words. Never
shaming: nothing about what was missed, no streaks.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from peergoals.people.models import User
from peergoals.reminders.channels import Notice
from peergoals.reminders.models import Preferences, Reminder

OFF_LINK_SALT = "peergoals.reminders.off"


def site(path: str) -> str:
    return settings.PEERGOALS_SITE_URL.rstrip("/") + path


def off_token(person: User) -> str:
    """What the one-tap "turn reminders off" link in an e-mail carries: only this person's id,
    signed, so it can turn their reminders off and do nothing else (it signs nobody in)."""
    return signing.Signer(salt=OFF_LINK_SALT).sign(str(person.pk))


def person_from_off_token(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=OFF_LINK_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def language_of(person: User) -> str:
    return person.language or settings.LANGUAGE_CODE


def reminder_notice(reminder: Reminder, preferences: Preferences) -> Notice:
    person = reminder.person
    with translation.override(language_of(person)):
        off = site(reverse("reminders:off_link", args=[off_token(person)]))
        if reminder.step is None:
            body = _("Today is here when you're ready to fill it in.")
            url = reverse("goals:today")
            check_in, actions = None, []
        else:
            step = reminder.step
            if preferences.show_step_words:
                body = step.wording[:120]
            else:
                body = _("A step for today is waiting.")
            url = reverse("goals:today")
            check_in = {"step": step.pk, "url": reverse("goals:check_in", args=[step.pk])}
            actions = [
                {"action": "done", "title": _("Done")},
                {"action": "not_today", "title": _("Not today")},
            ]
        email_body = "\n\n".join(
            [
                body,
                _("Open PeerGoals: %(url)s") % {"url": site(url)},
                _("Turn these reminders off (one tap, no sign-in needed): %(url)s") % {"url": off},
            ]
        )
        return Notice(
            title="PeerGoals",
            body=body,
            tag=f"reminder-{reminder.pk}",
            url=url,
            email_subject=_("A reminder from PeerGoals"),
            email_body=email_body,
            check_in=check_in,
            actions=actions,
        )
