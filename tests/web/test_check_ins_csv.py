"""The peer's check-ins as a CSV file, beside the JSON download: safe to open in a spreadsheet,
numbers kept as numbers, in the peer's language."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from peergoals.audit.models import AuditAction
from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from tests.audit_helpers import new_entries
from tests.personas import People
from tests.web.conftest import browser_for


def rows_of(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "a byte-order mark, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_data_page_offers_the_csv_beside_the_json(as_maria: Client) -> None:
    page = as_maria.get(reverse("privacy:my_data")).text
    assert reverse("privacy:download_my_data") in page
    assert reverse("privacy:download_my_check_ins") in page


def test_a_peer_downloads_her_check_ins_safe_to_open_in_a_spreadsheet(
    people: People, as_maria: Client, walk_goal: Goal
) -> None:
    step = actions.add_step(
        walk_goal,
        by=people.maria,
        wording='=HYPERLINK("http://x") walk',
        target_kind="amount",
        target_quantity=20,
        target_unit="minutes",
        target_per="day",
    )
    actions.record_check_in(
        step, by=people.maria, outcome="done", amount=Decimal("2.5"), note="-3 days off, café ☕"
    )
    with new_entries() as written:
        answer = as_maria.get(reverse("privacy:download_my_check_ins"))
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in answer["Content-Disposition"]
    header, row = rows_of(answer.content)
    assert header[:4] == ["Day", "Goal", "Step", "How it went"]
    cells = dict(zip(header, row, strict=True))
    assert cells["Step"] == '\'=HYPERLINK("http://x") walk'
    assert cells["Note"] == "'-3 days off, café ☕"
    assert cells["How much"] == "2.5"
    assert cells["Unit"] == "minutes"
    assert cells["How it went"] == "Done"
    assert cells["Recorded by"] == "You"
    assert cells["Goal"] == "I will walk for 10 minutes every morning this week"
    assert [(e.action, e.detail) for e in written] == [(AuditAction.EXPORT, "check-ins as CSV")]


def test_a_correction_replaces_the_entry_it_corrects(
    people: People, as_maria: Client, walk_step: Step
) -> None:
    actions.record_check_in(walk_step, by=people.maria, outcome="not_done")
    actions.record_check_in(walk_step, by=people.maria, outcome="done")
    [_header, *rows] = rows_of(as_maria.get(reverse("privacy:download_my_check_ins")).content)
    assert [row[3] for row in rows] == ["Done"]


def test_a_spanish_speaking_peer_gets_spanish_columns(people: People, walk_step: Step) -> None:
    people.maria.language = "es"
    people.maria.save(update_fields=["language"])
    actions.record_check_in(walk_step, by=people.maria, outcome="done")
    content = browser_for(people.maria).get(reverse("privacy:download_my_check_ins")).content
    header, row = rows_of(content)
    assert header[:4] == ["Día", "Meta", "Paso", "Cómo te fue"]
    assert row[-1] == "Tú"


def test_staff_are_sent_home(people: People, as_sam: Client, walk_step: Step) -> None:
    answer = as_sam.get(reverse("privacy:download_my_check_ins"))
    assert answer.status_code == 302
    assert "text/csv" not in answer.get("Content-Type", "")
