"""The audit log's tamper-evidence chain: what the database cannot refuse, it at least shows.

Each entry's `chain_hash` is SHA-256 over the previous entry's `chain_hash` and the entry's own
canonical content (`canonical_content`). Changing, removing or inserting an entry in the middle
breaks the chain at the next entry; `peergoals audit-verify` walks it in id order and names the
first entry that does not follow. Only removing the newest entries leaves no gap, which is why
`audit-verify` prints the newest entry's hash for the operator to keep elsewhere.

Entries are linked in id order, so writers take turns: on SQLite every transaction already
holds the database's write lock from BEGIN (`transaction_mode=IMMEDIATE`); on PostgreSQL a
transaction-scoped advisory lock serialises the writers of the log and nothing else. The lock
is held from reading the newest hash until the writer's transaction ends, which is one action's
transaction at most.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction

if TYPE_CHECKING:
    from peergoals.audit.models import AuditEntry

# pg_advisory_xact_lock's key for "writing the audit log" (any 64-bit number no other lock uses).
POSTGRESQL_LOCK_KEY = 7_130_219_004

# The fields an entry's hash covers, in this order.
CONTENT_FIELDS = (
    "at",
    "user_id",
    "username",
    "name",
    "role",
    "action",
    "peer_id",
    "record_type",
    "record_id",
    "ip",
    "path",
    "detail",
)


def canonical_content(values: dict[str, Any]) -> str:
    """An entry's content as one JSON array: the time in UTC to the microsecond, the address
    in its normal written form, every other field as stored (None stays null)."""
    at: datetime = values["at"]
    ip = values["ip"]
    row = {
        **values,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        # The same address can be written several ways ("::ffff:10.0.0.1"); the database may
        # hand it back in another than the one saved.
        "ip": str(ipaddress.ip_address(ip)) if ip else None,
    }
    return json.dumps([row[name] for name in CONTENT_FIELDS], ensure_ascii=False)


def chain_hash(previous: str, values: dict[str, Any]) -> str:
    return hashlib.sha256(f"{previous}\n{canonical_content(values)}".encode()).hexdigest()


def content_of(entry: AuditEntry) -> dict[str, Any]:
    """An entry's content fields by name, in CONTENT_FIELDS' order, as stored."""
    return {name: getattr(entry, name) for name in CONTENT_FIELDS}


def append(entries: Sequence[AuditEntry]) -> None:
    """Save new entries at the end of the chain, each linked to the one before it."""
    from peergoals.audit.models import AuditEntry

    if not entries:
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [POSTGRESQL_LOCK_KEY])
        newest = AuditEntry.objects.order_by("-id").values_list("chain_hash", flat=True)
        previous = newest.first() or ""
        for entry in entries:
            entry.chain_hash = previous = chain_hash(previous, content_of(entry))
        if len(entries) == 1:
            entries[0].save()
        else:
            _insert_all(entries)


def _insert_all(entries: Sequence[AuditEntry]) -> None:
    """Insert the entries with one statement sent once per row.

    A list page logs one entry per peer it shows. `bulk_create` writes a placeholder for each
    of the 13 values of each row anew: for a caseload's 50 entries that was half of the time
    logging them took (measured). Their ids are not read back: nothing uses a list's entries.
    """
    fields = [field for field in entries[0]._meta.concrete_fields if not field.primary_key]
    table = connection.ops.quote_name(entries[0]._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [field.get_db_prep_save(field.pre_save(entry, add=True), connection) for field in fields]
        for entry in entries
    ]
    with connection.cursor() as cursor:
        # Names from the model's own metadata, quoted; every value is a parameter.
        insert = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
        cursor.executemany(insert, rows)


@dataclass
class Verdict:
    """What walking the chain found."""

    checked: int = 0
    # Entries written before the chain began (an older PeerGoals): nothing to check them by.
    before_chain: int = 0
    newest_id: int | None = None
    newest_hash: str = ""
    broken_id: int | None = None
    reason: str = ""

    @property
    def holds(self) -> bool:
        return self.broken_id is None


def verify(rows: Iterable[dict[str, Any]]) -> Verdict:
    """Walk entries in id order (each a dict of `id`, `chain_hash` and the content fields) and
    stop at the first one that does not follow from the one before it."""
    verdict = Verdict()
    previous: str | None = None
    previous_id: int | None = None
    for row in rows:
        stored = row["chain_hash"]
        if previous is None and not stored:
            verdict.before_chain += 1
            previous_id = row["id"]
            continue
        expected = chain_hash(previous or "", row)
        if stored != expected:
            verdict.broken_id = row["id"]
            after = f"entry {previous_id}" if previous_id is not None else "the start"
            verdict.reason = (
                f"entry {row['id']} does not follow {after}: it was changed, or an entry "
                "before it was changed, removed or inserted"
            )
            return verdict
        verdict.checked += 1
        previous, previous_id = stored, row["id"]
        verdict.newest_id, verdict.newest_hash = row["id"], stored
    return verdict
