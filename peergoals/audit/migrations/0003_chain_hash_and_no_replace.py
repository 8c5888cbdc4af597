"""Each entry's place in the tamper-evidence chain, and SQLite's REPLACE closed.

`INSERT OR REPLACE` / `REPLACE INTO` on an existing id deletes the old row without firing
SQLite's DELETE trigger (recursive triggers are off), so a BEFORE INSERT trigger refuses any
insert that names an id already taken. PostgreSQL has no REPLACE; an INSERT ... ON CONFLICT DO
UPDATE fires its UPDATE trigger.

Adding a NOT NULL column makes Django rebuild the table on SQLite, which drops its triggers:
migration 0002's are written again after it.
"""

import importlib

from django.db import migrations, models

APPEND_ONLY = importlib.import_module("peergoals.audit.migrations.0002_append_only_triggers")

SQLITE_UP = """
    CREATE TRIGGER audit_entry_no_replace BEFORE INSERT ON {table}
    WHEN EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: REPLACE refused'); END
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS audit_entry_no_replace"


def _run(apps, schema_editor, statement):
    if schema_editor.connection.vendor != "sqlite":
        return
    table = schema_editor.quote_name(apps.get_model("audit", "AuditEntry")._meta.db_table)
    schema_editor.execute(statement.format(table=table), None)


def create_triggers(apps, schema_editor):
    for statement in [*APPEND_ONLY.SQLITE_DOWN, *APPEND_ONLY.SQLITE_UP, SQLITE_UP]:
        _run(apps, schema_editor, statement)


def drop_trigger(apps, schema_editor):
    _run(apps, schema_editor, SQLITE_DOWN)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="chain_hash",
            field=models.CharField(
                blank=True, editable=False, max_length=64, verbose_name="chain hash"
            ),
        ),
        migrations.RunPython(create_triggers, drop_trigger),
    ]
