"""The SMART coach's tips, live beside the wording as it is typed: ideas, never a rewrite."""

from __future__ import annotations

from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from peergoals.goals import coaching
from peergoals.goals.models import Goal
from tests.audit_helpers import new_entries
from tests.personas import People
from tests.web.conftest import browser_for


def tips(client: Client, data: dict[str, str]) -> str:
    page = client.post(reverse("goals:coach"), data, headers={"HX-Request": "true"})
    assert page.status_code == 200
    return unescape(page.text)


def test_it_gives_gentle_ideas_for_a_vague_goal(as_maria: Client) -> None:
    text = tips(as_maria, {"own_words": "I want to get healthier"})
    assert "Coach tips" in text
    assert "A clear action:</strong> not yet" in text
    assert "Ideas, if you want them:" in text
    assert "Your words stay yours." in text


def test_it_says_so_when_the_wording_is_already_clear(as_maria: Client) -> None:
    text = tips(as_maria, {"own_words": "I will attend one peer support meeting per week."})
    assert "This is clear, countable and has a when. Nice!" in text


def test_it_judges_a_step_against_the_goal_it_serves(as_maria: Client, walk_goal: Goal) -> None:
    text = tips(
        as_maria, {"wording": "Walk 10 minutes every morning", "coach_goal": str(walk_goal.pk)}
    )
    assert "Fits what matters to you" in text


def test_it_says_nothing_until_there_is_something_to_read(as_maria: Client) -> None:
    assert tips(as_maria, {"own_words": "   "}).strip() == ""


def test_it_never_uses_another_peers_goal_as_context(as_jordan: Client, walk_goal: Goal) -> None:
    data = {"wording": "Walk every morning", "coach_goal": str(walk_goal.pk)}
    with new_entries() as entries:
        page = as_jordan.post(reverse("goals:coach"), data, headers={"HX-Request": "true"})
    # Like any page of a goal that isn't theirs: not found, nothing quoted, the refusal recorded.
    assert page.status_code == 404
    assert "walk for 10 minutes" not in unescape(page.text)
    assert [(e.action, e.username, e.record_type, e.record_id) for e in entries] == [
        ("denied", "jordan", "goal", walk_goal.pk)
    ]


def test_it_answers_a_missing_goal_as_not_found_and_records_nothing(
    as_maria: Client, walk_goal: Goal
) -> None:
    data = {"wording": "Walk every morning", "coach_goal": str(walk_goal.pk + 1000)}
    with new_entries() as entries:
        page = as_maria.post(reverse("goals:coach"), data, headers={"HX-Request": "true"})
    assert page.status_code == 404
    assert entries == []


def test_a_staff_read_of_a_goals_words_through_the_coach_is_recorded_once(
    people: People, walk_goal: Goal
) -> None:
    data = {"wording": "Walk 10 minutes every morning", "coach_goal": str(walk_goal.pk)}
    as_morgan = browser_for(people.morgan)
    with new_entries() as entries:
        text = tips(as_morgan, data)
    # The tips quote Maria's goal, so Maria's "who has seen my plan" must show the read.
    assert "walk for 10 minutes every morning this week" in text
    assert [(e.action, e.username, e.peer_id, e.record_type, e.record_id) for e in entries] == [
        ("view", "morgan", people.maria.pk, "goal", walk_goal.pk)
    ]


def test_the_peers_own_use_of_the_coach_writes_no_entry(as_maria: Client, walk_goal: Goal) -> None:
    data = {"wording": "Walk 10 minutes every morning", "coach_goal": str(walk_goal.pk)}
    with new_entries() as entries:
        tips(as_maria, data)
    assert entries == []


def test_a_coach_failure_never_stops_a_peer_writing_a_step(
    as_maria: Client,
    walk_goal: Goal,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the coach broke")

    monkeypatch.setattr(coaching, "judge", broken)
    assert tips(as_maria, {"wording": "Walk every morning"}).strip() == ""
    page = as_maria.post(
        reverse("goals:breakdown", args=[walk_goal.pk]), {"wording": "Walk every morning"}
    )
    assert page.status_code == 200
    assert "Walk every morning" in unescape(page.text)
    assert "The coach could not judge a statement" in caplog.text


def test_the_goal_form_asks_the_coach_as_the_peer_types(as_maria: Client) -> None:
    page = as_maria.get(reverse("goals:new"))
    assert f'hx-post="{reverse("goals:coach")}"' in page.text
    assert 'class="coach" aria-live="polite"' in page.text


def test_it_asks_how_a_step_helps_when_it_cannot_tell(as_maria: Client, walk_goal: Goal) -> None:
    text = tips(
        as_maria,
        {
            "wording": "Sit on the porch with my coffee every morning",
            "coach_goal": str(walk_goal.pk),
        },
    )
    # The step is clear, countable and has a when; whether it serves the goal is Maria's call.
    assert "This is clear, countable and has a when. Nice!" in text
    assert (
        "How does this help with \u201cI will walk for 10 minutes every morning this week\u201d?"
        in text
    )
    assert "Fits what matters to you" not in text
