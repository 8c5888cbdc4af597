"""A step added, proposed, answered, changed, moved between statuses and reordered."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from peergoals import audit
from peergoals.access import Action
from peergoals.audit.models import AuditAction
from peergoals.errors import NotAllowed
from peergoals.goals.actions.common import (
    STEP_FIELDS,
    StatusChange,
    _allow_move,
    _answerable,
    _audited_status,
    _celebrate_step_done,
    _clean_target,
    _day,
    _is_peer,
    _lock,
    _merged,
    _now,
    _pause_details,
    _require,
    _save_version,
    _stamp,
    _stripped,
    _withdrawn,
)
from peergoals.goals.models import (
    ExpressedBy,
    Goal,
    Status,
    Step,
    TargetKind,
)
from peergoals.goals.moves import (
    STEP_MOVES,
    goal_moves,
    step_moves,
)
from peergoals.people.models import User


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
def withdraw_step(step: Step, *, by: User, at: datetime.datetime | None = None) -> Step:
    """Whoever suggested a step takes it back before the peer answers it (as for a goal)."""
    return _withdrawn(step, step.goal.peer, by=by, at=at)


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
    """Change a step (often at a review), keeping the old version; `version` is the one the
    change was made from, and what others saved since is merged with it, never undone.

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
    step: Step,
    *,
    by: User,
    status: str,
    reason: str = "",
    pause_reason: str = "",
    resume_on: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> StatusChange[Step]:
    """Pause, finish, drop or restart a step, and the wins it brings (a step done).

    Only the peer makes a step active. A pause may say why and until when, as for a goal.
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
    _pause_details(step, status, pause_reason, resume_on, at)
    step.completed_at = _now(at) if status == Status.COMPLETED else None
    _audited_status(step, step.goal.peer, by=by, status=status, reason=reason, at=at)
    wins = _celebrate_step_done(step, at) if status == Status.COMPLETED else []
    return StatusChange(step, wins)


@transaction.atomic
def move_step(step: Step, *, by: User, offset: int) -> Step:
    """Move a step up (negative offset) or down the goal's list. The order is the peer's."""
    _require(by, Action.CHANGE, step.goal.peer)
    if not goal_moves(step.goal, by).reorder_steps:
        if _is_peer(by, step.goal.peer):
            raise NotAllowed(_("This goal is closed, so its steps stay in their order."))
        raise NotAllowed(
            _("The order of the steps is %(name)s's to choose.")
            % {"name": step.goal.peer.display_name}
        )
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
