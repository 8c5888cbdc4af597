"""Reviews: looking back at a goal, its decision taking effect only with the peer's yes."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from peergoals import audit
from peergoals.access import Action
from peergoals.audit.models import AuditAction
from peergoals.errors import NotAllowed
from peergoals.goals.actions.changes import _suggest
from peergoals.goals.actions.common import (
    _celebrate,
    _day,
    _lock,
    _next_review,
    _now,
    _require,
    _save_version,
)
from peergoals.goals.models import (
    Decision,
    Goal,
    Review,
    Status,
    SuggestedChange,
    Win,
    WinKind,
)
from peergoals.goals.moves import (
    goal_moves,
)
from peergoals.people.models import User


@dataclass
class ReviewResult:
    """A review, the wins it brought, and, when someone other than the peer recorded it, its
    decision waiting for the peer to confirm it."""

    review: Review
    wins: list[Win] = field(default_factory=list)
    pending: SuggestedChange | None = None


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
    if new_status != Status.ON_HOLD:
        # The pause is over: its reason and date stay in the versions only.
        goal.pause_reason, goal.resume_on = "", None
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
