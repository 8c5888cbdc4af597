"""Forms that are almost right get past the form into the practice's rules, and are refused plainly.

Arbitrary input into every form, page and query string, and ids that don't exist, are covered by
tests/test_fuzz_forms.py, which finds the forms and pages itself.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from peergoals.goals import actions
from peergoals.goals.models import Goal, Status, Step
from tests.personas import People
from tests.web.conftest import browser_for

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


@pytest.mark.parametrize("persona", ["maria", "sam"])
@pytest.mark.parametrize("name", list(ALMOST))
def test_it_answers_almost_right_forms_in_plain_words(
    people: People, walk_step: Step, persona: str, name: str
) -> None:
    client = browser_for(getattr(people, persona))
    for url in endpoints(walk_step.goal, walk_step):
        page = client.post(url, payload(walk_step, ALMOST[name]))
        assert page.status_code < 500, url
        assert "evil.example" not in page.get("Location", ""), url


def test_it_refuses_the_wrong_method_without_crashing(as_maria: Client, walk_step: Step) -> None:
    assert as_maria.put(reverse("goals:check_in", args=[walk_step.pk])).status_code == 405
    assert as_maria.post(reverse("goals:today")).status_code == 405
    assert as_maria.delete(reverse("goals:detail", args=[walk_step.goal_id])).status_code == 405


def test_it_ignores_a_next_that_is_not_a_path_on_this_site(
    as_maria: Client, people: People
) -> None:
    goal = actions.create_goal(people.maria, by=people.sam, own_words="Call", life_area="social")
    # A bare word used to be looked up as a page name, and crashed.
    page = as_maria.post(reverse("goals:accept", args=[goal.pk]), {"next": "today"})
    assert page.status_code == 302
    assert page["Location"] == reverse("goals:detail", args=[goal.pk])


def test_it_keeps_the_peers_words_when_an_answer_is_too_long(
    as_maria: Client, people: People
) -> None:
    goal = actions.create_goal(people.maria, by=people.sam, own_words="Call", life_area="social")
    words = "<b>I will call my brother</b> " * 40
    page = as_maria.post(reverse("goals:accept", args=[goal.pk]), {"own_words": words})
    assert page.status_code == 400
    assert "Please make this shorter (up to 1000 characters)." in page.text
    assert escape(words) in page.text
    goal.refresh_from_db()
    assert goal.status == Status.PROPOSED


# Found by the fuzz test: "²" passes str.isdigit() but int() refuses it.
NOT_AN_ID = ["²", "١٢", "-1", "1" * 30, ""]


@pytest.mark.parametrize("goal_id", NOT_AN_ID)
def test_the_coach_ignores_a_goal_id_that_is_no_id(as_maria: Client, goal_id: str) -> None:
    response = as_maria.post(
        reverse("goals:coach"), {"wording": "Walk every day", "coach_goal": goal_id}
    )
    assert response.status_code == 200
    assert "Has a when" in response.text


@pytest.mark.parametrize("record_id", NOT_AN_ID[:-1])
def test_the_admin_answers_a_record_id_that_is_no_id_as_missing(
    people: People, record_id: str
) -> None:
    response = browser_for(people.morgan).get(f"/admin/goals/goal/{record_id}/change/")
    assert response.status_code == 302  # to the admin home, saying there is no such goal
    assert response["Location"] == "/admin/"
