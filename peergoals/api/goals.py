"""Goals, steps and check-ins: each read through `peergoals.access` (audited as the pages
audit it), each write through `peergoals.goals.actions`."""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Status

from peergoals import access
from peergoals.access import Action
from peergoals.api.auth import acting_person, require_write
from peergoals.api.schemas import (
    READ_REFUSALS,
    WRITE_REFUSALS,
    Answer,
    CheckInIn,
    CheckInRecorded,
    GoalChange,
    GoalIn,
    GoalOut,
    Person,
    ReviewHeld,
    ReviewIn,
    ReviewOut,
    StepIn,
    StepOut,
    WinOut,
)
from peergoals.goals import actions, plans
from peergoals.goals.forms import ReviewForm, StepForm
from peergoals.goals.models import Goal, Review, Step
from peergoals.goals.progress import win_message

router = Router(tags=["goals"])

Checked = TypeVar("Checked", bound=forms.Form)


def checked_by_the_page_form(form: Checked) -> Checked:
    """The page's own form, filled from a body the schema accepted: the rules that tie fields
    together (a count needs a number, "done by" not before the start, a target the coach finds
    too big) are stated once, there. What it refuses is a 422, field by field."""
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    return form


def as_form_data(sent: dict[str, object]) -> dict[str, str]:
    """A JSON body as a form would send it: absent is empty, a date in ISO form."""
    data = {}
    for name, value in sent.items():
        if value is None or value is False:
            data[name] = ""
        elif value is True:
            data[name] = "on"
        elif isinstance(value, float):
            data[name] = f"{value:.2f}"
        else:
            data[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return data


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
        amount=None if sent.amount is None else Decimal(f"{sent.amount:.2f}"),
        feeling=sent.feeling,
        note=sent.note,
        share_note=sent.share_note,
    )
    wins = [win_message(win) for win in result.wins]
    return Status(201, {"check_in": result.check_in, "wins": wins})


@router.post(
    "/peers/{peer_id}/goals",
    response={201: GoalOut, **WRITE_REFUSALS},
    summary="A new goal: the peer's own, or a suggestion that waits for the peer",
)
def create_goal(request: HttpRequest, peer_id: int, sent: GoalIn) -> Status[Goal]:
    person = require_write(request)
    peer = access.get_peer_for(person, peer_id, Action.CREATE)
    return Status(201, actions.create_goal(peer, by=person, **sent.model_dump()))


@router.post(
    "/goals/{goal_id}/answer",
    response={200: GoalOut, **WRITE_REFUSALS},
    summary="The peer accepts (maybe reworded) or declines a suggested goal",
)
def answer_goal(request: HttpRequest, goal_id: int, sent: Answer) -> Goal:
    person = require_write(request)
    found = access.get_goal_for(person, goal_id, Action.CHANGE)
    if sent.answer == "decline":
        return actions.decline_goal(found, by=person)
    return actions.accept_goal(found, by=person, own_words=sent.reworded, ready=sent.ready)


@router.post(
    "/goals/{goal_id}/steps",
    response={201: StepOut, **WRITE_REFUSALS},
    summary="A new step: the peer's own, or a suggestion that waits for the peer",
)
def add_step(request: HttpRequest, goal_id: int, sent: StepIn) -> Status[Step]:
    person = require_write(request)
    found = access.get_goal_for(person, goal_id, Action.CREATE)
    form = checked_by_the_page_form(StepForm(as_form_data(sent.model_dump())))
    return Status(201, actions.add_step(found, by=person, **form.step_fields()))


@router.post(
    "/steps/{step_id}/answer",
    response={200: StepOut, **WRITE_REFUSALS},
    summary="The peer accepts (maybe reworded) or declines a suggested step",
)
def answer_step(request: HttpRequest, step_id: int, sent: Answer) -> Step:
    person = require_write(request)
    found = access.get_step_for(person, step_id, Action.CHANGE)
    if sent.answer == "decline":
        return actions.decline_step(found, by=person)
    return actions.accept_step(found, by=person, wording=sent.reworded)


@router.post(
    "/goals/{goal_id}/reviews",
    response={201: ReviewHeld, **WRITE_REFUSALS},
    summary="Look back at a goal; recorded by staff, its decision waits for the peer",
)
def hold_review(request: HttpRequest, goal_id: int, sent: ReviewIn) -> Status[dict[str, object]]:
    person = require_write(request)
    found = access.get_goal_for(person, goal_id, Action.CREATE)
    someone_else = None if person.pk == found.peer_id else found.peer
    form = ReviewForm(as_form_data(sent.model_dump()), peer=someone_else, goal=found)
    held = actions.hold_review(found, by=person, **checked_by_the_page_form(form).review_fields())
    wins = [win_message(win) for win in held.wins]
    answer = {"review": held.review, "wins": wins, "waiting_for_peer": held.pending is not None}
    return Status(201, answer)


@router.patch(
    "/goals/{goal_id}",
    response={200: GoalOut, **WRITE_REFUSALS},
    summary="Change a goal (the peer) from the version last read",
)
def change_goal(request: HttpRequest, goal_id: int, sent: GoalChange) -> Goal:
    person = require_write(request)
    found = access.get_goal_for(person, goal_id, Action.CHANGE)
    changes = sent.model_dump(exclude_unset=True, exclude={"version"}, exclude_none=True)
    return actions.change_goal(found, by=person, version=sent.version, **changes)


@router.get(
    "/goals/{goal_id}/reviews",
    response={200: list[ReviewOut], **READ_REFUSALS},
    summary="A goal's look-backs, newest first",
)
def goal_reviews(request: HttpRequest, goal_id: int) -> list[Review]:
    found = access.get_goal_for(acting_person(request), goal_id)
    return list(plans.reviews_of(found))


@router.get(
    "/peers/{peer_id}/wins",
    response={200: list[WinOut], **READ_REFUSALS},
    summary="A peer's wins, newest first (the latest 200)",
)
def peer_wins(request: HttpRequest, peer_id: int) -> list[dict[str, object]]:
    person = acting_person(request)
    peer = access.get_peer_for(person, peer_id)
    about = None if person.pk == peer.pk else peer.display_name
    return [
        {
            "id": win.pk,
            "kind": win.kind,
            "goal_id": win.goal_id,
            "step_id": win.step_id,
            "created_at": win.created_at,
            "words": win_message(win, about=about),
        }
        for win in plans.wins_of(peer)[:200]
    ]
