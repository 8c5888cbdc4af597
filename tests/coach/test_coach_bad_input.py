"""Input the coach can't judge gets a plain "can't judge this" result, never a crash."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peergoals.coach import MAX_LENGTH, judge
from tests.coach.helpers import said

MONDAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("\x00\x07\x1b", "empty"),
        ("🙂🙏💪", "no_words"),
        ("!!! ??? 123", "no_words"),
        ("x" * (MAX_LENGTH + 1), "too_long"),
        ("I will walk every day. " * 500, "too_long"),
        ("Je vais marcher tous les jours cette semaine", "not_english"),
        ("我每天早上散步十分钟", "not_english"),
        ("Я буду гулять каждый день", "not_english"),
        ("asdfgh qwerty", "not_understood"),
    ],
)
def test_it_says_plainly_when_it_cannot_judge(statement: str, reason: str) -> None:
    judgement = judge(statement, "Find a job", MONDAY)
    assert judgement.flags == ("cannot_judge", reason)
    assert not judgement.can_judge
    data = judgement.to_dict()
    criteria = data["criteria"]
    assert [criteria[name]["met"] for name in criteria] == [False, False, False, False, None]  # type: ignore[index]
    assert all(criteria[name]["why"] for name in criteria)  # type: ignore[index]
    assert data["due"] is None
    assert len(judgement.suggestions) == 1
    assert "your own words" in said(judgement)[0]


def test_it_judges_around_control_characters_and_emoji() -> None:
    judgement = judge("I will walk\x00 for 10 minutes \u200b every morning 💪", today=MONDAY)
    assert judgement.can_judge
    assert judgement.target.minutes == 10


def test_it_judges_a_statement_right_at_the_length_limit() -> None:
    statement = ("call my mom on Friday " * 100)[:MAX_LENGTH]
    assert judge(statement, today=MONDAY).can_judge


def test_it_refuses_a_non_string_statement() -> None:
    with pytest.raises(TypeError):
        judge(None, today=MONDAY)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=60)), st.dates())
def test_it_never_crashes_on_any_text_and_any_day(
    statement: str, context: str | None, today: dt.date
) -> None:
    data = judge(statement, context, today).to_dict()
    assert list(data) == ["criteria", "due", "target", "flags", "suggestions", "language"]


def test_it_imports_without_django() -> None:
    code = "import sys, peergoals.coach, peergoals.coach.cli; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
