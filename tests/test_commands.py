"""The `peergoals` console commands an operator runs."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from peergoals import access
from peergoals.goals.models import CheckIn, Goal, Review, Status, Win
from peergoals.people.models import Assignment, Role, User
from peergoals.privacy.models import Consent


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_it_loads_a_realistic_demo_program_and_prints_the_sign_ins() -> None:
    output = run("demo")
    assert "maria" in output and "sam" in output and "pat" in output and "admin" in output
    assert User.objects.filter(role=Role.SPECIALIST).count() == 2
    assert User.objects.filter(role=Role.SUPERVISOR).count() == 1
    assert User.objects.filter(role=Role.PEER, assignments__isnull=False).distinct().count() == 9
    # The demo peers agreed to share, so their specialists' pages are not empty.
    sam = User.objects.get(username="sam")
    assert access.peers_for(sam).count() == User.objects.on_caseload_of(sam).count() == 6
    assert Consent.objects.valid().count() == 9
    # One peer chose Spanish, and signs in to PeerGoals in Spanish.
    assert "lucia" in output
    assert User.objects.get(username="lucia").language == "es"
    assert CheckIn.objects.count() > 100
    assert Review.objects.exists() and Win.objects.exists()
    statuses = set(Goal.objects.values_list("status", flat=True))
    assert {Status.ACTIVE, Status.PLANNED, Status.PROPOSED, Status.ON_HOLD} <= statuses


@pytest.mark.django_db
def test_it_signs_in_with_the_printed_demo_password(client: object) -> None:
    from peergoals.demo import DEMO_PASSWORD

    run("demo")
    response = client.post(  # type: ignore[attr-defined]
        "/login/", {"username": "maria", "password": DEMO_PASSWORD}, follow=True
    )
    assert response.context["user"].username == "maria"


@pytest.mark.django_db
def test_it_loads_the_demo_only_once_with_if_empty() -> None:
    run("demo", "--if-empty")
    goals = Goal.objects.count()
    assert "Sign in" in run("demo", "--if-empty")
    assert Goal.objects.count() == goals


@pytest.mark.django_db(transaction=True)
def test_it_seeds_the_same_organisation_from_the_same_seed() -> None:
    output = run("seed", "--peers", "30", "--specialists", "3", "--weeks", "2")
    first = (CheckIn.objects.count(), Goal.objects.count(), Review.objects.count())
    assert "Seeded 30 peers, 3 specialists, 1 supervisors" in output
    assert Assignment.objects.current().count() == 30
    # Every seeded peer has agreed to share, so their specialist reaches their records.
    specialist = User.objects.filter(role=Role.SPECIALIST).first()
    assert specialist is not None
    assert access.peers_for(specialist).count() == 10
    assert Consent.objects.valid().count() == 30
    call_command("flush", interactive=False)
    run("seed", "--peers", "30", "--specialists", "3", "--weeks", "2")
    assert (CheckIn.objects.count(), Goal.objects.count(), Review.objects.count()) == first


@pytest.mark.django_db
def test_it_refuses_to_seed_nonsense_with_a_clear_message() -> None:
    with pytest.raises(CommandError, match="at least 1"):
        run("seed", "--peers", "0")


@pytest.mark.django_db
def test_it_makes_seeded_people_unable_to_sign_in(client: object) -> None:
    run("seed", "--peers", "2", "--specialists", "1", "--weeks", "1")
    peer = User.objects.get(username="seed-peer-00001")
    assert not peer.has_usable_password()


def production(**env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    environment.update(env, DJANGO_SETTINGS_MODULE="peergoals.settings_production")
    return subprocess.run(
        [sys.executable, "-m", "peergoals.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_refuses_to_start_production_with_the_demo_secret() -> None:
    result = production()
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_it_refuses_to_start_production_with_debug_on() -> None:
    result = production(DEBUG="1", SECRET_KEY="x" * 64)
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_it_passes_the_deployment_checks_with_production_settings() -> None:
    result = production(SECRET_KEY="a-long-random-production-secret-" + "k3y" * 12)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_the_console_command_accepts_hyphenated_names(capsys: pytest.CaptureFixture[str]) -> None:
    from peergoals.cli import main

    assert main(["peergoals", "complete-deletions", "--dry-run"]) == 0
    assert "Would delete 0 peer(s)." in capsys.readouterr().out


@pytest.mark.django_db
def test_the_demo_peer_who_chose_spanish_signs_in_to_spanish(client: object) -> None:
    from peergoals.demo import DEMO_PASSWORD

    run("demo")
    response = client.post(  # type: ignore[attr-defined]
        "/login/", {"username": "lucia", "password": DEMO_PASSWORD}, follow=True
    )
    assert "¡Hola, Lucía!" in response.text
    assert "Quiero volver a estudiar" in response.text


@pytest.mark.django_db
def test_the_demo_prints_the_address_it_is_served_at() -> None:
    assert "Sign in at http://127.0.0.1:8000/ with:" in run("demo")
    assert "Sign in at http://127.0.0.1:8100/ with:" in run(
        "demo", "--if-empty", "--address", "127.0.0.1:8100"
    )


def test_make_run_takes_a_port() -> None:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    planned = subprocess.run(
        ["make", "-n", "-o", "install", "run", "PORT=8100"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "demo --if-empty --address 127.0.0.1:8100" in planned
    assert "runserver 127.0.0.1:8100" in planned
    assert "8000" not in planned
