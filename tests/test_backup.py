"""`peergoals backup` and `peergoals restore`, run as an operator would, on the demo program.

A restore is proved by `peergoals checksums`: every table's row count and SHA-256 over its rows
in primary-key order must be the same in the fresh database as in the original.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import psycopg
import pytest

from peergoals.backup import table_checksums
from peergoals.people.models import User
from tests.personas import People

PEERGOALS = str(Path(sys.executable).parent / "peergoals")


def peergoals(
    *args: str, database_url: str, **environment: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PEERGOALS, *args],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "peergoals.settings",
            "DATABASE_URL": database_url,
            **environment,
        },
        capture_output=True,
        text=True,
        check=False,
    )


def checksums(database_url: str) -> dict[str, tuple[int, str]]:
    result = peergoals("checksums", "--json", database_url=database_url)
    assert result.returncode == 0, result.stderr
    return {row["table"]: (row["rows"], row["sha256"]) for row in json.loads(result.stdout)}


def load_demo(database_url: str) -> None:
    for command in (("migrate", "-v0"), ("demo",)):
        result = peergoals(*command, database_url=database_url)
        assert result.returncode == 0, result.stderr


def assert_restores_every_row(source: str, fresh: str, backup_file: Path) -> None:
    made = peergoals("backup", str(backup_file), database_url=source)
    assert made.returncode == 0, made.stderr
    restored = peergoals("restore", str(backup_file), database_url=fresh)
    assert restored.returncode == 0, restored.stderr
    assert "Restored the database" in restored.stdout
    original = checksums(source)
    assert checksums(fresh) == original
    # The demo's six weeks of history really went through, not just empty tables.
    assert original["goals_checkin"][0] > 100
    assert original["people_user"][0] > 10
    assert original["goals_historicalgoal"][0] > 0


@pytest.fixture(scope="module")
def demo_sqlite(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'peergoals.sqlite3'}"
    load_demo(url)
    return url


def test_it_restores_a_sqlite_backup_into_a_fresh_database_with_every_row(
    demo_sqlite: str, tmp_path: Path
) -> None:
    assert_restores_every_row(
        demo_sqlite, f"sqlite:///{tmp_path / 'fresh.sqlite3'}", tmp_path / "peergoals.backup"
    )


def test_it_refuses_to_overwrite_a_database_that_holds_data_without_force(
    demo_sqlite: str, tmp_path: Path
) -> None:
    backup_file = tmp_path / "peergoals.backup"
    assert peergoals("backup", str(backup_file), database_url=demo_sqlite).returncode == 0
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert peergoals("migrate", "-v0", database_url=other).returncode == 0
    assert (
        peergoals(
            "createsuperuser",
            "--noinput",
            database_url=other,
            **{
                "DJANGO_SUPERUSER_USERNAME": "kim",
                "DJANGO_SUPERUSER_PASSWORD": "a-long-admin-password-7",
                "DJANGO_SUPERUSER_EMAIL": "kim@example.org",
            },
        ).returncode
        == 0
    )

    refused = peergoals("restore", str(backup_file), database_url=other)
    assert refused.returncode != 0
    assert "already holds data" in refused.stderr and "--force" in refused.stderr
    assert checksums(other)["people_user"][0] == 1

    forced = peergoals("restore", "--force", str(backup_file), database_url=other)
    assert forced.returncode == 0, forced.stderr
    assert checksums(other) == checksums(demo_sqlite)


def test_it_restores_into_a_freshly_migrated_database_without_force(
    demo_sqlite: str, tmp_path: Path
) -> None:
    backup_file = tmp_path / "peergoals.backup"
    assert peergoals("backup", str(backup_file), database_url=demo_sqlite).returncode == 0
    migrated = f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    assert peergoals("migrate", "-v0", database_url=migrated).returncode == 0
    assert peergoals("restore", str(backup_file), database_url=migrated).returncode == 0
    assert checksums(migrated) == checksums(demo_sqlite)


def test_it_says_plainly_when_the_backup_file_is_missing(tmp_path: Path) -> None:
    result = peergoals(
        "restore", str(tmp_path / "nowhere.backup"), database_url=f"sqlite:///{tmp_path / 'a'}"
    )
    assert result.returncode != 0
    assert "There is no backup file at" in result.stderr
    assert "Traceback" not in result.stderr


def test_it_says_plainly_when_the_file_is_not_a_backup(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    for url in (f"sqlite:///{tmp_path / 'a.sqlite3'}", "postgres://nobody@127.0.0.1:1/nothing"):
        result = peergoals("restore", "--force", str(notes), database_url=url)
        assert result.returncode != 0
        assert "is not a PeerGoals backup" in result.stderr
        assert "Traceback" not in result.stderr


def test_it_says_plainly_when_a_sqlite_file_is_not_a_peergoals_backup(tmp_path: Path) -> None:
    other = tmp_path / "recipes.sqlite3"
    with sqlite3.connect(other) as recipes:
        recipes.execute("CREATE TABLE recipe (name TEXT)")
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    result = peergoals("restore", str(other), database_url=fresh)
    assert result.returncode != 0
    assert "is a SQLite file but not a PeerGoals backup" in result.stderr


def test_it_says_plainly_when_pg_dump_is_not_installed(tmp_path: Path) -> None:
    result = peergoals(
        "backup",
        str(tmp_path / "peergoals.dump"),
        database_url="postgres://nobody@127.0.0.1:1/nothing",
        PATH=str(tmp_path),
    )
    assert result.returncode != 0
    assert "pg_dump was not found" in result.stderr
    assert "apt-get install postgresql-client" in result.stderr
    assert not (tmp_path / "peergoals.dump").exists()


@pytest.fixture
def scratch_postgresql() -> Iterator[tuple[str, str]]:
    """Two new, empty databases on the PostgreSQL server of DATABASE_URL, dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL is not PostgreSQL; scripts/test.sh runs this on PostgreSQL")
    server = dj_database_url.parse(url)
    names = [f"{server['NAME']}_restore_{uuid.uuid4().hex[:10]}_{side}" for side in ("a", "b")]
    with psycopg.connect(
        host=server["HOST"] or None,
        port=server["PORT"] or None,
        user=server["USER"] or None,
        password=server["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            first, second = (urlsplit(url)._replace(path=f"/{name}").geturl() for name in names)
            yield first, second
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_it_restores_a_postgresql_backup_into_a_fresh_database_with_every_row(
    scratch_postgresql: tuple[str, str], tmp_path: Path
) -> None:
    source, fresh = scratch_postgresql
    load_demo(source)
    assert_restores_every_row(source, fresh, tmp_path / "peergoals.dump")
    assert (tmp_path / "peergoals.dump").read_bytes().startswith(b"PGDMP")


def test_it_changes_only_the_checksum_of_the_table_whose_data_changed(people: People) -> None:
    before = {checksum.table: checksum for checksum in table_checksums()}
    User.objects.filter(pk=people.maria.pk).update(preferred_name="Mari")
    after = {checksum.table: checksum for checksum in table_checksums()}
    changed = {table for table in before if before[table] != after[table]}
    assert changed == {"people_user"}
    assert after["people_user"].rows == before["people_user"].rows == 8
