"""PostgreSQL: an application role that can add to the audit log and read it, and nothing more.

The role that owns a table can ALTER it, DISABLE or DROP its triggers and TRUNCATE it; no
trigger stops an owner. So in production two roles are used: an owner that runs `peergoals
migrate` and owns every table, and the application's role, which the site connects as. These
grants give the application's role what the site needs on every table, then take back all but
INSERT and SELECT on the audit log (and USAGE on its id sequence, which INSERT needs).
"""

from __future__ import annotations

import re

from django.db import connection

from peergoals.audit.models import AuditEntry

ROLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


class LockdownRefused(Exception):
    """The set-up would not protect the log; the message says why."""


def lockdown_statements(app_role: str) -> list[str]:
    """The GRANT and REVOKE statements, to run as the tables' owner after every migrate."""
    if not ROLE_NAME.fullmatch(app_role):
        raise LockdownRefused(f"{app_role!r} is not a plain role name (letters, digits, _).")
    quote = connection.ops.quote_name
    role = quote(app_role)
    table = quote(AuditEntry._meta.db_table)
    sequence = f"pg_get_serial_sequence('{AuditEntry._meta.db_table}', 'id')"
    return [
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"REVOKE ALL ON TABLE {table} FROM PUBLIC, {role}",
        f"GRANT SELECT, INSERT ON TABLE {table} TO {role}",
        # The id sequence: nextval() for INSERT, nothing that could rewind it.
        f"DO $$ BEGIN EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM PUBLIC, {role}', "
        f"{sequence}); EXECUTE format('GRANT USAGE ON SEQUENCE %s TO {role}', {sequence}); "
        "END $$",
    ]


def check_roles(app_role: str) -> None:
    """Refuse when the application's role would still be able to rewrite the log: it owns the
    table, is a superuser, or is the role running this."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT r.rolsuper, pg_get_userbyid(c.relowner) = r.rolname, current_user = r.rolname "
            "FROM pg_roles r, pg_class c WHERE r.rolname = %s AND c.oid = %s::regclass",
            [app_role, AuditEntry._meta.db_table],
        )
        row = cursor.fetchone()
    if row is None:
        raise LockdownRefused(f"There is no role {app_role!r}: create it first (CREATE ROLE).")
    is_superuser, owns_the_log, is_me = row
    if is_superuser:
        raise LockdownRefused(f"{app_role} is a superuser: nothing can be taken from it.")
    if owns_the_log or is_me:
        raise LockdownRefused(
            f"{app_role} owns the audit log: run this as the owner role (the one that runs "
            "`peergoals migrate`), with the application connecting as another role."
        )


def lock_down(app_role: str) -> list[str]:
    """Check the roles, then run the statements; returns what was run."""
    if connection.vendor != "postgresql":
        raise LockdownRefused("audit-lockdown is for PostgreSQL; SQLite has no roles.")
    statements = lockdown_statements(app_role)
    check_roles(app_role)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return statements
