"""Django's SQLite backend, with commits that share disk flushes (group commit).

At `synchronous=FULL` SQLite flushes the WAL file while it still holds the database's one write
lock, so every writer of every gunicorn worker queues behind each flush: on the shared CI
machines a flush takes 4-20 ms, which caps the whole site at 50-250 writes a second whatever
the number of workers. Here a transaction commits at `NORMAL` (its pages are written to the
WAL, the lock is released at once) and then flushes the WAL file itself before the commit
returns, so before any page says "saved". A flush writes everything in the file, other
workers' commits too, so writers committing at the same moment share one flush.

Durability is FULL's: a commit returns only once the disk has its WAL frames and every frame
before them, which is what recovery replays after a power cut (`NORMAL` in WAL mode still
flushes the WAL before each checkpoint and the database after it). bench/bench_durability.py
measures it (`NORMAL+FLUSH`). Statements outside a transaction keep `FULL`'s own flush; the
audit entries of reads skip the flush on purpose (`peergoals.db.flushed_with_the_next_write`).
"""

from __future__ import annotations

import os

from django.db.backends.sqlite3 import base


# django-stubs leave out the backend's private hooks overridden here (hence the ignores).
class DatabaseWrapper(base.DatabaseWrapper):
    # Set by peergoals.db.flushed_with_the_next_write: this commit waits for the next flush.
    flush_with_the_next_write = False
    # The open transaction commits at NORMAL and is flushed by `_commit` (SQLite refuses to
    # change `synchronous` inside a transaction, so it is lowered just before BEGIN).
    _flushes_after_commit = False

    def _start_transaction_under_autocommit(self) -> None:
        if not self.is_in_memory_db() and not self.flush_with_the_next_write:
            self.connection.execute("PRAGMA synchronous=NORMAL")
            self._flushes_after_commit = True
        super()._start_transaction_under_autocommit()  # type: ignore[misc]

    def _commit(self) -> None:
        super()._commit()  # type: ignore[misc]
        if self._flushes_after_commit:
            self._back_to_full()
            self._flush_to_disk()

    def _rollback(self) -> None:
        super()._rollback()  # type: ignore[misc]
        if self._flushes_after_commit:
            self._back_to_full()

    def _back_to_full(self) -> None:
        self._flushes_after_commit = False
        with self.wrap_database_errors:
            self.connection.execute("PRAGMA synchronous=FULL")

    def _flush_to_disk(self) -> None:
        database = str(self.settings_dict["NAME"])
        try:
            descriptor = os.open(f"{database}-wal", os.O_RDONLY)
        except FileNotFoundError:
            # Not in WAL mode after all: the journal was flushed at the commit; the file now.
            descriptor = os.open(database, os.O_RDONLY)
        try:
            os.fdatasync(descriptor)
        finally:
            os.close(descriptor)
