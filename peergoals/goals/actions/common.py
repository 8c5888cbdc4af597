"""What every goal and step action shares: the access check, the clock, versions, locks
against edits that crossed, wins recorded once, and the guards on status moves.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peergoals import access, audit
from peergoals.access import Action
from peergoals.audit.models import AuditAction
from peergoals.errors import Conflict, NotAllowed, NotFound
from peergoals.goals.history import saved_since, values_at
from peergoals.goals.merge import merge
from peergoals.goals.models import (
    Goal,
    Status,
    Step,
    TargetKind,
    Win,
    WinKind,
)
from peergoals.goals.moves import (
    Moves,
    goal_moves,
    resume_date_problem,
    step_moves,
)
from peergoals.people.models import User

# Fields change_goal / change_step may change, and suggest_change suggest; Goal.PEER_ONLY_FIELDS
# the peer alone changes, and no one suggests.
# The scale of Goal Attainment Scaling is the peer's words too, but one a specialist may help
# make measurable: others suggest it, and the peer takes it on or not.
GOAL_FIELDS_ANYONE = {
    "smart_wording",
    "life_area",
    "strengths",
    "review_every_days",
    *Goal.SCALE_FIELDS,
}
STEP_FIELDS = {
    "wording",
    "target_kind",
    "target_quantity",
    "target_unit",
    "target_per",
    "starts_on",
    "due_on",
}

Versioned = TypeVar("Versioned", Goal, Step)


@dataclass
class StatusChange(Generic[Versioned]):
    """A goal or step after a status change, and the wins the change brought."""

    record: Versioned
    wins: list[Win] = field(default_factory=list)


def _require(by: User, action: Action, peer: User) -> None:
    # Views already fetched the record through the policy; this keeps commands and the API
    # honest too, and answers like a missing record would.
    if not access.may(by, action, peer):
        raise NotFound(_("No such record."))


def _is_peer(by: User, peer: User) -> bool:
    return by.id == peer.id


def _now(at: datetime.datetime | None) -> datetime.datetime:
    """The moment an action happens: now, unless a replay (the demo, an import) names it."""
    return at or timezone.now()


def _day(at: datetime.datetime | None) -> datetime.date:
    return timezone.localdate(at) if at else timezone.localdate()


def _stamp(record: Versioned, *, by: User, reason: str, at: datetime.datetime | None) -> None:
    # django-simple-history reads these attributes when it writes the version.
    record._history_user = by  # type: ignore[attr-defined]
    record._change_reason = reason  # type: ignore[attr-defined]
    record._history_date = _now(at)  # type: ignore[attr-defined]


def _save_version(
    record: Versioned, *, by: User, reason: str, at: datetime.datetime | None = None
) -> Versioned:
    record.version += 1
    record.updated_at = _now(at)
    _stamp(record, by=by, reason=reason, at=at)
    record.save()
    return record


def _lock(record: Versioned) -> Versioned:
    """Reload `record` inside the transaction, locked until it ends."""
    return type(record).objects.select_for_update().get(id=record.id)


def _merged(
    record: Versioned, version: int | None, changes: dict[str, Any]
) -> tuple[Versioned, dict[str, Any]]:
    """`record` reloaded and locked, and what of `changes` to save on it.

    An edit made from the version saved is saved as it is. One made from an older version is
    merged field by field with what was saved since (goals/merge.py): only what the person
    changed is saved, beside the others' changes, so it never undoes them. A field both changed
    differently is a `Conflict` naming it, and nothing is saved.
    """
    fresh = _lock(record)
    if version is None or fresh.version == version:
        return fresh, changes
    base = values_at(fresh, version, changes)
    merged = merge(base, {name: getattr(fresh, name) for name in changes}, changes)
    if merged.clashes:
        names = saved_since(fresh, version)
        raise Conflict(
            _(
                "%(names)s changed this while you were editing, in some of the same places "
                "as you. Nothing is saved yet: choose which to keep for each, then save."
            )
            % {"names": ", ".join(names) or _("Someone else")},
            clashes=merged.clashes,
            theirs=merged.theirs,
            version=fresh.version,
            by=names,
        )
    return fresh, merged.changes


def _stripped(changes: dict[str, Any]) -> dict[str, Any]:
    return {name: v.strip() if isinstance(v, str) else v for name, v in changes.items()}


def _next_review(goal: Goal, start: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=goal.review_every_days)


def _celebrate(
    peer: User, kind: WinKind, *, at: datetime.datetime | None = None, **about: Any
) -> Win | None:
    """Record a win once; a milestone already celebrated is not celebrated again."""
    try:
        with transaction.atomic():
            return Win.objects.create(peer=peer, kind=kind, created_at=_now(at), **about)
    except IntegrityError:
        return None


def _allow_move(
    record: Goal | Step,
    moves: Moves,
    table: dict[str, frozenset[str]],
    status: str,
    *,
    cannot: str,
    only_peer: str,
) -> None:
    """Refuse a status change the person's moves don't include, saying why: the practice
    never allows it (`cannot`), or only the peer may make it (`only_peer`)."""
    if status in moves.statuses:
        return
    if status in table.get(record.status, frozenset()):
        raise NotAllowed(only_peer)
    raise NotAllowed(cannot % {"now": record.get_status_display(), "then": Status(status).label})


def _answerable(
    record: Versioned, peer: User, *, by: User, not_peer: str, not_waiting: str
) -> Versioned:
    """`record`, locked, once `by` may answer it: it waits for an answer, and `by` is the peer."""
    _require(by, Action.CHANGE, peer)
    record = _lock(record)
    moves = goal_moves(record, by) if isinstance(record, Goal) else step_moves(record, by)
    if not moves.answer:
        raise NotAllowed(not_peer if by.pk != peer.pk else not_waiting)
    return record


def _pause_details(
    record: Goal | Step,
    status: str,
    pause_reason: str,
    resume_on: datetime.date | None,
    at: datetime.datetime | None,
) -> None:
    """A pause keeps the peer's reason and resume date, both optional; any other move ends the
    pause and clears them (its versions keep them)."""
    if status != Status.ON_HOLD:
        record.pause_reason, record.resume_on = "", None
        return
    problem = resume_date_problem(resume_on, _day(at))
    if problem:
        raise NotAllowed(problem)
    pause_reason = pause_reason.strip()
    if len(pause_reason) > 200:
        raise NotAllowed(_("Please make the reason shorter (up to 200 characters)."))
    record.pause_reason, record.resume_on = pause_reason, resume_on


def _withdrawn(
    record: Versioned, peer: User, *, by: User, at: datetime.datetime | None
) -> Versioned:
    """A suggested goal or step taken back by whoever suggested it, before the peer answered."""
    _require(by, Action.CHANGE, peer)
    record = _lock(record)
    moves = goal_moves(record, by) if isinstance(record, Goal) else step_moves(record, by)
    if not moves.withdraw:
        raise NotAllowed(
            _("Only whoever suggested it can withdraw it, and only while it waits for an answer.")
        )
    record.status = Status.WITHDRAWN
    audit.record_change(AuditAction.CHANGE, by=by, peer=peer, target=record)
    return _save_version(
        record, by=by, reason=_("Withdrawn by %(name)s") % {"name": by.display_name}, at=at
    )


def _audited_status(
    record: Versioned,
    peer: User,
    *,
    by: User,
    status: str,
    reason: str,
    at: datetime.datetime | None,
) -> None:
    """The status change written: one audit entry and one version with its reason."""
    record.status = status
    audit.record_change(AuditAction.CHANGE, by=by, peer=peer, target=record)
    _save_version(
        record,
        by=by,
        reason=reason or _("Now: %(status)s") % {"status": record.get_status_display()},
        at=at,
    )


# Steps ---------------------------------------------------------------------------------------


def _clean_target(fields: dict[str, Any]) -> None:
    if fields.get("target_kind") == TargetKind.ONCE:
        fields["target_quantity"] = None
        fields["target_per"] = ""


# Suggested changes ---------------------------------------------------------------------------


def _peer_of(record: Goal | Step) -> User:
    return record.peer if isinstance(record, Goal) else record.goal.peer


def _celebrate_step_done(step: Step, at: datetime.datetime | None) -> list[Win]:
    peer = step.goal.peer
    wins = [
        _celebrate(peer, WinKind.FIRST_STEP_DONE, goal=step.goal, step=step, at=at),
        _celebrate(peer, WinKind.STEP_COMPLETED, goal=step.goal, step=step, at=at),
    ]
    return [win for win in wins if win]
