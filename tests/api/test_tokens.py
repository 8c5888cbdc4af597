"""Personal access tokens: made on a page and shown once, kept hashed, revoked by their owner,
never more than their owner, audited, and rate-limited."""

from __future__ import annotations

import datetime
import hashlib
import re

import pytest
from django.test import Client
from django.utils import timezone

from peergoals.audit.models import AuditAction, AuditEntry
from peergoals.goals.models import CheckIn, Goal, Step
from peergoals.people import tokens
from peergoals.people.models import AccessToken
from tests.personas import People, confirmed_device


def made_on_the_page(client: Client, scope: str = "write") -> str:
    page = client.post("/account/tokens/new/", {"name": "my script", "scope": scope, "days": 30})
    assert page.status_code == 200
    found = re.search(
        r'id="token-secret" class="secret-key" value="(pg_[^"]+)"', page.content.decode()
    )
    assert found, "the new token is shown"
    return found[1]


def test_the_peer_makes_a_token_shown_once_and_kept_only_hashed(
    client: Client, people: People, walk_goal: Goal
) -> None:
    client.force_login(people.maria)
    secret = made_on_the_page(client)
    token = AccessToken.objects.get()
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in client.get("/account/tokens/").content.decode()
    assert token.prefix in client.get("/account/tokens/").content.decode()
    api = Client()
    answer = api.get(f"/api/v1/goals/{walk_goal.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert answer.status_code == 200


def test_a_revoked_token_stops_at_once(client: Client, people: People, walk_goal: Goal) -> None:
    client.force_login(people.maria)
    secret = made_on_the_page(client)
    token = AccessToken.objects.get()
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 302
    answer = Client().get(f"/api/v1/goals/{walk_goal.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert answer.status_code == 401
    assert token.prefix not in client.get("/account/tokens/").content.decode()


def test_nobody_revokes_another_persons_token(client: Client, people: People) -> None:
    token, _secret = tokens.create_token(people.maria, name="mine", scope="read", days=30)
    client.force_login(people.jordan)
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_staff_make_a_token_only_with_two_step_sign_in(client: Client, people: People) -> None:
    with pytest.raises(tokens.NotAllowed):
        tokens.create_token(people.sam, name="caseload", scope="read", days=30)
    confirmed_device(people.sam)
    token, _secret = tokens.create_token(people.sam, name="caseload", scope="read", days=30)
    assert token.owner == people.sam


def test_a_bad_form_is_refused_beside_its_field_with_what_was_typed(
    client: Client, people: People
) -> None:
    client.force_login(people.maria)
    page = client.post("/account/tokens/new/", {"name": "my script", "scope": "read", "days": 900})
    assert page.status_code == 400
    assert "my script" in page.content.decode()
    assert not AccessToken.objects.exists()


def test_an_expired_token_or_one_of_a_deactivated_account_is_dead(
    people: People, walk_goal: Goal
) -> None:
    long_ago = timezone.now() - datetime.timedelta(days=40)
    _old, expired = tokens.create_token(
        people.maria, name="old", scope="read", days=30, at=long_ago
    )
    _new, fresh = tokens.create_token(people.maria, name="new", scope="read", days=30)
    api = Client()
    url = f"/api/v1/goals/{walk_goal.pk}"
    assert api.get(url, HTTP_AUTHORIZATION=f"Bearer {expired}").status_code == 401
    assert api.get(url, HTTP_AUTHORIZATION=f"Bearer {fresh}").status_code == 200
    people.maria.is_active = False
    people.maria.save(update_fields=["is_active"])
    assert api.get(url, HTTP_AUTHORIZATION=f"Bearer {fresh}").status_code == 401


def test_a_token_reaches_no_more_than_its_owner(people: People, walk_step: Step) -> None:
    """Pat supervises Sam's team: he reads Maria's goal, never checks in on it; his write
    token does not change that. Alex, on the same team, does not reach it at all."""
    confirmed_device(people.pat)
    confirmed_device(people.alex)
    _pat, pats = tokens.create_token(people.pat, name="team", scope="write", days=30)
    _alex, alexs = tokens.create_token(people.alex, name="mine", scope="write", days=30)
    api = Client()
    goal_url = f"/api/v1/goals/{walk_step.goal_id}"
    check_in_url = f"/api/v1/steps/{walk_step.pk}/check-ins"
    done = {"outcome": "done"}
    assert api.get(goal_url, HTTP_AUTHORIZATION=f"Bearer {pats}").status_code == 200
    assert (
        api.post(check_in_url, done, "application/json", HTTP_AUTHORIZATION=f"Bearer {pats}")
    ).status_code == 404
    assert api.get(goal_url, HTTP_AUTHORIZATION=f"Bearer {alexs}").status_code == 404
    missing = api.post(
        "/api/v1/steps/987654/check-ins",
        done,
        "application/json",
        HTTP_AUTHORIZATION=f"Bearer {alexs}",
    )
    forbidden = api.post(
        check_in_url, done, "application/json", HTTP_AUTHORIZATION=f"Bearer {alexs}"
    )
    assert (forbidden.status_code, forbidden.content) == (missing.status_code, missing.content)
    assert not CheckIn.objects.exists()


def test_making_using_and_revoking_a_token_are_audited_a_use_once_a_day(
    people: People, walk_goal: Goal
) -> None:
    token, secret = tokens.create_token(people.maria, name="app", scope="read", days=30)
    api = Client()
    for _ in range(3):
        api.get(f"/api/v1/goals/{walk_goal.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    tokens.revoke_token(people.maria, token.pk)
    about_it = AuditEntry.objects.filter(record_type="access-token", record_id=token.pk)
    assert sorted(about_it.values_list("action", flat=True)) == sorted(
        [AuditAction.TOKEN_CREATED, AuditAction.TOKEN_USED, AuditAction.TOKEN_REVOKED]
    )


def test_a_token_past_its_rate_limit_gets_429(
    settings: object, people: People, walk_goal: Goal
) -> None:
    settings.API_TOKEN_RATE = "3/m"  # type: ignore[attr-defined]
    _token, secret = tokens.create_token(people.maria, name="busy", scope="read", days=30)
    api = Client()
    answers = [
        api.get(f"/api/v1/goals/{walk_goal.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code
        for _ in range(4)
    ]
    assert answers == [200, 200, 200, 429]
