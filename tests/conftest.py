"""Fixtures shared by every test; the personas are described in tests/personas.py."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from peergoals.audit.models import AuditEntry
from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
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


@pytest.fixture(autouse=True)
def english_between_tests() -> Iterator[None]:
    """Each test starts in English. Django activates a request's language in its thread and
    leaves it there, so after a page in Spanish, text written outside a request (a consent
    signed by a fixture, a version's reason) would be Spanish too."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


@pytest.fixture
def walk_goal(people: People) -> Goal:
    """Maria's own goal, in her words, with a clearer wording beside it: the one peer-with-a-goal
    every test that needs one starts from."""
    return actions.create_goal(
        people.maria,
        by=people.maria,
        own_words="I want to get healthier",
        smart_wording="I will walk for 10 minutes every morning this week",
        life_area="physical",
        importance=8,
        confidence=6,
    )


@pytest.fixture
def walk_step(walk_goal: Goal) -> Step:
    """A daily step on Maria's goal."""
    return actions.add_step(
        walk_goal,
        by=walk_goal.peer,
        wording="Walk 10 minutes after breakfast",
        target_kind="count",
        target_quantity=1,
        target_per="day",
    )


@pytest.fixture
def audit_log_emptied_at_teardown(transactional_db: None) -> Iterator[None]:
    """For tests that commit (live server): empty the audit log before the database is flushed.

    SQLite's flush is a DELETE, which the audit log's append-only trigger refuses (PostgreSQL's
    TRUNCATE is not affected). The test's own entries are removed with the trigger lifted for
    that one statement, then the trigger is put back, exactly as the migration wrote it.
    """
    yield
    if connection.vendor != "sqlite":
        return
    triggers = importlib.import_module("peergoals.audit.migrations.0002_append_only_triggers")
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        for statement in triggers.SQLITE_DOWN:
            cursor.execute(statement.format(table=table))
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a table name, not input
        for statement in triggers.SQLITE_UP:
            cursor.execute(statement.format(table=table))
