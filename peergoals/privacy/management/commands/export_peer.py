from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404

from peergoals.people.models import User
from peergoals.privacy import actions


class Command(BaseCommand):
    help = (
        "Write a peer's plan and records as JSON, on behalf of a staff member. Refused when the "
        "peer has no valid consent covering alcohol and drug use records."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="The peer whose records to export.")
        parser.add_argument("--by", required=True, help="The staff member asking for them.")

    def handle(self, *args: Any, username: str, by: str, **options: Any) -> None:
        try:
            staff = User.objects.get(username=by, is_active=True)
            peer = User.objects.get(username=username)
            data = actions.export_peer_records(peer, by=staff)
        except (User.DoesNotExist, Http404):
            raise CommandError(f"{by} can't reach a peer called {username}.") from None
        except actions.ExportRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(actions.as_json(data))
