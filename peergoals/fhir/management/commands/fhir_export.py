from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from peergoals.commands import person_named, refusals_said
from peergoals.errors import NotFound
from peergoals.fhir import exchange
from peergoals.privacy.actions import ExportRefused


class Command(BaseCommand):
    help = (
        "Write a peer's plan as a FHIR R4 Bundle (JSON), on behalf of the peer or a staff "
        "member. For staff, refused when the peer has no valid consent covering alcohol and "
        "drug use records, as the staff download is."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="The peer whose plan to export.")
        parser.add_argument("--by", required=True, help="Who asks for it (the peer or staff).")

    def handle(self, *args: Any, username: str, by: str, **options: Any) -> None:
        asker, peer = person_named(by), person_named(username)
        with refusals_said(ExportRefused, NotFound):
            bundle = exchange.export_plan(peer, by=asker)
        self.stdout.write(exchange.as_json(bundle))
