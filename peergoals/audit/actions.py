"""Exporting the audit log: one code path for the `audit-export` command and the admins' download.

Every export writes its own audit entry first (who exported which days, in which format), so
the log shows who took a copy of it.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone

from peergoals import audit
from peergoals.audit import chain
from peergoals.audit.models import AuditAction, AuditEntry, RecordType
from peergoals.spreadsheets import safe_cell

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from peergoals.people.models import User

FORMATS = ("csv", "jsonl")
# An export's columns are the fields an entry's hash covers, in the same order.
COLUMNS = list(chain.CONTENT_FIELDS)
# The days an export may name: the log holds nothing older, and a last day past this one
# could not be turned into the moment after it.
EARLIEST_DAY = datetime.date(2000, 1, 1)
LATEST_DAY = datetime.date(2999, 12, 31)


def day_range(
    since: datetime.date, until: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """From the start of `since` to the end of `until`, in the program's time zone."""
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time.min)
    )
    return start, end


def export_audit_log(
    entries: QuerySet[AuditEntry],
    *,
    by: User | AnonymousUser | None,
    since: datetime.date,
    until: datetime.date,
    fmt: str,
    username: str = "",
) -> Iterator[str]:
    """Record the export, then yield the entries from `since` to `until` (whole days, oldest
    first) as CSV or JSON lines. `entries` comes from the access policy (`audit_log_for`)."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    if until < since:
        raise ValueError("The end date is before the start date.")
    if since < EARLIEST_DAY or until > LATEST_DAY:
        raise ValueError(f"Choose days from {EARLIEST_DAY} to {LATEST_DAY}.")
    audit.record(
        AuditAction.EXPORT,
        by=by,
        record_type=RecordType.AUDIT_LOG,
        detail=f"{since.isoformat()} to {until.isoformat()}, {fmt}",
        username=username,
    )
    start, end = day_range(since, until)
    chosen = entries.filter(at__gte=start, at__lt=end).order_by("at", "id")
    rows = (_row(entry) for entry in chosen.iterator(chunk_size=2000))
    return _csv_lines(rows) if fmt == "csv" else _json_lines(rows)


def _row(entry: AuditEntry) -> dict[str, object]:
    row: dict[str, object] = chain.content_of(entry)
    row["at"] = entry.at.astimezone(datetime.UTC).isoformat()
    return row


def _csv_lines(rows: Iterator[dict[str, object]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    yield _drain(buffer)
    for row in rows:
        # The log holds text strangers typed (a failed sign-in's username): cells are made safe.
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _json_lines(rows: Iterator[dict[str, object]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"
