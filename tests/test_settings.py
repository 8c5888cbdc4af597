"""The embedded SQLite database is set up for several writers at once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from peergoals.db import flushed_with_the_next_write
from peergoals.settings import database_from_environment


def test_it_opens_sqlite_in_wal_mode_with_full_sync_and_a_busy_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, django_db_blocker: Any
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'peergoals.sqlite3'}")
    config = database_from_environment()
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    connection = DatabaseWrapper(
        {**config, "TIME_ZONE": None, "AUTOCOMMIT": True, "ATOMIC_REQUESTS": False, "TEST": {}},
        alias="probe",
    )
    pragmas = {}
    with django_db_blocker.unblock():
        try:
            with connection.cursor() as cursor:
                for name in (
                    "journal_mode",
                    "synchronous",
                    "busy_timeout",
                    "foreign_keys",
                    "cache_size",
                    "mmap_size",
                ):
                    cursor.execute(f"PRAGMA {name}")
                    pragmas[name] = cursor.fetchone()[0]
        finally:
            connection.close()
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 20000,
        "foreign_keys": 1,
        "cache_size": -65536,
        "mmap_size": 1073741824,
    }


def test_it_uses_database_url_when_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://peergoals@db.example.org:5432/goals")
    config = database_from_environment()
    assert (config["ENGINE"], config["NAME"], config["HOST"]) == (
        "django.db.backends.postgresql",
        "goals",
        "db.example.org",
    )


@pytest.mark.django_db(transaction=True)
def test_reads_audit_entries_wait_for_the_next_flush_and_everything_else_is_flushed() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("a SQLite setting: PostgreSQL's commits are always flushed")

    def synchronous() -> int:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous")
            return int(cursor.fetchone()[0])

    full, normal = 2, 1
    assert synchronous() == full
    with flushed_with_the_next_write():
        assert synchronous() == normal
    assert synchronous() == full
    # Inside a transaction, which may also hold other writes, it changes nothing.
    with transaction.atomic(), flushed_with_the_next_write():
        assert synchronous() == full
    with pytest.raises(ZeroDivisionError), flushed_with_the_next_write():
        1 / 0  # noqa: B018
    assert synchronous() == full


def test_it_flushes_each_transaction_after_its_commit_and_not_a_reads_audit_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, django_db_blocker: Any
) -> None:
    """Commits share their flush (peergoals/sqlite): the WAL is flushed after the write lock
    is released, before the commit returns; the connection is back at FULL in between."""
    from peergoals.sqlite.base import DatabaseWrapper as GroupCommitWrapper

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'peergoals.sqlite3'}")
    config = database_from_environment()
    assert config["ENGINE"] == "peergoals.sqlite"
    probe = GroupCommitWrapper(
        {**config, "TIME_ZONE": None, "AUTOCOMMIT": True, "ATOMIC_REQUESTS": False, "TEST": {}},
        alias="probe",
    )
    flushed: list[str] = []
    real_fdatasync = os.fdatasync

    def fdatasync(descriptor: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{descriptor}"))
        real_fdatasync(descriptor)

    monkeypatch.setattr(os, "fdatasync", fdatasync)

    def synchronous() -> int:
        with probe.cursor() as cursor:
            cursor.execute("PRAGMA synchronous")
            return int(cursor.fetchone()[0])

    with django_db_blocker.unblock():
        try:
            with probe.cursor() as cursor:
                cursor.execute("CREATE TABLE entry (note TEXT)")
            flushed.clear()
            # What transaction.atomic() does at its start and end, on this unregistered alias.
            probe._start_transaction_under_autocommit()
            assert synchronous() == 1
            with probe.cursor() as cursor:
                cursor.execute("INSERT INTO entry VALUES ('a check-in')")
            assert flushed == []
            probe.commit()
            assert flushed == [f"{tmp_path / 'peergoals.sqlite3'}-wal"]
            assert synchronous() == 2
            probe.flush_with_the_next_write = True
            probe._start_transaction_under_autocommit()
            with probe.cursor() as cursor:
                cursor.execute("INSERT INTO entry VALUES ('who read a plan')")
            probe.commit()
            assert flushed == [f"{tmp_path / 'peergoals.sqlite3'}-wal"]
        finally:
            probe.close()
