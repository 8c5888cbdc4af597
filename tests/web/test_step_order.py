"""The order of the plan is the peer's: Maria puts her steps in the order she likes; Sam can't
reorder them, and sees no buttons to."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from tests.personas import People


def _steps_in_order(goal: Goal) -> list[str]:
    return list(goal.steps.order_by("position", "id").values_list("wording", flat=True))


def test_sam_cannot_reorder_marias_steps(
    as_sam: Client, people: People, walk_goal: Goal, walk_step: Step
) -> None:
    second = actions.add_step(walk_goal, by=people.maria, wording="Drink a glass of water")
    answer = as_sam.post(reverse("goals:move_step", args=[second.pk]), {"direction": "up"})
    assert answer.status_code == 400
    assert "The order of the steps is Maria's to choose." in unescape(answer.text)
    assert _steps_in_order(walk_goal) == [
        "Walk 10 minutes after breakfast",
        "Drink a glass of water",
    ]


def test_sam_sees_no_buttons_to_reorder_and_maria_does(
    as_sam: Client, as_maria: Client, people: People, walk_goal: Goal, walk_step: Step
) -> None:
    actions.add_step(walk_goal, by=people.maria, wording="Drink a glass of water")
    for page in ("goals:detail", "goals:breakdown"):
        url = reverse(page, args=[walk_goal.pk])
        assert "Move up" not in as_sam.get(url).text, page
        assert "Move up" in as_maria.get(url).text, page
