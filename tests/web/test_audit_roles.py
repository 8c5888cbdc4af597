"""PostgreSQL: with `peergoals audit-lockdown`, the application's role can add to the audit log
and read it, and nothing else: no UPDATE, DELETE, TRUNCATE, ALTER or DISABLE TRIGGER.

Runs in the PostgreSQL pass of `make test` (and CI); SQLite has no roles.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from peergoals import audit
from peergoals.audit.models import AuditAction, AuditEntry
from peergoals.goals.models import CheckIn, Step
from tests.personas import People

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="roles and grants are PostgreSQL's"
)
APP_ROLE = "peergoals_app_under_test"


@pytest.fixture
def as_app_role(db: None) -> Iterator[None]:
    """Lock the log down for a fresh role, then act as that role (rolled back with the test)."""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {APP_ROLE} NOLOGIN")
    call_command("audit_lockdown", "--app-role", APP_ROLE, stdout=StringIO())
    with connection.cursor() as cursor:
        cursor.execute(f"SET ROLE {APP_ROLE}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")


def refused(sql: str) -> str:
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with pytest.raises(DatabaseError) as error, transaction.atomic(), connection.cursor() as cur:
        cur.execute(sql.format(table=table))
    return str(error.value)


def test_the_app_role_adds_and_reads_but_cannot_rewrite_the_log(
    people: People, as_app_role: None
) -> None:
    entry = audit.record(AuditAction.LOGIN, by=people.maria)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
    for statement in (
        "UPDATE {table} SET detail = 'x'",
        "DELETE FROM {table}",
        "TRUNCATE {table}",
    ):
        assert "permission denied" in refused(statement), statement
    for statement in (
        "ALTER TABLE {table} DISABLE TRIGGER audit_entry_append_only",
        "DROP TRIGGER audit_entry_append_only ON {table}",
        "ALTER TABLE {table} OWNER TO CURRENT_USER",
    ):
        assert "must be owner" in refused(statement), statement
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_site_still_works_as_the_app_role(
    people: People, walk_step: Step, as_maria: Client, as_sam: Client, as_app_role: None
) -> None:
    tap = reverse("goals:check_in", args=[walk_step.pk])
    assert as_maria.post(tap, {f"step-{walk_step.pk}-outcome": "done"}).status_code == 302
    assert CheckIn.objects.filter(step=walk_step).count() == 1
    before = AuditEntry.objects.count()
    assert as_sam.get(reverse("goals:detail", args=[walk_step.goal_id])).status_code == 200
    assert AuditEntry.objects.count() == before + 1
    out = StringIO()
    call_command("audit_verify", stdout=out)
    assert "The chain holds" in out.getvalue()


def test_it_refuses_a_role_that_owns_the_log(db: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        (owner,) = cursor.fetchone()
    with pytest.raises(CommandError, match=r"superuser|owns the audit log"):
        call_command("audit_lockdown", "--app-role", owner, stdout=StringIO())


def test_it_prints_the_sql_without_running_it(db: None) -> None:
    out = StringIO()
    call_command("audit_lockdown", "--app-role", "site", "--print", stdout=out)
    assert 'GRANT SELECT, INSERT ON TABLE "audit_auditentry" TO "site";' in out.getvalue()
