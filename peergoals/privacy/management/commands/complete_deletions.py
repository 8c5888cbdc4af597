from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from peergoals.privacy import actions


class Command(BaseCommand):
    help = (
        "Delete for good the data of every peer who asked for it longer ago than "
        "PEERGOALS_DELETION_RETENTION_DAYS. Audit entries are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list who would be deleted."
        )

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        usernames = actions.complete_due_deletions(by=None, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        for username in usernames:
            self.stdout.write(f"{verb} {username}")
        self.stdout.write(f"{verb} {len(usernames)} peer(s).")
