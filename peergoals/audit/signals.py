"""Sign-ins, failed sign-ins and sign-outs, from Django's auth signals (every login path), and
an authenticator app confirmed by its owner."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice

from peergoals import audit
from peergoals.audit.models import AuditAction, RecordType


@receiver(user_logged_in, dispatch_uid="audit_login")
def record_login(sender: Any, user: Any, **kwargs: Any) -> None:
    audit.record(AuditAction.LOGIN, by=user)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def record_login_failed(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    # Only the name typed is kept; Django has already masked the password in `credentials`.
    typed = credentials.get("username", "")
    audit.record(AuditAction.LOGIN_FAILED, by=None, username=str(typed))


@receiver(user_logged_out, dispatch_uid="audit_logout")
def record_logout(sender: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit.record(AuditAction.LOGOUT, by=user)


@receiver(post_save, sender=TOTPDevice, dispatch_uid="audit_two_factor_on")
def record_two_factor_on(
    sender: Any, instance: TOTPDevice, update_fields: Any = None, **kwargs: Any
) -> None:
    # The owner typed a code from the new app (people.actions.confirm_two_factor); from now on
    # a reset is needed before a password alone shows a new key (people/two_factor.py).
    if instance.confirmed and update_fields and "confirmed" in update_fields:
        audit.record(
            AuditAction.TWO_FACTOR_ON,
            by=instance.user,
            record_type=RecordType.ACCOUNT,
            record_id=instance.user_id,
        )
