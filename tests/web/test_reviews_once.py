"""A review sent twice is one review and one win; a win keeps the words of the day it was earned."""

from __future__ import annotations

import re
from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, Review, Step, Win
from tests.personas import People


def review_form_key(client: Client, goal: Goal) -> str:
    page = client.get(reverse("goals:review", args=[goal.pk])).text
    found = re.search(r'name="submission" value="([0-9a-f-]+)"', page)
    assert found, "the review form carries no one-time key"
    return found[1]


def test_sending_the_same_review_twice_makes_one_review_and_one_win(
    as_maria: Client, walk_goal: Goal
) -> None:
    key = review_form_key(as_maria, walk_goal)
    form = {"decision": "complete", "whats_working": "Mornings", "submission": key}
    first = as_maria.post(reverse("goals:review", args=[walk_goal.pk]), form)
    # Back, then Save again (or a retry on a weak signal): the same form, the same key.
    again = as_maria.post(reverse("goals:review", args=[walk_goal.pk]), form)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert Review.objects.count() == 1
    assert Win.objects.filter(kind="review_held").count() == 1
    assert Win.objects.filter(kind="goal_completed").count() == 1


def test_each_showing_of_the_form_is_a_new_review(as_maria: Client, walk_goal: Goal) -> None:
    for _ in range(2):
        key = review_form_key(as_maria, walk_goal)
        form = {"decision": "keep", "submission": key}
        assert as_maria.post(reverse("goals:review", args=[walk_goal.pk]), form).status_code == 302
    assert Review.objects.count() == 2


def test_a_win_keeps_the_words_of_the_day_it_was_earned(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    once = actions.add_step(walk_step.goal, by=people.maria, wording="Buy walking shoes")
    actions.record_check_in(once, by=people.maria, outcome="done")
    earned = Win.objects.get(kind="step_completed")
    once.refresh_from_db()
    actions.set_step_status(once, by=people.maria, status="active")
    once.refresh_from_db()
    actions.change_step(once, by=people.maria, version=once.version, wording="Buy new boots")
    page = unescape(as_maria.get(reverse("goals:wins")).text)
    assert "Step done: “Buy walking shoes”" in page
    assert "Buy new boots" not in page
    earned.refresh_from_db()
    assert earned.step_words == "Buy walking shoes"
