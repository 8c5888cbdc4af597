"""Checking in on a step: one tap, and the wins it brings are celebrated."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import CheckIn, Step
from tests.personas import People


def check_in(client: Client, step: Step, outcome: str, **more: str) -> object:
    data = {f"step-{step.pk}-{name}": value for name, value in {"outcome": outcome, **more}.items()}
    return client.post(reverse("goals:check_in", args=[step.pk]), data, follow=True)


def test_the_peer_checks_in_and_sees_the_win(as_maria: Client, walk_step: Step) -> None:
    page = check_in(as_maria, walk_step, "done", feeling="good", note="Sunny out")
    assert page.status_code == 200  # type: ignore[attr-defined]
    assert "Check-in saved" in page.text  # type: ignore[attr-defined]
    assert "You did your first check-in" in page.text  # type: ignore[attr-defined]
    assert "1 of 1" in page.text  # type: ignore[attr-defined]
    entry = CheckIn.objects.get()
    assert (entry.outcome, entry.feeling, entry.note) == ("done", "good", "Sunny out")


def test_it_celebrates_inside_the_card_when_htmx_asks(as_maria: Client, walk_step: Step) -> None:
    page = as_maria.post(
        reverse("goals:check_in", args=[walk_step.pk]),
        {f"step-{walk_step.pk}-outcome": "done"},
        headers={"HX-Request": "true"},
    )
    assert page.status_code == 200
    assert page.text.lstrip().startswith('<article class="card step-card"')
    assert "You did it!" in page.text
    assert "You did your first check-in" in page.text


def test_it_shows_a_skip_as_a_skip(as_maria: Client, walk_step: Step) -> None:
    page = check_in(as_maria, walk_step, "skipped")
    assert "Today so far: Skipped" in page.text  # type: ignore[attr-defined]
    for word in ("failed", "missed", "non-compliant"):
        assert word not in page.text.lower()  # type: ignore[attr-defined]


def test_it_completes_a_do_it_once_step_and_says_so(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    once = actions.add_step(walk_step.goal, by=people.maria, wording="Buy walking shoes")
    page = check_in(as_maria, once, "done")
    assert "Step done: “Buy walking shoes”" in page.text  # type: ignore[attr-defined]
    assert "Your first step is done" in page.text  # type: ignore[attr-defined]


def test_it_explains_why_a_paused_step_takes_no_check_in(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    actions.set_step_status(walk_step, by=people.maria, status="on-hold")
    page = check_in(as_maria, walk_step, "done", note="I walked anyway")
    assert page.status_code == 400  # type: ignore[attr-defined]
    assert "This step is not active right now" in page.text  # type: ignore[attr-defined]
    assert not CheckIn.objects.exists()


def test_it_keeps_the_note_when_the_amount_is_wrong(as_maria: Client, walk_step: Step) -> None:
    page = check_in(as_maria, walk_step, "done", amount="-3", note="Felt strong today")
    assert page.status_code == 400  # type: ignore[attr-defined]
    assert "Felt strong today" in page.text  # type: ignore[attr-defined]
    assert "Please use a number of at least 0" in page.text  # type: ignore[attr-defined]


def test_another_specialist_cannot_check_in_for_maria(as_alex: Client, walk_step: Step) -> None:
    page = check_in(as_alex, walk_step, "done")
    assert page.status_code == 404  # type: ignore[attr-defined]
    assert not CheckIn.objects.exists()
