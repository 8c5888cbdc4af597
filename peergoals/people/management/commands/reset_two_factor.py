from peergoals import audit
from peergoals.audit.models import AuditAction, RecordType
from peergoals.commands import PersonCommand, operator
from peergoals.people.actions import reset_two_factor
from peergoals.people.models import User


class Command(PersonCommand):
    help = (
        "Remove a person's authenticator app (a lost phone). Staff set up a new one at their "
        "next sign-in; for a peer, two-step sign-in is off until they turn it on again."
    )

    def handle_person(self, person: User) -> None:
        username = person.username
        removed = reset_two_factor(person)
        # Recorded even when there was nothing to remove: it is what lets a staff member who
        # has signed in before set up a phone with their password (people/two_factor.py).
        with audit.scope(path="peergoals reset-two-factor"):
            audit.record(
                AuditAction.TWO_FACTOR_RESET,
                by=None,
                username=operator(),
                peer_id=person.pk if person.is_peer else None,
                record_type=RecordType.ACCOUNT,
                record_id=person.pk,
            )
        if removed:
            self.stdout.write(
                f"Removed {username}'s authenticator app. They set up a new one at their next "
                "sign-in."
            )
        else:
            self.stdout.write(f"{username} had no authenticator app set up. Nothing to reset.")
