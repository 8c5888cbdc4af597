"""The seeds' examples (shared/seeds/004_*, shared/DOMAIN.md) are the coach's first test cases."""

from __future__ import annotations

import datetime as dt

import pytest

from peergoals.coach import judge, serves
from tests.coach.helpers import said

MONDAY = dt.date(2026, 11, 23)
SUNDAY = dt.date(2026, 11, 29)
END_OF_MONTH = dt.date(2026, 11, 30)


def met(statement: str, criterion: str, context: str | None = None) -> bool | None:
    return getattr(judge(statement, context, MONDAY).criteria, criterion).met


@pytest.mark.parametrize(
    ("criterion", "strong", "weak"),
    [
        (
            "specific",
            "I will attend one peer support meeting per week.",
            "I will work on my recovery.",
        ),
        ("measurable", "I will apply to three jobs this month.", "I will try to get a job."),
        (
            "achievable",
            "I will reduce my soda intake from daily to twice a week.",
            "I will never drink soda again.",
        ),
        (
            "time_bound",
            "I will read one recovery book by the end of the month.",
            "I want to read more someday.",
        ),
    ],
)
def test_it_tells_each_strong_seed_example_from_its_weak_one(
    criterion: str, strong: str, weak: str
) -> None:
    assert met(strong, criterion) is True
    assert met(weak, criterion) is False


@pytest.mark.parametrize(
    "strong",
    [
        "I will attend one peer support meeting per week.",
        "I will apply to three jobs this month.",
        "I will reduce my soda intake from daily to twice a week.",
        "I will read one recovery book by the end of the month.",
        "I will walk for 10 minutes every morning this week.",
        "I will create a daily routine and stick to it for one week.",
    ],
)
def test_it_finds_nothing_missing_in_the_strong_examples(strong: str) -> None:
    judgement = judge(strong, today=MONDAY)
    assert judgement.is_smart
    # Cutting down is still framed as stopping: a reframe is offered, nothing else.
    assert set(judgement.flags) <= {"deficit_framing"}
    assert len(judgement.suggestions) == len(judgement.flags)


def test_it_judges_relevance_from_a_reason_given_in_the_statement() -> None:
    judgement = judge(
        "I want to reconnect with my family, so I will reach out to my brother this week.",
        today=MONDAY,
    )
    assert judgement.criteria.relevant.met is True
    assert judgement.criteria.specific.met is True
    assert judgement.due == SUNDAY


def test_it_flags_a_new_language_as_unrelated_to_reconnecting_with_family() -> None:
    assert met("I will learn a new language", "relevant", "Reconnect with my family") is False


def test_it_leaves_relevance_unjudged_without_context() -> None:
    judgement = judge("I will learn a new language", today=MONDAY)
    assert judgement.criteria.relevant.met is None
    assert judgement.to_dict()["criteria"]["relevant"]["met"] is None  # type: ignore[index]


def test_it_flags_never_as_absolute() -> None:
    judgement = judge("I will never drink soda again.", today=MONDAY)
    assert "absolute" in judgement.flags
    assert "deficit_framing" in judgement.flags
    assert any("instead" in s for s in said(judgement))


def test_it_helps_turn_fix_my_life_into_a_first_step() -> None:
    judgement = judge("I want to fix my life.", today=MONDAY)
    criteria = judgement.criteria
    assert (criteria.specific.met, criteria.measurable.met, criteria.time_bound.met) == (
        False,
        False,
        False,
    )
    assert "vague" in judgement.flags
    assert any("fixing your life" in s for s in said(judgement))


def test_it_reads_the_walk_for_10_minutes_example() -> None:
    judgement = judge("I will walk for 10 minutes every morning this week.", today=MONDAY)
    assert judgement.is_smart
    assert judgement.due == SUNDAY
    assert (judgement.target.count, judgement.target.per, judgement.target.minutes) == (
        1,
        "day",
        10,
    )


def test_it_suggests_a_small_step_in_the_peers_own_words_for_getting_healthier() -> None:
    judgement = judge("I want to get healthier", today=MONDAY)
    assert judgement.criteria.specific.met is False
    first = said(judgement)[0]
    assert "getting healthier" in first
    assert "10-minute walk" in first


@pytest.mark.parametrize(
    ("step", "serves_it"),
    [
        ("Update your resume", True),
        ("Search for job openings", True),
        ("Apply to one job this week", True),
        ("Repaint my bedroom", False),
    ],
)
def test_it_knows_which_steps_serve_find_a_job(step: str, serves_it: bool) -> None:
    assert serves(step, "Find a job") is serves_it
    assert met(step, "relevant", "Find a job") is serves_it


def test_it_never_rewrites_the_peers_statement() -> None:
    statement = "gonna hit 3 meetings this wk"
    judgement = judge(statement, today=MONDAY)
    assert judgement.statement == statement
    assert all(statement not in s for s in said(judgement))


def test_it_speaks_to_the_peer_in_the_second_person() -> None:
    judgement = judge("I will work on my recovery.", today=MONDAY)
    data = judgement.to_dict()
    reasons = [criterion["why"] for criterion in data["criteria"].values()]  # type: ignore[attr-defined]
    text = " ".join([*said(judgement), *reasons])
    assert " my " not in f" {text.lower()} "


def test_it_flags_wording_pushed_by_someone_else() -> None:
    judgement = judge("my PO says I have to go to 3 NA meetings a week", today=MONDAY)
    assert "readiness" in judgement.flags
    assert any("matters to you" in s for s in said(judgement))


def test_it_flags_goals_too_large_for_the_time_given() -> None:
    for statement in ("lose 40 pounds by next week", "I will get my degree in two months"):
        judgement = judge(statement, today=END_OF_MONTH)
        assert "too_large" in judgement.flags, statement
        assert judgement.criteria.achievable.met is False
