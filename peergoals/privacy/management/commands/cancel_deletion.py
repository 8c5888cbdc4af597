from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from peergoals.commands import person_named, refusals_said
from peergoals.privacy import actions


class Command(BaseCommand):
    help = (
        "Cancel a peer's request to delete their data (they changed their mind before it was "
        "deleted for good): they can sign in again and their records are as they were."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        peer = person_named(username)
        with refusals_said(actions.NotAllowed):
            actions.cancel_deletion(peer, by=None)
        self.stdout.write(f"{username} can sign in again. Nothing of theirs was deleted.")
