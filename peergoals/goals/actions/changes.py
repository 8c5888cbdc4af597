"""Suggested changes: a staff member's change to an active goal or step, waiting for the
peer's yes (taken on, reworded if they like) or no.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from peergoals import audit
from peergoals.access import Action
from peergoals.audit.models import AuditAction
from peergoals.errors import NotAllowed
from peergoals.goals.actions.common import (
    GOAL_FIELDS_ANYONE,
    STEP_FIELDS,
    StatusChange,
    Versioned,
    _celebrate,
    _clean_target,
    _day,
    _lock,
    _merged,
    _next_review,
    _now,
    _peer_of,
    _require,
    _save_version,
    _stripped,
)
from peergoals.goals.actions.goals import set_goal_status
from peergoals.goals.models import (
    Answer,
    Goal,
    Review,
    Status,
    Step,
    SuggestedChange,
    Win,
    WinKind,
)
from peergoals.goals.moves import (
    goal_moves,
    may_answer,
    may_withdraw,
    step_moves,
)
from peergoals.people.models import User


def _suggest(
    record: Goal | Step,
    *,
    by: User,
    changes: dict[str, Any],
    review: Review | None = None,
    at: datetime.datetime | None = None,
) -> SuggestedChange:
    """Write a suggestion beside `record`; the one that waited before is replaced by it."""
    goal = record if isinstance(record, Goal) else record.goal
    step = None if isinstance(record, Goal) else record
    waiting = SuggestedChange.objects.open().filter(goal=goal, step=step)
    waiting.update(answer=Answer.WITHDRAWN, answered_at=_now(at))
    return SuggestedChange.objects.create(
        goal=goal,
        step=step,
        review=review,
        changes=changes,
        against_version=record.version,
        suggested_by=by,
        suggested_at=_now(at),
    )


@transaction.atomic
def suggest_change(
    record: Versioned,
    *,
    by: User,
    version: int | None,
    at: datetime.datetime | None = None,
    **changes: Any,
) -> SuggestedChange:
    """Suggest a change to the peer's goal or step. It waits beside the current version until
    the peer accepts it (reworded if they like) or declines it; nothing changes until then.
    A newer suggestion replaces the one waiting. Made from an older `version`, it suggests
    only what its author changed, never undoing what the peer saved since."""
    is_goal = isinstance(record, Goal)
    peer = _peer_of(record)
    _require(by, Action.CHANGE, peer)
    peer_only = set(changes) & Goal.PEER_ONLY_FIELDS if is_goal else set()
    unknown = set(changes) - (GOAL_FIELDS_ANYONE if is_goal else STEP_FIELDS) - peer_only
    if unknown:
        raise ValueError(f"suggest_change cannot suggest {sorted(unknown)}")
    changes = _stripped(changes)
    if not is_goal:
        _clean_target(changes)
    record, changes = _merged(record, version, changes)
    moves = goal_moves(record, by) if isinstance(record, Goal) else step_moves(record, by)
    if not moves.suggest:
        raise NotAllowed(
            _("Changes can be suggested to a goal or step the peer works on or has paused.")
        )
    if any(name in changes and changes[name] != getattr(record, name) for name in peer_only):
        raise NotAllowed(
            _(
                "The peer's own words, why it matters to them and how ready they feel "
                "are theirs alone."
            )
        )
    suggested = {
        name: value
        for name, value in changes.items()
        if name not in peer_only and value != getattr(record, name)
    }
    if not suggested:
        raise NotAllowed(_("This is the same as now, so there is nothing to suggest."))
    # Checked as the record would be with the change, so the peer is never offered a change
    # that could not be saved.
    trial = copy.copy(record)
    for name, value in suggested.items():
        setattr(trial, name, value)
    trial.full_clean()
    suggestion = _suggest(record, by=by, changes=suggested, at=at)
    audit.record(
        AuditAction.CHANGE, by=by, peer_id=peer.pk, record=record, detail="suggested a change"
    )
    return suggestion


def _answerable_change(suggestion: SuggestedChange, *, by: User) -> SuggestedChange:
    """`suggestion`, locked, once `by` may answer it (the moves say who and when)."""
    _require(by, Action.CHANGE, suggestion.goal.peer)
    fresh = SuggestedChange.objects.select_for_update().get(pk=suggestion.pk)
    if not may_answer(fresh, by):
        if by.pk != fresh.goal.peer_id:
            raise NotAllowed(_("Only the peer can answer a suggested change."))
        raise NotAllowed(_("This suggestion is not waiting for an answer."))
    return fresh


def _take_on(
    record: Versioned,
    values: dict[str, Any],
    wording_field: str,
    wording: str | None,
    by: User,
    reason: str,
    at: datetime.datetime | None,
) -> Versioned:
    """`record` with the suggested `values` saved as a new version, the wording put the peer's
    way when they gave one."""
    if not values:
        return record
    if wording is not None and wording.strip() and wording_field in values:
        values[wording_field] = wording.strip()
    for name, value in values.items():
        setattr(record, name, value)
    if isinstance(record, Goal) and "review_every_days" in values:
        active = record.status == Status.ACTIVE
        record.next_review_on = _next_review(record, _day(at)) if active else None
    record.full_clean()
    return _save_version(record, by=by, reason=reason, at=at)


@transaction.atomic
def accept_change(
    suggestion: SuggestedChange,
    *,
    by: User,
    wording: str | None = None,
    at: datetime.datetime | None = None,
) -> StatusChange[Any]:
    """The peer takes on a suggested change, its wording first put in their own words if they
    like. A review's decision confirmed takes effect now, with the review's win."""
    suggestion = _answerable_change(suggestion, by=by)
    values = suggestion.values()
    status = values.pop("status", None)
    who = {"name": suggestion.suggested_by.display_name}
    reason = _("Suggested by %(name)s, accepted by the peer") % who
    target = suggestion.record
    record: Goal | Step
    if isinstance(target, Goal):
        record = _take_on(_lock(target), values, "smart_wording", wording, by, reason, at)
    else:
        record = _take_on(_lock(target), values, "wording", wording, by, reason, at)
    wins: list[Win | None] = []
    if suggestion.review is not None:
        assert isinstance(record, Goal)
        reason = _("Review on %(day)s recorded by %(name)s, confirmed by the peer") % {
            **who,
            "day": suggestion.review.held_on.isoformat(),
        }
        if status:
            wins.extend(set_goal_status(record, by=by, status=status, reason=reason, at=at).wins)
        else:
            active = record.status == Status.ACTIVE
            record.next_review_on = _next_review(record, _day(at)) if active else None
            _save_version(record, by=by, reason=reason, at=at)
        wins.insert(0, _celebrate(record.peer, WinKind.REVIEW_HELD, goal=record, at=at))
    suggestion.answer = Answer.ACCEPTED
    suggestion.answered_by = by
    suggestion.answered_at = _now(at)
    suggestion.save(update_fields=["answer", "answered_by", "answered_at"])
    return StatusChange(record, [win for win in wins if win])


@transaction.atomic
def decline_change(
    suggestion: SuggestedChange, *, by: User, at: datetime.datetime | None = None
) -> SuggestedChange:
    """The peer says no to a suggested change or a review's decision; the plan stays as it is."""
    suggestion = _answerable_change(suggestion, by=by)
    suggestion.answer = Answer.DECLINED
    suggestion.answered_by = by
    suggestion.answered_at = _now(at)
    suggestion.save(update_fields=["answer", "answered_by", "answered_at"])
    return suggestion


@transaction.atomic
def withdraw_change(
    suggestion: SuggestedChange, *, by: User, at: datetime.datetime | None = None
) -> SuggestedChange:
    """Whoever suggested a change takes it back while it waits; the plan stays as it is, the
    peer no longer sees it, and the goal's history says who withdrew it."""
    peer = suggestion.goal.peer
    _require(by, Action.CHANGE, peer)
    fresh = SuggestedChange.objects.select_for_update().get(pk=suggestion.pk)
    if not may_withdraw(fresh, by):
        raise NotAllowed(
            _("Only whoever suggested it can withdraw it, and only while it waits for an answer.")
        )
    fresh.answer = Answer.WITHDRAWN
    fresh.answered_by = by
    fresh.answered_at = _now(at)
    fresh.save(update_fields=["answer", "answered_by", "answered_at"])
    audit.record(
        AuditAction.CHANGE,
        by=by,
        peer_id=peer.pk,
        record=fresh.record,
        detail="withdrew a suggested change",
    )
    return fresh
