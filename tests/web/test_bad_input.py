"""No input, however odd, gives a server error: bad ids, dates, choices, numbers, huge text."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from peergoals.goals.models import Goal, Step
from tests.personas import People
from tests.web.conftest import browser_for

FIELDS = [
    "own_words", "smart_wording", "life_area", "why_it_matters", "strengths", "importance",
    "confidence", "ready", "together", "version", "review_every_days", "status", "reason",
    "direction", "wording", "target_kind", "target_quantity", "target_unit", "target_per",
    "starts_on", "due_on", "outcome", "amount", "feeling", "note", "whats_working",
    "whats_not_working", "decision", "wins", "lessons", "attainment", "next",
]  # fmt: skip

JUNK = {
    "nothing": None,
    "empty": "",
    "huge": "x" * 100_000,
    "nul": "walk\x00",
    "negative": "-1",
    "enormous number": "99999999999999999999999",
    "exponent": "1e999",
    "not a number": "NaN",
    "impossible date": "2026-02-31",
    "markup": "<script>alert(1)</script>",
    "unknown choice": "moon",
}

# Valid-looking forms with one thing wrong, to get past the form and into the actions.
ALMOST = {
    "due before start": {
        "wording": "Walk", "target_kind": "count", "target_quantity": "2", "target_per": "week",
        "starts_on": "2026-12-10", "due_on": "2026-12-01",
    },
    "counted without a number": {"wording": "Walk", "target_kind": "amount"},
    "old version": {
        "version": "1", "own_words": "Mine", "life_area": "social", "review_every_days": "0",
        "wording": "Walk", "target_kind": "once", "starts_on": "2026-11-01",
    },
    "status not allowed": {"status": "proposed", "reason": "because"},
    "review with odd attainment": {"decision": "complete", "attainment": "3"},
    "future check-in amount": {"outcome": "done", "amount": "12345678901.5", "feeling": "meh"},
    "offsite next": {"outcome": "skipped", "status": "on-hold", "next": "https://evil.example/"},
}  # fmt: skip


def payload(step: Step, fields: dict[str, str]) -> dict[str, str]:
    """The fields as every form reads them, the check-in form's prefixed names included."""
    prefixed = {f"step-{step.pk}-{name}": value for name, value in fields.items()}
    return {**fields, **prefixed}


def junk(value: str | None, step: Step) -> dict[str, str]:
    if value is None:
        return {}
    return payload(step, dict.fromkeys(FIELDS, value))


def endpoints(goal: Goal, step: Step) -> list[str]:
    return [
        reverse("goals:new"),
        reverse("goals:propose", args=[goal.peer_id]),
        reverse("goals:edit", args=[goal.pk]),
        reverse("goals:status", args=[goal.pk]),
        reverse("goals:accept", args=[goal.pk]),
        reverse("goals:decline", args=[goal.pk]),
        reverse("goals:review", args=[goal.pk]),
        reverse("goals:add_step", args=[goal.pk]),
        reverse("goals:edit_step", args=[step.pk]),
        reverse("goals:accept_step", args=[step.pk]),
        reverse("goals:decline_step", args=[step.pk]),
        reverse("goals:move_step", args=[step.pk]),
        reverse("goals:step_status", args=[step.pk]),
        reverse("goals:check_in", args=[step.pk]),
        reverse("goals:coach"),
        reverse("login"),
    ]


@pytest.mark.parametrize("persona", ["maria", "sam", "pat"])
@pytest.mark.parametrize("name", list(JUNK))
def test_junk_posted_to_every_form_never_gives_a_server_error(
    people: People, walk_step: Step, persona: str, name: str
) -> None:
    client = browser_for(getattr(people, persona))
    for url in endpoints(walk_step.goal, walk_step):
        data = junk(JUNK[name], walk_step)
        for headers in ({}, {"HX-Request": "true"}):
            page = client.post(url, data, headers=headers)
            assert page.status_code < 500, url
            assert page.status_code in (200, 302, 400, 404, 409), (url, page.status_code)


@pytest.mark.parametrize("persona", ["maria", "sam"])
@pytest.mark.parametrize("name", list(ALMOST))
def test_almost_right_forms_are_answered_in_plain_words(
    people: People, walk_step: Step, persona: str, name: str
) -> None:
    client = browser_for(getattr(people, persona))
    for url in endpoints(walk_step.goal, walk_step):
        page = client.post(url, payload(walk_step, ALMOST[name]))
        assert page.status_code < 500, url
        assert "evil.example" not in page.get("Location", ""), url


def test_bad_ids_and_query_strings_are_not_found_or_ignored(
    as_maria: Client, walk_step: Step
) -> None:
    huge = 10**30
    for url in (
        reverse("goals:detail", args=[huge]),
        reverse("goals:edit", args=[huge]),
        reverse("goals:review", args=[huge]),
        reverse("goals:edit_step", args=[huge]),
        reverse("goals:peer", args=[huge]),
        reverse("goals:propose", args=[huge]),
        reverse("people:specialist", args=[huge]),
        "/goals/abc/",
        "/steps/-1/check-in/",
    ):
        assert as_maria.get(url).status_code == 404, url
    assert as_maria.post(reverse("goals:check_in", args=[huge])).status_code == 404
    for url in (reverse("goals:today"), reverse("goals:wins"), reverse("goals:new")):
        page = as_maria.get(url + "?page=-1&step-1-outcome=%00&next=//evil.example&x=" + "y" * 5000)
        assert page.status_code == 200, url


def test_the_wrong_method_is_refused_not_crashed(as_maria: Client, walk_step: Step) -> None:
    assert as_maria.get(reverse("goals:check_in", args=[walk_step.pk])).status_code == 405
    assert as_maria.post(reverse("goals:today")).status_code == 405
    assert as_maria.delete(reverse("goals:detail", args=[walk_step.goal_id])).status_code == 405
