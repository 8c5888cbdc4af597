"""A specialist's idea stays a suggestion until the peer says yes, in their own words."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, Status, Step
from tests.personas import People


def test_a_specialists_goal_stays_proposed_until_the_peer_accepts_it_reworded(
    as_sam: Client, as_maria: Client, people: People
) -> None:
    page = as_sam.post(
        reverse("goals:propose", args=[people.maria.pk]),
        {"own_words": "Go to a peer support meeting", "life_area": "social"},
        follow=True,
    )
    assert "It waits for Maria to answer" in page.text
    goal = Goal.objects.get()
    assert goal.status == Status.PROPOSED
    assert goal.importance is None

    # Sam cannot make it Maria's goal for her.
    refused = as_sam.post(reverse("goals:accept", args=[goal.pk]))
    assert refused.status_code == 400
    assert "Only the peer can accept a goal" in refused.text
    goal.refresh_from_db()
    assert goal.status == Status.PROPOSED

    page = as_maria.post(
        reverse("goals:accept", args=[goal.pk]),
        {"own_words": "I'll try the Tuesday group", "next": reverse("goals:today")},
        follow=True,
    )
    assert "It's your goal now." in unescape(page.text)
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    assert goal.own_words == "I'll try the Tuesday group"


def test_the_peer_declines_a_suggestion_in_one_tap(as_maria: Client, people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.sam, own_words="Apply to 3 jobs", life_area="occupational"
    )
    page = as_maria.post(reverse("goals:decline", args=[goal.pk]), follow=True)
    assert "No reason needed." in page.text
    goal.refresh_from_db()
    assert goal.status == Status.REJECTED
    assert "Apply to 3 jobs" not in as_maria.get(reverse("goals:today")).text


def test_a_suggested_step_waits_for_the_peer_and_can_be_reworded(
    as_sam: Client, as_maria: Client, walk_goal: Goal
) -> None:
    page = as_sam.post(
        reverse("goals:add_step", args=[walk_goal.pk]),
        {"wording": "Walk 20 minutes", "target_kind": "once"},
        follow=True,
    )
    assert "It waits for an answer." in page.text
    step = Step.objects.get()
    assert step.status == Status.PROPOSED
    assert "Walk 20 minutes" in as_maria.get(reverse("goals:today")).text

    as_maria.post(reverse("goals:accept_step", args=[step.pk]), {"wording": "Walk 10 minutes"})
    step.refresh_from_db()
    assert (step.status, step.wording) == (Status.ACTIVE, "Walk 10 minutes")


def test_the_peer_declines_a_suggested_step(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    step = actions.add_step(walk_goal, by=people.sam, wording="Run a marathon")
    as_maria.post(reverse("goals:decline_step", args=[step.pk]))
    step.refresh_from_db()
    assert step.status == Status.REJECTED


def test_readiness_is_asked_of_the_peer_not_the_specialist(
    as_sam: Client, as_maria: Client, people: People
) -> None:
    assert "How important" not in as_sam.get(reverse("goals:propose", args=[people.maria.pk])).text
    assert "How important" in as_maria.get(reverse("goals:new")).text


def test_it_shows_one_yes_and_one_no_on_a_suggested_goals_page(
    as_maria: Client, people: People
) -> None:
    goal = actions.create_goal(
        people.maria, by=people.sam, own_words="Apply to 3 jobs", life_area="occupational"
    )
    page = as_maria.get(reverse("goals:detail", args=[goal.pk]))
    assert page.text.count("Yes, make it my goal") == 1
    assert page.text.count("No, thanks") == 1
