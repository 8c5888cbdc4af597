from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from peergoals.people.models import User
from peergoals.privacy import actions


class Command(BaseCommand):
    help = (
        "Cancel a peer's request to delete their data (they changed their mind before it was "
        "deleted for good): they can sign in again and their records are as they were."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        try:
            peer = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"Nobody has the username {username!r}.") from None
        try:
            actions.cancel_deletion(peer, by=None)
        except actions.NotAllowed as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(f"{username} can sign in again. Nothing of theirs was deleted.")
