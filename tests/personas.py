"""Named personas shared by every test.

Maria is a peer on Sam's caseload. Alex is another specialist on the same team; Jordan is a peer
on Alex's caseload. Pat supervises that team; Quinn supervises another team. Morgan is the
program admin. Riley uses PeerGoals alone, with no specialist. Maria and Jordan have agreed to
share their records (a valid consent); Riley has not.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

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


def confirmed_device(person: User) -> TOTPDevice:
    """`person`'s confirmed authenticator app, set up now if they have none yet."""
    device = TOTPDevice.objects.filter(user=person, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=person, name="Test phone", confirmed=True)


def totp_code(person: User) -> str:
    """The 6-digit code `person`'s authenticator app shows right now (for tests that sign in
    through the real pages, Playwright included). Sets up a confirmed device if needed."""
    return current_code(confirmed_device(person))


def current_code(device: TOTPDevice) -> str:
    """The 6-digit code an app holding `device`'s key shows right now.

    A code works only once; when this one was already used (two sign-ins within 30 seconds),
    it gives the next one, which the device accepts as well (one step of clock tolerance).
    """
    device.refresh_from_db()
    now_step = int((time.time() - device.t0) // device.step) + device.drift
    ahead = max(0, device.last_t + 1 - now_step)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + ahead)
    return f"{code:0{device.digits}d}"


def agree_to_share(peer: User) -> None:
    """Give `peer` a valid consent, so their staff reach their records."""
    from peergoals.privacy.actions import give_consent

    give_consent(peer, by=peer, signature=peer.display_name, until_event=True)


def new_sharing_peers(count: int, specialist: User, *, by: User) -> list[User]:
    """`count` new peers (Peer0, Peer1, ...) put on `specialist`'s caseload by `by`, each
    sharing their records."""
    from peergoals.people.actions import assign_peer

    added = [make_person(f"peer{n}", Role.PEER) for n in range(count)]
    for peer in added:
        assign_peer(peer, specialist, by=by)
        agree_to_share(peer)
    return added
