"""The printable plan: the peer's goals in their own words, on one page and as a PDF, in the
peer's language; staff read it through the access policy and download it under consent."""

from __future__ import annotations

import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from peergoals.audit.models import AuditAction
from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from peergoals.goals.plans import printable_plan_of
from peergoals.privacy import actions as privacy
from tests.audit_helpers import new_entries
from tests.personas import People
from tests.web.conftest import browser_for


@pytest.fixture
def marias_plan(people: People) -> Goal:
    """Maria's goal with why it matters, her strengths, two steps (one with a date) and an
    idea kept for later."""
    goal = actions.create_goal(
        people.maria,
        by=people.maria,
        own_words="I want to feel at home in my body again",
        smart_wording="I will walk for 20 minutes three times a week",
        why_it_matters="So I can play with my kids in the park",
        strengths="I am stubborn in a good way",
        life_area="physical",
    )
    actions.add_step(
        goal,
        by=people.maria,
        wording="Walk around the block",
        target_kind="amount",
        target_quantity=20,
        target_unit="minutes",
        target_per="day",
    )
    actions.add_step(
        goal,
        by=people.maria,
        wording="Buy walking shoes",
        due_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    actions.create_goal(
        people.maria, by=people.maria, own_words="Learn to swim", life_area="physical", ready=False
    )
    return goal


def pdf_text(content: bytes) -> str:
    """The words of a PDF as a reader extracts them, on one line."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_it_shows_a_peer_her_plan_laid_out_for_paper(
    people: People, as_maria: Client, marias_plan: Goal
) -> None:
    page = as_maria.get(reverse("goals:plan", args=[people.maria.pk]))
    assert page.status_code == 200
    text = page.text
    for words in (
        "Maria's plan",
        "I want to feel at home in my body again",
        "I will walk for 20 minutes three times a week",
        "So I can play with my kids in the park",
        "I am stubborn in a good way",
        "Walk around the block",
        "20 minutes a day",
        "Buy walking shoes",
        "Next look back",
        "Learn to swim",
        "My peer specialist",
        "Sam",
        "988",
    ):
        assert words in text, words
    assert "peergoals/plan.css" in text
    assert reverse("goals:plan_pdf", args=[people.maria.pk]) in text


def test_the_print_stylesheet_prints_only_the_plan(people: People, as_maria: Client) -> None:
    page = as_maria.get(reverse("goals:plan", args=[people.maria.pk]))
    # The page's own words and buttons sit in .no-print; the menus are the site header's.
    assert 'class="no-print"' in page.text
    css = Client().get("/static/peergoals/plan.css")
    stylesheet = b"".join(css.streaming_content).decode()  # type: ignore[attr-defined]
    print_rules = stylesheet.split("@media print", 1)[1]
    assert ".site-header" in print_rules and ".no-print" in print_rules


def test_a_peer_downloads_her_plan_as_a_pdf_that_reads_as_her_plan(
    people: People, as_maria: Client, marias_plan: Goal
) -> None:
    with new_entries() as written:
        answer = as_maria.get(reverse("goals:plan_pdf", args=[people.maria.pk]))
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"
    assert "attachment" in answer["Content-Disposition"]
    text = pdf_text(answer.content)
    for words in (
        "Maria's plan",
        "I want to feel at home in my body again",
        "So I can play with my kids in the park",
        "Walk around the block",
        "20 minutes a day",
        "Buy walking shoes",
        "Sam",
    ):
        assert words in text, words
    # Her own download carries no notice meant for staff, and is recorded like her data's.
    assert "42 CFR" not in text
    assert [(e.action, e.detail) for e in written] == [(AuditAction.EXPORT, "plan as PDF")]


def test_a_peer_who_speaks_spanish_gets_her_plan_in_spanish(
    people: People, marias_plan: Goal
) -> None:
    people.maria.language = "es"
    people.maria.save(update_fields=["language"])
    answer = browser_for(people.maria).get(reverse("goals:plan_pdf", args=[people.maria.pk]))
    text = pdf_text(answer.content)
    assert "El plan de Maria" in text
    assert "Quién me apoya" in text
    # Labels are printed in capitals; what the peer and the program wrote, as written.
    assert "mi especialista sam" in text.lower()
    assert "próximo repaso" in text.lower()
    assert "20 minutes al día" in text
    # Her own words stay as she wrote them.
    assert "I want to feel at home in my body again" in text


def test_her_specialist_reads_her_plan_in_her_language_and_the_read_is_recorded(
    people: People, as_sam: Client, marias_plan: Goal
) -> None:
    people.maria.language = "es"
    people.maria.save(update_fields=["language"])
    with new_entries() as written:
        page = as_sam.get(reverse("goals:plan", args=[people.maria.pk]))
    assert page.status_code == 200
    # Sam's page speaks English about Maria; the plan itself is Maria's, in Spanish.
    assert "Maria's plan as it prints, in their language" in page.text
    assert "Mi meta, en mis propias palabras" in page.text
    assert [(e.action, e.peer_id) for e in written] == [(AuditAction.VIEW, people.maria.pk)]


def test_a_staff_download_is_recorded_and_carries_the_federal_notice(
    people: People, as_pat: Client, marias_plan: Goal
) -> None:
    with new_entries() as written:
        answer = as_pat.get(reverse("goals:plan_pdf", args=[people.maria.pk]))
    assert answer.status_code == 200
    text = pdf_text(answer.content)
    assert "I want to feel at home in my body again" in text
    assert "42 CFR part 2" in text
    assert [(e.action, e.peer_id, e.detail, e.username) for e in written] == [
        (AuditAction.EXPORT, people.maria.pk, "plan as PDF", "pat")
    ]


def test_staff_cannot_download_the_plan_once_the_peer_stops_sharing(
    people: People, as_sam: Client, marias_plan: Goal
) -> None:
    privacy.revoke_consent(people.maria, by=people.maria)
    with new_entries() as written:
        answer = as_sam.get(reverse("goals:plan_pdf", args=[people.maria.pk]))
    assert answer.status_code == 403
    assert "hasn&#x27;t agreed to share" in answer.text
    assert answer["Content-Type"].startswith("text/html")
    assert [(e.action, e.detail) for e in written] == [(AuditAction.DENIED, "plan as PDF")]
    assert as_sam.get(reverse("goals:plan", args=[people.maria.pk])).status_code == 404


def test_another_specialist_cannot_tell_the_plan_exists(
    people: People, as_alex: Client, marias_plan: Goal
) -> None:
    for name in ("goals:plan", "goals:plan_pdf"):
        assert as_alex.get(reverse(name, args=[people.maria.pk])).status_code == 404


def test_a_paused_step_and_a_finished_one_are_marked_and_a_declined_one_left_out(
    people: People, as_maria: Client, marias_plan: Goal
) -> None:
    walk, shoes = list(Step.objects.filter(goal=marias_plan).order_by("position", "id"))
    actions.set_step_status(shoes, by=people.maria, status="completed")
    actions.set_step_status(walk, by=people.maria, status="on-hold")
    actions.add_step(marias_plan, by=people.sam, wording="Join a gym")  # suggested, not hers
    page = as_maria.get(reverse("goals:plan", args=[people.maria.pk])).text
    assert 'Walk around the block <span class="meta">(Paused)</span>' in page
    assert "✓" in page
    assert "Join a gym" not in page


def test_the_plan_is_read_in_the_same_few_queries_however_long_it_grows(
    people: People, marias_plan: Goal
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as seen:
            plan = printable_plan_of(people.maria)
            [step.target_text for _goal, steps in plan.goals for step in steps]
        return len(seen.captured_queries)

    before = queries()
    for n in range(3):
        goal = actions.create_goal(
            people.maria, by=people.maria, own_words=f"Goal {n}", life_area="social"
        )
        actions.add_step(goal, by=people.maria, wording=f"Step {n}")
    assert queries() == before <= 3
