"""Every write about consent and a peer's data rights. Pages, commands and the admin call these.

Consent (42 CFR Part 2): only the peer gives or revokes it; a signed consent is never edited,
a new one replaces it. Data rights: the peer downloads all their data, or asks for it to be
deleted; after the retention window a program admin (or the operator's command) purges it.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from peergoals import access, audit
from peergoals.audit.models import AuditAction, RecordType
from peergoals.errors import NotAllowed, NotFound
from peergoals.goals.models import (
    Answer,
    CheckIn,
    Goal,
    Review,
    Status,
    Step,
    SuggestedChange,
    Win,
)
from peergoals.goals.progress import as_written
from peergoals.people.models import Assignment, Role, User
from peergoals.privacy.models import CalendarFeed, Consent
from peergoals.spreadsheets import csv_text


class ExportRefused(Exception):
    """Records may not leave PeerGoals without a valid consent; the message says why."""


# 42 CFR 2.32: the notice that goes with every disclosure of Part 2 records. Its official English
# always goes; a reader who uses PeerGoals in Spanish gets it in Spanish beside it.
REDISCLOSURE_NOTICE = gettext_noop(
    # Translators: the regulation's own wording; translate it faithfully, not plainly.
    "This record which has been disclosed to you is protected by federal confidentiality rules "
    "(42 CFR part 2). These rules prohibit you from using or disclosing this record, or "
    "testimony that describes the information contained in this record, in any civil, "
    "criminal, administrative, or legislative proceedings against the patient, unless "
    "authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as "
    "authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the federal "
    "rules prohibit you from making any other disclosure of this record unless that further "
    "disclosure is expressly permitted by the written consent of the patient whose information "
    "is being disclosed in this record or, is otherwise permitted by 42 CFR part 2. A general "
    "authorization for the release of medical or other information is NOT sufficient for this "
    "purpose (see 42 CFR 2.31). The federal rules restrict any use of the information to "
    "investigate or prosecute with regard to a crime any patient with a substance use disorder, "
    "except as provided at 42 CFR 2.12(c)(5) and 2.65."
)


def _redisclosure_notices() -> dict[str, str]:
    """The 42 CFR 2.32 notice in its official English, and in the reader's language if other."""
    translated = _(REDISCLOSURE_NOTICE)
    if translated == REDISCLOSURE_NOTICE:
        return {"notice": REDISCLOSURE_NOTICE}
    return {"notice": REDISCLOSURE_NOTICE, "notice_translated": translated}


# Consent -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentTerms:
    """The words of a consent, as the peer reads them before signing and as they are kept."""

    program_name: str
    information: str
    shared_with: str
    purpose: str
    revocation_statement: str
    expiry_event: str

    def signed_by(
        self,
        peer: User,
        *,
        signature: str,
        signed_at: datetime.datetime,
        expires_on: datetime.date | None = None,
        until_event: bool = False,
        program_reports: bool = False,
    ) -> Consent:
        """The consent `peer` signed on these terms, not yet saved; with `program_reports`,
        it also lets the program count them, without their name, in its outcome reports."""
        return Consent(
            peer=peer,
            program_name=self.program_name,
            information=self.information,
            covers_substance_use=True,
            covers_program_reports=program_reports,
            shared_with=self.shared_with,
            purpose=self.purpose,
            revocation_statement=self.revocation_statement,
            expires_on=expires_on,
            expiry_event=self.expiry_event if until_event else "",
            signature=signature,
            signed_at=signed_at,
        )


def program_name() -> str:
    return str(settings.PEERGOALS_PROGRAM_NAME)


def consent_terms() -> ConsentTerms:
    """The consent `peer` is asked to sign today, every element in plain words."""
    program = program_name()
    return ConsentTerms(
        program_name=program,
        information=_(
            "All of your records in PeerGoals: your goals and steps, your check-ins and the "
            "notes you write, your reviews and your wins. This includes anything about your "
            "use of alcohol or drugs. Federal law (42 CFR Part 2) protects those records."
        ),
        shared_with=_(
            "Your peer specialist at %(program)s, the supervisor of that specialist, and the "
            "program admins at %(program)s. If you get a new peer specialist there, they can "
            "see it too. Nobody outside %(program)s."
        )
        % {"program": program},
        purpose=_(
            "So your peer specialist can support you with your goals, and so their supervisor "
            "can make sure you get good support."
        ),
        revocation_statement=_(
            "You can stop sharing at any time, on the Sharing page. It works right away. "
            "Stopping does not undo what was already shared before you stopped. Saying no or "
            "stopping will not change the services you can get."
        ),
        expiry_event=_("When I stop getting services from %(program)s") % {"program": program},
    )


def _only_the_peer(peer: User, by: User) -> None:
    if by.id != peer.id or peer.role != Role.PEER:
        raise NotAllowed(_("Only the peer can give or stop their own consent."))


@transaction.atomic
def give_consent(
    peer: User,
    *,
    by: User,
    signature: str,
    expires_on: datetime.date | None = None,
    until_event: bool = False,
    program_reports: bool = False,
) -> Consent:
    """Sign a new consent for `peer`, replacing the one they had (which is kept, unchanged).

    It ends on `expires_on`, or, with `until_event`, when the peer stops getting services.
    With `program_reports` the peer also agrees to be counted, without their name, in the
    program's outcome reports (a purpose beyond their own support, so a choice of its own).
    """
    _only_the_peer(peer, by)
    signature = signature.strip()
    if not signature:
        raise NotAllowed(_("Please type your name to sign."))
    if until_event == (expires_on is not None):
        raise NotAllowed(_("Please pick one: an end date, or when you stop getting services."))
    if expires_on is not None and expires_on < timezone.localdate():
        raise NotAllowed(_("The end date can't be in the past."))
    now = timezone.now()
    # Lock the peer's row so two signatures at once queue instead of both replacing.
    User.objects.select_for_update().filter(id=peer.id).first()
    for old in Consent.objects.not_ended().filter(peer=peer):
        old.replaced_at = now
        old.save(update_fields=["replaced_at"])
    consent = consent_terms().signed_by(
        peer,
        signature=signature,
        signed_at=now,
        expires_on=expires_on,
        until_event=until_event,
        program_reports=program_reports,
    )
    consent.save()
    return consent


@transaction.atomic
def revoke_consent(peer: User, *, by: User) -> Consent | None:
    """Stop sharing now: staff lose access on their very next request. Returns what was revoked.

    Nothing already shared can be taken back; the consent itself is kept, marked revoked.
    """
    _only_the_peer(peer, by)
    revoked = None
    for consent in Consent.objects.select_for_update().not_ended().filter(peer=peer):
        consent.revoked_at = timezone.now()
        consent.save(update_fields=["revoked_at"])
        revoked = consent
    return revoked


@transaction.atomic
def record_expiry_event(consent: Consent, *, by: User) -> Consent:
    """Record that the event a consent ends on happened (the peer left the program)."""
    if not access.may_record_consent_end(by):
        raise NotAllowed(_("Only a program admin can record that a consent ended."))
    consent = Consent.objects.select_for_update().get(id=consent.id)
    if not consent.expiry_event:
        raise NotAllowed(_("This consent ends on a date, not on an event."))
    if consent.event_happened_at is None:
        consent.event_happened_at = timezone.now()
        consent.save(update_fields=["event_happened_at"])
    return consent


# Export --------------------------------------------------------------------------------------


def _history(model: type[Goal] | type[Step], **lookup: Any) -> list[dict[str, Any]]:
    """Every saved version of the peer's goals or steps, oldest first, with who changed it."""
    rows = model.history.filter(**lookup).order_by("history_date", "history_id")
    columns = [f.attname for f in rows.model._meta.concrete_fields if f.name != "history_user"]
    return list(rows.values(*columns, changed_by=models.F("history_user__username")))


def _fields(model: type[models.Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def _check_ins(peer: User, reader: User) -> list[dict[str, Any]]:
    """The peer's check-ins as plain rows, each note only as `reader` may read it."""
    fields = _fields(CheckIn)
    rows = []
    for check_in in CheckIn.objects.filter(peer=peer).order_by("for_date", "recorded_at"):
        row = {name: getattr(check_in, name) for name in fields}
        row["note"] = check_in.note_for(reader)
        rows.append(row)
    return rows


# Where a suggestion stands, in the download's words.
SUGGESTION_STATES = {
    Answer.OPEN: "waiting",
    Answer.ACCEPTED: "accepted",
    Answer.DECLINED: "declined",
    Answer.WITHDRAWN: "withdrawn",
}


def _name(person: User | None) -> str | None:
    return person.display_name if person is not None else None


def _suggested_changes(peer: User) -> list[dict[str, Any]]:
    """Every change suggested to the peer's goals and steps: each field and its suggested
    value, by whom and when, and where it stands (waiting, accepted, declined, withdrawn)."""
    changes = (
        SuggestedChange.objects.filter(goal__peer=peer)
        .select_related("suggested_by", "answered_by")
        .order_by("suggested_at", "id")
    )
    return [
        {
            "id": change.pk,
            "goal_id": change.goal_id,
            "step_id": change.step_id,
            "review_id": change.review_id,
            "changes": [
                {"field": name, "suggested_value": value} for name, value in change.changes.items()
            ],
            "against_version": change.against_version,
            "suggested_by": _name(change.suggested_by),
            "suggested_at": change.suggested_at,
            "status": SUGGESTION_STATES[Answer(change.answer)],
            "answered_by": _name(change.answered_by),
            "answered_at": change.answered_at,
        }
        for change in changes
    ]


def _suggestion_state(status: str) -> str:
    """Where a suggested goal or step stands: waiting, taken on by the peer, declined or
    withdrawn by whoever suggested it."""
    return {
        Status.PROPOSED: "waiting",
        Status.REJECTED: "declined",
        Status.WITHDRAWN: "withdrawn",
    }.get(Status(status), "accepted")


def _suggested_records(peer: User) -> list[dict[str, Any]]:
    """The goals and steps someone else suggested to the peer, with where each stands."""
    goals = Goal.objects.filter(peer=peer).exclude(created_by=peer).select_related("created_by")
    steps = (
        Step.objects.filter(goal__peer=peer).exclude(created_by=peer).select_related("created_by")
    )
    rows = [
        {
            "kind": "goal",
            "id": goal.pk,
            "goal_id": goal.pk,
            "words": goal.own_words,
            "suggested_by": _name(goal.created_by),
            "suggested_at": goal.created_at,
            "status": _suggestion_state(goal.status),
        }
        for goal in goals.order_by("created_at", "id")
    ]
    rows += [
        {
            "kind": "step",
            "id": step.pk,
            "goal_id": step.goal_id,
            "words": step.wording,
            "suggested_by": _name(step.created_by),
            "suggested_at": step.created_at,
            "status": _suggestion_state(step.status),
        }
        for step in steps.order_by("created_at", "id")
    ]
    return rows


def _records(peer: User, reader: User) -> dict[str, Any]:
    """The peer's goal records as plain rows, a fixed number of queries whatever their size;
    a check-in's note only when `reader` may read it (a private note stays the peer's)."""
    goals = Goal.objects.filter(peer=peer).order_by("created_at")
    return {
        "goals": list(goals.values(*_fields(Goal))),
        "steps": list(
            Step.objects.filter(goal__peer=peer)
            .order_by("goal", "position", "id")
            .values(*_fields(Step))
        ),
        "check_ins": _check_ins(peer, reader),
        "reviews": list(
            Review.objects.filter(goal__peer=peer)
            .order_by("held_on", "created_at")
            .values(*_fields(Review))
        ),
        "wins": list(Win.objects.filter(peer=peer).order_by("created_at").values(*_fields(Win))),
        "suggested_changes": _suggested_changes(peer),
        "suggested_goals_and_steps": _suggested_records(peer),
    }


def export_my_data(peer: User, *, by: User) -> dict[str, Any]:
    """Everything PeerGoals holds about `peer`, for the peer themself (their right of access).

    Profile, goals (own words beside SMART wording), steps, check-ins with notes, reviews,
    wins, consents and every saved version of their goals and steps.
    """
    if not access.may_download_own_data(by, peer):
        raise NotFound(_("No such peer."))
    _record_export(AuditAction.EXPORT, by=by, peer=peer)
    goal_ids = set(Goal.history.filter(peer_id=peer.id).values_list("id", flat=True))
    return {
        "about": _("Everything PeerGoals holds about you, downloaded by you."),
        "exported_at": timezone.now(),
        "profile": {
            "username": peer.username,
            "preferred_name": peer.preferred_name,
            "first_name": peer.first_name,
            "last_name": peer.last_name,
            "email": peer.email,
            "role": peer.role,
            "date_joined": peer.date_joined,
            "last_login": peer.last_login,
            "assignments": list(
                Assignment.objects.filter(peer=peer).values(
                    "started_on", "ended_on", specialist_name=models.F("specialist__preferred_name")
                )
            ),
        },
        **_records(peer, by),
        "consents": list(
            Consent.objects.filter(peer=peer).order_by("signed_at").values(*_fields(Consent))
        ),
        # The addresses' secrets are not kept, so none is here: only when each was made,
        # last read and stopped.
        "calendar_feeds": list(
            CalendarFeed.objects.filter(peer=peer)
            .order_by("created_at")
            .values("created_at", "full_titles", "last_used_at", "revoked_at")
        ),
        "history": {
            "goals": _history(Goal, peer_id=peer.id),
            "steps": _history(Step, goal_id__in=goal_ids),
        },
    }


def _record_export(action: str, *, by: User, peer: User, detail: str = "") -> None:
    """Every download of a peer's whole record, and every refused one, is one audit entry."""
    audit.record(
        action,
        by=by,
        peer_id=peer.pk,
        record_type=RecordType.PLAN,
        record_id=peer.pk,
        detail=detail,
    )


def _release_to_staff(peer: User, *, by: User, detail: str = "") -> None:
    """Check that staff `by` may take `peer`'s records out of PeerGoals, and record it.

    Refused (ExportRefused, with a clear message) when the peer has no valid consent that
    covers alcohol and drug use records; a peer `by` may not reach at all is a 404. The
    refusal is recorded too.
    """
    if access.is_not_sharing_with(by, peer):
        _record_export(AuditAction.DENIED, by=by, peer=peer, detail=detail)
        raise ExportRefused(
            _("%(name)s hasn't agreed to share their records, so they can't be downloaded.")
            % {"name": peer.display_name}
        )
    if not access.may_export_records_of(by, peer):
        raise NotFound(_("No such peer."))
    if not Consent.objects.valid().covering_substance_use().filter(peer=peer).exists():
        _record_export(AuditAction.DENIED, by=by, peer=peer, detail=detail)
        raise ExportRefused(
            _(
                "%(name)s's consent doesn't cover records about alcohol or drug use, so their "
                "records can't be downloaded."
            )
            % {"name": peer.display_name}
        )
    _record_export(AuditAction.EXPORT, by=by, peer=peer, detail=detail)


def export_peer_records(peer: User, *, by: User) -> dict[str, Any]:
    """A peer's plan and records for their staff, only under a valid consent covering them
    (`_release_to_staff` says when it is refused)."""
    _release_to_staff(peer, by=by)
    return {
        **_redisclosure_notices(),
        "peer": {"id": peer.id, "name": peer.display_name},
        "exported_at": timezone.now(),
        "exported_by": by.username,
        **_records(peer, by),
    }


def export_plan(peer: User, *, by: User, detail: str = "plan as PDF") -> dict[str, str]:
    """Let the peer's plan leave PeerGoals (as a PDF, or a FHIR Bundle: `detail` says which),
    and record it; returns the notices it must carry.

    The peer downloads their own plan at any time, with no notice. Staff download it under the
    same rule as the peer's records (`export_peer_records`): a valid consent covering alcohol
    and drug use records, and the 42 CFR 2.32 notice with it.
    """
    if by.id == peer.id:
        if not access.may_download_own_data(by, peer):
            raise NotFound(_("No such peer."))
        _record_export(AuditAction.EXPORT, by=by, peer=peer, detail=detail)
        return {}
    _release_to_staff(peer, by=by, detail=detail)
    return _redisclosure_notices()


class _RecordsEncoder(DjangoJSONEncoder):
    """Amounts as the peer wrote them ("10", "2.5"), not as the database pads them ("10.00")."""

    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            return str(as_written(o))
        return super().default(o)


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, cls=_RecordsEncoder, indent=2, ensure_ascii=False)


def export_my_check_ins(peer: User, *, by: User) -> str:
    """The peer's check-ins as a CSV file for a spreadsheet, for the peer themself: one row per
    check-in that counts (a correction replaces the entry it corrects), oldest first, in the
    language of the request. Text is made safe to open (`peergoals.spreadsheets`)."""
    if not access.may_download_own_data(by, peer):
        raise NotFound(_("No such peer."))
    _record_export(AuditAction.EXPORT, by=by, peer=peer, detail="check-ins as CSV")
    check_ins = (
        CheckIn.objects.current()
        .filter(peer=peer)
        .select_related("step__goal", "recorded_by")
        .order_by("for_date", "recorded_at", "id")
    )
    header = [
        _("Day"),
        _("Goal"),
        _("Step"),
        _("How it went"),
        _("How much"),
        _("Unit"),
        _("How it felt"),
        _("Note"),
        _("Recorded at"),
        _("Recorded by"),
    ]
    rows = (
        [
            check_in.for_date,
            check_in.step.goal.title,
            check_in.step.wording,
            check_in.get_outcome_display(),
            as_written(check_in.amount) if check_in.amount is not None else None,
            check_in.target_unit or check_in.step.target_unit,
            check_in.get_feeling_display(),
            check_in.note_for(by),
            timezone.localtime(check_in.recorded_at).strftime("%Y-%m-%d %H:%M"),
            _("You") if check_in.recorded_by_id == peer.pk else check_in.recorded_by.display_name,
        ]
        for check_in in check_ins
    )
    return csv_text(header, rows)


# Deletion ------------------------------------------------------------------------------------


def retention_window() -> datetime.timedelta:
    return datetime.timedelta(days=int(settings.PEERGOALS_DELETION_RETENTION_DAYS))


@transaction.atomic
def request_deletion(peer: User, *, by: User) -> User:
    """The peer asks for all their data to be deleted.

    From now on they cannot sign in and no page or report shows their records (the access
    policy leaves them out); the data itself is purged after the retention window.
    """
    _only_the_peer(peer, by)
    peer.deletion_requested_at = timezone.now()
    peer.is_active = False
    peer.save(update_fields=["deletion_requested_at", "is_active"])
    return peer


def deletions_due(now: datetime.datetime | None = None) -> models.QuerySet[User]:
    """Peers whose deletion request is older than the retention window."""
    cutoff = (now or timezone.now()) - retention_window()
    return User.objects.filter(role=Role.PEER, deletion_requested_at__lte=cutoff).order_by("id")


@transaction.atomic
def complete_deletion(peer: User, *, by: User | None, now: datetime.datetime | None = None) -> int:
    """Purge everything of `peer` once the retention window is over; returns the peer's old id.

    Removes goals, steps, check-ins, reviews, wins, the saved versions of goals and steps,
    consents, calendar addresses and the account. Audit entries are kept: they hold the peer
    id as a plain number.
    """
    if not access.may_manage_deletions(by):
        raise NotAllowed(_("Only a program admin can complete a deletion."))
    if not deletions_due(now).filter(id=peer.id).exists():
        raise NotAllowed(
            _("%(name)s can't be deleted yet: they haven't asked, or the wait isn't over.")
            % {"name": peer.username}
        )
    peer_id = peer.id
    goal_ids = set(Goal.history.filter(peer_id=peer_id).values_list("id", flat=True))
    Win.objects.filter(peer=peer).delete()
    Review.objects.filter(goal__peer=peer).delete()
    # Check-ins are append-only and their QuerySet refuses delete(); the purge is the one
    # place allowed to remove them, so it calls the plain QuerySet.delete on purpose.
    models.QuerySet.delete(CheckIn.objects.filter(peer=peer))
    Step.objects.filter(goal__peer=peer).delete()
    Goal.objects.filter(peer=peer).delete()
    # Deleting writes a last "deleted" version of each row: remove those with the rest.
    Step.history.filter(goal_id__in=goal_ids).delete()
    Goal.history.filter(peer_id=peer_id).delete()
    Consent.objects.filter(peer=peer).delete()
    CalendarFeed.objects.filter(peer=peer).delete()
    peer.delete()
    audit.record(
        AuditAction.DELETE,
        by=by,
        peer_id=peer_id,
        record_type=RecordType.PLAN,
        record_id=peer_id,
        detail="all records, as the peer asked",
    )
    return peer_id


@transaction.atomic
def cancel_deletion(peer: User, *, by: User | None) -> User:
    """The peer changed their mind before the purge: they can sign in again, and their records
    are as they were (shared again only if their consent is still valid).

    A program admin does it after talking with the peer, who can no longer sign in to ask.
    """
    if not access.may_manage_deletions(by):
        raise NotAllowed(_("Only a program admin can cancel a deletion."))
    if peer.role != Role.PEER or peer.deletion_requested_at is None:
        raise NotAllowed(
            _("%(name)s hasn't asked for their data to be deleted.") % {"name": peer.username}
        )
    peer.deletion_requested_at = None
    peer.is_active = True
    peer.save(update_fields=["deletion_requested_at", "is_active"])
    audit.record(
        AuditAction.CHANGE,
        by=by,
        peer_id=peer.pk,
        record_type=RecordType.PLAN,
        record_id=peer.pk,
        detail="deletion request cancelled",
    )
    return peer


def complete_due_deletions(
    *, by: User | None, dry_run: bool = False, now: datetime.datetime | None = None
) -> list[str]:
    """Purge every peer whose retention window is over; returns their usernames."""
    if not access.may_manage_deletions(by):
        raise NotAllowed(_("Only a program admin can complete a deletion."))
    due = list(deletions_due(now))
    if not dry_run:
        for peer in due:
            complete_deletion(peer, by=by, now=now)
    return [peer.username for peer in due]
