"""Nobody ties up the server: the coach reads capped fields, bodies are capped, and the coach
and the sign-in pages are rate-limited per person and per address."""

from __future__ import annotations

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from peergoals.goals.models import Goal
from tests.personas import PASSWORD, People

STATEMENT = "I will walk for 10 minutes every morning this week"


def test_the_coach_never_reads_more_than_a_form_allows(as_maria: Client) -> None:
    # A coach that fails is caught by the page (no tips), so only its calls are counted here.
    with mock.patch("peergoals.goals.coaching.judge", side_effect=RuntimeError) as judge:
        as_maria.post(reverse("goals:coach"), {"own_words": STATEMENT, "why_it_matters": "x"})
        assert judge.call_count == 1  # what a form allows, the coach reads
        judge.reset_mock()
        answer = as_maria.post(
            reverse("goals:coach"),
            {"own_words": STATEMENT, "why_it_matters": "x" * 30_000},
            headers={"HX-Request": "true"},
        )
    assert answer.status_code == 200
    judge.assert_not_called()


def test_the_coach_refuses_a_big_body_before_reading_it(as_maria: Client) -> None:
    with mock.patch("peergoals.goals.coaching.judge") as judge:
        answer = as_maria.post(
            reverse("goals:coach"),
            {"own_words": STATEMENT, "why_it_matters": "x" * 2_000_000},
            headers={"HX-Request": "true"},
        )
    assert answer.status_code == 413
    assert "That was too much to send at once." in answer.text
    judge.assert_not_called()


def test_every_page_refuses_a_body_of_a_megabyte(as_maria: Client) -> None:
    goal = {"own_words": "Walk more", "life_area": "physical", "ready": "yes"}
    padded = {**goal, "importance": "8", "confidence": "6", "padding": "x" * 1_000_000}
    answer = as_maria.post(reverse("goals:new"), padded)
    assert answer.status_code == 400
    assert not Goal.objects.exists()


def test_the_coach_is_rate_limited_per_person(
    as_maria: Client, settings: pytest.FixtureRequest
) -> None:
    # Counted per hour here: a minute's window could turn over in the middle of the test.
    settings.RATE_LIMITS = {"goals:coach": {"person": "3/h", "address": "100/h"}}  # type: ignore[attr-defined]
    coach = reverse("goals:coach")
    answers = [as_maria.post(coach, {"own_words": STATEMENT}).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = as_maria.post(coach, {"own_words": STATEMENT})
    assert "Please wait a minute" in limited.text and limited["Retry-After"] == "60"


def test_sign_in_is_rate_limited_per_address_whatever_the_username(
    people: People, settings: pytest.FixtureRequest
) -> None:
    settings.RATE_LIMITS = {"login": {"person": "100/h", "address": "3/h"}}  # type: ignore[attr-defined]
    names = ["maria", "sam", "jordan", "alex"]
    answers = [
        Client().post(reverse("login"), {"username": name, "password": "wrong-password-1"})
        for name in names
    ]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    # Another address is not held up by this one.
    elsewhere = Client(REMOTE_ADDR="10.9.9.9").post(
        reverse("login"), {"username": "maria", "password": PASSWORD}
    )
    assert elsewhere.status_code == 302


def test_sign_in_is_rate_limited_per_username_across_addresses(
    people: People, settings: pytest.FixtureRequest
) -> None:
    settings.RATE_LIMITS = {"login": {"person": "2/h", "address": "100/h"}}  # type: ignore[attr-defined]
    answers = [
        Client(REMOTE_ADDR=f"10.0.0.{n}").post(
            reverse("login"), {"username": "Maria", "password": "wrong-password-1"}
        )
        for n in range(3)
    ]
    assert [a.status_code for a in answers] == [200, 200, 429]
