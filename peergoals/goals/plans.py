"""A peer's plan as the pages read it: the today page, a peer's page for their supporters, a
goal with its steps. Read-side only, from records the access policy already let through;
each list is loaded in a fixed number of queries however long the plan grows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone, translation

from peergoals.goals.charts import Chart, bar_chart
from peergoals.goals.history import Change, suggested_beside_now
from peergoals.goals.models import (
    NOT_TAKEN_UP,
    Goal,
    Review,
    Status,
    Step,
    SuggestedChange,
    Win,
)
from peergoals.goals.moves import SUGGESTABLE, may_withdraw
from peergoals.goals.progress import goal_series, period_bounds
from peergoals.goals.steps import StepView, load_check_ins, step_view, step_views
from peergoals.help import CrisisLine
from peergoals.outcomes.attainment import attainment_of
from peergoals.people.models import Assignment, User


def wins_of(peer: User) -> QuerySet[Win]:
    """The peer's wins, newest first, with what each was about."""
    return Win.objects.filter(peer=peer).worded().select_related("peer")


@dataclass
class Suggestion:
    """A suggested change as a page shows it: each field now and as suggested, and whether it
    suggests a wording the peer may put their own way when they accept it."""

    change: SuggestedChange
    rows: list[Change]
    rewordable: bool


def _open_changes() -> QuerySet[SuggestedChange]:
    return SuggestedChange.objects.open().select_related("step", "suggested_by", "review")


def suggestions(changes: Iterable[SuggestedChange]) -> list[Suggestion]:
    """Suggestions to show, from open changes to goals the peer works on or paused: those to
    a goal kept as an idea wait unseen until the peer takes it up."""
    return [
        Suggestion(
            change,
            suggested_beside_now(change),
            bool({"smart_wording", "wording"} & set(change.changes)),
        )
        for change in changes
        if change.goal.status in SUGGESTABLE
    ]


def suggestions_of(goal: Goal) -> dict[int | None, Suggestion]:
    """The goal's open suggestions by the step they are to (None: the goal itself)."""
    changes = _open_changes().filter(goal=goal)
    for change in changes:
        change.goal = goal
    return {suggestion.change.step_id: suggestion for suggestion in suggestions(changes)}


def withdrawable_by(person: User, shown: dict[int | None, Suggestion]) -> set[int]:
    """The ids of the suggestions shown that `person` may take back (the ones they made)."""
    return {
        suggestion.change.pk
        for suggestion in shown.values()
        if may_withdraw(suggestion.change, person)
    }


def _week_began(today: datetime.date) -> datetime.date:
    return period_bounds("week", today)[0]


def today_for(peer: User) -> dict[str, Any]:
    """The peer's day: today's steps, answers waiting, what they paused until today or
    earlier (offered, never restarted for them), ideas kept for later, recent wins."""
    today = timezone.localdate()
    # One query brings every step the page may show: those being worked on, suggested, or
    # paused until today or earlier. Each comes with its goal, the one loaded here.
    shown_steps = Step.objects.filter(
        Q(status__in=[Status.ACTIVE, Status.PROPOSED])
        | Q(status=Status.ON_HOLD, resume_on__lte=today)
    )
    goals = list(
        Goal.objects.for_peer(peer)
        .open()
        .with_progress(since=_week_began(today))
        .prefetch_related(
            Prefetch("steps", queryset=shown_steps, to_attr="shown_steps"),
            Prefetch("suggested_changes", queryset=_open_changes(), to_attr="open_changes"),
        )
        .order_by("created_at")
    )
    active = [goal for goal in goals if goal.status == Status.ACTIVE]
    paused = [goal for goal in goals if goal.status == Status.ON_HOLD]
    steps = _in_step_order(
        step for goal in active for step in _steps(goal) if step.status == Status.ACTIVE
    )
    load_check_ins(steps)
    return {
        "steps": step_views(steps),
        "active_goals": active,
        "proposals": [goal for goal in goals if goal.status == Status.PROPOSED],
        "proposed_steps": [
            step
            for goal in goals
            # A goal kept as an idea is left alone: steps suggested for it wait unseen.
            if goal.status not in (Status.PROPOSED, Status.PLANNED)
            for step in _steps(goal)
            if step.status == Status.PROPOSED
        ],
        "suggestions": suggestions(
            change
            for goal in goals
            for change in goal.open_changes  # type: ignore[attr-defined]
        ),
        "ideas": [goal for goal in goals if goal.status == Status.PLANNED],
        "paused": paused,
        # The day the peer planned to pick these back up has come: a gentle offer, no more.
        # A step is offered only under a goal being worked on; a paused goal comes first.
        "goals_to_pick_up": [goal for goal in paused if goal.is_due_to_resume(today)],
        "steps_to_pick_up": [
            step for goal in active for step in _steps(goal) if step.status == Status.ON_HOLD
        ],
        "wins": wins_of(peer)[:5],
        "attainment": attainment_of(peer),
    }


def _steps(goal: Goal) -> list[Step]:
    return goal.shown_steps  # type: ignore[attr-defined]


def _in_step_order(steps: Iterable[Step]) -> list[Step]:
    """Steps in Step's own order (newest goal first, then the goal's order), as a query
    ordered by it would give them."""
    in_goal_order = sorted(steps, key=lambda step: (step.position, step.pk))
    return sorted(in_goal_order, key=lambda step: step.goal.created_at, reverse=True)


def past_goals_of(peer: User) -> dict[str, list[Goal]]:
    """The goals the peer reached ("done") and let go ("let_go"), the most recent first."""
    past = Goal.objects.for_peer(peer).filter(status__in=[Status.COMPLETED, Status.CANCELLED])
    goals = list(past.order_by("-updated_at", "-id"))
    return {
        "done": [goal for goal in goals if goal.status == Status.COMPLETED],
        "let_go": [goal for goal in goals if goal.status == Status.CANCELLED],
    }


def plan_of(person: User) -> dict[str, Any]:
    """A peer's goals with their steps, reviews and wins, as their supporters see them."""
    steps = Step.objects.exclude(status__in=NOT_TAKEN_UP).select_related("goal")
    today = timezone.localdate()
    goals = list(
        Goal.objects.for_peer(person)
        .exclude(status__in=NOT_TAKEN_UP)
        .with_progress(since=_week_began(today))
        .prefetch_related(Prefetch("steps", queryset=steps, to_attr="step_list"))
        .order_by("created_at")
    )
    load_check_ins(step for goal in goals for step in goal.step_list)  # type: ignore[attr-defined]
    return {
        "goals": [
            (goal, [step_view(step, today) for step in goal.step_list])  # type: ignore[attr-defined]
            for goal in goals
        ],
        "reviews": Review.objects.filter(goal__peer=person).select_related("goal")[:10],
        "wins": wins_of(person)[:5],
        "attainment": attainment_of(person, about=True),
    }


def steps_of(goal: Goal) -> tuple[list[StepView], Chart | None]:
    """A goal's steps as cards, and the goal's chart (None before any check-in)."""
    hidden = list(NOT_TAKEN_UP)
    if goal.status == Status.PLANNED:
        # A goal kept as an idea is left alone: steps suggested for it wait unseen.
        hidden.append(Status.PROPOSED)
    steps = list(goal.steps.exclude(status__in=hidden).select_related("goal"))
    load_check_ins(steps)
    views = step_views(steps)
    every_entry = [entry for view in views for entry in view.entries]
    chart = bar_chart(goal_series(every_entry, timezone.localdate())) if every_entry else None
    return views, chart


# Look-backs the goal page shows; the older ones load when the person asks for them.
RECENT_REVIEWS = 3


def reviews_of(goal: Goal) -> QuerySet[Review]:
    """The goal's reviews, newest first, with who recorded each and who took part."""
    return goal.reviews.select_related("recorded_by").prefetch_related("participants")


def open_steps(goal: Goal, limit: int) -> list[Step]:
    """Up to `limit` of the goal's steps being worked on or paused: what a review may change."""
    return list(goal.steps.filter(status__in=[Status.ACTIVE, Status.ON_HOLD])[:limit])


def steps_being_planned(goal: Goal) -> list[Step]:
    """The goal's steps while it is broken down: all but those declined, withdrawn or let go."""
    return list(goal.steps.exclude(status__in=[*NOT_TAKEN_UP, Status.CANCELLED]))


# The printable plan ---------------------------------------------------------------------------

# On paper: the goals being worked on and those paused, each with the steps the peer took on
# and has not let go.
PRINTED_GOALS = (Status.ACTIVE, Status.ON_HOLD)
PRINTED_STEPS = (Status.PLANNED, Status.ACTIVE, Status.ON_HOLD, Status.COMPLETED)


@dataclass
class Supports:
    """Who the peer can turn to, printed at the foot of their plan."""

    specialist: User | None
    program_name: str
    program_phone: str
    program_email: str
    program_hours: str
    crisis_lines: tuple[CrisisLine, ...]
    emergency_number: str


@dataclass
class PrintablePlan:
    """A peer's plan as it goes on paper: the goals in their own words, the clear wording, why
    each matters, strengths, the steps with their targets and dates, the next look back, and
    the people and lines that support them. Printed in the peer's language (`language`)."""

    peer: User
    language: str
    made_on: datetime.date
    goals: list[tuple[Goal, list[Step]]]
    ideas: list[Goal]
    supports: Supports


def supports_of(peer: User) -> Supports:
    """The peer's current peer specialist, the program's contact and the crisis lines."""
    assignment = Assignment.objects.current().filter(peer=peer).select_related("specialist").first()
    return Supports(
        specialist=assignment.specialist if assignment else None,
        program_name=str(settings.PEERGOALS_PROGRAM_NAME),
        program_phone=str(settings.PEERGOALS_PROGRAM_PHONE),
        program_email=str(settings.PEERGOALS_PROGRAM_EMAIL),
        program_hours=str(settings.PEERGOALS_PROGRAM_HOURS),
        crisis_lines=tuple(settings.PEERGOALS_CRISIS_LINES),
        emergency_number=str(settings.PEERGOALS_EMERGENCY_NUMBER),
    )


def printable_plan_of(peer: User) -> PrintablePlan:
    """The peer's plan for paper, from a peer the access policy already handed out. Three
    queries, however long the plan: goals with their steps, and the supports."""
    steps = Step.objects.filter(status__in=PRINTED_STEPS).order_by("position", "id")
    goals = list(
        Goal.objects.for_peer(peer)
        .filter(status__in=[*PRINTED_GOALS, Status.PLANNED])
        .prefetch_related(Prefetch("steps", queryset=steps, to_attr="printed_steps"))
        .order_by("created_at", "id")
    )
    return PrintablePlan(
        peer=peer,
        # A peer who never chose a language reads it in the one they are reading in now.
        language=peer.language or translation.get_language() or settings.LANGUAGE_CODE,
        made_on=timezone.localdate(),
        goals=[
            (goal, goal.printed_steps)  # type: ignore[attr-defined]
            for goal in goals
            if goal.status in PRINTED_GOALS
        ],
        ideas=[goal for goal in goals if goal.status == Status.PLANNED],
        supports=supports_of(peer),
    )


def goals_of(peer: User) -> QuerySet[Goal]:
    """Every goal of the peer, oldest first, but those withdrawn by whoever suggested them."""
    return Goal.objects.for_peer(peer).exclude(status=Status.WITHDRAWN).order_by("created_at")


def steps_listed(goal: Goal) -> QuerySet[Step]:
    """The goal's steps in the peer's order, but those withdrawn by whoever suggested them."""
    return goal.steps.exclude(status=Status.WITHDRAWN).order_by("position", "id")
