"""Progress over time, streaks and charts: pure functions over check-ins, and the words of wins."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from types import SimpleNamespace

from peergoals.goals.charts import bar_chart
from peergoals.goals.models import CheckIn, Step
from peergoals.goals.progress import (
    best_streak,
    goal_series,
    periods_back,
    step_series,
    win_message,
)

MONDAY = datetime.date(2026, 11, 23)


def entry(days_ago: int, outcome: str = "done", amount: str | None = None) -> CheckIn:
    return CheckIn(
        for_date=MONDAY - datetime.timedelta(days=days_ago),
        outcome=outcome,
        amount=Decimal(amount) if amount else None,
    )


def weekly_step(**extra: object) -> Step:
    fields = {"target_kind": "count", "target_quantity": Decimal(3), "target_per": "week"}
    return Step(wording="Go to a meeting", **{**fields, **extra})


def test_it_counts_each_week_against_the_target_and_shows_skips_apart() -> None:
    entries = [entry(0), entry(1, "skipped"), entry(2), entry(3, "not_done"), entry(8)]
    points = step_series(weekly_step(), entries, MONDAY)
    assert len(points) == 8
    this_week, last_week = points[-1], points[-2]
    assert (this_week.start, this_week.achieved, this_week.skipped) == (MONDAY, 1, 0)
    assert (last_week.achieved, last_week.skipped, last_week.not_done) == (1, 1, 1)
    assert points[-3].achieved == 1


def test_it_adds_amounts_for_an_amount_step() -> None:
    step = weekly_step(target_kind="amount", target_per="day", target_unit="minutes")
    points = step_series(step, [entry(0, amount="10"), entry(0, amount="5")], MONDAY)
    assert len(points) == 14
    assert points[-1].achieved == Decimal(15)


def test_a_goal_counts_days_with_a_step_done_whatever_the_units() -> None:
    points = goal_series([entry(0, amount="30"), entry(1), entry(1, "skipped")], MONDAY)
    assert (points[-1].achieved, points[-2].achieved, points[-2].skipped) == (1, 1, 1)


def test_months_go_back_across_the_new_year() -> None:
    starts = [start for start, _end in periods_back("month", datetime.date(2026, 2, 10), 3)]
    assert starts == [
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
    ]


def test_a_skipped_day_does_not_break_the_longest_run_but_a_missed_one_does() -> None:
    assert best_streak([entry(5), entry(4, "skipped"), entry(3), entry(2)]) == 3
    assert best_streak([entry(5), entry(4, "not_done"), entry(3), entry(2)]) == 2
    assert best_streak([entry(5), entry(3), entry(2)]) == 2
    assert best_streak([]) == 0


def test_the_chart_scales_bars_to_fit_the_target_and_marks_skips_with_a_shape() -> None:
    points = step_series(weekly_step(), [entry(0), entry(1, "skipped")], MONDAY)
    chart = bar_chart(points, Decimal(3))
    assert chart.top_value == 3
    assert chart.target_y is not None and chart.target_y < chart.baseline
    done_bar = chart.bars[-1]
    assert done_bar.height > 0
    assert round(done_bar.height * 3) == round(chart.baseline - chart.target_y)
    skipped = chart.bars[-2]
    assert skipped.height == 0
    assert re.fullmatch(r"M[\d.]+ [\d.]+ l6 6 l-6 6 l-6 -6 z", skipped.skip_marker)
    assert all(bar.x + bar.width <= chart.right for bar in chart.bars)


def test_a_win_is_said_to_the_peer_and_about_them_to_others() -> None:
    step = SimpleNamespace(wording="Call my brother")
    done = SimpleNamespace(
        kind="step_completed",
        streak_days=None,
        step_id=1,
        step=step,
        goal_id=None,
        step_words="",
        goal_words="",
    )
    assert win_message(done) == "Step done: “Call my brother”. Nice work!"  # type: ignore[arg-type]
    assert win_message(done, about="Maria") == (  # type: ignore[arg-type]
        "Maria finished the step “Call my brother”."
    )
    streak = SimpleNamespace(
        kind="streak",
        streak_days=7,
        step_id=1,
        step=step,
        goal_id=None,
        step_words="",
        goal_words="",
    )
    assert win_message(streak, about="Maria") == (  # type: ignore[arg-type]
        "Maria kept “Call my brother” going 7 days in a row."
    )
