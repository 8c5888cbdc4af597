"""The ways a reminder reaches a person, behind one interface: web push, e-mail, and SMS
(there is no SMS provider: the channel exists so one can be added, and says it is not set up).

What is sent is a `Notice`: its words are already in the person's language and neutral unless
they asked for their step's own words (a lock screen is not private).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import send_mail

from peergoals.people.models import User
from peergoals.reminders.models import PushSubscription

log = logging.getLogger(__name__)


@dataclass
class Notice:
    """One message for one person, whatever the channel."""

    title: str
    body: str
    tag: str
    url: str
    email_subject: str
    email_body: str
    check_in: dict[str, Any] | None = None
    actions: list[dict[str, str]] = field(default_factory=list)

    def push_payload(self) -> dict[str, Any]:
        """What the service worker receives (the contract with static/peergoals/sw.js)."""
        return {
            "title": self.title,
            "body": self.body,
            "tag": self.tag,
            "url": self.url,
            "check_in": self.check_in,
            "actions": self.actions,
        }


class Channel(Protocol):
    name: str

    def reaches(self, person: User, by_email: bool) -> bool:
        """Whether this person can be reached this way at all."""
        ...

    def send(self, person: User, notice: Notice) -> bool:
        """Send; True when at least one copy went."""
        ...


def push_configured() -> bool:
    return bool(settings.PEERGOALS_VAPID_PRIVATE_KEY and settings.PEERGOALS_VAPID_PUBLIC_KEY)


class WebPush:
    name = "push"

    def reaches(self, person: User, by_email: bool) -> bool:
        return push_configured() and PushSubscription.objects.filter(person=person).exists()

    def send(self, person: User, notice: Notice) -> bool:
        from pywebpush import WebPushException, webpush

        data = json.dumps(notice.push_payload())
        went = False
        for subscription in PushSubscription.objects.filter(person=person):
            try:
                webpush(
                    subscription_info={
                        "endpoint": subscription.endpoint,
                        "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                    },
                    data=data,
                    vapid_private_key=settings.PEERGOALS_VAPID_PRIVATE_KEY,
                    vapid_claims={"sub": settings.PEERGOALS_VAPID_SUBJECT},
                    ttl=4 * 60 * 60,
                    timeout=10,
                )
                went = True
            except WebPushException as error:
                status = getattr(error.response, "status_code", None)
                if status in (404, 410):
                    # The browser dropped this subscription (uninstalled, permission taken back).
                    subscription.delete()
                else:
                    log.warning("Web push to subscription %s failed: %s", subscription.pk, status)
            except OSError as error:
                log.warning("Web push to subscription %s failed: %s", subscription.pk, error)
        return went


class Email:
    name = "email"

    def reaches(self, person: User, by_email: bool) -> bool:
        return by_email and bool(person.email)

    def send(self, person: User, notice: Notice) -> bool:
        sent = send_mail(
            notice.email_subject,
            notice.email_body,
            settings.DEFAULT_FROM_EMAIL,
            [person.email],
            fail_silently=True,
        )
        return sent > 0


class Sms:
    """Not implemented: PeerGoals has no SMS provider, so this channel never reaches anyone.

    A program that contracts one adds it here (`reaches` true for people with a number)."""

    name = "sms"

    def reaches(self, person: User, by_email: bool) -> bool:
        return False

    def send(self, person: User, notice: Notice) -> bool:
        raise NotImplementedError("No SMS provider is set up.")


CHANNELS: list[Channel] = [WebPush(), Email(), Sms()]
