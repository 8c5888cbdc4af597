"""A check-in that says "Overwhelmed" is heard: the peer is offered a lighter way on, and her
specialist's caseload shows she may need support (only while she shares her plan)."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals.models import Step
from peergoals.privacy import actions as privacy
from tests.personas import People


def check_in(client: Client, step: Step, feeling: str) -> str:
    data = {f"step-{step.pk}-outcome": "done", f"step-{step.pk}-feeling": feeling}
    page = client.post(reverse("goals:check_in", args=[step.pk]), data, follow=True)
    assert page.status_code == 200
    return unescape(page.text)


def test_an_overwhelmed_check_in_offers_a_smaller_step_a_pause_or_someone_to_talk_to(
    as_maria: Client, walk_step: Step
) -> None:
    page = check_in(as_maria, walk_step, "overwhelmed")
    assert "That sounds like a lot." in page
    assert (
        f'href="{reverse("goals:edit_step", args=[walk_step.pk])}">Make this step smaller' in page
    )
    assert f'action="{reverse("goals:step_status", args=[walk_step.pk])}"' in page
    assert "Pause this step for now" in page
    assert f'href="{reverse("people:help")}">Talk to someone' in page


def test_the_card_offers_it_in_place_when_htmx_asks(as_maria: Client, walk_step: Step) -> None:
    card = as_maria.post(
        reverse("goals:check_in", args=[walk_step.pk]),
        {f"step-{walk_step.pk}-outcome": "not_done", f"step-{walk_step.pk}-feeling": "overwhelmed"},
        headers={"HX-Request": "true"},
    )
    assert "That sounds like a lot." in card.text
    # Pausing from the card goes back to the page, not to the card's own address.
    assert f'name="next" value="{reverse("goals:today")}"' in card.text


def test_a_good_day_gets_no_offer(as_maria: Client, walk_step: Step) -> None:
    assert "That sounds like a lot." not in check_in(as_maria, walk_step, "good")


def test_the_caseload_shows_who_may_need_support(
    as_maria: Client, as_sam: Client, people: People, walk_step: Step
) -> None:
    assert "May need support" not in as_sam.get(reverse("people:caseload")).text
    check_in(as_maria, walk_step, "overwhelmed")
    page = as_sam.get(reverse("people:caseload")).text
    assert "May need support" in page
    assert page.index("May need support") < page.index("Maria")
    # Only within what Maria shares: once she stops, the caseload says nothing about her day.
    privacy.revoke_consent(people.maria, by=people.maria)
    assert "May need support" not in as_sam.get(reverse("people:caseload")).text
