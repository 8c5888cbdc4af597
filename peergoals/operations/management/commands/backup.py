from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from peergoals.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the configured database to FILE while the site keeps running "
        "(SQLite: online backup; PostgreSQL: pg_dump, custom format)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Where to write the backup.")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        try:
            backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backed up the database to {file}."))
