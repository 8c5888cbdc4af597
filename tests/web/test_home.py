"""Where each person lands, and signing in and out."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.personas import PASSWORD, People
from tests.web.conftest import browser_for


def test_it_sends_someone_signed_out_to_the_login_page(client: Client) -> None:
    page = client.get("/")
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("persona", "lands_on"),
    [
        ("maria", "goals:today"),
        ("riley", "goals:today"),
        ("sam", "people:caseload"),
        ("pat", "people:team"),
        ("morgan", "people:team"),
    ],
)
def test_it_sends_each_person_to_their_own_home(
    people: People, persona: str, lands_on: str
) -> None:
    page = browser_for(getattr(people, persona)).get("/")
    assert page.status_code == 302
    assert page["Location"] == reverse(lands_on)


def test_the_peer_logs_in_and_lands_on_today(client: Client, people: People) -> None:
    login = client.get(reverse("login"))
    assert 'autocomplete="current-password"' in login.text
    page = client.post(reverse("login"), {"username": "maria", "password": PASSWORD}, follow=True)
    assert page.redirect_chain[-1][0] == reverse("goals:today")
    assert "Hi Maria!" in page.text


def test_a_wrong_password_is_said_plainly(client: Client, people: People) -> None:
    page = client.post(reverse("login"), {"username": "maria", "password": "nope"})
    assert "username and password don" in page.text


def test_logging_out_is_a_button_that_posts(as_maria: Client) -> None:
    page = as_maria.get(reverse("goals:today"))
    assert f'action="{reverse("logout")}"' in page.text
    assert as_maria.post(reverse("logout")).status_code == 302
    assert as_maria.get(reverse("goals:today")).status_code == 302


def test_every_page_has_one_heading_a_skip_link_and_the_language(
    as_maria: Client, walk_step: object
) -> None:
    page = as_maria.get(reverse("goals:today"))
    assert page.text.count("<h1") == 1
    assert 'href="#main"' in page.text
    assert '<html lang="en">' in page.text
    assert "style=" not in page.text
    assert "<script>" not in page.text
