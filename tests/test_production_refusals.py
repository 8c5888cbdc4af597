"""Production settings refuse what is only for a demo or a test: a wildcard host, the demo
program and the seeded organisation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SECRET = "a-long-random-production-secret-" + "k3y" * 12


def peergoals(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    environment.update(
        DJANGO_SETTINGS_MODULE="peergoals.settings_production",
        SECRET_KEY=SECRET,
        DATABASE_URL=f"sqlite:///{tmp_path}/production.sqlite3",
        ALLOWED_HOSTS="goals.example.org",
    )
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "peergoals.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("hosts", ["*", "goals.example.org,*"])
def test_production_refuses_a_wildcard_host(hosts: str, tmp_path: Path) -> None:
    result = peergoals("check", tmp_path=tmp_path, ALLOWED_HOSTS=hosts)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name this site's host names" in result.stderr


@pytest.mark.parametrize("command", [["demo"], ["seed", "--peers", "2"]])
def test_production_refuses_the_demo_and_the_seed(command: list[str], tmp_path: Path) -> None:
    assert peergoals("migrate", "--noinput", tmp_path=tmp_path).returncode == 0
    result = peergoals(*command, tmp_path=tmp_path)
    assert result.returncode == 2
    assert f"peergoals {command[0]} refuses to run with the production settings" in result.stderr
    users = peergoals(
        "shell",
        "-c",
        "from peergoals.people.models import User; print(User.objects.count())",
        tmp_path=tmp_path,
    )
    assert users.stdout.strip().splitlines()[-1] == "0"
