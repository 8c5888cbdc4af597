"""Outreach for peers who went quiet: the specialist records a call, a text, a visit or a note
from the caseload; the peer's page shows the last check-in and the last outreach."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from peergoals.audit.models import AuditEntry
from peergoals.people.models import Outreach
from tests.personas import People

CASELOAD = reverse("people:caseload")


def test_the_specialist_records_an_outreach_from_the_caseload(
    as_sam: Client, people: People
) -> None:
    page = as_sam.get(CASELOAD).text
    url = reverse("people:outreach", args=[people.maria.pk])
    assert f'action="{url}"' in page
    answer = as_sam.post(url, {"kind": "call", "note": "Left a voicemail", "next": CASELOAD})
    assert answer.status_code == 302
    assert answer["Location"] == CASELOAD
    outreach = Outreach.objects.get()
    assert (outreach.peer, outreach.by, outreach.kind, outreach.note) == (
        people.maria,
        people.sam,
        "call",
        "Left a voicemail",
    )
    assert AuditEntry.objects.filter(record_type="outreach", peer_id=people.maria.pk).count() == 1
    assert "you reached out" in as_sam.get(CASELOAD).text


def test_the_peers_page_shows_the_last_check_in_and_the_last_outreach(
    as_sam: Client, people: People, walk_step: object
) -> None:
    page = as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text
    assert "No check-ins yet" in page
    assert "No outreach recorded yet" in page
    as_sam.post(reverse("people:outreach", args=[people.maria.pk]), {"kind": "text"})
    as_sam.post(
        reverse("goals:check_in", args=[walk_step.pk]),  # type: ignore[attr-defined]
        {f"step-{walk_step.pk}-outcome": "done"},  # type: ignore[attr-defined]
    )
    page = as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text
    assert "Last check-in:" in page
    assert "Last reached out: A text on" in page
    assert "by Sam" in page


def test_only_the_peers_own_specialist_records_an_outreach(
    as_alex: Client, as_maria: Client, as_pat: Client, people: People
) -> None:
    url = reverse("people:outreach", args=[people.maria.pk])
    for client in (as_alex, as_pat, as_maria):
        assert client.post(url, {"kind": "call"}).status_code == 404
    assert not Outreach.objects.exists()


def test_a_supervisor_looking_at_a_caseload_sees_no_outreach_form(
    as_pat: Client, people: People
) -> None:
    page = as_pat.get(reverse("people:specialist", args=[people.sam.pk])).text
    assert "Record reaching out" not in page
