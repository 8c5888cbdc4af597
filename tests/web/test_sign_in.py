"""Passwords, the sign-in lockout and how long a session lives."""

from __future__ import annotations

import datetime
import logging
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from peergoals.goals.models import CheckIn, Goal, Step
from peergoals.people.middleware import SIGNED_IN_AT
from peergoals.people.models import Role, User
from tests.audit_helpers import new_entries
from tests.personas import PASSWORD, People
from tests.web.conftest import browser_for

WRONG = "not-the-password-at-all"


def sign_in(client: Client, username: str, password: str, ip: str = "10.0.0.1") -> object:
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def is_signed_in(client: Client) -> bool:
    response = client.get("/me/")
    return response.status_code == 200


@pytest.mark.django_db
def test_it_stores_passwords_as_argon2id_hashes() -> None:
    person = User.objects.create_user("casey", password="a-long-test-password-9", role=Role.PEER)
    assert person.password.startswith("argon2$argon2id$")
    assert "a-long-test-password-9" not in person.password


@pytest.mark.django_db
def test_it_accepts_a_long_passphrase_and_refuses_a_common_or_short_password() -> None:
    person = User(username="casey", role=Role.PEER)
    validate_password("my dog Biscuit likes long walks by the river on sunny days " * 2, person)
    with pytest.raises(ValidationError, match="too common"):
        validate_password("password123", person)
    with pytest.raises(ValidationError, match="at least 8 characters"):
        validate_password("k9#Tr2", person)


def test_it_locks_out_a_username_and_address_after_five_wrong_passwords(
    people: People, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client()
    with caplog.at_level(logging.INFO):
        statuses = [sign_in(client, "maria", WRONG).status_code for _ in range(5)]  # type: ignore[attr-defined]
        response = sign_in(client, "maria", PASSWORD)
    # The fifth wrong password already shows the lockout page.
    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert "Sign-in is paused for 30 minutes" in response.content.decode()  # type: ignore[attr-defined]
    assert not is_signed_in(client)
    assert "Locking out" in caplog.text
    assert WRONG not in caplog.text and PASSWORD not in caplog.text
    assert WRONG not in "".join(AccessAttempt.objects.values_list("post_data", flat=True))


def test_it_keeps_the_same_username_open_from_another_address_and_others_from_the_same(
    people: People,
) -> None:
    for _ in range(5):
        sign_in(Client(), "maria", WRONG, ip="10.0.0.1")
    from_elsewhere = Client()
    sign_in(from_elsewhere, "maria", PASSWORD, ip="10.0.0.2")
    assert is_signed_in(from_elsewhere)
    someone_else = Client()
    sign_in(someone_else, "jordan", PASSWORD, ip="10.0.0.1")
    assert is_signed_in(someone_else)


def test_it_lets_the_person_in_again_after_thirty_minutes(people: People) -> None:
    for _ in range(5):
        sign_in(Client(), "maria", WRONG)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=29))
    assert sign_in(Client(), "maria", PASSWORD).status_code == 429  # type: ignore[attr-defined]
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=31))
    client = Client()
    sign_in(client, "maria", PASSWORD)
    assert is_signed_in(client)


def test_it_gives_a_new_session_key_at_sign_in(people: People) -> None:
    client = Client()
    before = client.session
    before["language_picked"] = "en"
    before.save()
    client.cookies["sessionid"] = before.session_key
    sign_in(client, "maria", PASSWORD)
    after = client.cookies["sessionid"].value
    assert after != before.session_key
    assert not Session.objects.filter(session_key=before.session_key).exists()
    assert is_signed_in(client)


def test_it_ends_the_session_on_the_server_at_log_out(as_maria: Client) -> None:
    old_cookie = as_maria.cookies["sessionid"].value
    as_maria.post("/logout/")
    replay = Client()
    replay.cookies["sessionid"] = old_cookie
    assert replay.get("/me/").status_code == 302
    assert not Session.objects.filter(session_key=old_cookie).exists()


def test_it_ends_a_deactivated_persons_session_on_their_next_request(people: People) -> None:
    sam = browser_for(people.sam)
    key = sam.cookies["sessionid"].value
    assert sam.get("/caseload/").status_code == 200
    User.objects.filter(id=people.sam.id).update(is_active=False)
    response = sam.get("/caseload/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert not Session.objects.filter(session_key=key).exists()


def test_it_ends_a_session_after_thirty_idle_minutes_but_not_while_in_use(as_maria: Client) -> None:
    start = timezone.now()
    # Each request within 30 minutes of the last keeps the session alive: 29 + 29 minutes here.
    for minutes in (29, 58):
        with mock.patch("django.utils.timezone.now", return_value=start + timedelta(minutes)):
            assert as_maria.get("/me/").status_code == 200
    with mock.patch("django.utils.timezone.now", return_value=start + timedelta(58 + 31)):
        response = as_maria.get("/me/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_it_ends_a_session_twelve_hours_after_sign_in_however_busy(as_maria: Client) -> None:
    session = as_maria.session
    session[SIGNED_IN_AT] = (timezone.now() - timedelta(11 * 60 + 59)).timestamp()
    session.save()
    assert as_maria.get("/me/").status_code == 200
    session = as_maria.session
    session[SIGNED_IN_AT] = (timezone.now() - timedelta(12 * 60 + 1)).timestamp()
    session.save()
    response = as_maria.get("/me/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert as_maria.get("/me/").status_code == 302


def timedelta(minutes: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=minutes)


def test_it_writes_the_session_at_most_once_a_minute_to_keep_it_alive(as_maria: Client) -> None:
    def session_writes(at: datetime.datetime) -> int:
        with (
            mock.patch("django.utils.timezone.now", return_value=at),
            CaptureQueriesContext(connection) as queries,
        ):
            assert as_maria.get("/me/").status_code == 200
        return sum("django_session" in q["sql"] and "UPDATE" in q["sql"] for q in queries)

    start = timezone.now()
    assert session_writes(start + timedelta(0)) == 0
    assert session_writes(start + timedelta(2)) == 1
    assert session_writes(start + timedelta(2)) == 0


def test_it_refuses_an_impossibly_long_username_beside_the_field(people: People) -> None:
    client = Client()
    with new_entries() as entries:
        response = client.post("/login/", {"username": "m" * 300, "password": PASSWORD})
    assert response.status_code == 200
    assert "A username is at most 150 characters" in response.text
    assert "m" * 300 in response.text
    assert not AccessAttempt.objects.exists()
    assert entries == []


# An htmx request (a check-in tap, the coach's tips) after the session ended ----------------------

HTMX_FROM_HOME = {"HX-Request": "true", "HX-Current-URL": "http://testserver/me/"}


def test_a_check_in_tap_after_the_session_ended_opens_the_login_page_not_a_card(
    as_maria: Client, walk_step: Step
) -> None:
    Session.objects.all().delete()  # 30 idle minutes went by
    response = as_maria.post(
        reverse("goals:check_in", args=[walk_step.pk]),
        {f"step-{walk_step.pk}-outcome": "done"},
        headers=HTMX_FROM_HOME,
    )
    # htmx moves the whole page; nothing is swapped into the step card.
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/login/?next=/me/"
    assert response.content == b""
    assert not CheckIn.objects.exists()
    login = as_maria.get(response["HX-Redirect"])
    assert "Please log in again to go on" in login.text
    assert 'name="next" value="/me/"' in login.text


def test_a_coach_request_after_the_session_ended_returns_to_the_page_typed_on(
    as_maria: Client, walk_goal: Goal
) -> None:
    Session.objects.all().delete()
    page = f"/goals/{walk_goal.pk}/edit/"
    response = as_maria.post(
        reverse("goals:coach"),
        {"wording": "Walk every day"},
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{page}"},
    )
    assert response["HX-Redirect"] == f"/login/?next={page}"


def test_it_never_sends_a_person_back_to_another_site_after_logging_in(as_maria: Client) -> None:
    Session.objects.all().delete()
    response = as_maria.get(
        reverse("goals:today"),
        headers={"HX-Request": "true", "HX-Current-URL": "https://evil.example/me/"},
    )
    assert response["HX-Redirect"] == "/login/?next=/me/"


def test_a_page_opened_without_htmx_still_gets_a_plain_redirect(as_maria: Client) -> None:
    Session.objects.all().delete()
    response = as_maria.get(reverse("goals:today"))
    assert response.status_code == 302 and response["Location"] == "/login/?next=/me/"
    assert "HX-Redirect" not in response


def test_a_first_visit_is_welcomed_without_talk_of_being_logged_out(db: None) -> None:
    login = Client().get("/", follow=True)
    assert "Log in to see your goals and steps." in login.text
    assert "log in again" not in login.text
