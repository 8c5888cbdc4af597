"""Goals, steps and check-ins: each read through `peergoals.access` (audited as the pages
audit it), each write through `peergoals.goals.actions`."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from peergoals import access
from peergoals.access import Action
from peergoals.api.auth import acting_person, require_write
from peergoals.api.schemas import (
    READ_REFUSALS,
    WRITE_REFUSALS,
    CheckInIn,
    CheckInRecorded,
    GoalOut,
    Person,
    StepOut,
)
from peergoals.goals import actions, plans
from peergoals.goals.models import Goal, Step
from peergoals.goals.progress import win_message

router = Router(tags=["goals"])


@router.get("/me", response={200: Person, **READ_REFUSALS}, summary="Who the request acts as")
def me(request: HttpRequest) -> Person:
    person = acting_person(request)
    return Person(
        id=person.pk,
        username=person.username,
        display_name=person.display_name,
        role=person.role,
    )


@router.get(
    "/peers/{peer_id}/goals",
    response={200: list[GoalOut], **READ_REFUSALS},
    summary="A peer's goals",
)
def peer_goals(request: HttpRequest, peer_id: int) -> list[Goal]:
    peer = access.get_peer_for(acting_person(request), peer_id)
    return list(plans.goals_of(peer))


@router.get("/goals/{goal_id}", response={200: GoalOut, **READ_REFUSALS}, summary="One goal")
def goal(request: HttpRequest, goal_id: int) -> Goal:
    return access.get_goal_for(acting_person(request), goal_id)


@router.get(
    "/goals/{goal_id}/steps",
    response={200: list[StepOut], **READ_REFUSALS},
    summary="A goal's steps",
)
def goal_steps(request: HttpRequest, goal_id: int) -> list[Step]:
    found = access.get_goal_for(acting_person(request), goal_id)
    return list(plans.steps_listed(found))


@router.post(
    "/steps/{step_id}/check-ins",
    response={201: CheckInRecorded, **WRITE_REFUSALS},
    summary="Check in on a step",
)
def check_in(request: HttpRequest, step_id: int, sent: CheckInIn) -> Status[dict[str, object]]:
    person = require_write(request)
    step = access.get_step_for(person, step_id, Action.CREATE)
    result = actions.record_check_in(
        step,
        by=person,
        outcome=sent.outcome,
        for_date=sent.for_date,
        amount=sent.amount,
        feeling=sent.feeling,
        note=sent.note,
        share_note=sent.share_note,
    )
    wins = [win_message(win) for win in result.wins]
    return Status(201, {"check_in": result.check_in, "wins": wins})
