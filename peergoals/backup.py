"""Backing up and restoring the database, and checking that a restore is complete.

SQLite is copied with SQLite's online backup API, page by page inside a read transaction, so the
copy is consistent while gunicorn workers keep writing (a plain file copy of a WAL database can
miss the write-ahead log or catch it half-written). PostgreSQL goes through `pg_dump` and
`pg_restore` in the custom format; the password travels in the environment, never on a command
line where `ps` would show it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# Tables that `migrate` fills on its own: a database holding only these is still empty.
BOOKKEEPING_TABLES = {"django_migrations", "django_content_type", "auth_permission"}


class BackupError(Exception):
    """A backup or restore that cannot be done, with a message an operator can act on."""


@dataclass(frozen=True)
class TableChecksum:
    """How many rows a table holds and a SHA-256 over them, taken in primary-key order."""

    table: str
    rows: int
    sha256: str


def _vendor(using: str) -> str:
    vendor = connections[using].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups of {vendor} databases are not supported.")
    return vendor


def backup(path: Path, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Write a consistent backup of the configured database to `path` (replaced if it exists).

    The backup is written next to `path` first and moved into place at the end, so a failed
    backup never leaves a truncated file under the name of a good one.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    if path.is_dir():
        raise BackupError(f"{path} is a folder; give the name of the backup file to write.")
    handle, partial_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    partial = Path(partial_name)
    try:
        if _vendor(using) == "sqlite":
            _backup_sqlite(partial, using)
        else:
            _backup_postgresql(partial, using)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def restore(path: Path, *, force: bool = False, using: str = DEFAULT_DB_ALIAS) -> None:
    """Replace the configured database's contents with the backup at `path`.

    Refuses when the database already holds data, unless `force` is set: a restore into the
    wrong database would silently destroy it.
    """
    path = Path(path)
    vendor = _vendor(using)
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    if vendor == "sqlite":
        _check_sqlite_backup(path)
    else:
        _check_postgresql_backup(path)
    if not force and not is_empty(using):
        raise BackupError(
            "The database already holds data. Restoring would replace it; "
            "run again with --force if that is what you want."
        )
    if vendor == "sqlite":
        _restore_sqlite(path, using)
    else:
        _restore_postgresql(path, using)


def is_empty(using: str = DEFAULT_DB_ALIAS) -> bool:
    """True when no table holds rows beyond what `migrate` writes by itself."""
    connection = connections[using]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            if table in BOOKKEEPING_TABLES:
                continue
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone() is not None:
                return False
    return True


def table_checksums(using: str = DEFAULT_DB_ALIAS) -> list[TableChecksum]:
    """Row count and SHA-256 of every table, rows in primary-key order, tables by name.

    Two databases with the same list hold the same data; comparing the lists is how a restore
    is checked. Values are hashed in their text form, so the same backend gives the same digest.
    """
    connection = connections[using]
    results = []
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            primary_key = connection.introspection.get_primary_key_columns(cursor, table)
            order = ", ".join(connection.ops.quote_name(name) for name in primary_key or columns)
            selected = ", ".join(connection.ops.quote_name(name) for name in columns)
            cursor.execute(f"SELECT {selected} FROM {quoted} ORDER BY {order}")  # noqa: S608
            digest = hashlib.sha256()
            rows = 0
            while batch := cursor.fetchmany(2000):
                for row in batch:
                    digest.update(json.dumps([_text(value) for value in row]).encode())
                    digest.update(b"\n")
                    rows += 1
            results.append(TableChecksum(table, rows, digest.hexdigest()))
    return results


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, memoryview | bytes):
        return bytes(value).hex()
    return str(value)


# SQLite ----------------------------------------------------------------------------------------


def _sqlite_connection(using: str) -> sqlite3.Connection:
    connection = connections[using]
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _backup_sqlite(target: Path, using: str) -> None:
    source = _sqlite_connection(using)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        # A self-contained single file: no -wal or -shm companion to forget when copying it away.
        destination.execute("PRAGMA journal_mode=DELETE")
        ok = destination.execute("PRAGMA integrity_check").fetchone()
        if ok != ("ok",):
            raise BackupError(f"The backup failed its integrity check: {ok}.")
    finally:
        destination.close()


def _check_sqlite_backup(path: Path) -> None:
    with path.open("rb") as file:
        magic = file.read(len(SQLITE_MAGIC))
    if magic != SQLITE_MAGIC:
        raise BackupError(f"{path} is not a PeerGoals backup of a SQLite database.")
    backup_file = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found = backup_file.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'django_migrations'"
        ).fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a readable SQLite backup: {error}.") from error
    finally:
        backup_file.close()
    if found is None:
        raise BackupError(f"{path} is a SQLite file but not a PeerGoals backup.")


def _restore_sqlite(path: Path, using: str) -> None:
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # The backup API writes through the live connection, so other connections see either
        # the old database or the restored one, never a mix.
        source.backup(_sqlite_connection(using))
    finally:
        source.close()
        connections[using].close()


# PostgreSQL ------------------------------------------------------------------------------------


def _postgresql_environment(using: str) -> dict[str, str]:
    """libpq's variables for the configured database, so no secret is on a command line."""
    settings = connections[using].settings_dict
    environment = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        value = settings.get(key)
        if value:
            environment[variable] = str(value)
        else:
            environment.pop(variable, None)
    return environment


def _program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} was not found. Install the PostgreSQL client tools "
            f"(on Debian: apt-get install postgresql-client) and try again."
        )
    return found


def _run(arguments: list[str], using: str) -> None:
    result = subprocess.run(  # noqa: S603 - fixed program, arguments we built
        arguments,
        env=_postgresql_environment(using),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        name = Path(arguments[0]).name
        raise BackupError(f"{name} failed: {result.stderr.strip() or result.returncode}")


def _backup_postgresql(target: Path, using: str) -> None:
    _run([_program("pg_dump"), "--format=custom", f"--file={target}"], using)


def _check_postgresql_backup(path: Path) -> None:
    with path.open("rb") as file:
        magic = file.read(len(PG_DUMP_MAGIC))
    if magic != PG_DUMP_MAGIC:
        raise BackupError(f"{path} is not a PeerGoals backup of a PostgreSQL database.")


def _restore_postgresql(path: Path, using: str) -> None:
    pg_restore = _program("pg_restore")
    # Django's idle connection must not hold locks on tables the restore drops.
    connections[using].close()
    database = str(connections[using].settings_dict["NAME"])
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={database}",
            str(path),
        ],
        using,
    )
