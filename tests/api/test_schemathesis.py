"""Schemathesis (`st run --checks all`, every phase) against a live server: 0 failures.

Two runs with peer Maria's token. The first lets Schemathesis choose every id (examples,
coverage, fuzzing and the stateful phase's links). The second is the object-level
authorization check between two peers: every id in every path is one of Jordan's records (his
goal, step and peer id), and the only answer allowed to well-formed requests is 404, the same as
a missing record.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer

from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from peergoals.people import tokens
from tests.personas import People

ST = Path(sys.executable).with_name("st")


def st_run(
    server: LiveServer, secret: str, config: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(ST),
            "--config-file",
            str(config),
            "run",
            f"{server.url}/api/v1/openapi.json",
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--max-examples",
            "12",
            "--workers",
            "1",
            "--seed",
            "18",
            "-H",
            f"Authorization: Bearer {secret}",
            *extra,
        ],
        capture_output=True,
        text=True,
        # A safety net for a hung server, not a speed check (that is `make bench`'s).
        timeout=400,
        check=False,
    )


@pytest.fixture
def jordans_step(people: People) -> Step:
    goal = actions.create_goal(
        people.jordan, by=people.jordan, own_words="Sleep by 11", life_area="physical"
    )
    return actions.add_step(goal, by=people.jordan, wording="Phone away at 10:30")


@pytest.mark.django_db(transaction=True)
def test_schemathesis_finds_no_failure_and_no_way_into_another_peers_records(
    live_server: LiveServer,
    audit_log_emptied_at_teardown: None,
    settings: object,
    people: People,
    walk_step: Step,
    jordans_step: Step,
    tmp_path: Path,
) -> None:
    settings.API_TOKEN_RATE = "100000/m"  # type: ignore[attr-defined]
    _token, marias = tokens.create_token(people.maria, name="schemathesis", scope="write", days=1)
    free = tmp_path / "free.toml"
    # A schema states each field alone. The rules that tie fields together, the page forms'
    # own ("done by" not before the start, a count needs its number, a target the coach finds
    # too big), refuse a well-formed body with 422 and the field, as tests/api shows; every
    # other expectation stays Schemathesis's own.
    free.write_text(
        "[checks.positive_data_acceptance]\n"
        'expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "422", "429"]\n'
    )
    first = st_run(live_server, marias, free)
    assert first.returncode == 0, first.stdout[-4000:]

    jordans: Goal = jordans_step.goal
    crossed = tmp_path / "crossed.toml"
    crossed.write_text(
        "[parameters]\n"
        f'"path.goal_id" = {jordans.pk}\n'
        f'"path.step_id" = {jordans_step.pk}\n'
        f'"path.peer_id" = {people.jordan.pk}\n'
        f'"path.specialist_id" = {people.alex.pk}\n'
        "[checks.positive_data_acceptance]\n"
        'expected-statuses = ["404"]\n'
    )
    second = st_run(
        live_server,
        marias,
        crossed,
        "--include-path-regex",
        r"\{",
        "--phases",
        "examples,coverage,fuzzing",
    )
    assert second.returncode == 0, second.stdout[-4000:]
    jordans.refresh_from_db()
    assert jordans.version == 1, "Maria's token changed Jordan's goal"
