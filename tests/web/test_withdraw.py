"""Staff take back a suggestion they made, in one tap from the goal page, before Maria answers
it: she no longer sees it waiting, the history says who withdrew it, and it is audited."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Answer, Goal, Status, Step
from tests.audit_helpers import new_entries
from tests.personas import People


def test_sam_withdraws_a_suggested_change_in_one_tap(
    as_sam: Client, as_maria: Client, people: People, walk_goal: Goal
) -> None:
    suggestion = actions.suggest_change(
        walk_goal, by=people.sam, version=None, smart_wording="Walk 20 minutes a day"
    )
    goal_page = reverse("goals:detail", args=[walk_goal.pk])
    assert "Withdraw this suggestion" in as_sam.get(goal_page).text
    assert "Changes waiting for your answer" in as_maria.get(reverse("goals:today")).text

    with new_entries() as written:
        answer = as_sam.post(reverse("goals:withdraw_change", args=[suggestion.pk]))
    assert answer.status_code == 302
    assert answer["Location"] == goal_page
    assert [(entry.action, entry.user_id, entry.detail) for entry in written] == [
        ("change", people.sam.pk, "withdrew a suggested change")
    ]
    suggestion.refresh_from_db()
    assert (suggestion.answer, suggestion.answered_by) == (Answer.WITHDRAWN, people.sam)

    assert "Changes waiting for your answer" not in as_maria.get(reverse("goals:today")).text
    assert "Walk 20 minutes a day" not in as_maria.get(goal_page).text
    history = unescape(as_maria.get(reverse("goals:history", args=[walk_goal.pk])).text)
    assert "Suggestion withdrawn by Sam" in history
    assert "“Walk 20 minutes a day” suggested" in history


def test_sam_withdraws_a_goal_he_suggested_before_maria_answers(
    as_sam: Client, as_maria: Client, people: People
) -> None:
    goal = actions.create_goal(
        people.maria, by=people.sam, own_words="Join a choir", life_area="social"
    )
    assert "Join a choir" in as_maria.get(reverse("goals:today")).text
    assert "Withdraw this suggestion" in as_sam.get(reverse("goals:detail", args=[goal.pk])).text

    with new_entries() as written:
        answer = as_sam.post(reverse("goals:withdraw", args=[goal.pk]))
    assert answer.status_code == 302
    assert len(written) == 1
    goal.refresh_from_db()
    assert goal.status == Status.WITHDRAWN
    assert "Join a choir" not in as_maria.get(reverse("goals:today")).text
    assert "Join a choir" not in as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text
    history = unescape(as_maria.get(reverse("goals:history", args=[goal.pk])).text)
    assert "Withdrawn by Sam" in history


def test_sam_withdraws_a_step_he_suggested(
    as_sam: Client, as_maria: Client, people: People, walk_goal: Goal
) -> None:
    step = actions.add_step(walk_goal, by=people.sam, wording="Stretch after the walk")
    assert "Stretch after the walk" in as_maria.get(reverse("goals:today")).text
    answer = as_sam.post(reverse("goals:withdraw_step", args=[step.pk]))
    assert answer.status_code == 302
    step.refresh_from_db()
    assert step.status == Status.WITHDRAWN
    assert "Stretch after the walk" not in as_maria.get(reverse("goals:today")).text
    goal_page = as_maria.get(reverse("goals:detail", args=[walk_goal.pk])).text
    assert "Stretch after the walk" not in goal_page.split("History of changes")[0]


def test_only_whoever_suggested_it_withdraws_it_and_only_while_it_waits(
    as_sam: Client, as_maria: Client, people: People, walk_goal: Goal, walk_step: Step
) -> None:
    suggestion = actions.suggest_change(walk_step, by=people.sam, version=None, wording="Run")
    # Maria answers suggestions; she has no withdraw button, and the action says no.
    assert (
        "Withdraw this suggestion"
        not in as_maria.get(reverse("goals:detail", args=[walk_goal.pk])).text
    )
    assert as_maria.post(reverse("goals:withdraw_change", args=[suggestion.pk])).status_code == 400
    assert as_maria.post(reverse("goals:withdraw_step", args=[walk_step.pk])).status_code == 400
    actions.accept_change(suggestion, by=people.maria)
    # Once answered, it is Maria's: too late to take back.
    assert as_sam.post(reverse("goals:withdraw_change", args=[suggestion.pk])).status_code == 400
    suggestion.refresh_from_db()
    assert suggestion.answer == Answer.ACCEPTED
