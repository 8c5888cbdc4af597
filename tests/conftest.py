"""Fixtures shared by every test; the personas are described in tests/personas.py."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings as hypothesis_settings

from peergoals.people.actions import assign_peer
from peergoals.people.models import Role, Team
from peergoals.privacy.actions import give_consent
from tests.personas import People, make_person

# In CI hypothesis tries the same few examples every run, so a failure there is reproducible and
# the fuzz tests stay quick on both databases; by hand it tries more, and new ones each run.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None, max_examples=10)
hypothesis_settings.register_profile("dev", deadline=None, max_examples=30)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "dev")
)


@pytest.fixture
def people(db: None, settings: object) -> People:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    east = Team.objects.create(name="East")
    west = Team.objects.create(name="West")
    morgan = make_person("morgan", Role.ADMIN)
    cast = People(
        maria=make_person("maria", Role.PEER),
        sam=make_person("sam", Role.SPECIALIST, east),
        alex=make_person("alex", Role.SPECIALIST, east),
        jordan=make_person("jordan", Role.PEER),
        pat=make_person("pat", Role.SUPERVISOR, east),
        quinn=make_person("quinn", Role.SUPERVISOR, west),
        morgan=morgan,
        riley=make_person("riley", Role.PEER),
    )
    assign_peer(cast.maria, cast.sam, by=morgan)
    assign_peer(cast.jordan, cast.alex, by=morgan)
    # Staff reach a peer's records only under a valid consent; Riley has not given one.
    give_consent(cast.maria, by=cast.maria, signature="Maria", until_event=True)
    give_consent(cast.jordan, by=cast.jordan, signature="Jordan", until_event=True)
    return cast
