"""What the `peergoals` commands share: the name their audit rows give the person at the
keyboard, the person a username names, the domain's refusals said as command errors, and the
shape of a command about one person."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from peergoals.people.models import User


def operator() -> str:
    """Who ran the command, as the audit log names them (no account stands behind a shell)."""
    return f"command line ({getpass.getuser()})"


def person_named(username: str) -> User:
    """The person with this username; a clear command error when there is none."""
    person = User.objects.filter(username=username).first()
    if person is None:
        raise CommandError(f"Nobody has the username {username!r}.")
    return person


@contextmanager
def refusals_said(*refusals: type[Exception]) -> Iterator[None]:
    """A refusal the domain raises on purpose ends the command with its own words, no trace."""
    try:
        yield
    except refusals as refusal:
        raise CommandError(str(refusal)) from refusal


class PersonCommand(BaseCommand):
    """A command about one person, named by their username on the command line."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        self.handle_person(person_named(username))

    def handle_person(self, person: User) -> None:
        """Do the command's work for `person`."""
        raise NotImplementedError
