"""Finishing a repeating step ends it for good, which a day's "Done" does not: its button says
so plainly, and a page asks first (a plain form, no script)."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, Status, Step
from tests.personas import People


def test_a_repeating_step_says_finish_it_for_good_not_mark_as_done(
    as_maria: Client, people: People, walk_goal: Goal, walk_step: Step
) -> None:
    actions.add_step(walk_goal, by=people.maria, wording="Call the gym about a pass")
    page = unescape(as_maria.get(reverse("goals:detail", args=[walk_goal.pk])).text)
    assert "Finish this step for good<span" in page  # on the daily walk
    # A one-time step is simply done: "Mark as done" is what it means.
    assert page.count("Mark as done") == 1


def test_finishing_a_repeating_step_asks_first_on_a_page_of_its_own(
    as_maria: Client, walk_step: Step
) -> None:
    url = reverse("goals:step_status", args=[walk_step.pk])
    asked = unescape(as_maria.post(url, {"status": "completed"}).text)
    assert "Finish this step for good?" in asked
    assert "“Done” on a step counts one day's progress." in asked
    assert "Yes, finish it for good" in asked
    assert "confirm(" not in asked
    walk_step.refresh_from_db()
    assert walk_step.status == Status.ACTIVE

    finished = as_maria.post(url, {"status": "completed", "confirmed": "on"})
    assert finished.status_code == 302
    walk_step.refresh_from_db()
    assert walk_step.status == Status.COMPLETED


def test_a_one_time_step_is_marked_done_in_one_tap(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    call = actions.add_step(walk_goal, by=people.maria, wording="Call the gym about a pass")
    answer = as_maria.post(reverse("goals:step_status", args=[call.pk]), {"status": "completed"})
    assert answer.status_code == 302
    call.refresh_from_db()
    assert call.status == Status.COMPLETED


def test_the_specialist_is_offered_no_way_to_finish_marias_step(
    as_sam: Client, walk_step: Step
) -> None:
    page = unescape(as_sam.get(reverse("goals:detail", args=[walk_step.goal_id])).text)
    assert "Finish this step for good" not in page
    assert "Mark as done" not in page
    refused = as_sam.post(
        reverse("goals:step_status", args=[walk_step.pk]),
        {"status": "completed", "confirmed": "on"},
    )
    assert refused.status_code == 400
    walk_step.refresh_from_db()
    assert walk_step.status == Status.ACTIVE
