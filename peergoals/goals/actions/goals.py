"""A goal written, proposed, answered, changed and moved between statuses."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from peergoals import audit
from peergoals.access import Action
from peergoals.audit.models import AuditAction
from peergoals.errors import NotAllowed
from peergoals.goals.actions.common import (
    GOAL_FIELDS_ANYONE,
    StatusChange,
    _allow_move,
    _answerable,
    _audited_status,
    _celebrate,
    _day,
    _is_peer,
    _lock,
    _merged,
    _next_review,
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
    Win,
    WinKind,
)
from peergoals.goals.moves import (
    GOAL_MOVES,
    goal_moves,
)
from peergoals.people.models import User

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
def withdraw_goal(goal: Goal, *, by: User, at: datetime.datetime | None = None) -> Goal:
    """Whoever suggested a goal takes it back before the peer answers; the peer no longer sees
    it waiting, and its history says who withdrew it."""
    return _withdrawn(goal, goal.peer, by=by, at=at)


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
    """Change a goal's details; the old version is kept. `version` is the one the change was
    made from: what others saved since is merged with it, never undone.

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
    goal: Goal,
    *,
    by: User,
    status: str,
    reason: str = "",
    pause_reason: str = "",
    resume_on: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> StatusChange[Goal]:
    """Start, pause, finish or let go of a goal, and the wins it brings (a goal reached).

    Only the peer makes a goal active. A pause may say why and when the peer thinks they will
    pick it back up (`pause_reason`, `resume_on`: today or later, within a year).
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
    _pause_details(goal, status, pause_reason, resume_on, at)
    goal.next_review_on = _next_review(goal, _day(at)) if status == Status.ACTIVE else None
    _audited_status(goal, goal.peer, by=by, status=status, reason=reason, at=at)
    wins: list[Win | None] = []
    if status == Status.COMPLETED:
        wins.append(_celebrate(goal.peer, WinKind.GOAL_COMPLETED, goal=goal, at=at))
    return StatusChange(goal, [win for win in wins if win])
