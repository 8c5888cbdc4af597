from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from peergoals.backup import BackupError, backup
from peergoals.commands import refusals_said


class Command(BaseCommand):
    help = (
        "Back up the configured database to FILE while the site keeps running "
        "(SQLite: online backup; PostgreSQL: pg_dump, custom format)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="Where to write the backup.")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        with refusals_said(BackupError):
            backup(file)
        self.stdout.write(self.style.SUCCESS(f"Backed up the database to {file}."))
