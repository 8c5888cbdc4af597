from peergoals.commands import PersonCommand, refusals_said
from peergoals.people.models import User
from peergoals.privacy import actions


class Command(PersonCommand):
    help = (
        "Cancel a peer's request to delete their data (they changed their mind before it was "
        "deleted for good): they can sign in again and their records are as they were."
    )

    def handle_person(self, person: User) -> None:
        with refusals_said(actions.NotAllowed):
            actions.cancel_deletion(person, by=None)
        self.stdout.write(f"{person.username} can sign in again. Nothing of theirs was deleted.")
