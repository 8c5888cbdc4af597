"""The numbers are true: "Done" means the target was met, and each check-in keeps the target it
was made against, so changing how a step is measured never re-reads old check-ins."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import CheckIn, Goal, Step
from tests.personas import People


@pytest.fixture
def twenty_minutes(walk_goal: Goal, people: People) -> Step:
    return actions.add_step(
        walk_goal,
        by=people.maria,
        wording="Walk 20 minutes a day",
        target_kind="amount",
        target_quantity=Decimal(20),
        target_unit="minutes",
        target_per="day",
    )


def tap(client: Client, step: Step, outcome: str = "done", **more: str) -> str:
    data = {f"step-{step.pk}-{name}": value for name, value in {"outcome": outcome, **more}.items()}
    page = client.post(reverse("goals:check_in", args=[step.pk]), data, follow=True)
    assert page.status_code == 200
    return page.text


def test_done_on_twenty_minutes_a_day_counts_twenty_minutes(
    as_maria: Client, twenty_minutes: Step
) -> None:
    page = tap(as_maria, twenty_minutes)
    assert "20 of 20 minutes" in page
    assert "1 of 20 minutes" not in page


def test_the_peer_may_say_how_much_it_really_was(as_maria: Client, twenty_minutes: Step) -> None:
    assert "12 of 20 minutes" in tap(as_maria, twenty_minutes, amount="12")


def test_each_check_in_keeps_the_target_it_was_made_against(
    as_maria: Client, people: People, twenty_minutes: Step
) -> None:
    tap(as_maria, twenty_minutes, amount="21")
    step = Step.objects.get(pk=twenty_minutes.pk)
    actions.change_step(
        step,
        by=people.maria,
        version=step.version,
        target_kind="count",
        target_quantity=Decimal(4),
        target_unit="",
        target_per="week",
    )
    entry = CheckIn.objects.get()
    assert (entry.target_kind, entry.target_quantity, entry.target_unit, entry.target_per) == (
        "amount",
        Decimal(20),
        "minutes",
        "day",
    )
    # The 21 minutes are not read as 21 times: it was one time done.
    page = as_maria.get(reverse("goals:detail", args=[step.goal_id])).text
    assert "1 of 4" in page
    assert "21 of 4" not in page


def test_minutes_are_not_read_as_another_amount(
    as_maria: Client, people: People, twenty_minutes: Step
) -> None:
    tap(as_maria, twenty_minutes)
    step = Step.objects.get(pk=twenty_minutes.pk)
    actions.change_step(
        step,
        by=people.maria,
        version=step.version,
        target_quantity=Decimal(2),
        target_unit="miles",
    )
    page = as_maria.get(reverse("goals:today")).text
    assert "0 of 2 miles" in page


def test_the_card_says_what_done_counts(as_maria: Client, twenty_minutes: Step) -> None:
    page = as_maria.get(reverse("goals:today")).text
    assert "“Done” counts 20 minutes. If it was a different amount, write it here." in page
