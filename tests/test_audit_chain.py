"""The audit log's tamper-evidence chain and `peergoals audit-verify`."""

from __future__ import annotations

import importlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from peergoals import audit
from peergoals.audit.models import AuditAction, AuditEntry
from tests.audit_helpers import new_entries
from tests.personas import People

APPEND_ONLY = importlib.import_module("peergoals.audit.migrations.0002_append_only_triggers")


def verify() -> str:
    out = StringIO()
    call_command("audit_verify", stdout=out)
    return out.getvalue()


def edit_behind_the_codes_back(entry: AuditEntry, detail: str) -> None:
    """What the database's owner can do: lift the append-only trigger and rewrite a row."""
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for statement in APPEND_ONLY.SQLITE_DOWN:
                cursor.execute(statement)
        else:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER audit_entry_append_only")
        cursor.execute(f"UPDATE {table} SET detail = %s WHERE id = %s", [detail, entry.pk])  # noqa: S608


def test_each_entry_is_chained_to_the_one_before(people: People) -> None:
    with new_entries() as entries:
        audit.record(AuditAction.LOGIN, by=people.sam)
        audit.record(AuditAction.VIEW, by=people.sam, peer_id=people.maria.pk, record=people.maria)
    first, second = entries
    assert len(first.chain_hash) == len(second.chain_hash) == 64
    assert first.chain_hash != second.chain_hash
    assert "The chain holds" in verify()
    assert f"The newest is entry {second.pk}, hash {second.chain_hash}" in verify()


def test_a_list_written_in_one_insert_is_chained_entry_by_entry(people: People) -> None:
    with new_entries() as entries:
        audit.record_list_views(people.morgan, [people.maria.pk, people.jordan.pk], "list")
    assert len(entries) == 2 and entries[0].chain_hash != entries[1].chain_hash
    assert "The chain holds" in verify()


def test_audit_verify_names_the_first_entry_edited_behind_the_codes_back(
    people: People,
) -> None:
    with new_entries() as entries:
        for _ in range(3):
            audit.record(AuditAction.VIEW, by=people.sam, peer_id=people.maria.pk)
    edit_behind_the_codes_back(entries[1], "nothing to see")
    with pytest.raises(CommandError) as broken:
        verify()
    assert f"entry {entries[1].pk} does not follow entry {entries[0].pk}" in str(broken.value)
