"""Two-step sign-in: who needs it, and how an authenticator app is shown how to join.

The writes (setting up, confirming, resetting a device) are in `peergoals.people.actions`.
"""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_totp.models import TOTPDevice

from peergoals.people.models import Role, User

STAFF_ROLES = frozenset({Role.SPECIALIST, Role.SUPERVISOR, Role.ADMIN})


def confirmed_device(user: User) -> TOTPDevice | None:
    """The authenticator app this person set up and confirmed, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_confirmed_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(user: User) -> bool:
    """Whether this session's person typed a valid code since signing in (django-otp's
    OTPMiddleware attaches the device they used to the user of the request)."""
    return getattr(user, "otp_device", None) is not None


def must_use_two_factor(user: User) -> bool:
    """Staff reach many peers' records: they always need a code, and can't turn it off."""
    return user.role in STAFF_ROLES or user.is_staff or user.is_superuser


def requires_two_factor(user: User) -> bool:
    """Staff always need a code at sign-in; a peer does once they have turned it on."""
    return must_use_two_factor(user) or has_confirmed_device(user)


def may_set_up_with_password_alone(user: User) -> bool:
    """Whether a password alone may show this person a new authenticator key.

    A key shown is a second factor given away, so for staff it is shown only at the very first
    sign-in of a new account, or after a program admin reset their two-step sign-in (a lost
    phone: `peergoals reset-two-factor`, or deleting the device in the admin). A staff account
    that has signed in before and has no confirmed device (an abandoned set-up, a published demo
    password) needs that reset first. Peers choose two-step sign-in themselves, and replacing a
    confirmed phone needs a code from it (the set-up page asks).

    Both facts come from the audit log, which nobody can rewrite: earlier sign-ins, and whether
    the newest set-up or reset of this account is a reset.
    """
    from peergoals.audit.models import AuditAction, AuditEntry, RecordType

    if not must_use_two_factor(user) or has_confirmed_device(user):
        return True
    sign_ins = AuditEntry.objects.filter(user_id=user.pk, action=AuditAction.LOGIN)
    if sign_ins[:2].count() < 2:  # this session's sign-in is the first
        return True
    newest = (
        AuditEntry.objects.filter(
            record_type=RecordType.ACCOUNT,
            record_id=user.pk,
            action__in=[AuditAction.TWO_FACTOR_ON, AuditAction.TWO_FACTOR_RESET],
        )
        .order_by("-id")
        .values_list("action", flat=True)
        .first()
    )
    return newest == AuditAction.TWO_FACTOR_RESET


def secret_key_text(device: TOTPDevice) -> str:
    """The device's key as an authenticator app asks for it: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The device's otpauth:// link as a QR code, an SVG data: URI that a strict CSP allows."""
    image = qrcode.make(
        device.config_url,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        box_size=10,
        border=4,
    )
    svg = io.BytesIO()
    image.save(svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode()
