"""`peergoals audit-export`: the log for a range of days, as CSV or JSON lines, itself recorded."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from peergoals import audit
from peergoals.audit.models import AuditAction
from tests.audit_helpers import new_entries
from tests.personas import People


def export(*args: str) -> str:
    out = io.StringIO()
    call_command("audit_export", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def today() -> str:
    return timezone.localdate().isoformat()


def test_it_exports_json_lines_and_records_the_export_once(people: People) -> None:
    audit.record(AuditAction.VIEW, by=people.sam, peer_id=people.maria.pk, record=people.maria)
    with new_entries() as entries:
        output = export("--since", today(), "--until", today(), "--format", "jsonl")
    rows = [json.loads(line) for line in output.splitlines()]
    assert any(r["username"] == "sam" and r["action"] == "view" for r in rows)
    assert all(r["at"].endswith("+00:00") for r in rows)
    assert [(e.action, e.record_type, e.path) for e in entries] == [
        ("export", "audit-log", "peergoals audit-export")
    ]
    assert entries[0].username.startswith("command line (")
    assert entries[0].detail == f"{today()} to {today()}, jsonl"


def test_it_exports_only_the_days_asked_for(people: People) -> None:
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    output = export("--since", yesterday, "--until", yesterday)
    rows = list(csv.DictReader(io.StringIO(output)))
    assert rows == []


def test_it_writes_csv_to_a_file(people: People, tmp_path: Path) -> None:
    target = tmp_path / "audit.csv"
    export("--since", today(), "--until", today(), "--output", str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [r["action"] for r in rows].count("change") == 2  # the fixture's two assignments
    assert rows[-1]["action"] == "export"


def test_it_keeps_typed_text_from_running_as_a_spreadsheet_formula(people: People) -> None:
    audit.record(AuditAction.LOGIN_FAILED, by=None, username='=HYPERLINK("http://x")')
    output = export("--since", today(), "--until", today())
    rows = list(csv.DictReader(io.StringIO(output)))
    assert '\'=HYPERLINK("http://x")' in [r["username"] for r in rows]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "yesterday", "--until", "2026-01-01"), "is not a date"),
        (("--since", "2026-02-01", "--until", "2026-01-01"), "--until is before --since"),
        (("--since", "2026-01-01", "--until", "9999-12-31"), "Choose days from 2000-01-01"),
    ],
)
def test_it_says_what_is_wrong_with_the_dates(
    people: People, args: tuple[str, ...], message: str
) -> None:
    with new_entries() as entries, pytest.raises(CommandError, match=message):
        export(*args)
    assert entries == []
