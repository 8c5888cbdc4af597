"""The audit log is append-only in the code AND in the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from peergoals import audit
from peergoals.audit.models import AuditAction, AuditEntry
from peergoals.db import AppendOnlyError
from tests.personas import People


@pytest.fixture
def entry(people: People) -> AuditEntry:
    return audit.record(
        AuditAction.VIEW, by=people.sam, peer_id=people.maria.pk, record=people.maria
    )


def test_it_keeps_who_what_which_record_and_when(people: People, entry: AuditEntry) -> None:
    entry = AuditEntry.objects.get(pk=entry.pk)
    assert entry.user_id == people.sam.pk
    assert (entry.username, entry.name, entry.role) == ("sam", "Sam", "specialist")
    assert entry.action == "view"
    assert (entry.peer_id, entry.record_type, entry.record_id) == (
        people.maria.pk,
        "plan",
        people.maria.pk,
    )
    assert entry.at.utcoffset() is not None


def test_it_refuses_to_save_an_existing_entry_again(entry: AuditEntry) -> None:
    entry.action = AuditAction.EXPORT
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"


def test_it_refuses_to_delete_an_entry(entry: AuditEntry) -> None:
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_it_refuses_bulk_updates_and_deletes(entry: AuditEntry) -> None:
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="export")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"


def _raw(sql: str, entry: AuditEntry) -> None:
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    # A savepoint, so the refused statement does not spoil the test's transaction (PostgreSQL).
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql.format(table=table), [entry.pk])


def test_the_database_refuses_an_update_that_bypasses_the_code(entry: AuditEntry) -> None:
    with pytest.raises(IntegrityError, match="append-only"):
        _raw("UPDATE {table} SET action = 'export' WHERE id = %s", entry)
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"


def test_the_database_refuses_a_delete_that_bypasses_the_code(entry: AuditEntry) -> None:
    with pytest.raises(IntegrityError, match="append-only"):
        _raw("DELETE FROM {table} WHERE id = %s", entry)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_database_still_accepts_new_entries(people: People, entry: AuditEntry) -> None:
    before = AuditEntry.objects.count()
    audit.record(AuditAction.LOGIN, by=people.maria)
    assert AuditEntry.objects.count() == before + 1


def test_entries_outlive_a_purged_peer(people: People) -> None:
    jordan_id = people.jordan.pk
    seen = audit.record(AuditAction.VIEW, by=people.alex, peer_id=jordan_id, record=people.jordan)
    login = audit.record(AuditAction.LOGIN, by=people.jordan)
    people.jordan.delete()
    assert AuditEntry.objects.get(pk=seen.pk).peer_id == jordan_id
    stored = AuditEntry.objects.select_related("user").get(pk=login.pk)
    assert stored.user is None
    assert stored.username == "jordan"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="REPLACE is SQLite's")
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE"])
def test_sqlite_refuses_a_replace_over_an_existing_entry(verb: str, entry: AuditEntry) -> None:
    statement = (
        f"{verb} INTO {{table}} (id, at, username, name, role, action, record_type, path, "
        "detail, chain_hash) VALUES (%s, '2026-01-01 00:00:00', 'x', '', '', 'export', '', '', "
        "'', '')"
    )
    with pytest.raises(IntegrityError, match="append-only"):
        _raw(statement, entry)
    assert AuditEntry.objects.get(pk=entry.pk).action == "view"
