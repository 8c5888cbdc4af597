"""Goals, steps, answers and look-backs written through the API: the same actions and the same
rules as the pages, so a specialist's goal or step, or their look-back's decision, waits for
the peer's yes; the API answers in the token owner's language."""

from __future__ import annotations

from typing import Any

from django.test import Client

from peergoals.audit.models import AuditAction, AuditEntry
from peergoals.goals.models import Goal, Review, Status, Step, Win
from peergoals.people import tokens
from peergoals.people.models import User
from tests.personas import People, confirmed_device


def api_as(person: User, scope: str = "write") -> Client:
    if not person.is_peer:
        confirmed_device(person)
    _token, secret = tokens.create_token(person, name="script", scope=scope, days=30)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(f"/api/v1{url}", body, content_type="application/json")


def test_the_peer_writes_her_own_goal_and_it_is_hers_at_once(people: People) -> None:
    answer = post(
        api_as(people.maria),
        f"/peers/{people.maria.pk}/goals",
        {"own_words": "Call my sister on Sundays", "life_area": "social", "importance": 9},
    )
    assert answer.status_code == 201
    assert answer.json()["status"] == "active"
    assert answer.json()["expressed_by"] == "peer"
    goal = Goal.objects.get(pk=answer.json()["id"])
    assert (goal.own_words, goal.importance) == ("Call my sister on Sundays", 9)


def test_a_specialists_goal_is_a_suggestion_the_peer_answers_with_her_own_words(
    people: People,
) -> None:
    sent = {"own_words": "Walk more", "life_area": "physical", "importance": 10}
    answer = post(api_as(people.sam), f"/peers/{people.maria.pk}/goals", sent)
    assert answer.status_code == 201
    assert answer.json()["status"] == "proposed"
    goal = Goal.objects.get(pk=answer.json()["id"])
    # How much it matters is the peer's to say, never assumed for her.
    assert goal.importance is None
    # Staff writing into a peer's plan is audited, as on the pages.
    made = AuditEntry.objects.get(action=AuditAction.CREATE, record_type="goal")
    assert (made.user, made.record_id) == (people.sam, goal.pk)

    # Sam cannot answer for her.
    refused = post(api_as(people.sam), f"/goals/{goal.pk}/answer", {"answer": "accept"})
    assert refused.status_code == 403
    assert "peer" in refused.json()["detail"]

    accepted = post(
        api_as(people.maria),
        f"/goals/{goal.pk}/answer",
        {"answer": "accept", "reworded": "Walk to the park with my dog"},
    )
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "active"
    assert accepted.json()["own_words"] == "Walk to the park with my dog"


def test_the_peer_may_decline_a_suggested_step(people: People, walk_goal: Goal) -> None:
    suggested = post(
        api_as(people.sam), f"/goals/{walk_goal.pk}/steps", {"wording": "Run a marathon"}
    )
    assert suggested.status_code == 201
    assert suggested.json()["status"] == "proposed"
    step_id = suggested.json()["id"]
    declined = post(api_as(people.maria), f"/steps/{step_id}/answer", {"answer": "decline"})
    assert declined.status_code == 200
    assert Step.objects.get(pk=step_id).status == Status.REJECTED


def test_a_step_is_checked_by_the_page_forms_rules(people: People, walk_goal: Goal) -> None:
    maria = api_as(people.maria)
    no_number = post(
        maria, f"/goals/{walk_goal.pk}/steps", {"wording": "Walk", "target_kind": "count"}
    )
    assert no_number.status_code == 422
    assert no_number.json()["detail"][0]["loc"] == ["target_quantity"]
    backwards = post(
        maria,
        f"/goals/{walk_goal.pk}/steps",
        {"wording": "Walk", "starts_on": "2026-12-10", "due_on": "2026-12-01"},
    )
    assert backwards.status_code == 422
    assert backwards.json()["detail"][0]["loc"] == ["due_on"]
    assert not walk_goal.steps.exists()

    daily = post(
        maria,
        f"/goals/{walk_goal.pk}/steps",
        {
            "wording": "Walk after lunch",
            "target_kind": "amount",
            "target_quantity": 15,
            "target_unit": "minutes",
            "target_per": "day",
        },
    )
    assert daily.status_code == 201
    assert daily.json()["status"] == "active"
    assert daily.json()["target_quantity"] == "15.00"


def test_the_peers_look_back_takes_effect_and_is_a_win(people: People, walk_goal: Goal) -> None:
    answer = post(
        api_as(people.maria),
        f"/goals/{walk_goal.pk}/reviews",
        {"decision": "complete", "whats_working": "Mornings", "attainment": 1},
    )
    assert answer.status_code == 201
    assert answer.json()["waiting_for_peer"] is False
    assert answer.json()["review"]["attainment"] == 1
    assert answer.json()["wins"]
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.COMPLETED


def test_a_specialists_look_back_waits_for_the_peer_to_confirm(
    people: People, walk_goal: Goal
) -> None:
    answer = post(
        api_as(people.sam),
        f"/goals/{walk_goal.pk}/reviews",
        {"decision": "let_go", "peer_took_part": False},
    )
    assert answer.status_code == 201
    assert answer.json()["waiting_for_peer"] is True
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.ACTIVE
    review = Review.objects.get()
    assert list(review.participants.all()) == [people.sam]
    assert not Win.objects.filter(peer=people.maria).exists()


def test_the_same_look_back_sent_twice_is_one(people: People, walk_goal: Goal) -> None:
    maria = api_as(people.maria)
    body = {"decision": "keep", "submission": "6f1c1c1e-3a53-4c38-9a55-111111111111"}
    first = post(maria, f"/goals/{walk_goal.pk}/reviews", body)
    again = post(maria, f"/goals/{walk_goal.pk}/reviews", body)
    assert first.json()["review"]["id"] == again.json()["review"]["id"]
    assert Review.objects.count() == 1


def test_writes_reach_only_what_the_owner_may(people: People, walk_goal: Goal) -> None:
    jordan = api_as(people.jordan)
    body = {"own_words": "Mine now", "life_area": "social"}
    forbidden = post(jordan, f"/peers/{people.maria.pk}/goals", body)
    missing = post(jordan, "/peers/999999/goals", body)
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json()
    for url, sent in (
        (f"/goals/{walk_goal.pk}/steps", {"wording": "x"}),
        (f"/goals/{walk_goal.pk}/reviews", {"decision": "keep"}),
        (f"/goals/{walk_goal.pk}/answer", {"answer": "decline"}),
    ):
        assert post(jordan, url, sent).status_code == 404, url
    reader = api_as(people.maria, scope="read")
    assert post(reader, f"/goals/{walk_goal.pk}/steps", {"wording": "x"}).status_code == 403
    assert not walk_goal.steps.exists()
    assert Goal.objects.count() == 1


def test_the_api_answers_in_the_token_owners_language(people: People, walk_goal: Goal) -> None:
    people.jordan.language = "es"
    people.jordan.save()
    jordan = api_as(people.jordan)
    missing = jordan.get(f"/api/v1/goals/{walk_goal.pk}")
    assert missing.json() == {"detail": "No existe esa meta."}
    people.maria.language = "es"
    people.maria.save()
    read_only = api_as(people.maria, scope="read")
    refused = post(read_only, f"/goals/{walk_goal.pk}/steps", {"wording": "Caminar"})
    assert refused.json() == {"detail": "Este token de acceso solo puede leer."}
    practice = post(api_as(people.maria), f"/goals/{walk_goal.pk}/answer", {"answer": "accept"})
    assert practice.status_code == 403
    assert practice.json()["detail"] == "Esta meta no está esperando una respuesta."


def test_no_token_is_told_how_to_send_one_in_the_browsers_language(walk_goal: Goal) -> None:
    answer = Client().get(f"/api/v1/goals/{walk_goal.pk}", HTTP_ACCEPT_LANGUAGE="es")
    assert answer.status_code == 401
    assert "token de acceso" in answer.json()["detail"]
