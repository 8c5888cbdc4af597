"""The access policy: each role x own/other record x each action, and 404 for forbidden."""

from __future__ import annotations

import pytest
from django.http import Http404

from peergoals import access
from peergoals.access import Action
from peergoals.goals import actions
from peergoals.people.actions import NotAllowed, assign_peer, end_assignment
from tests.personas import People

V, C, U, D = Action.VIEW, Action.CREATE, Action.CHANGE, Action.DELETE

# Who may do what to Maria's records (Maria is on Sam's caseload, Sam is on Pat's team).
EXPECTED = {
    "maria": {V, C, U, D},  # the peer herself
    "sam": {V, C, U},  # her specialist
    "alex": set(),  # another specialist on the same team
    "jordan": set(),  # another peer
    "riley": set(),  # a peer with no specialist
    "pat": {V},  # her specialist's supervisor
    "quinn": set(),  # another team's supervisor
    "morgan": {V},  # the program admin
}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
@pytest.mark.parametrize("action", list(Action))
def test_it_grants_exactly_the_expected_access_to_marias_records(
    people: People, persona: str, action: Action
) -> None:
    user = getattr(people, persona)
    assert access.may(user, action, people.maria) is (action in EXPECTED[persona])


@pytest.mark.parametrize("persona", sorted(EXPECTED))
@pytest.mark.parametrize("action", list(Action))
def test_what_a_relationship_grants_answers_for_every_peer_it_reaches(
    people: People, persona: str, action: Action
) -> None:
    # Pages fetch a record through the policy, then draw its buttons from `grants` alone.
    user = getattr(people, persona)
    for peer in (people.maria, people.jordan, people.riley):
        if access.may(user, Action.VIEW, peer):
            assert access.grants(user, action) is access.may(user, action, peer)


@pytest.mark.parametrize("action", list(Action))
def test_it_gives_a_peer_every_right_over_their_own_records_only(
    people: People, action: Action
) -> None:
    assert list(access.peers_for(people.jordan, action)) == [people.jordan]


def test_it_answers_a_forbidden_goal_exactly_like_a_missing_one(people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Find a job", life_area="occupational"
    )
    with pytest.raises(Http404) as forbidden:
        access.get_goal_for(people.alex, goal.id)
    with pytest.raises(Http404) as missing:
        access.get_goal_for(people.alex, goal.id + 1000)
    assert str(forbidden.value) == str(missing.value)
    assert access.get_goal_for(people.sam, goal.id) == goal


def test_it_refuses_a_write_through_the_actions_too(people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Find a job", life_area="occupational"
    )
    with pytest.raises(Http404):
        actions.add_step(goal, by=people.pat, wording="Update my resume")
    with pytest.raises(Http404):
        actions.create_goal(people.maria, by=people.alex, own_words="x", life_area="social")


def test_it_removes_the_old_specialists_access_on_reassignment(people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Find a job", life_area="occupational"
    )
    assign_peer(people.maria, people.alex, by=people.pat)
    with pytest.raises(Http404):
        access.get_goal_for(people.sam, goal.id)
    assert access.get_goal_for(people.alex, goal.id) == goal


def test_it_removes_access_when_a_peer_leaves_the_caseload(people: People) -> None:
    end_assignment(people.maria, by=people.morgan)
    assert not access.may(people.sam, Action.VIEW, people.maria)
    assert access.may(people.maria, Action.VIEW, people.maria)


def test_it_refuses_access_to_a_deactivated_specialist(people: People) -> None:
    people.sam.is_active = False
    people.sam.save()
    assert not access.may(people.sam, Action.VIEW, people.maria)


def test_it_lets_only_supervisors_of_the_team_and_admins_reassign(people: People) -> None:
    with pytest.raises(NotAllowed):
        assign_peer(people.maria, people.alex, by=people.sam)
    with pytest.raises(NotAllowed):
        assign_peer(people.maria, people.alex, by=people.quinn)


def test_it_shows_a_supervisor_only_their_teams_specialists(people: People) -> None:
    assert set(access.specialists_for(people.pat)) == {people.sam, people.alex}
    assert list(access.specialists_for(people.quinn)) == []
    with pytest.raises(Http404):
        access.get_specialist_for(people.quinn, people.sam.id)
