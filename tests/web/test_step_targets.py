"""The step form hears the coach: a target too big for its time gets a word beside the field."""

from __future__ import annotations

from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from peergoals.goals.models import Goal, Step

TOO_BIG = "That\u2019s a lot for the time you gave it."


@pytest.mark.parametrize(
    ("quantity", "unit", "per"),
    [
        ("1000", "minutes", "day"),
        ("20", "hours", "day"),
        ("100", "jobs", "week"),
        ("30", "miles", "day"),
        ("10", "meetings", "day"),
    ],
)
def test_an_absurd_target_is_refused_beside_the_field_and_nothing_is_lost(
    as_maria: Client, walk_goal: Goal, quantity: str, unit: str, per: str
) -> None:
    page = as_maria.post(
        reverse("goals:add_step", args=[walk_goal.pk]),
        {
            "wording": "Move more every day",
            "target_kind": "amount",
            "target_quantity": quantity,
            "target_unit": unit,
            "target_per": per,
        },
    )
    text = unescape(page.text)
    assert page.status_code == 400
    assert TOO_BIG in text
    assert "Move more every day" in text
    assert f'value="{quantity}"' in text
    assert not Step.objects.filter(wording="Move more every day").exists()


@pytest.mark.parametrize(
    ("quantity", "unit", "per"),
    [
        ("30", "minutes", "day"),
        ("300", "minutes", "week"),
        ("3", "jobs", "week"),
        ("8", "hours", "day"),
    ],
)
def test_a_doable_target_is_saved(
    as_maria: Client, walk_goal: Goal, quantity: str, unit: str, per: str
) -> None:
    wording = "Sleep well" if unit == "hours" else "Keep going"
    page = as_maria.post(
        reverse("goals:add_step", args=[walk_goal.pk]),
        {
            "wording": wording,
            "target_kind": "amount",
            "target_quantity": quantity,
            "target_unit": unit,
            "target_per": per,
        },
    )
    assert page.status_code == 302
    assert Step.objects.filter(wording=wording).exists()


def test_changing_a_step_to_an_absurd_target_is_refused_too(
    as_maria: Client, walk_step: Step
) -> None:
    page = as_maria.post(
        reverse("goals:edit_step", args=[walk_step.pk]),
        {
            "version": str(walk_step.version),
            "wording": walk_step.wording,
            "target_kind": "amount",
            "target_quantity": "1000",
            "target_unit": "minutes",
            "target_per": "day",
            "starts_on": walk_step.starts_on.isoformat(),
        },
    )
    assert page.status_code == 400
    assert TOO_BIG in unescape(page.text)
    walk_step.refresh_from_db()
    assert walk_step.target_quantity != 1000
