"""Sign-ins, failed sign-ins and sign-outs, from Django's auth signals (every login path)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from peergoals import audit
from peergoals.audit.models import AuditAction


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
