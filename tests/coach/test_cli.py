"""`peergoals coach`: the card, --json and --jsonl, as people and integrations use them."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from peergoals.coach.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_KEYS = ["criteria", "due", "target", "flags", "suggestions", "language"]
CRITERIA_KEYS = ["specific", "measurable", "achievable", "time_bound", "relevant"]


def test_it_prints_a_readable_card(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["I want to get healthier", "--today", "2026-11-23"])
    out = capsys.readouterr().out
    assert code == 0
    assert "I want to get healthier" in out
    assert "\u2717 Specific" in out
    assert "\u2713 Achievable" in out
    assert "Relevant" in out and "not judged" not in out
    assert "Suggestions:" in out
    assert "getting healthier" in out


def test_it_prints_one_json_object_in_the_public_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["Apply to one job this week", "--context", "Find a job", "--today", "2026-11-23", "--json"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert list(data) == SCHEMA_KEYS
    assert list(data["criteria"]) == CRITERIA_KEYS
    assert data["criteria"]["relevant"] == {"met": True, "why": data["criteria"]["relevant"]["why"]}
    assert data["due"] == "2026-11-29"
    assert data["target"] == {"count": 1, "unit": "job", "per": None, "minutes": None}


@pytest.mark.parametrize(
    "argv",
    [
        ["call my mom", "--today", "2026-02-30"],
        ["call my mom", "--today", "tomorrow"],
        ["call my mom", "--today", "20261123"],
        [],
        ["--bogus"],
        ["call my mom", "--json", "--jsonl"],
    ],
)
def test_it_exits_2_with_a_clear_error_for_bad_arguments(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code  # type: ignore[assignment]
    captured = capsys.readouterr()
    assert code == 2
    assert "error" in captured.err
    assert captured.out == ""


def test_it_reads_json_lines_and_answers_each_in_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"text": "gonna hit 3 meetings this wk", "context": None, "today": "2026-11-23"},
        "not json at all",
        {"context": "Find a job", "today": "2026-11-23"},
        {"text": 42, "today": "2026-11-23"},
        {"text": "call my mom", "today": "2026-02-30"},
        {"text": "call my mom", "today": 20261123},
        {"text": "call my mom", "context": ["a list"]},
        [1, 2, 3],
        "",
        {"text": "", "today": "2026-11-23"},
        {"text": "Update my resume by Friday", "context": "Find a job", "today": "2026-11-23"},
    ]
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(["--jsonl"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["due"] == "2026-11-29" and out[0]["target"]["count"] == 3
    assert out[1] == {"error": out[1]["error"], "line": 2} and "JSON" in out[1]["error"]
    assert out[2] == {"error": 'missing "text"', "line": 3}
    assert out[3] == {"error": '"text" must be a string', "line": 4}
    assert out[4]["line"] == 5 and "2026-02-30" in out[4]["error"]
    assert out[5]["line"] == 6 and "today" in out[5]["error"]
    assert out[6]["line"] == 7 and "context" in out[6]["error"]
    assert out[7] == {"error": "line must be a JSON object", "line": 8}
    assert out[8]["line"] == 9
    assert out[9]["flags"] == ["cannot_judge", "empty"]
    assert out[10]["criteria"]["relevant"]["met"] is True
    assert out[10]["due"] == "2026-11-27"


def test_it_runs_as_the_peergoals_coach_command() -> None:
    stdin = (
        json.dumps(
            {"text": "I will walk for 10 minutes every morning this week.", "today": "2026-11-23"}
        )
        + "\n{broken\n"
        + json.dumps({"text": "I want to fix my life.", "context": None, "today": "2026-11-23"})
        + "\n"
    )
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "peergoals"), "coach", "--jsonl"],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0]["target"] == {"count": 1, "unit": "time", "per": "day", "minutes": 10}
    assert out[0]["due"] == "2026-11-29"
    assert out[1]["line"] == 2
    assert out[2]["criteria"]["specific"]["met"] is False
