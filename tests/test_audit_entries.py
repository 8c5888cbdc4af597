"""Each read, change and refusal of a peer's records by someone else writes exactly one entry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.http import Http404

from peergoals import access, audit
from peergoals.access import Action
from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from peergoals.people.actions import assign_peer, end_assignment
from tests.audit_helpers import new_entries
from tests.personas import People

# What Sam, Maria's specialist, does to her records; each must write one entry.
SAM_DOES: dict[str, tuple[Callable[[People, Goal, Step], Any], str, str]] = {
    "proposes a goal": (
        lambda p, g, s: actions.create_goal(p.maria, by=p.sam, own_words="x", life_area="social"),
        "create",
        "goal",
    ),
    "suggests a change to the goal": (
        lambda p, g, s: actions.suggest_change(g, by=p.sam, version=g.version, smart_wording="y"),
        "change",
        "goal",
    ),
    "suggests a step": (
        lambda p, g, s: actions.add_step(g, by=p.sam, wording="Call a friend"),
        "create",
        "step",
    ),
    "suggests a change to a step": (
        lambda p, g, s: actions.suggest_change(s, by=p.sam, version=s.version, wording="Walk more"),
        "change",
        "step",
    ),
    "checks in": (
        lambda p, g, s: actions.record_check_in(s, by=p.sam, outcome="done"),
        "create",
        "check-in",
    ),
    "holds a review": (
        lambda p, g, s: actions.hold_review(g, by=p.sam, decision="keep"),
        "create",
        "review",
    ),
}


@pytest.mark.parametrize("what", sorted(SAM_DOES))
def test_it_records_exactly_one_entry_for_each_change_by_the_specialist(
    people: People, walk_goal: Goal, walk_step: Step, what: str
) -> None:
    do, action, record_type = SAM_DOES[what]
    with new_entries() as entries:
        do(people, walk_goal, walk_step)
    assert [(e.action, e.record_type, e.username, e.peer_id) for e in entries] == [
        (action, record_type, "sam", people.maria.pk)
    ]


def test_it_records_nothing_when_the_peer_works_on_their_own_plan(
    people: People, walk_goal: Goal, walk_step: Step
) -> None:
    with new_entries() as entries:
        actions.record_check_in(walk_step, by=people.maria, outcome="done")
        actions.change_goal(
            walk_goal, by=people.maria, version=walk_goal.version, smart_wording="z"
        )
        access.get_goal_for(people.maria, walk_goal.pk)
        access.get_peer_for(people.maria, people.maria.pk)
    assert entries == []


def test_it_records_nothing_for_a_change_the_practice_refused(
    people: People, walk_goal: Goal, walk_step: Step
) -> None:
    with new_entries() as entries, pytest.raises(actions.NotAllowed):
        actions.set_goal_status(walk_goal, by=people.sam, status="planned")
    # The order of the steps is Maria's: Sam's move is refused, and nothing is recorded.
    with new_entries() as moved, pytest.raises(actions.NotAllowed):
        actions.move_step(walk_step, by=people.sam, offset=1)
    assert entries == moved == []


def test_it_records_one_entry_for_each_caseload_change(people: People) -> None:
    with new_entries() as entries:
        assign_peer(people.maria, people.alex, by=people.pat)
    assert [(e.action, e.record_type, e.username, e.peer_id) for e in entries] == [
        ("change", "assignment", "pat", people.maria.pk)
    ]
    with new_entries() as entries:
        end_assignment(people.maria, by=people.morgan)
    assert [(e.action, e.username) for e in entries] == [("change", "morgan")]


def test_it_records_a_read_by_someone_other_than_the_peer(people: People, walk_goal: Goal) -> None:
    with new_entries() as entries:
        access.get_goal_for(people.pat, walk_goal.pk)
    assert [(e.action, e.record_type, e.record_id, e.username, e.peer_id) for e in entries] == [
        ("view", "goal", walk_goal.pk, "pat", people.maria.pk)
    ]


def test_it_records_a_read_once_per_request(people: People, walk_goal: Goal) -> None:
    with new_entries() as entries, audit.scope(ip="10.0.0.1", path="/x/", method="GET"):
        access.get_goal_for(people.sam, walk_goal.pk)
        access.get_goal_for(people.sam, walk_goal.pk)
    assert [(e.action, e.ip, e.path) for e in entries] == [("view", "10.0.0.1", "/x/")]


def test_it_leaves_a_fetch_for_a_change_to_the_action(people: People, walk_goal: Goal) -> None:
    with new_entries() as entries:
        fetched = access.get_goal_for(people.sam, walk_goal.pk, Action.CHANGE)
        actions.suggest_change(fetched, by=people.sam, version=fetched.version, strengths="kind")
    assert [e.action for e in entries] == ["change"]


def test_it_records_a_denial_of_a_record_that_exists(people: People, walk_goal: Goal) -> None:
    with new_entries() as entries, pytest.raises(Http404):
        access.get_goal_for(people.alex, walk_goal.pk)
    assert [(e.action, e.record_type, e.record_id, e.username, e.peer_id) for e in entries] == [
        ("denied", "goal", walk_goal.pk, "alex", people.maria.pk)
    ]


def test_it_records_no_denial_for_a_record_that_does_not_exist(
    people: People, walk_goal: Goal
) -> None:
    with new_entries() as entries, pytest.raises(Http404):
        access.get_goal_for(people.alex, walk_goal.pk + 1000)
    assert entries == []


@pytest.mark.parametrize(
    "fetch",
    ["get_peer_for", "get_step_for", "get_check_in_for", "get_review_for"],
)
def test_every_getter_records_reads_and_denials(
    people: People, walk_goal: Goal, walk_step: Step, fetch: str
) -> None:
    check_in = actions.record_check_in(walk_step, by=people.maria, outcome="done").check_in
    review = actions.hold_review(walk_goal, by=people.maria, decision="keep").review
    record_id = {
        "get_peer_for": people.maria.pk,
        "get_step_for": walk_step.pk,
        "get_check_in_for": check_in.pk,
        "get_review_for": review.pk,
    }[fetch]
    getter = getattr(access, fetch)
    with new_entries() as entries:
        getter(people.morgan, record_id)
        with pytest.raises(Http404):
            getter(people.quinn, record_id)
    assert [(e.action, e.username, e.peer_id, e.record_id) for e in entries] == [
        ("view", "morgan", people.maria.pk, record_id),
        ("denied", "quinn", people.maria.pk, record_id),
    ]


def test_it_records_a_denied_look_at_another_teams_caseload(people: People) -> None:
    with new_entries() as entries, pytest.raises(Http404):
        access.get_specialist_for(people.quinn, people.sam.pk)
    assert [(e.action, e.record_type, e.record_id) for e in entries] == [
        ("denied", "specialist", people.sam.pk)
    ]
