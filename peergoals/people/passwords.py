"""Passwords are the person's own: they set it, change it, or reset it from a one-time link.

Staff never set another person's password. A program admin who could would sign in as a peer,
read and download the peer's records, and the audit log would blame the peer. What an admin
can do for someone who lost their password is make a one-time link (`issue_reset_link`, from
the admin or `peergoals password-link`) that the person opens to choose a new password
themself; people with an e-mail address can ask for the link by e-mail. The link is Django's
password-reset token: it stops working once a password is set with it, when the person signs
in, or after PASSWORD_RESET_TIMEOUT. Issuing one, and every change or reset of a password, is
an audit entry; a peer sees the link on "who has seen my plan".
"""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from peergoals import audit
from peergoals.audit.models import AuditAction, RecordType
from peergoals.people.models import Role, User


class NoLinkForThisAccount(Exception):
    """The account can't be given a reset link; the message says why."""


def _peer_id(person: User) -> int | None:
    return person.pk if person.role == Role.PEER else None


def issue_reset_link(person: User, *, by: User | None, base_url: str, username: str = "") -> str:
    """A one-time link for `person` to choose a new password; recorded as made by `by` (or
    `username`, for a command)."""
    if not person.is_active or person.deletion_requested_at is not None:
        raise NoLinkForThisAccount(
            f"{person.username} can't sign in (the account is closed), so no link was made."
        )
    path = reverse(
        "account:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": default_token_generator.make_token(person),
        },
    )
    audit.record(
        AuditAction.RESET_LINK,
        by=by,
        username=username,
        peer_id=_peer_id(person),
        record_type=RecordType.ACCOUNT,
        record_id=person.pk,
    )
    return base_url.rstrip("/") + path


def record_password_set(person: User, *, from_reset_link: bool) -> None:
    """Record that `person` changed their password, or set one from a reset link."""
    action = AuditAction.PASSWORD_RESET if from_reset_link else AuditAction.PASSWORD_CHANGE
    record_account_change(person, by=person, action=action)


def record_account_change(
    person: User, *, by: User | None, action: str = AuditAction.CHANGE, detail: str = ""
) -> None:
    """Record a change to `person`'s account by `by` (an admin, or the person themselves): made,
    changed, deleted, a password set, or two-step sign-in reset (`action`)."""
    audit.record(
        action,
        by=by,
        peer_id=_peer_id(person),
        record_type=RecordType.ACCOUNT,
        record_id=person.pk,
        detail=detail,
    )
