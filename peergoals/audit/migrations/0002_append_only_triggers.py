"""The database itself refuses UPDATE and DELETE on audit entries, whatever code runs.

PostgreSQL and SQLite, the two databases PeerGoals runs on, each get their own trigger syntax.
TRUNCATE is left alone: it needs table ownership, and test flushes and restores use it.
"""

from django.db import migrations

POSTGRESQL_UP = [
    """
    CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP
            USING ERRCODE = 'restrict_violation';
    END;
    $$
    """,
    """
    CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()
    """,
]
POSTGRESQL_DOWN = [
    "DROP TRIGGER IF EXISTS audit_entry_append_only ON {table}",
    "DROP FUNCTION IF EXISTS audit_entry_refuse_change()",
]
SQLITE_UP = [
    """
    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON {table}
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON {table}
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: DELETE refused'); END
    """,
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete",
]
SQL = {
    "postgresql": (POSTGRESQL_UP, POSTGRESQL_DOWN),
    "sqlite": (SQLITE_UP, SQLITE_DOWN),
}


def _run(apps, schema_editor, forwards):
    vendor = schema_editor.connection.vendor
    if vendor not in SQL:
        raise RuntimeError(
            f"PeerGoals keeps its audit log append-only on PostgreSQL and SQLite, not {vendor}."
        )
    table = schema_editor.quote_name(apps.get_model("audit", "AuditEntry")._meta.db_table)
    up, down = SQL[vendor]
    for statement in up if forwards else down:
        # No parameters: the % in the PL/pgSQL message is not a placeholder.
        schema_editor.execute(statement.format(table=table), None)


def create_triggers(apps, schema_editor):
    _run(apps, schema_editor, forwards=True)


def drop_triggers(apps, schema_editor):
    _run(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
