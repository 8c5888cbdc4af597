from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def push_key(request: HttpRequest) -> dict[str, str]:
    """The VAPID public key the page hands the service worker to subscribe, when push is set up."""
    if settings.PEERGOALS_VAPID_PRIVATE_KEY and settings.PEERGOALS_VAPID_PUBLIC_KEY:
        return {"vapid_public_key": settings.PEERGOALS_VAPID_PUBLIC_KEY}
    return {}
