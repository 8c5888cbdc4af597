"""Named personas shared by every test.

Maria is a peer on Sam's caseload. Alex is another specialist on the same team; Jordan is a peer
on Alex's caseload. Pat supervises that team; Quinn supervises another team. Morgan is the
program admin. Riley uses PeerGoals alone, with no specialist. Maria and Jordan have agreed to
share their records (a valid consent); Riley has not.
"""

from __future__ import annotations

from dataclasses import dataclass

from peergoals.people.models import Role, Team, User

PASSWORD = "a-long-test-password-9"


def make_person(username: str, role: str, team: Team | None = None) -> User:
    user = User(username=username, preferred_name=username.title(), role=role, team=team)
    user.set_password(PASSWORD)
    user.is_staff = user.is_superuser = role == Role.ADMIN
    user.save()
    return user


@dataclass
class People:
    maria: User
    sam: User
    alex: User
    jordan: User
    pat: User
    quinn: User
    morgan: User
    riley: User


def agree_to_share(peer: User) -> None:
    """Give `peer` a valid consent, so their staff reach their records."""
    from peergoals.privacy.actions import give_consent

    give_consent(peer, by=peer, signature=peer.display_name, until_event=True)
