"""The peer's Sharing page: what they agreed to, giving consent, stopping, past consents."""

from __future__ import annotations

import datetime
from html import unescape

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peergoals.goals.models import Goal
from peergoals.privacy.models import Consent
from tests.personas import People
from tests.web.conftest import browser_for


def test_it_shows_what_the_peer_agreed_to_in_plain_words(as_maria: Client) -> None:
    page = unescape(as_maria.get(reverse("privacy:sharing")).text)
    assert "You agreed to share" in page
    assert "Your peer specialist at the PeerGoals program" in page
    assert "use of alcohol or drugs" in page
    assert "Stop sharing" in page


def test_the_consent_form_shows_every_element_before_signing(people: People) -> None:
    as_riley = browser_for(people.riley)
    sharing = unescape(as_riley.get(reverse("privacy:sharing")).text)
    assert "You are not sharing right now" in sharing
    page = unescape(as_riley.get(reverse("privacy:give")).text)
    for words in (
        "Who shares it",
        "the PeerGoals program",
        "What is shared",
        "goals and steps",
        "check-ins and the notes",
        "reviews",
        "use of alcohol or drugs",
        "Who can see it",
        "the supervisor of that specialist",
        "Why",
        "Your right to stop",
        "does not undo what was already shared",
        "When does this end?",
        "Type your name to sign",
    ):
        assert words in page, words


def test_the_peer_signs_by_typing_their_name(people: People) -> None:
    as_riley = browser_for(people.riley)
    ends = timezone.localdate() + datetime.timedelta(days=180)
    answer = as_riley.post(
        reverse("privacy:give"),
        {
            "ends": "date",
            "expires_on": ends.isoformat(),
            "understands_substance_use": "on",
            "signature": "Riley Rivers",
        },
    )
    assert answer.status_code == 302
    consent = Consent.objects.valid().get(peer=people.riley)
    assert (consent.signature, consent.expires_on) == ("Riley Rivers", ends)
    page = unescape(as_riley.get(reverse("privacy:sharing")).text)
    assert "You agreed to share" in page and "Riley Rivers" in page


def test_it_says_what_is_missing_and_keeps_what_was_typed(people: People) -> None:
    as_riley = browser_for(people.riley)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    answer = as_riley.post(
        reverse("privacy:give"),
        {"ends": "date", "expires_on": yesterday.isoformat(), "signature": "Riley Rivers"},
    )
    page = unescape(answer.text)
    assert answer.status_code == 400
    assert "Please check this box to agree." in page
    assert "The end date can't be in the past." in page
    assert 'value="Riley Rivers"' in page
    assert not Consent.objects.filter(peer=people.riley).exists()
    blank = as_riley.post(
        reverse("privacy:give"), {"ends": "event", "understands_substance_use": "on"}
    )
    assert "Please type your name to sign." in unescape(blank.text)
    empty = as_riley.post(reverse("privacy:give"), {})
    assert empty.status_code == 400
    assert "Please pick when this ends." in unescape(empty.text)


def test_stopping_takes_one_tap_and_explains_what_happens(as_maria: Client) -> None:
    answer = as_maria.post(reverse("privacy:revoke"))
    assert answer.status_code == 302
    page = unescape(as_maria.get(answer.url).text)
    assert "You stopped sharing" in page
    assert "can't see your goals" in page
    assert "What they saw before you stopped can't be taken back." in page


def test_stopping_closes_the_specialists_pages_on_the_very_next_request(
    as_maria: Client, as_sam: Client, people: People, walk_goal: Goal
) -> None:
    goal_page = reverse("goals:detail", args=[walk_goal.pk])
    peer_page = reverse("goals:peer", args=[people.maria.pk])
    assert as_sam.get(goal_page).status_code == 200
    assert as_sam.get(peer_page).status_code == 200
    as_maria.post(reverse("privacy:revoke"))
    assert as_sam.get(goal_page).status_code == 404
    assert as_sam.get(peer_page).status_code == 404
    assert browser_for(people.pat).get(goal_page).status_code == 404
    assert browser_for(people.morgan).get(goal_page).status_code == 404
    # Maria keeps her own pages.
    assert as_maria.get(goal_page).status_code == 200


def test_it_lists_past_consents_and_why_each_ended(as_maria: Client, people: People) -> None:
    as_maria.post(reverse("privacy:revoke"))
    as_maria.post(
        reverse("privacy:give"),
        {"ends": "event", "understands_substance_use": "on", "signature": "Maria G"},
    )
    page = unescape(as_maria.get(reverse("privacy:sharing")).text)
    assert "You agreed to share" in page and "Maria G" in page
    assert "Past agreements" in page and "You stopped sharing" in page


def test_staff_have_no_sharing_page(as_sam: Client) -> None:
    assert as_sam.get(reverse("privacy:sharing")).status_code == 302
    assert as_sam.post(reverse("privacy:revoke")).status_code == 302
