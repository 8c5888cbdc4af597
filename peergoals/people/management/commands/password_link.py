from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from peergoals import audit
from peergoals.commands import operator, person_named, refusals_said
from peergoals.people.passwords import NoLinkForThisAccount, issue_reset_link


class Command(BaseCommand):
    help = (
        "Print a one-time link for a person to choose their own password (a forgotten "
        "password, or a new account). Give it to them; don't open it yourself. It works once, "
        "within 3 days, and is recorded in the audit log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        person = person_named(username)
        with audit.scope(path="peergoals password-link"), refusals_said(NoLinkForThisAccount):
            link = issue_reset_link(
                person, by=None, base_url=settings.PEERGOALS_SITE_URL, username=operator()
            )
        self.stdout.write(f"A one-time link for {username} to choose their password:\n{link}")
