import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from peergoals.commands import person_named, refusals_said
from peergoals.errors import NotAllowed, NotFound
from peergoals.fhir import exchange


class Command(BaseCommand):
    help = (
        "Import FHIR R4 Goals and CarePlans (a Bundle, a Goal or a CarePlan, as JSON) for a "
        "peer, as suggestions from a staff member that the peer accepts, rewords or declines. "
        "Importing the same resources again makes nothing twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The JSON file to import.")
        parser.add_argument("--peer", required=True, help="The peer they are for.")
        parser.add_argument("--by", required=True, help="The staff member suggesting them.")

    def handle(self, *args: Any, file: str, peer: str, by: str, **options: Any) -> None:
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as problem:
            raise CommandError(f"Can't read {file} as JSON: {problem}") from None
        if not isinstance(data, dict):
            raise CommandError(f"{file} is not a FHIR resource.")
        staff, person = person_named(by), person_named(peer)
        with refusals_said(NotAllowed, NotFound):
            made = exchange.import_resources(data, peer=person, by=staff)
        self.stdout.write(exchange.as_json(made.summary()))
