"""The docs stay complete: every `peergoals` command and `PEERGOALS_*` setting is described.

In the spirit of Datasette's documentation tests: adding a command or a setting without saying
what it does fails here, not months later in a program's operations room.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(
    path.read_text(encoding="utf-8")
    for path in [ROOT / "README.md", *sorted(ROOT.glob("docs/*.md"))]
)


def our_commands() -> list[str]:
    """Every management command of PeerGoals' own apps (Django's and other packages' aside)."""
    return sorted(name for name, app in get_commands().items() if app.startswith("peergoals."))


def settings_read_from_the_environment() -> list[str]:
    """Every PEERGOALS_* name the settings modules mention (environment variables and settings)."""
    names: set[str] = set()
    for path in (ROOT / "peergoals").glob("settings*.py"):
        names |= set(re.findall(r"\bPEERGOALS_[A-Z0-9_]+", path.read_text(encoding="utf-8")))
    return sorted(names)


def test_it_finds_the_commands_and_settings_it_checks() -> None:
    # So the two tests below cannot pass by checking nothing.
    assert {"backup", "demo", "seed", "complete_deletions"} <= set(our_commands())
    assert "PEERGOALS_PROGRAM_NAME" in settings_read_from_the_environment()


@pytest.mark.parametrize("command", our_commands())
def test_every_peergoals_command_is_documented(command: str) -> None:
    # `peergoals export-peer` is how people type it; the cli turns it into `export_peer`.
    spellings = "|".join({command, command.replace("_", "-")})
    assert re.search(rf"peergoals (?:{spellings})\b", DOCS), (
        f"`peergoals {command.replace('_', '-')}` is not described in README.md or docs/*.md"
    )


@pytest.mark.parametrize("name", settings_read_from_the_environment())
def test_every_peergoals_setting_is_documented(name: str) -> None:
    assert re.search(rf"\b{name}\b", DOCS), f"{name} is not described in README.md or docs/*.md"


def test_every_direct_dependency_is_pinned_in_the_constraints() -> None:
    """pyproject.toml states ranges; what `make install` installs is pinned in constraints.txt."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    pinned = {
        line.split("==")[0].strip().lower().replace("_", "-")
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    }
    names = [re.split(r"[\[<>=!~; ]", requirement)[0].lower() for requirement in wanted]
    assert [name for name in names if name not in pinned] == []
    assert not [requirement for requirement in wanted if "==" in requirement]
