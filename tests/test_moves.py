"""What each person may do next with a goal or a step: the table the buttons are drawn from,
and the actions doing exactly what it lists and refusing the rest.

The plan is the peer's: only the peer starts, pauses, finishes, lets go of or changes it. Their
specialist suggests (a change, a step, a review's decision) and refines a goal or step they
suggested until the peer answers it; a goal kept as an idea is left alone. Everyone else
reaches nothing (404, like a missing record).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction

from peergoals.errors import NotAllowed, NotFound
from peergoals.goals import actions
from peergoals.goals.models import Goal, Status, Step
from peergoals.goals.moves import Moves, goal_moves, step_moves
from peergoals.people.models import User
from tests.personas import People

ROLES = ["peer", "specialist", "another specialist", "supervisor", "admin", "another peer"]
STATUSES = [Status.ACTIVE, Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED, Status.PLANNED]
ACTIVE, ON_HOLD, COMPLETED, CANCELLED, PLANNED = STATUSES
# Besides the statuses: "answer" (accept or decline while suggested), "edit" (change it
# directly), "suggest" (a change that waits for the peer), "add step" (goals), "review
# decides" (a review recorded by this person changes the goal's status at once).
ANSWER, EDIT, SUGGEST, ADD_STEP, REVIEW_DECIDES = (
    "answer",
    "edit",
    "suggest",
    "add step",
    "review decides",
)

GOAL_TABLE: dict[tuple[str, str], set[str]] = {
    ("peer", Status.PROPOSED): {ANSWER, EDIT, ADD_STEP},
    ("peer", Status.PLANNED): {ACTIVE, CANCELLED, EDIT, ADD_STEP},
    ("peer", Status.ACTIVE): {
        ON_HOLD,
        COMPLETED,
        CANCELLED,
        PLANNED,
        EDIT,
        ADD_STEP,
        REVIEW_DECIDES,
    },
    ("peer", Status.ON_HOLD): {ACTIVE, COMPLETED, CANCELLED, EDIT, ADD_STEP, REVIEW_DECIDES},
    ("peer", Status.COMPLETED): {ACTIVE, EDIT},
    ("peer", Status.CANCELLED): {ACTIVE, PLANNED, EDIT},
    ("peer", Status.REJECTED): {EDIT},
    ("specialist", Status.PROPOSED): {EDIT, ADD_STEP},
    ("specialist", Status.PLANNED): set(),
    ("specialist", Status.ACTIVE): {SUGGEST, ADD_STEP},
    ("specialist", Status.ON_HOLD): {SUGGEST, ADD_STEP},
    ("specialist", Status.COMPLETED): set(),
    ("specialist", Status.CANCELLED): set(),
    ("specialist", Status.REJECTED): set(),
}
for _role in ROLES[2:]:
    for _status in Status.values:
        GOAL_TABLE[_role, _status] = set()

STEP_TABLE: dict[tuple[str, str, str], set[str]] = {
    # (role, the goal's status, the step's status)
    ("peer", ACTIVE, Status.PROPOSED): {ANSWER, EDIT},
    ("peer", PLANNED, Status.PROPOSED): {EDIT},
    ("peer", ACTIVE, Status.ACTIVE): {ON_HOLD, COMPLETED, CANCELLED, EDIT},
    ("peer", ACTIVE, Status.ON_HOLD): {ACTIVE, CANCELLED, EDIT},
    ("peer", ACTIVE, Status.COMPLETED): {ACTIVE, EDIT},
    ("peer", ACTIVE, Status.CANCELLED): {ACTIVE, EDIT},
    ("peer", ON_HOLD, Status.ACTIVE): {ON_HOLD, COMPLETED, CANCELLED, EDIT},
    ("specialist", ACTIVE, Status.PROPOSED): {EDIT},
    ("specialist", PLANNED, Status.PROPOSED): set(),
    ("specialist", ACTIVE, Status.ACTIVE): {SUGGEST},
    ("specialist", ACTIVE, Status.ON_HOLD): {SUGGEST},
    ("specialist", ACTIVE, Status.COMPLETED): set(),
    ("specialist", ACTIVE, Status.CANCELLED): set(),
    ("specialist", ON_HOLD, Status.ACTIVE): {SUGGEST},
}
for _role in ROLES[2:]:
    for _goal_status, _step_status in {(g, s) for _, g, s in list(STEP_TABLE)}:
        STEP_TABLE[_role, _goal_status, _step_status] = set()


class Undo(Exception):
    """Raised to roll a tried move back, so each move is tried from the same state."""


def _tried(move: Callable[[], object]) -> bool:
    """Whether the action took the move; refused moves raise NotAllowed or NotFound."""
    try:
        with transaction.atomic():
            move()
            raise Undo
    except Undo:
        return True
    except (NotAllowed, NotFound):
        return False


def _person(people: People, role: str) -> User:
    return {
        "peer": people.maria,
        "specialist": people.sam,
        "another specialist": people.alex,
        "supervisor": people.pat,
        "admin": people.morgan,
        "another peer": people.jordan,
    }[role]


def _goal(people: People, status: str) -> Goal:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Find a job", life_area="occupational"
    )
    Goal.objects.filter(pk=goal.pk).update(status=status)
    goal.refresh_from_db()
    return goal


def _listed(moves: Moves, **others: bool) -> set[str]:
    flags = {ANSWER: moves.answer, EDIT: moves.edit, SUGGEST: moves.suggest, **others}
    return set(moves.statuses) | {name for name, on in flags.items() if on}


def _reviewed_status(goal: Goal, by: User) -> str | None:
    """The goal's status right after `by` records a review deciding to let it go."""
    actions.hold_review(goal, by=by, decision="let_go")
    return Goal.objects.get(pk=goal.pk).status


@pytest.mark.parametrize(("role", "now"), list(GOAL_TABLE))
def test_it_lets_each_role_do_to_a_goal_what_the_table_says(
    people: People, role: str, now: str
) -> None:
    goal = _goal(people, now)
    by = _person(people, role)
    expected = GOAL_TABLE[role, now]
    if role in ("peer", "specialist"):
        moves = goal_moves(goal, by)
        decides = moves.edit and goal.is_reviewable
        assert _listed(moves, **{ADD_STEP: moves.add_step, REVIEW_DECIDES: decides}) == expected

    def fresh() -> Goal:
        return Goal.objects.get(pk=goal.pk)

    done = {
        then
        for then in Status.values
        if _tried(lambda then=then: actions.set_goal_status(fresh(), by=by, status=then))
    }
    tries = {
        ANSWER: lambda: actions.accept_goal(fresh(), by=by),
        EDIT: lambda: actions.change_goal(fresh(), by=by, version=None, smart_wording="New"),
        SUGGEST: lambda: actions.suggest_change(fresh(), by=by, version=None, smart_wording="New"),
        ADD_STEP: lambda: actions.add_step(fresh(), by=by, wording="Update my resume"),
    }
    done |= {name for name, move in tries.items() if _tried(move)}

    def let_go_by_review() -> None:
        if _reviewed_status(fresh(), by) != Status.CANCELLED:
            raise NotAllowed("The review left the goal as it was.")

    if _tried(let_go_by_review):
        done.add(REVIEW_DECIDES)
    assert done == expected


@pytest.mark.parametrize(("role", "goal_status", "now"), list(STEP_TABLE))
def test_it_lets_each_role_do_to_a_step_what_the_table_says(
    people: People, role: str, goal_status: str, now: str
) -> None:
    goal = _goal(people, Status.ACTIVE)
    step = actions.add_step(goal, by=people.maria, wording="Search for openings")
    Step.objects.filter(pk=step.pk).update(status=now)
    Goal.objects.filter(pk=goal.pk).update(status=goal_status)
    by = _person(people, role)
    expected = STEP_TABLE[role, goal_status, now]
    if role in ("peer", "specialist"):
        assert _listed(step_moves(Step.objects.get(pk=step.pk), by)) == expected

    def fresh() -> Step:
        return Step.objects.get(pk=step.pk)

    done = {
        then
        for then in Status.values
        if _tried(lambda then=then: actions.set_step_status(fresh(), by=by, status=then))
    }
    tries = {
        ANSWER: lambda: actions.accept_step(fresh(), by=by),
        EDIT: lambda: actions.change_step(fresh(), by=by, version=None, wording="Search daily"),
        SUGGEST: lambda: actions.suggest_change(
            fresh(), by=by, version=None, wording="Search daily"
        ),
    }
    done |= {name for name, move in tries.items() if _tried(move)}
    assert done == expected


@pytest.mark.parametrize("role", ROLES)
def test_only_the_peer_answers_a_suggested_change(people: People, role: str) -> None:
    goal = _goal(people, Status.ACTIVE)
    suggestion = actions.suggest_change(goal, by=people.sam, version=None, smart_wording="New")
    by = _person(people, role)
    assert _tried(lambda: actions.accept_change(suggestion, by=by)) is (role == "peer")
    assert _tried(lambda: actions.decline_change(suggestion, by=by)) is (role == "peer")


@pytest.mark.parametrize(
    "field", ["own_words", "looks_like", "why_it_matters", "importance", "confidence"]
)
def test_no_one_but_the_peer_suggests_a_change_to_the_peers_own_words_or_readiness(
    people: People, field: str
) -> None:
    goal = _goal(people, Status.ACTIVE)
    value = 3 if field in ("importance", "confidence") else "Something else"
    with pytest.raises(NotAllowed):
        actions.suggest_change(goal, by=people.sam, version=None, **{field: value})


@pytest.mark.parametrize("role", ROLES)
def test_only_the_peer_puts_her_steps_in_order(people: People, role: str) -> None:
    goal = _goal(people, Status.ACTIVE)
    actions.add_step(goal, by=people.maria, wording="Update my resume")
    second = actions.add_step(goal, by=people.maria, wording="Search for openings")
    by = _person(people, role)
    if role in ("peer", "specialist"):
        assert goal_moves(goal, by).reorder_steps is (role == "peer")
    moved = _tried(lambda: actions.move_step(Step.objects.get(pk=second.pk), by=by, offset=-1))
    assert moved is (role == "peer")


@pytest.mark.parametrize("role", ROLES)
def test_only_whoever_suggested_it_withdraws_it_before_the_peer_answers(
    people: People, role: str
) -> None:
    goal = _goal(people, Status.ACTIVE)
    proposal = actions.create_goal(
        people.maria, by=people.sam, own_words="Join a choir", life_area="social"
    )
    step = actions.add_step(goal, by=people.sam, wording="Stretch after the walk")
    change = actions.suggest_change(goal, by=people.sam, version=None, smart_wording="New")
    by = _person(people, role)
    author = role == "specialist"
    if role in ("peer", "specialist"):
        assert goal_moves(proposal, by).withdraw is author
        assert step_moves(step, by).withdraw is author
    assert _tried(lambda: actions.withdraw_goal(proposal, by=by)) is author
    assert _tried(lambda: actions.withdraw_step(step, by=by)) is author
    assert _tried(lambda: actions.withdraw_change(change, by=by)) is author
