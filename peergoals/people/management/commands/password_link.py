from django.conf import settings

from peergoals import audit
from peergoals.commands import PersonCommand, operator, refusals_said
from peergoals.people.models import User
from peergoals.people.passwords import NoLinkForThisAccount, issue_reset_link


class Command(PersonCommand):
    help = (
        "Print a one-time link for a person to choose their own password (a forgotten "
        "password, or a new account). Give it to them; don't open it yourself. It works once, "
        "within 3 days, and is recorded in the audit log."
    )

    def handle_person(self, person: User) -> None:
        with audit.scope(path="peergoals password-link"), refusals_said(NoLinkForThisAccount):
            link = issue_reset_link(
                person, by=None, base_url=settings.PEERGOALS_SITE_URL, username=operator()
            )
        said = f"A one-time link for {person.username} to choose their password:\n{link}"
        self.stdout.write(said)
