"""Choosing English or Español: before sign-in the browser decides, after it the profile does."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peergoals.goals.actions import record_check_in
from peergoals.goals.models import Step
from peergoals.people.models import User
from tests.personas import PASSWORD, People
from tests.web.conftest import browser_for

SPANISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "es-US,es;q=0.9"}
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def choose(client: Client, language: str, next_page: str = "/", **headers: str) -> object:
    return client.post(
        reverse("people:language"), {"language": language, "next": next_page}, **headers
    )


def test_before_sign_in_the_browser_language_decides(client: Client) -> None:
    spanish = client.get(reverse("login"), **SPANISH_BROWSER)
    assert '<html lang="es">' in spanish.text
    assert "Iniciar sesión" in spanish.text
    english = Client().get(reverse("login"), **ENGLISH_BROWSER)
    assert "Log in to see your goals and steps." in english.text


def test_someone_signed_out_chooses_espanol_in_the_footer(client: Client) -> None:
    login = client.get(reverse("login"), **ENGLISH_BROWSER)
    assert 'lang="es"' in login.text and "Español" in login.text
    answer = choose(client, "es", reverse("login"))
    assert answer.status_code == 302 and answer["Location"] == reverse("login")
    cookie = client.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "es"
    # No script may read it, and no other site's form may send it.
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert (
        "Inicia sesión para ver tus metas y pasos."
        in client.get(reverse("login"), **ENGLISH_BROWSER).text
    )


@pytest.mark.parametrize(
    "target", ["https://example.com/", "//example.com/", "javascript:alert(1)"]
)
def test_the_choice_never_sends_anyone_to_another_site(client: Client, target: str) -> None:
    answer = choose(client, "es", target)
    assert answer["Location"] == reverse("home")


def test_an_unknown_language_changes_nothing(as_maria: Client, people: People) -> None:
    answer = choose(as_maria, "fr", reverse("goals:today"))
    assert answer.status_code == 302
    people.maria.refresh_from_db()
    assert people.maria.language == ""


def test_choosing_is_a_post_only(client: Client) -> None:
    assert client.get(reverse("people:language")).status_code == 405


def test_a_peer_choice_is_saved_and_follows_her_to_another_device(
    as_maria: Client, people: People
) -> None:
    choose(as_maria, "es", reverse("goals:today"))
    people.maria.refresh_from_db()
    assert people.maria.language == "es"
    other_phone = Client()
    page = other_phone.post(
        reverse("login"),
        {"username": "maria", "password": PASSWORD},
        follow=True,
        **ENGLISH_BROWSER,
    )
    assert "¡Hola, Maria!" in page.text
    assert '<html lang="es">' in page.text


def test_the_saved_language_wins_over_the_browser_and_the_cookie(people: People) -> None:
    User.objects.filter(pk=people.maria.pk).update(language="es")
    maria = browser_for(people.maria)
    maria.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = maria.get(reverse("goals:today"), **ENGLISH_BROWSER)
    assert "Tus pasos de hoy" in page.text
    assert page["Content-Language"] == "es"


def test_a_specialist_and_a_peer_may_choose_differently(people: People) -> None:
    User.objects.filter(pk=people.maria.pk).update(language="es")
    User.objects.filter(pk=people.sam.pk).update(language="en")
    assert "Tus pasos de hoy" in browser_for(people.maria).get(reverse("goals:today")).text
    caseload = browser_for(people.sam).get(reverse("people:caseload"), **SPANISH_BROWSER)
    assert "Your caseload" in caseload.text
    # Maria's name is shown as written, whatever the language.
    assert "Maria" in caseload.text


def test_the_first_sign_in_asks_which_language_until_answered(
    client: Client, people: People
) -> None:
    page = client.post(reverse("login"), {"username": "maria", "password": PASSWORD}, follow=True)
    assert "Which language do you want PeerGoals in?" in page.text
    # Only the page she lands on asks; her other pages just offer it in the footer.
    assert "Which language do you want" not in client.get(reverse("goals:wins")).text
    choose(client, "en", reverse("goals:today"))
    assert "Which language do you want" not in client.get(reverse("goals:today")).text


def test_someone_who_chose_is_not_asked_again(client: Client, people: People) -> None:
    User.objects.filter(pk=people.maria.pk).update(language="en")
    page = client.post(reverse("login"), {"username": "maria", "password": PASSWORD}, follow=True)
    assert "Which language do you want" not in page.text


def test_staff_can_choose_on_the_code_page_before_typing_the_code(
    client: Client, people: People
) -> None:
    client.post(reverse("login"), {"username": "sam", "password": PASSWORD})
    answer = choose(client, "es", reverse("people:two_factor_verify"))
    assert answer["Location"] == reverse("people:two_factor_verify")
    people.sam.refresh_from_db()
    assert people.sam.language == "es"
    # Choosing opened nothing else: the caseload still wants the code.
    assert "two-factor" in client.get(reverse("people:caseload"))["Location"]


SPANISH_MONTHS = [
    "ene",
    "feb",
    "mar",
    "abr",
    "may",
    "jun",
    "jul",
    "ago",
    "sep",
    "oct",
    "nov",
    "dic",
]


def test_dates_are_written_the_way_each_language_writes_them(
    people: People, walk_step: Step
) -> None:
    record_check_in(walk_step, by=people.maria, outcome="done")
    today = timezone.localdate()
    User.objects.filter(pk=people.sam.pk).update(language="es")
    caseload = browser_for(people.sam).get(reverse("people:caseload")).text
    assert f"último registro el {today.day} {SPANISH_MONTHS[today.month - 1]}" in caseload
    User.objects.filter(pk=people.sam.pk).update(language="en")
    caseload = browser_for(people.sam).get(reverse("people:caseload")).text
    assert f"last check-in {today:%b} {today.day}" in caseload
