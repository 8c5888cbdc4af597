import json
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from peergoals.backup import table_checksums


class Command(BaseCommand):
    help = (
        "Print every table's row count and a SHA-256 of its rows (in primary-key order). "
        "Run it on the original and on a restored copy: the same output means the same data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print JSON instead of a table."
        )

    def handle(self, *args: Any, as_json: bool, **options: Any) -> None:
        checksums = table_checksums()
        if as_json:
            self.stdout.write(json.dumps([asdict(checksum) for checksum in checksums]))
            return
        width = max((len(checksum.table) for checksum in checksums), default=5)
        for checksum in checksums:
            self.stdout.write(f"{checksum.table:{width}}  {checksum.rows:>9}  {checksum.sha256}")
