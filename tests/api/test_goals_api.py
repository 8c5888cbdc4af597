"""The JSON API's goals, steps and check-ins, with a personal access token or the session."""

from __future__ import annotations

from django.test import Client

from peergoals.audit.models import AuditAction, AuditEntry
from peergoals.goals.models import CheckIn, Goal, Step
from peergoals.people import tokens
from peergoals.people.models import User
from tests.personas import People, confirmed_device


def bearer(person: User, scope: str = "write") -> dict[str, str]:
    if not person.is_peer:
        confirmed_device(person)
    _token, secret = tokens.create_token(person, name="script", scope=scope, days=30)
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_it_lists_the_peers_own_goals_with_her_token(
    client: Client, people: People, walk_goal: Goal
) -> None:
    answer = client.get(f"/api/v1/peers/{people.maria.pk}/goals", **bearer(people.maria))
    assert answer.status_code == 200
    assert [goal["own_words"] for goal in answer.json()] == ["I want to get healthier"]


def test_it_answers_404_for_another_peers_goal_as_for_a_missing_one(
    client: Client, people: People, walk_goal: Goal
) -> None:
    jordans = bearer(people.jordan)
    forbidden = client.get(f"/api/v1/goals/{walk_goal.pk}", **jordans)
    missing = client.get("/api/v1/goals/999999", **jordans)
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json() == {"detail": "No such goal."}


def test_it_wants_a_token_or_a_session(client: Client, people: People, walk_goal: Goal) -> None:
    assert client.get(f"/api/v1/goals/{walk_goal.pk}").status_code == 401
    wrong = {"HTTP_AUTHORIZATION": "Bearer pg_not-a-token"}
    assert client.get(f"/api/v1/goals/{walk_goal.pk}", **wrong).status_code == 401


def test_the_signed_in_session_reads_too(client: Client, people: People, walk_goal: Goal) -> None:
    client.force_login(people.maria)
    assert client.get(f"/api/v1/goals/{walk_goal.pk}").json()["id"] == walk_goal.pk


def test_a_session_write_needs_the_csrf_token(people: People, walk_step: Step) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people.maria)
    answer = browser.post(
        f"/api/v1/steps/{walk_step.pk}/check-ins",
        {"outcome": "done"},
        content_type="application/json",
    )
    assert answer.status_code == 403
    assert not CheckIn.objects.exists()


def test_the_peer_checks_in_with_a_write_token(
    client: Client, people: People, walk_step: Step
) -> None:
    answer = client.post(
        f"/api/v1/steps/{walk_step.pk}/check-ins",
        {"outcome": "done"},
        content_type="application/json",
        **bearer(people.maria),
    )
    assert answer.status_code == 201
    assert answer.json()["check_in"]["outcome"] == "done"
    assert CheckIn.objects.get().recorded_by == people.maria


def test_a_read_only_token_cannot_check_in(client: Client, people: People, walk_step: Step) -> None:
    answer = client.post(
        f"/api/v1/steps/{walk_step.pk}/check-ins",
        {"outcome": "done"},
        content_type="application/json",
        **bearer(people.maria, "read"),
    )
    assert answer.status_code == 403
    assert not CheckIn.objects.exists()


def test_bad_input_is_a_422_that_names_the_field(
    client: Client, people: People, walk_step: Step
) -> None:
    answer = client.post(
        f"/api/v1/steps/{walk_step.pk}/check-ins",
        {"outcome": "maybe"},
        content_type="application/json",
        **bearer(people.maria),
    )
    assert answer.status_code == 422
    assert "outcome" in str(answer.json()["detail"])


def test_a_specialists_read_is_audited_as_the_goal_page_audits_it(
    client: Client, people: People, walk_goal: Goal
) -> None:
    headers = bearer(people.sam)
    client.get(f"/api/v1/goals/{walk_goal.pk}", **headers)
    seen = AuditEntry.objects.filter(action=AuditAction.VIEW, user=people.sam, record_type="goal")
    assert [entry.record_id for entry in seen] == [walk_goal.pk]
