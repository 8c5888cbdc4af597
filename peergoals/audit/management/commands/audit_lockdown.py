from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from peergoals.audit.lockdown import LockdownRefused, lock_down, lockdown_statements
from peergoals.commands import refusals_said


class Command(BaseCommand):
    help = (
        "PostgreSQL: grant the application's role what the site needs, and only INSERT and "
        "SELECT on the audit log. Run as the owner of the tables, after every migrate."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--app-role", required=True, help="the role the site connects as")
        parser.add_argument(
            "--print", action="store_true", dest="only_print", help="print the SQL, run nothing"
        )

    def handle(self, *args: Any, app_role: str, only_print: bool, **options: Any) -> None:
        with refusals_said(LockdownRefused):
            if only_print:
                statements = lockdown_statements(app_role)
            else:
                with transaction.atomic():
                    statements = lock_down(app_role)
        for statement in statements:
            self.stdout.write(statement + ";")
        if not only_print:
            self.stdout.write(f"Done: {app_role} may add to the audit log and read it, no more.")
