from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from peergoals.backup import BackupError, restore
from peergoals.commands import refusals_said


class Command(BaseCommand):
    help = (
        "Restore the configured database from a backup FILE made by `peergoals backup`. "
        "Refuses to replace a database that holds data unless --force is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The backup to restore.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the data already in the database.",
        )

    def handle(self, *args: Any, file: Path, force: bool, **options: Any) -> None:
        with refusals_said(BackupError):
            restore(file, force=force)
        self.stdout.write(self.style.SUCCESS(f"Restored the database from {file}."))
        self.stdout.write("Check it with `peergoals checksums` on both sides.")
