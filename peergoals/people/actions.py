"""Writes about people: accounts and caseloads. Used by the admin, the commands and the pages.

A caseload change is a change to the peer's records: each writes one audit entry.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from peergoals import audit
from peergoals.audit.models import AuditAction
from peergoals.people.models import Assignment, Role, User


class NotAllowed(Exception):
    """This person may not make this change; the message says why."""


def may_manage_caseloads(by: User) -> bool:
    return by.is_active and (by.role == Role.ADMIN or by.is_superuser or by.role == Role.SUPERVISOR)


@transaction.atomic
def assign_peer(
    peer: User, specialist: User, *, by: User, on: datetime.date | None = None
) -> Assignment:
    """Put `peer` on `specialist`'s caseload from `on` (today), ending any current assignment.

    The old specialist loses access on their very next request: access is computed from the
    current assignment every time, never cached.
    """
    if not may_manage_caseloads(by):
        raise NotAllowed("Only a supervisor or a program admin can change a caseload.")
    if by.role == Role.SUPERVISOR and (not by.team_id or specialist.team_id != by.team_id):
        raise NotAllowed("A supervisor can only assign peers to specialists on their own team.")
    if peer.role != Role.PEER:
        raise NotAllowed(f"{peer.username} is not a peer.")
    if specialist.role != Role.SPECIALIST or not specialist.is_active:
        raise NotAllowed(f"{specialist.username} is not an active peer specialist.")
    on = on or timezone.localdate()
    current = Assignment.objects.select_for_update().filter(peer=peer, ended_on__isnull=True)
    if by.role == Role.SUPERVISOR and current.exclude(specialist__team=by.team).exists():
        raise NotAllowed("This peer works with a specialist on another team.")
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
    if not may_manage_caseloads(by):
        raise NotAllowed("Only a supervisor or a program admin can change a caseload.")
    on = on or timezone.localdate()
    for assignment in Assignment.objects.select_for_update().filter(
        peer=peer, ended_on__isnull=True
    ):
        assignment.ended_on = max(on, assignment.started_on)
        assignment.save(update_fields=["ended_on"])
        audit.record_change(AuditAction.CHANGE, by=by, peer=peer, target=assignment)
