from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404

from peergoals.people.models import User
from peergoals.privacy import actions


class Command(BaseCommand):
    help = "Write everything PeerGoals holds about a peer as JSON, for a peer who asks in person."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="The peer asking for their data.")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        try:
            peer = User.objects.get(username=username, role="peer")
            data = actions.export_my_data(peer, by=peer)
        except (User.DoesNotExist, Http404):
            raise CommandError(f"No active peer called {username}.") from None
        self.stdout.write(actions.as_json(data))
