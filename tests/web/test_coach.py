"""The SMART coach's tips, live beside the wording as it is typed: ideas, never a rewrite."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals.models import Goal


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
    text = tips(as_jordan, {"wording": "Walk every morning", "coach_goal": str(walk_goal.pk)})
    assert "Fits what matters to you" not in text


def test_the_goal_form_asks_the_coach_as_the_peer_types(as_maria: Client) -> None:
    page = as_maria.get(reverse("goals:new"))
    assert f'hx-post="{reverse("goals:coach")}"' in page.text
    assert 'class="coach" aria-live="polite"' in page.text
