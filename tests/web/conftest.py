"""Fixtures for the web pages: a signed-in browser per persona.

The personas themselves (Maria, Sam, Alex, Jordan, Pat, Quinn, Morgan, Riley) come from the
`people` fixture in tests/conftest.py, Maria's walking goal and its daily step from the
`walk_goal` and `walk_step` fixtures there; see tests/personas.py for who is who.
"""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

from peergoals.people.middleware import LAST_SEEN
from peergoals.people.models import User
from peergoals.people.two_factor import requires_two_factor
from tests.personas import People, confirmed_device


def browser_for(person: User) -> Client:
    """A browser signed in as `person`; for staff (and peers who turned it on), also past the
    6-digit code, as after a real sign-in with a confirmed authenticator app."""
    client = Client()
    client.force_login(person)
    session = client.session
    if requires_two_factor(person):
        session[DEVICE_ID_SESSION_KEY] = confirmed_device(person).persistent_id
    # Just signed in: the next minute's requests don't move the session's expiry forward, so
    # the queries a page makes are the same on every request (tests/web/test_query_counts.py).
    session[LAST_SEEN] = time.time()
    session.save()
    return client


@pytest.fixture
def as_maria(people: People) -> Client:
    return browser_for(people.maria)


@pytest.fixture
def as_sam(people: People) -> Client:
    return browser_for(people.sam)


@pytest.fixture
def as_alex(people: People) -> Client:
    return browser_for(people.alex)


@pytest.fixture
def as_jordan(people: People) -> Client:
    return browser_for(people.jordan)


@pytest.fixture
def as_pat(people: People) -> Client:
    return browser_for(people.pat)


@pytest.fixture
def as_quinn(people: People) -> Client:
    return browser_for(people.quinn)
