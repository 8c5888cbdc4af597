"""What each person may do next with a goal or a step: the table the buttons are drawn from,
and the actions refusing exactly what it leaves out."""

from __future__ import annotations

import pytest

from peergoals.errors import NotAllowed
from peergoals.goals import actions
from peergoals.goals.models import Goal, Status, Step
from peergoals.goals.moves import goal_moves, step_moves
from tests.personas import People

ALL = [status for status in Status.values if status != Status.PROPOSED]

# (role, status now) -> the statuses that person may move a goal to.
GOAL_TABLE = {
    ("peer", Status.PLANNED): {Status.ACTIVE, Status.CANCELLED},
    ("peer", Status.ACTIVE): {Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED, Status.PLANNED},
    ("peer", Status.ON_HOLD): {Status.ACTIVE, Status.COMPLETED, Status.CANCELLED},
    ("peer", Status.COMPLETED): {Status.ACTIVE},
    ("peer", Status.CANCELLED): {Status.ACTIVE, Status.PLANNED},
    ("peer", Status.REJECTED): set(),
    ("specialist", Status.PLANNED): {Status.CANCELLED},
    ("specialist", Status.ACTIVE): {Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED},
    ("specialist", Status.ON_HOLD): {Status.COMPLETED, Status.CANCELLED},
    ("specialist", Status.COMPLETED): set(),
    ("specialist", Status.CANCELLED): set(),
    ("specialist", Status.REJECTED): set(),
}
STEP_TABLE = {
    ("peer", Status.ACTIVE): {Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED},
    ("peer", Status.ON_HOLD): {Status.ACTIVE, Status.CANCELLED},
    ("peer", Status.COMPLETED): {Status.ACTIVE},
    ("peer", Status.CANCELLED): {Status.ACTIVE},
    ("specialist", Status.ACTIVE): {Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED},
    ("specialist", Status.ON_HOLD): {Status.CANCELLED},
    ("specialist", Status.COMPLETED): set(),
    ("specialist", Status.CANCELLED): set(),
}


def _goal(people: People, status: str) -> Goal:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Find a job", life_area="occupational"
    )
    Goal.objects.filter(pk=goal.pk).update(status=status)
    goal.refresh_from_db()
    return goal


def _person(people: People, role: str):  # type: ignore[no-untyped-def]
    return people.maria if role == "peer" else people.sam


@pytest.mark.parametrize(("role", "now"), list(GOAL_TABLE))
def test_it_lets_each_role_move_a_goal_as_the_table_says(
    people: People, role: str, now: str
) -> None:
    goal = _goal(people, now)
    by = _person(people, role)
    assert goal_moves(goal, by).statuses == GOAL_TABLE[role, now]
    for then in ALL:
        fresh = Goal.objects.get(pk=goal.pk)
        if then in GOAL_TABLE[role, now]:
            assert actions.set_goal_status(fresh, by=by, status=then).record.status == then
            Goal.objects.filter(pk=goal.pk).update(status=now)
        else:
            with pytest.raises(NotAllowed):
                actions.set_goal_status(fresh, by=by, status=then)


@pytest.mark.parametrize(("role", "now"), list(STEP_TABLE))
def test_it_lets_each_role_move_a_step_as_the_table_says(
    people: People, role: str, now: str
) -> None:
    goal = _goal(people, Status.ACTIVE)
    step = actions.add_step(goal, by=people.maria, wording="Search for openings")
    Step.objects.filter(pk=step.pk).update(status=now)
    by = _person(people, role)
    assert step_moves(Step.objects.get(pk=step.pk), by).statuses == STEP_TABLE[role, now]
    for then in ALL:
        fresh = Step.objects.get(pk=step.pk)
        if then in STEP_TABLE[role, now]:
            assert actions.set_step_status(fresh, by=by, status=then).record.status == then
            Step.objects.filter(pk=step.pk).update(status=now)
        else:
            with pytest.raises(NotAllowed):
                actions.set_step_status(fresh, by=by, status=then)


@pytest.mark.parametrize("role", ["peer", "specialist"])
def test_only_the_peer_may_answer_a_suggestion(people: People, role: str) -> None:
    goal = actions.create_goal(
        people.maria, by=people.sam, own_words="Open a bank account", life_area="financial"
    )
    step = actions.add_step(_goal(people, Status.ACTIVE), by=people.sam, wording="Call the bank")
    by = _person(people, role)
    assert goal_moves(goal, by).answer is (role == "peer")
    assert step_moves(step, by).answer is (role == "peer")
    if role == "peer":
        actions.accept_goal(goal, by=by)
        actions.decline_step(step, by=by)
        goal.refresh_from_db()
        assert not goal_moves(goal, by).answer
    else:
        with pytest.raises(NotAllowed):
            actions.accept_goal(goal, by=by)
        with pytest.raises(NotAllowed):
            actions.decline_step(step, by=by)
