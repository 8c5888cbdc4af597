"""The help page: crisis lines and the program's contact, one tap from every page, for everyone."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from peergoals.help import crisis_lines
from tests.personas import People
from tests.web.conftest import browser_for

HELP = reverse("people:help")


def tap(href: str, words: str, number: str) -> str:
    """A link that dials or texts `number`, as the page writes it."""
    return f'href="{href}">{words} <span class="phone-number">{number}</span><'


def test_it_gives_the_national_crisis_lines_to_someone_signed_out(client: Client) -> None:
    page = client.get(HELP)
    assert page.status_code == 200
    assert "988 Suicide &amp; Crisis Lifeline" in page.text
    assert 'href="tel:988"' in page.text
    assert 'href="sms:988"' in page.text
    assert "SAMHSA National Helpline" in page.text
    assert (
        'href="tel:18006624357">Call <span class="phone-number">1-800-662-4357</span><' in page.text
    )
    assert 'href="tel:911"' in page.text


@pytest.mark.parametrize(
    ("persona", "path"),
    [
        (None, "/login/"),
        ("maria", "/me/"),
        ("maria", "/sharing/"),
        ("sam", "/caseload/"),
        ("pat", "/team/"),
    ],
)
def test_every_page_links_to_it(
    client: Client, people: People, persona: str | None, path: str
) -> None:
    browser = browser_for(getattr(people, persona)) if persona else client
    page = browser.get(path)
    assert page.status_code == 200
    assert f'<a class="help-link" href="{HELP}"' in page.text


def test_staff_reach_it_before_typing_their_code(client: Client, people: People) -> None:
    client.force_login(people.sam)
    assert client.get(reverse("people:caseload")).status_code == 302
    page = client.get(HELP)
    assert page.status_code == 200
    assert 'href="tel:988"' in page.text


def test_a_program_sets_its_own_lines_and_contact(client: Client, settings: Any) -> None:
    settings.PEERGOALS_CRISIS_LINES = crisis_lines(
        "Eastside Crisis Line|(555) 010-0199|555-0199|Staffed by peers, 24/7;"
        "988 Suicide & Crisis Lifeline|988|988"
    )
    settings.PEERGOALS_PROGRAM_NAME = "Eastside Recovery"
    settings.PEERGOALS_PROGRAM_PHONE = "+1 555 010 0100"
    settings.PEERGOALS_PROGRAM_EMAIL = "help@eastside.example.org"
    settings.PEERGOALS_PROGRAM_HOURS = "Monday to Friday, 9 to 5"
    page = client.get(HELP)
    assert (
        'href="tel:5550100199">Call <span class="phone-number">(555) 010-0199</span><' in page.text
    )
    assert 'href="sms:5550199">Text <span class="phone-number">555-0199</span><' in page.text
    assert "Staffed by peers, 24/7" in page.text
    assert "SAMHSA" not in page.text
    assert "Reach Eastside Recovery" in page.text
    assert (
        'href="tel:+15550100100">Call <span class="phone-number">+1 555 010 0100</span><'
        in page.text
    )
    assert 'href="mailto:help@eastside.example.org"' in page.text
    assert "Monday to Friday, 9 to 5" in page.text


def test_without_a_program_contact_it_points_to_the_specialist(client: Client) -> None:
    page = client.get(HELP)
    assert "mailto:" not in page.text
    assert "Your peer specialist is there to listen too." in page.text


@pytest.mark.parametrize(
    "setting",
    [
        "Eastside Crisis Line",  # no number
        "Eastside Crisis Line||555-0199",  # nothing to call
        "Eastside Crisis Line|call us",  # not a number
        "|988|988",  # no name
        "A|1|2|3|4",  # a part too many
    ],
)
def test_a_malformed_list_of_lines_stops_the_start(setting: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="PEERGOALS_CRISIS_LINES"):
        crisis_lines(setting)
