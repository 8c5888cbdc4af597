"""Amounts show as people write them: "10" and "2.5", never "10.00" or "2.50"."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from tests.personas import People
from tests.web.conftest import browser_for

# A number with a trailing zero after the decimal point: what a person never typed.
PADDED = re.compile(r"\b\d+\.\d*0\b")


@pytest.fixture
def walking(people: People) -> tuple[Goal, Step]:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Walk more", life_area="physical"
    )
    step = actions.add_step(
        goal,
        by=people.maria,
        wording="Walk 2.5 miles a week",
        target_kind="amount",
        target_quantity=Decimal("2.5"),
        target_unit="miles",
        target_per="week",
    )
    actions.record_check_in(step, by=people.maria, outcome="done", amount=Decimal("1.5"))
    step.refresh_from_db()
    actions.change_step(step, by=people.maria, version=step.version, target_quantity=Decimal(10))
    return goal, step


def test_pages_show_amounts_as_people_write_them(
    people: People, walking: tuple[Goal, Step]
) -> None:
    goal, step = walking
    maria = browser_for(people.maria)
    pages = {
        reverse("goals:today"): ["1.5 of 10 miles"],
        reverse("goals:detail", args=[goal.pk]): ["1.5 of 10 miles", "(1.5)", "10 miles a week"],
        reverse("goals:history", args=[goal.pk]): ["2.5", "10"],
        reverse("goals:edit_step", args=[step.pk]): ['value="10"'],
    }
    for path, shown in pages.items():
        page = maria.get(path)
        assert page.status_code == 200
        for words in shown:
            assert words in page.text, f"{path} does not say {words!r}"
        # What a person reads: the words between the tags, and what the form fields hold.
        read = re.sub(r"<[^>]*>", " ", page.text) + " ".join(
            re.findall(r'value="[^"]*"', page.text)
        )
        assert not PADDED.findall(read), f"{path} shows {PADDED.findall(read)}"


def test_the_data_download_has_amounts_as_written(
    people: People, walking: tuple[Goal, Step]
) -> None:
    answer = browser_for(people.maria).get(reverse("privacy:download_my_data"))
    data = json.loads(b"".join(answer.streaming_content) if answer.streaming else answer.content)
    assert data["steps"][0]["target_quantity"] == "10"
    assert data["check_ins"][0]["amount"] == "1.5"
    assert [version["target_quantity"] for version in data["history"]["steps"]] == ["2.5", "10"]
