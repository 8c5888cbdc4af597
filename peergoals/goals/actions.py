"""Every write to goals, steps, check-ins and reviews. Web pages, commands and the API call these.

Each action takes the acting person as `by`, checks the access policy (whose records) and the
rules of the practice (what may be done), writes in one transaction, keeps a version of every
change to a goal or step with who and why, and records the wins that happen along the way.
A create or change by anyone other than the peer also writes one audit entry, in the same
transaction, so a change that is rolled back leaves no entry behind.
"""

from __future__ import annotations

import copy
import datetime
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peergoals import access, audit
from peergoals.access import Action
from peergoals.audit.models import AuditAction
from peergoals.errors import Conflict, NotAllowed, NotFound
from peergoals.goals.history import saved_since, values_at
from peergoals.goals.merge import merge
from peergoals.goals.models import (
    Answer,
    CheckIn,
    Decision,
    ExpressedBy,
    Goal,
    Outcome,
    Review,
    Status,
    Step,
    SuggestedChange,
    TargetKind,
    Win,
    WinKind,
)
from peergoals.goals.moves import (
    GOAL_MOVES,
    STEP_MOVES,
    Moves,
    goal_moves,
    may_answer,
    step_moves,
)
from peergoals.goals.progress import STREAK_MILESTONES, step_progress, streak_days
from peergoals.people.models import User

# Fields change_goal / change_step may change, and suggest_change suggest; Goal.PEER_ONLY_FIELDS
# the peer alone changes, and no one suggests.
GOAL_FIELDS_ANYONE = {
    "smart_wording",
    "life_area",
    "strengths",
    "review_every_days",
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
class CheckInResult:
    check_in: CheckIn
    wins: list[Win] = field(default_factory=list)


@dataclass
class ReviewResult:
    """A review, the wins it brought, and, when someone other than the peer recorded it, its
    decision waiting for the peer to confirm it."""

    review: Review
    wins: list[Win] = field(default_factory=list)
    pending: SuggestedChange | None = None


@dataclass
class StatusChange(Generic[Versioned]):
    """A goal or step after a status change, and the wins the change brought."""

    record: Versioned
    wins: list[Win] = field(default_factory=list)


def _require(by: User, action: Action, peer: User) -> None:
    # Views already fetched the record through the policy; this keeps commands and the API
    # honest too, and answers like a missing record would.
    if not access.may(by, action, peer):
        raise NotFound("No such record.")


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


# Goals ---------------------------------------------------------------------------------------


@transaction.atomic
def create_goal(
    peer: User,
    *,
    by: User,
    own_words: str,
    life_area: str,
    smart_wording: str = "",
    looks_like: str = "",
    exploration: Sequence[Mapping[str, str]] = (),
    why_it_matters: str = "",
    strengths: str = "",
    importance: int | None = None,
    confidence: int | None = None,
    ready: bool = True,
    together: bool = False,
    review_every_days: int = 14,
    at: datetime.datetime | None = None,
) -> Goal:
    """A new goal. The peer's own goal starts active (or as an idea when they are not ready
    yet); a specialist's goal is a proposal that waits for the peer's answer."""
    _require(by, Action.CREATE, peer)
    own_words = own_words.strip()
    if not own_words:
        raise NotAllowed(_("Please say the goal in your own words."))
    by_peer = _is_peer(by, peer)
    if by_peer:
        status = Status.ACTIVE if ready else Status.PLANNED
        expressed_by = ExpressedBy.TOGETHER if together else ExpressedBy.PEER
    else:
        status = Status.PROPOSED
        expressed_by = ExpressedBy.TOGETHER if together else ExpressedBy.SPECIALIST
        # Readiness and why it matters are the peer's own: asked, never assumed.
        importance = confidence = None
        why_it_matters = ""
    goal = Goal(
        peer=peer,
        own_words=own_words,
        smart_wording=smart_wording.strip(),
        looks_like=looks_like.strip() if by_peer else "",
        exploration=[dict(answer) for answer in exploration] if by_peer else [],
        life_area=life_area,
        why_it_matters=why_it_matters.strip(),
        strengths=strengths.strip(),
        importance=importance,
        confidence=confidence,
        expressed_by=expressed_by,
        status=status,
        review_every_days=review_every_days,
        created_by=by,
        created_at=_now(at),
        updated_at=_now(at),
    )
    goal.next_review_on = _next_review(goal, _day(at)) if status == Status.ACTIVE else None
    reason = _("Goal proposed") if status == Status.PROPOSED else _("Goal created")
    _stamp(goal, by=by, reason=reason, at=at)
    goal.full_clean()
    goal.save()
    audit.record_change(AuditAction.CREATE, by=by, peer=peer, target=goal)
    return goal


@transaction.atomic
def accept_goal(
    goal: Goal,
    *,
    by: User,
    own_words: str | None = None,
    ready: bool = True,
    at: datetime.datetime | None = None,
) -> Goal:
    """The peer makes a proposed goal theirs, in their own words if they reword it."""
    goal = _answerable(
        goal,
        goal.peer,
        by=by,
        not_peer=_("Only the peer can accept a goal. It stays suggested until they do."),
        not_waiting=_("This goal is not waiting for an answer."),
    )
    if own_words is not None and own_words.strip():
        goal.own_words = own_words.strip()
    goal.status = Status.ACTIVE if ready else Status.PLANNED
    goal.next_review_on = _next_review(goal, _day(at)) if ready else None
    goal.full_clean()
    return _save_version(goal, by=by, reason=_("Accepted by the peer"), at=at)


@transaction.atomic
def decline_goal(goal: Goal, *, by: User, at: datetime.datetime | None = None) -> Goal:
    """The peer says no to a proposed goal. No reason is needed."""
    goal = _answerable(
        goal,
        goal.peer,
        by=by,
        not_peer=_("Only the peer can answer a suggested goal."),
        not_waiting=_("This goal is not waiting for an answer."),
    )
    goal.status = Status.REJECTED
    goal.next_review_on = None
    return _save_version(goal, by=by, reason=_("Declined by the peer"), at=at)


@transaction.atomic
def change_goal(
    goal: Goal,
    *,
    by: User,
    version: int | None,
    reason: str = "",
    at: datetime.datetime | None = None,
    **changes: Any,
) -> Goal:
    """Change a goal's details; the old version is kept. Refused if it changed meanwhile.

    Only the peer changes their goal; others suggest a change (suggest_change), except to a
    goal they suggested that still waits for the peer's answer.
    """
    _require(by, Action.CHANGE, goal.peer)
    unknown = set(changes) - GOAL_FIELDS_ANYONE - Goal.PEER_ONLY_FIELDS
    if unknown:
        raise ValueError(f"change_goal cannot change {sorted(unknown)}")
    goal, changes = _merged(goal, version, _stripped(changes))
    if not goal_moves(goal, by).edit:
        raise NotAllowed(_("Only the peer can change their goal. You can suggest a change."))
    if not _is_peer(by, goal.peer):
        for name in Goal.PEER_ONLY_FIELDS & set(changes):
            if changes[name] != getattr(goal, name):
                raise NotAllowed(
                    _("Only the peer can change their own words and how ready they feel.")
                )
    if not changes:
        # Everything sent was already saved (by someone else, meanwhile): no new version.
        return goal
    for name, value in changes.items():
        setattr(goal, name, value)
    if "review_every_days" in changes and goal.status == Status.ACTIVE:
        goal.next_review_on = _next_review(goal, _day(at))
    goal.full_clean()
    audit.record_change(AuditAction.CHANGE, by=by, peer=goal.peer, target=goal)
    return _save_version(goal, by=by, reason=reason or _("Goal changed"), at=at)


@transaction.atomic
def set_goal_status(
    goal: Goal, *, by: User, status: str, reason: str = "", at: datetime.datetime | None = None
) -> StatusChange[Goal]:
    """Start, pause, finish or let go of a goal, and the wins it brings (a goal reached).

    Only the peer makes a goal active.
    """
    _require(by, Action.CHANGE, goal.peer)
    goal = _lock(goal)
    _allow_move(
        goal,
        goal_moves(goal, by),
        GOAL_MOVES,
        status,
        cannot=_("A goal that is “%(now)s” cannot become “%(then)s”."),
        only_peer=_("Only the peer can decide to work on a goal."),
    )
    goal.next_review_on = _next_review(goal, _day(at)) if status == Status.ACTIVE else None
    _audited_status(goal, goal.peer, by=by, status=status, reason=reason, at=at)
    wins: list[Win | None] = []
    if status == Status.COMPLETED:
        wins.append(_celebrate(goal.peer, WinKind.GOAL_COMPLETED, goal=goal, at=at))
    return StatusChange(goal, [win for win in wins if win])


# Steps ---------------------------------------------------------------------------------------


def _clean_target(fields: dict[str, Any]) -> None:
    if fields.get("target_kind") == TargetKind.ONCE:
        fields["target_quantity"] = None
        fields["target_per"] = ""


@transaction.atomic
def add_step(
    goal: Goal,
    *,
    by: User,
    wording: str,
    target_kind: str = TargetKind.ONCE,
    target_quantity: Decimal | int | None = None,
    target_unit: str = "",
    target_per: str = "",
    starts_on: datetime.date | None = None,
    due_on: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> Step:
    """A short-term step under a goal. A specialist's step waits for the peer to accept it."""
    _require(by, Action.CREATE, goal.peer)
    if not goal_moves(goal, by).add_step:
        if goal.status == Status.PLANNED:
            raise NotAllowed(
                _(
                    "This goal is kept as an idea for now. "
                    "It is left alone until the peer takes it up."
                )
            )
        raise NotAllowed(_("This goal is closed. Start it again before adding steps."))
    if not wording.strip():
        raise NotAllowed(_("Please describe the step."))
    fields: dict[str, Any] = {
        "target_kind": target_kind,
        "target_quantity": target_quantity,
        "target_per": target_per,
    }
    _clean_target(fields)
    last = goal.steps.aggregate(last=models.Max("position"))["last"]
    by_peer = _is_peer(by, goal.peer)
    step = Step(
        goal=goal,
        wording=wording.strip(),
        target_unit=target_unit.strip(),
        starts_on=starts_on or _day(at),
        due_on=due_on,
        position=(last or 0) + 1,
        status=Status.ACTIVE if by_peer else Status.PROPOSED,
        expressed_by=ExpressedBy.PEER if by_peer else ExpressedBy.SPECIALIST,
        created_by=by,
        created_at=_now(at),
        updated_at=_now(at),
        **fields,
    )
    _stamp(step, by=by, reason=_("Step added") if by_peer else _("Step proposed"), at=at)
    step.full_clean()
    step.save()
    audit.record_change(AuditAction.CREATE, by=by, peer=goal.peer, target=step)
    return step


@transaction.atomic
def accept_step(
    step: Step, *, by: User, wording: str | None = None, at: datetime.datetime | None = None
) -> Step:
    """The peer takes on a proposed step, reworded first if they like."""
    step = _answerable(
        step,
        step.goal.peer,
        by=by,
        not_peer=_("Only the peer can accept a step. It stays suggested until they do."),
        not_waiting=_("This step is not waiting for an answer."),
    )
    if wording is not None and wording.strip():
        step.wording = wording.strip()
    step.status = Status.ACTIVE
    step.full_clean()
    return _save_version(step, by=by, reason=_("Accepted by the peer"), at=at)


@transaction.atomic
def decline_step(step: Step, *, by: User, at: datetime.datetime | None = None) -> Step:
    """The peer says no to a proposed step. No reason is needed."""
    step = _answerable(
        step,
        step.goal.peer,
        by=by,
        not_peer=_("Only the peer can answer a suggested step."),
        not_waiting=_("This step is not waiting for an answer."),
    )
    step.status = Status.REJECTED
    return _save_version(step, by=by, reason=_("Declined by the peer"), at=at)


@transaction.atomic
def change_step(
    step: Step,
    *,
    by: User,
    version: int | None,
    reason: str = "",
    at: datetime.datetime | None = None,
    **changes: Any,
) -> Step:
    """Change a step (often at a review), keeping the old version; refused if changed meanwhile.

    Only the peer changes their step; others suggest a change (suggest_change), except to a
    step they suggested that still waits for the peer's answer.
    """
    _require(by, Action.CHANGE, step.goal.peer)
    unknown = set(changes) - STEP_FIELDS
    if unknown:
        raise ValueError(f"change_step cannot change {sorted(unknown)}")
    changes = _stripped(changes)
    _clean_target(changes)
    step, changes = _merged(step, version, changes)
    if not step_moves(step, by).edit:
        raise NotAllowed(_("Only the peer can change their step. You can suggest a change."))
    if not changes:
        return step
    for name, value in changes.items():
        setattr(step, name, value)
    step.full_clean()
    audit.record_change(AuditAction.CHANGE, by=by, peer=step.goal.peer, target=step)
    return _save_version(step, by=by, reason=reason or _("Step changed"), at=at)


@transaction.atomic
def set_step_status(
    step: Step, *, by: User, status: str, reason: str = "", at: datetime.datetime | None = None
) -> StatusChange[Step]:
    """Pause, finish, drop or restart a step, and the wins it brings (a step done).

    Only the peer makes a step active.
    """
    _require(by, Action.CHANGE, step.goal.peer)
    step = _lock(step)
    _allow_move(
        step,
        step_moves(step, by),
        STEP_MOVES,
        status,
        cannot=_("A step that is “%(now)s” cannot become “%(then)s”."),
        only_peer=_("Only the peer can decide to work on a step."),
    )
    step.completed_at = _now(at) if status == Status.COMPLETED else None
    _audited_status(step, step.goal.peer, by=by, status=status, reason=reason, at=at)
    wins = _celebrate_step_done(step, at) if status == Status.COMPLETED else []
    return StatusChange(step, wins)


# Suggested changes ---------------------------------------------------------------------------


def _peer_of(record: Goal | Step) -> User:
    return record.peer if isinstance(record, Goal) else record.goal.peer


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
    A newer suggestion replaces the one waiting. Refused if the record changed meanwhile."""
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
def move_step(step: Step, *, by: User, offset: int) -> Step:
    """Move a step up (negative offset) or down the goal's list."""
    _require(by, Action.CHANGE, step.goal.peer)
    siblings = list(step.goal.steps.select_for_update().order_by("position", "id"))
    index = next(i for i, s in enumerate(siblings) if s.id == step.id)
    target = max(0, min(len(siblings) - 1, index + offset))
    siblings.insert(target, siblings.pop(index))
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])
    audit.record_change(AuditAction.CHANGE, by=by, peer=step.goal.peer, target=step)
    return siblings[target]


def _celebrate_step_done(step: Step, at: datetime.datetime | None) -> list[Win]:
    peer = step.goal.peer
    wins = [
        _celebrate(peer, WinKind.FIRST_STEP_DONE, goal=step.goal, step=step, at=at),
        _celebrate(peer, WinKind.STEP_COMPLETED, goal=step.goal, step=step, at=at),
    ]
    return [win for win in wins if win]


# Check-ins -----------------------------------------------------------------------------------


def record_check_in(
    step: Step,
    *,
    by: User,
    outcome: str,
    for_date: datetime.date | None = None,
    amount: Decimal | None = None,
    feeling: str = "",
    note: str = "",
    share_note: bool = False,
    at: datetime.datetime | None = None,
) -> CheckInResult:
    """Progress on a step for a day, and the wins it brings (first check-in, streaks, done).

    `at` is when it is recorded (now, unless replayed); `for_date` the day it is about, that
    day or an earlier one. The note is the peer's own unless `share_note`: then their
    specialist reads it too.
    """
    peer = step.goal.peer
    _require(by, Action.CREATE, peer)
    today = _day(at)
    for_date = for_date or today
    if not step.takes_check_ins:
        raise NotAllowed(_("This step is not active right now, so there is nothing to check in."))
    if for_date > today:
        raise NotAllowed(_("You can check in for today or an earlier day, not a future day."))
    if outcome not in Outcome.values:
        raise NotAllowed(_("Please choose done, not today, or skip."))
    check_in = CheckIn(
        step=step,
        peer=peer,
        for_date=for_date,
        outcome=outcome,
        amount=amount,
        feeling=feeling,
        note=note.strip(),
        note_shared=share_note,
        recorded_by=by,
        recorded_at=_now(at),
        target_kind=step.target_kind,
        target_quantity=step.target_quantity,
        target_unit=step.target_unit,
        target_per=step.target_per,
    )
    # The entry's own values, checked before the write lock is taken: the step and the people
    # are rows just read, and the database holds "one correction per entry" (caught below).
    check_in.full_clean(
        exclude=["step", "peer", "recorded_by", "supersedes"], validate_unique=False
    )
    first_ever = not CheckIn.objects.filter(peer=peer).exists()
    with transaction.atomic():
        # One entry counts per step and day: a second tap on the same day replaces the first
        # (kept, as a correction would keep it), so "Done" tapped twice counts once.
        check_in.supersedes = (
            CheckIn.objects.select_for_update(of=("self",))
            .current()
            .filter(step=step, for_date=for_date)
            .order_by("-recorded_at", "-id")
            .first()
        )
        try:
            with transaction.atomic():
                check_in.save()
        except IntegrityError:
            # Two taps at the same moment both tried to replace the same entry.
            raise Conflict(_("This was just saved from another tap. Please look again.")) from None
        audit.record_change(AuditAction.CREATE, by=by, peer=peer, target=check_in)
        wins: list[Win | None] = []
        if first_ever:
            wins.append(_celebrate(peer, WinKind.FIRST_CHECK_IN, goal=step.goal, step=step, at=at))
        if outcome == Outcome.DONE:
            wins.extend(_wins_after_progress(step, today, at))
    return CheckInResult(check_in, [win for win in wins if win])


def _wins_after_progress(
    step: Step, today: datetime.date, at: datetime.datetime | None
) -> Iterable[Win]:
    entries = list(step.check_ins.current())
    streak = streak_days(entries, today)
    if streak in STREAK_MILESTONES:
        win = _celebrate(
            step.goal.peer, WinKind.STREAK, goal=step.goal, step=step, streak_days=streak, at=at
        )
        if win:
            yield win
    # A step asked for once, or for a total by a date, is done when the total is reached;
    # a repeating step ("3 times a week") goes on until the peer says it is done.
    if not step.target_per and step_progress(step, entries, today).is_met:
        step.status = Status.COMPLETED
        step.completed_at = _now(at)
        _save_version(step, by=step.goal.peer, reason=_("Done"), at=at)
        yield from _celebrate_step_done(step, at)


# Reviews -------------------------------------------------------------------------------------

DECISION_STATUS = {
    Decision.PAUSE: Status.ON_HOLD,
    Decision.COMPLETE: Status.COMPLETED,
    Decision.LET_GO: Status.CANCELLED,
}


@transaction.atomic
def hold_review(
    goal: Goal,
    *,
    by: User,
    decision: str,
    participants: Iterable[User] | None = None,
    held_on: datetime.date | None = None,
    whats_working: str = "",
    whats_not_working: str = "",
    feeling: str = "",
    wins: str = "",
    lessons: str = "",
    attainment: int | None = None,
    submission: uuid.UUID | None = None,
    at: datetime.datetime | None = None,
) -> ReviewResult:
    """Record a review, apply its decision (keep, adjust, pause, complete or let go), and
    return it with the wins it brings.

    `submission` is the review form's one-time key: the same form sent again (Back then Save,
    a retry) returns the review it already made, with no new win and nothing applied twice.

    Who took part: the person recording it and `participants`; when `participants` is not
    given, the peer is taken to have been there. The next review is set from the goal's
    cadence; a paused, finished or released goal has none, so nothing nags about it.

    Recorded by anyone but the peer, together or not, the review keeps its notes and its
    decision waits for the peer to confirm it in their own session (accept_change): only then
    does the goal change and the review's win come.
    """
    _require(by, Action.CREATE, goal.peer)
    goal = _lock(goal)
    if submission is not None:
        already = Review.objects.filter(goal=goal, submission=submission).first()
        if already is not None:
            return ReviewResult(already, [])
    if not goal.is_reviewable:
        raise NotAllowed(_("Only a goal you are working on, or have paused, can be reviewed."))
    if decision not in Decision.values:
        raise NotAllowed(_("Please choose what happens next with this goal."))
    held_on = held_on or _day(at)
    review = Review(
        goal=goal,
        held_on=held_on,
        recorded_by=by,
        whats_working=whats_working.strip(),
        whats_not_working=whats_not_working.strip(),
        feeling=feeling,
        decision=decision,
        wins=wins.strip(),
        lessons=lessons.strip(),
        attainment=attainment,
        submission=submission,
        created_at=_now(at),
    )
    review.full_clean()
    review.save()
    review.participants.set({by, *([goal.peer] if participants is None else participants)})
    audit.record_change(AuditAction.CREATE, by=by, peer=goal.peer, target=review)
    if not goal_moves(goal, by).edit:
        decided = DECISION_STATUS.get(Decision(decision))
        changes = {"status": decided} if decided and decided != goal.status else {}
        return ReviewResult(
            review, pending=_suggest(goal, by=by, changes=changes, review=review, at=at)
        )
    new_status = DECISION_STATUS.get(Decision(decision), goal.status)
    goal.status = new_status
    goal.next_review_on = _next_review(goal, held_on) if new_status == Status.ACTIVE else None
    _save_version(
        goal,
        by=by,
        reason=_("Review on %(day)s: %(decision)s")
        % {"day": held_on.isoformat(), "decision": Decision(decision).label},
        at=at,
    )
    celebrated = [_celebrate(goal.peer, WinKind.REVIEW_HELD, goal=goal, at=at)]
    if new_status == Status.COMPLETED:
        celebrated.append(_celebrate(goal.peer, WinKind.GOAL_COMPLETED, goal=goal, at=at))
    return ReviewResult(review, [win for win in celebrated if win])
