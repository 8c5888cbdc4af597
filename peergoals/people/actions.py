"""Writes about people: accounts and caseloads. Used by the admin, the commands and the pages.

A caseload change is a change to the peer's records: each writes one audit entry.
"""

from __future__ import annotations

import datetime
import math

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from peergoals import access, audit
from peergoals.audit.models import AuditAction
from peergoals.errors import NotAllowed, NotFound
from peergoals.people.models import Assignment, Outreach, OutreachKind, Role, User
from peergoals.people.two_factor import must_use_two_factor


@transaction.atomic
def assign_peer(
    peer: User, specialist: User, *, by: User, on: datetime.date | None = None
) -> Assignment:
    """Put `peer` on `specialist`'s caseload from `on` (today), ending any current assignment.

    The old specialist loses access on their very next request: access is computed from the
    current assignment every time, never cached.
    """
    if not access.may_manage_caseloads(by):
        raise NotAllowed(gettext("Only a supervisor or a program admin can change a caseload."))
    if by.role == Role.SUPERVISOR and (not by.team_id or specialist.team_id != by.team_id):
        raise NotAllowed(
            gettext("A supervisor can only assign peers to specialists on their own team.")
        )
    if peer.role != Role.PEER:
        raise NotAllowed(gettext("%(name)s is not a peer.") % {"name": peer.username})
    if specialist.role != Role.SPECIALIST or not specialist.is_active:
        raise NotAllowed(
            gettext("%(name)s is not an active peer specialist.") % {"name": specialist.username}
        )
    on = on or timezone.localdate()
    current = Assignment.objects.select_for_update().filter(peer=peer, ended_on__isnull=True)
    if by.role == Role.SUPERVISOR and current.exclude(specialist__team=by.team).exists():
        raise NotAllowed(gettext("This peer works with a specialist on another team."))
    for assignment in current:
        if assignment.specialist_id == specialist.id:
            return assignment
        # Ending on `on` means the old specialist's access stops today, not tomorrow.
        assignment.ended_on = max(on, assignment.started_on)
        assignment.save(update_fields=["ended_on"])
    assignment = Assignment.objects.create(peer=peer, specialist=specialist, started_on=on)
    audit.record_change(AuditAction.CHANGE, by=by, peer=peer, target=assignment)
    return assignment


@transaction.atomic
def end_assignment(peer: User, *, by: User, on: datetime.date | None = None) -> None:
    """Take `peer` off any caseload; they keep using PeerGoals on their own."""
    if not access.may_manage_caseloads(by):
        raise NotAllowed(gettext("Only a supervisor or a program admin can change a caseload."))
    on = on or timezone.localdate()
    for assignment in Assignment.objects.select_for_update().filter(
        peer=peer, ended_on__isnull=True
    ):
        assignment.ended_on = max(on, assignment.started_on)
        assignment.save(update_fields=["ended_on"])
        audit.record_change(AuditAction.CHANGE, by=by, peer=peer, target=assignment)


def choose_language(person: User, language: str) -> None:
    """Save the language `person` chose; every page speaks it to them from the next request.

    A preference, not a record of care: nothing in it is health information, so it is not
    audited.
    """
    person.language = language
    person.save(update_fields=["language"])


class WrongCode(Exception):
    """The code did not match, or too many wrong codes came too fast; the message says which."""


def start_two_factor(person: User) -> TOTPDevice:
    """The authenticator set-up `person` is in the middle of, or a new one with a fresh key.

    Reusing the unconfirmed device keeps the key the same if the page is reloaded after the
    person has already scanned the QR code.
    """
    device = TOTPDevice.objects.filter(user=person, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=False)
    return device


@transaction.atomic
def confirm_two_factor(request: HttpRequest, device: TOTPDevice, code: str) -> None:
    """Turn two-step sign-in on for the device's owner once they type a code it made.

    Any older device is removed, so one phone is the one that works. The session counts as
    verified from now on.
    """
    verify_code(request, device, code)
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(id=device.id).delete()


def verify_code(request: HttpRequest, device: TOTPDevice, code: str) -> None:
    """Mark this session verified if `code` is the current one; raise WrongCode if not.

    Wrong codes are throttled by django-otp: each one doubles the wait before the next try.
    """
    allowed, details = device.verify_is_allowed()
    if not allowed:
        raise WrongCode(_too_fast_message(details))
    if not device.verify_token(code.replace(" ", "")):
        raise WrongCode(
            gettext("That code didn't work. Check the 6-digit code in your app and try again.")
        )
    otp_login(request, device)


@transaction.atomic
def stop_two_factor(request: HttpRequest, device: TOTPDevice, code: str) -> None:
    """Turn a peer's two-step sign-in off once they type a current code from the app.

    The code shows it is the peer, not someone at a phone or computer left signed in. Staff
    cannot turn it off.
    """
    if must_use_two_factor(device.user):
        raise WrongCode(gettext("Two-step sign-in can't be turned off for staff."))
    verify_code(request, device, code)
    TOTPDevice.objects.filter(user_id=device.user_id).delete()


def _too_fast_message(details: dict[str, object] | None) -> str:
    locked_until = (details or {}).get("locked_until")
    if isinstance(locked_until, datetime.datetime):
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
        return ngettext(
            "Too many wrong codes. Please wait %(seconds)d second and try again.",
            "Too many wrong codes. Please wait %(seconds)d seconds and try again.",
            seconds,
        ) % {"seconds": seconds}
    return gettext("Too many wrong codes. Please wait a moment and try again.")


@transaction.atomic
def reset_two_factor(person: User) -> int:
    """Remove every authenticator device of `person` (a lost phone); returns how many.

    Staff set up a new one at their next sign-in. A peer's two-step sign-in is off until they
    turn it on again.
    """
    removed, _ = TOTPDevice.objects.filter(user=person).delete()
    return removed


@transaction.atomic
def record_outreach(
    peer: User, *, by: User, kind: str, note: str = "", at: datetime.datetime | None = None
) -> Outreach:
    """A call, text, visit or note from the peer's specialist to a peer who went quiet."""
    if by.pk == peer.pk or not access.may(by, access.Action.CREATE, peer):
        raise NotFound(gettext("No such peer."))
    if kind not in OutreachKind.values:
        raise NotAllowed(
            gettext("Please say how you reached out: a call, a text, a visit or a note.")
        )
    outreach = Outreach(peer=peer, by=by, kind=kind, note=note.strip(), at=at or timezone.now())
    outreach.full_clean()
    outreach.save()
    audit.record_change(AuditAction.CREATE, by=by, peer=peer, target=outreach)
    return outreach
