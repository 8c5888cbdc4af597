"""No password, session key or note text ever reaches the logs."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from peergoals.goals.models import CheckIn, Step
from peergoals.redaction import RedactSecrets, redact
from tests.personas import PASSWORD, People

NOTE = "Told my sister about the relapse last night"


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """Everything the configured log handler writes, at every level, while the test runs."""
    handler = next(
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactSecrets) for f in handler.filters)
    )
    assert isinstance(handler, logging.StreamHandler)
    output = io.StringIO()
    # Swapped by hand: setStream() would flush the old stream, which pytest may have closed.
    previous_stream, handler.stream = handler.stream, output
    root, queries = logging.getLogger(), logging.getLogger("django.db.backends")
    previous_levels = root.level, queries.level
    root.setLevel(logging.DEBUG)
    queries.setLevel(logging.DEBUG)
    # SQL statements (and their parameters) are logged only with a debug cursor: force it on.
    previous_debug_cursor = connection.force_debug_cursor
    connection.force_debug_cursor = True
    try:
        yield output
    finally:
        connection.force_debug_cursor = previous_debug_cursor
        root.setLevel(previous_levels[0])
        queries.setLevel(previous_levels[1])
        handler.stream = previous_stream


def test_it_logs_no_password_session_key_or_note_through_sign_in_and_a_check_in(
    people: People, walk_step: Step, log_output: io.StringIO
) -> None:
    client = Client()
    client.post("/login/", {"username": "maria", "password": "wrong-" + PASSWORD})
    client.post("/login/", {"username": "maria", "password": PASSWORD})
    session_key = client.cookies["sessionid"].value
    answers = {"outcome": "done", "feeling": "good", "note": NOTE}
    client.post(
        reverse("goals:check_in", args=[walk_step.pk]),
        {f"step-{walk_step.pk}-{name}": value for name, value in answers.items()},
    )
    assert CheckIn.objects.get().note == NOTE
    logged = log_output.getvalue()
    # The failed sign-in and every SQL statement were logged ...
    assert "AXES" in logged and "SQL statement took" in logged
    for secret in (PASSWORD, session_key, NOTE):
        assert secret not in logged  # ... and nothing secret was


def test_it_redacts_secrets_a_library_or_an_error_might_log() -> None:
    assert redact("password=hunter22 next") == "password=[redacted] next"
    assert (
        redact("{'password': 'two words', 'user': 'x'}") == "{'password': [redacted], 'user': 'x'}"
    )
    assert redact("Cookie: sessionid=abc; csrftoken=def") == "Cookie: [redacted]"
    detail = 'DETAIL:  Failing row contains (7, 3, "My note", null).'
    assert redact(detail) == "DETAIL:  Failing row contains [redacted]."


def test_it_redacts_the_traceback_of_a_failed_write(log_output: io.StringIO) -> None:
    try:
        raise ValueError(f"Failing row contains (1, {NOTE!r}) session_key=abc123")
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: /steps/1/check-in/")
    logged = log_output.getvalue()
    assert "Internal Server Error" in logged and "ValueError" in logged
    assert NOTE not in logged and "abc123" not in logged
