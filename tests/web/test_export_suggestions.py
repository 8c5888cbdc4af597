"""The downloads hold every suggestion: each suggested change (what, the value, by whom, when,
where it stands) and each goal or step someone else suggested, with its state."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from tests.personas import People


@pytest.fixture
def suggestions(people: People, walk_goal: Goal, walk_step: Step) -> None:
    """Sam's suggestions to Maria, one of each outcome."""
    sam, maria = people.sam, people.maria
    accepted = actions.suggest_change(walk_goal, by=sam, version=None, strengths="My sister")
    actions.accept_change(accepted, by=maria)
    declined = actions.suggest_change(walk_step, by=sam, version=None, wording="Run")
    actions.decline_change(declined, by=maria)
    withdrawn = actions.suggest_change(walk_step, by=sam, version=None, wording="Jog")
    actions.withdraw_change(withdrawn, by=sam)
    actions.suggest_change(walk_goal, by=sam, version=None, smart_wording="Walk 20 minutes")
    choir = actions.create_goal(maria, by=sam, own_words="Join a choir", life_area="social")
    actions.accept_goal(choir, by=maria)
    actions.create_goal(maria, by=sam, own_words="Call the library", life_area="intellectual")
    stretch = actions.add_step(walk_goal, by=sam, wording="Stretch after the walk")
    actions.decline_step(stretch, by=maria)
    water = actions.add_step(walk_goal, by=sam, wording="Drink water")
    actions.withdraw_step(water, by=sam)


def _changes(data: dict[str, Any]) -> list[tuple[str, str, str, str, str | None]]:
    return [
        (
            change["changes"][0]["field"],
            change["changes"][0]["suggested_value"],
            change["suggested_by"],
            change["status"],
            change["answered_by"],
        )
        for change in data["suggested_changes"]
    ]


EXPECTED_CHANGES = [
    ("strengths", "My sister", "Sam", "accepted", "Maria"),
    ("wording", "Run", "Sam", "declined", "Maria"),
    ("wording", "Jog", "Sam", "withdrawn", "Sam"),
    ("smart_wording", "Walk 20 minutes", "Sam", "waiting", None),
]
EXPECTED_RECORDS = [
    ("goal", "Join a choir", "Sam", "accepted"),
    ("goal", "Call the library", "Sam", "waiting"),
    ("step", "Stretch after the walk", "Sam", "declined"),
    ("step", "Drink water", "Sam", "withdrawn"),
]


def _records(data: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return [
        (row["kind"], row["words"], row["suggested_by"], row["status"])
        for row in data["suggested_goals_and_steps"]
    ]


def test_marias_own_download_holds_every_suggestion_and_where_it_stands(
    as_maria: Client, suggestions: None
) -> None:
    data = json.loads(as_maria.get(reverse("privacy:download_my_data")).content)
    assert _changes(data) == EXPECTED_CHANGES
    assert all(change["suggested_at"] for change in data["suggested_changes"])
    assert _records(data) == EXPECTED_RECORDS


def test_the_staff_download_of_marias_records_holds_them_too(
    as_sam: Client, people: People, suggestions: None
) -> None:
    answer = as_sam.get(reverse("privacy:peer_download", args=[people.maria.pk]))
    assert answer.status_code == 200
    data = json.loads(answer.content)
    assert _changes(data) == EXPECTED_CHANGES
    assert _records(data) == EXPECTED_RECORDS
