"""Progress, streaks and the words for wins: small pure functions over already-loaded rows.

Pages prefetch a step's check-ins once and pass them in, so computing progress never queries.
A skipped day is neither progress nor a failure: it does not break a streak.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

if TYPE_CHECKING:
    from peergoals.goals.models import Step, Win


class Entry(Protocol):
    """What progress reads of a check-in: a CheckIn, or the lighter row the pages load for a
    long history (`CheckInRow`)."""

    @property
    def for_date(self) -> datetime.date: ...
    @property
    def outcome(self) -> str: ...
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def target_kind(self) -> str: ...
    @property
    def target_quantity(self) -> Decimal | None: ...
    @property
    def target_unit(self) -> str: ...
    @property
    def target_per(self) -> str: ...


@dataclass(frozen=True, slots=True)
class CheckInRow:
    """A current check-in as progress, streaks and charts read it.

    A step checked in daily for half a year has some 180 entries; building a CheckIn for each
    was the largest part of the today page's time (measured: 426 entries took 11 ms as models,
    3.5 ms as rows). Only the few a page lists become CheckIns (`StepView.recent`,
    `today_entry`); a check-in's wins are counted from rows too.
    """

    for_date: datetime.date
    outcome: str
    amount: Decimal | None
    target_kind: str
    target_quantity: Decimal | None
    target_unit: str
    target_per: str


ROW_FIELDS = [field.name for field in CheckInRow.__dataclass_fields__.values()]


# Streak lengths, in days, that are celebrated as wins.
STREAK_MILESTONES = (3, 7, 14, 30, 60, 90)


def period_bounds(per: str, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The current day, week (Monday to Sunday) or month containing `today`."""
    if per == "day":
        return today, today
    if per == "week":
        start = today - datetime.timedelta(days=today.weekday())
        return start, start + datetime.timedelta(days=6)
    if per == "month":
        start = today.replace(day=1)
        next_month = (start + datetime.timedelta(days=32)).replace(day=1)
        return start, next_month - datetime.timedelta(days=1)
    raise ValueError(f"unknown period {per!r}")


def as_written(quantity: Decimal) -> Decimal:
    """`quantity` without the zeros the database pads it with: 10.00 is 10, 2.50 is 2.5."""
    normal = quantity.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


def format_quantity(quantity: Decimal | None) -> str:
    """A count or amount as people write it, in the reader's language ("2.5", "2,5" in Spanish).

    The one rule for showing an amount: pages (the `amount` filter), forms, charts, the history
    and the data download all go through `as_written`.
    """
    if quantity is None:
        return ""
    return number_format(as_written(quantity))


def describe_target(kind: str, quantity: Decimal | None, unit: str, per: str) -> str:
    """The target in plain words: "3 times a week", "20 minutes a day", "once"."""
    if kind == "once" or quantity is None:
        return _("once")
    amount = format_quantity(quantity)
    if kind == "count" and not unit:
        what = ngettext("%(n)s time", "%(n)s times", int(quantity)) % {"n": amount}
    else:
        what = f"{amount} {unit}".strip()
    periods = {"day": _("a day"), "week": _("a week"), "month": _("a month")}
    return f"{what} {periods[per]}" if per in periods else what


@dataclass(frozen=True)
class StepProgress:
    """Where a step stands today, in the step's own terms."""

    achieved: Decimal
    target: Decimal
    period_start: datetime.date | None
    period_end: datetime.date | None
    streak: int
    last_check_in: datetime.date | None

    @property
    def is_met(self) -> bool:
        return self.achieved >= self.target

    @property
    def percent(self) -> int:
        if self.target <= 0:
            return 0
        return min(100, int(self.achieved * 100 / self.target))


def contribution(check_in: Entry, step: Step) -> Decimal:
    """What one check-in adds to `step`'s progress, measured as the step is measured today.

    A done entry counts the amount the peer gave; without one, "Done" means the target it was
    made against was met ("Done" on "20 minutes a day" is 20 minutes), or one time for a step
    counted in times or a total. An entry made under another measure (minutes, before the step
    became times) is never read in the new unit: it counts as one time, or nothing towards an
    amount of something else.
    """
    if check_in.outcome != "done":
        return Decimal(0)
    if step.target_kind == "once":
        return Decimal(1)
    kind = check_in.target_kind or step.target_kind
    unit = check_in.target_unit if check_in.target_kind else step.target_unit
    if (kind, unit) != (step.target_kind, step.target_unit):
        return Decimal(1) if step.target_kind == "count" else Decimal(0)
    if check_in.amount is not None:
        return check_in.amount
    if check_in.target_kind:
        met, per = check_in.target_quantity, check_in.target_per
    else:
        met, per = step.target_quantity, step.target_per
    if kind == "amount" and per and met is not None:
        return met
    return Decimal(1)


def step_progress(step: Step, check_ins: Iterable[Entry], today: datetime.date) -> StepProgress:
    """Progress of `step` from its current (not superseded) check-ins."""
    entries = list(check_ins)
    if step.target_kind == "once" or step.target_quantity is None:
        target = Decimal(1)
        start = end = None
    elif step.target_per:
        target = step.target_quantity
        start, end = period_bounds(step.target_per, today)
    else:
        target = step.target_quantity
        start, end = step.starts_on, step.due_on
    counted = [
        c
        for c in entries
        if (start is None or start <= c.for_date) and (end is None or c.for_date <= end)
    ]
    achieved = sum((contribution(c, step) for c in counted), Decimal(0))
    return StepProgress(
        achieved=achieved,
        target=target,
        period_start=start,
        period_end=end,
        streak=streak_days(entries, today),
        last_check_in=max((c.for_date for c in entries), default=None),
    )


def streak_days(check_ins: Iterable[Entry], today: datetime.date) -> int:
    """Consecutive days with something done, counting back from today (or yesterday).

    A skipped day is passed over without breaking the streak; a day with nothing done ends it.
    Today not yet checked in does not break it either: the day is not over.
    """
    by_day: dict[datetime.date, set[str]] = {}
    for check_in in check_ins:
        by_day.setdefault(check_in.for_date, set()).add(check_in.outcome)
    streak = 0
    day = today
    if "done" not in by_day.get(day, set()) and "skipped" not in by_day.get(day, set()):
        day -= datetime.timedelta(days=1)
    while True:
        outcomes = by_day.get(day, set())
        if "done" in outcomes:
            streak += 1
        elif "skipped" not in outcomes:
            return streak
        day -= datetime.timedelta(days=1)


def win_message(win: Win, *, about: str | None = None) -> str:
    """The celebration in plain, warm words: to the peer ("You ..."), or, given `about` (the
    peer's name), for the people who support them ("Maria ...")."""
    step = win.step_words or (win.step.wording if win.step_id and win.step else "")
    goal = win.goal_words or (win.goal.title if win.goal_id and win.goal else "")
    if about is None:
        messages = {
            "first_check_in": _("You did your first check-in. That is how every journey starts!"),
            "first_step_done": _("Your first step is done. You did that!"),
            "streak": _("%(days)s days in a row on “%(step)s”. Keep it up!")
            % {"days": win.streak_days, "step": step},
            "step_completed": _("Step done: “%(step)s”. Nice work!") % {"step": step},
            "goal_completed": _("You reached your goal: “%(goal)s”. Take a moment to enjoy it!")
            % {"goal": goal},
            "review_held": _("You looked back at “%(goal)s” and made a plan. Well done.")
            % {"goal": goal},
        }
        return messages.get(win.kind, _("A win worth celebrating!"))
    facts = {"name": about, "days": win.streak_days, "step": step, "goal": goal}
    messages = {
        "first_check_in": _("%(name)s did a first check-in."),
        "first_step_done": _("%(name)s finished a first step."),
        "streak": _("%(name)s kept “%(step)s” going %(days)s days in a row."),
        "step_completed": _("%(name)s finished the step “%(step)s”."),
        "goal_completed": _("%(name)s reached the goal “%(goal)s”."),
        "review_held": _("%(name)s looked back at “%(goal)s” and made a plan."),
    }
    return messages.get(win.kind, _("%(name)s had a win worth celebrating.")) % facts


def best_streak(check_ins: Iterable[Entry]) -> int:
    """The longest run of days with something done; skipped days neither count nor break it."""
    by_day: dict[datetime.date, set[str]] = {}
    for check_in in check_ins:
        by_day.setdefault(check_in.for_date, set()).add(check_in.outcome)
    best = run = 0
    previous: datetime.date | None = None
    for day in sorted(by_day):
        outcomes = by_day[day]
        if "done" in outcomes:
            gap_is_skips = previous is not None and all(
                by_day.get(previous + datetime.timedelta(days=n), set()) == {"skipped"}
                for n in range(1, (day - previous).days)
            )
            run = run + 1 if gap_is_skips else 1
            previous = day
            best = max(best, run)
        elif "skipped" not in outcomes:
            run, previous = 0, None
    return best


@dataclass(frozen=True)
class PeriodPoint:
    """Progress in one day, week or month of a chart."""

    start: datetime.date
    end: datetime.date
    achieved: Decimal
    skipped: int
    not_done: int


# How many periods a chart looks back over, by the period it counts in.
CHART_PERIODS = {"day": 14, "week": 8, "month": 6}


def chart_period(step: Step) -> str:
    """The period a step's chart counts in: its own repeat, or weeks for a one-off or total."""
    return step.target_per if step.target_per in CHART_PERIODS else "week"


def periods_back(
    per: str, today: datetime.date, count: int
) -> list[tuple[datetime.date, datetime.date]]:
    """The `count` periods of kind `per` ending with the one containing `today`, oldest first."""
    bounds = []
    day = today
    for _n in range(count):
        start, end = period_bounds(per, day)
        bounds.append((start, end))
        day = start - datetime.timedelta(days=1)
    return bounds[::-1]


def series(
    check_ins: Iterable[Entry],
    counts: Callable[[Entry], Decimal],
    per: str,
    today: datetime.date,
) -> list[PeriodPoint]:
    """Done, skipped and not-done per period, oldest first; `counts` is what an entry adds."""
    periods = periods_back(per, today, CHART_PERIODS[per])
    # Only the charted window is looked at per period, so a long history costs one pass.
    first, last = periods[0][0], periods[-1][1]
    by_day: dict[datetime.date, list[Entry]] = {}
    for check_in in check_ins:
        if first <= check_in.for_date <= last:
            by_day.setdefault(check_in.for_date, []).append(check_in)
    points = []
    for start, end in periods:
        inside = [
            c
            for offset in range((end - start).days + 1)
            for c in by_day.get(start + datetime.timedelta(days=offset), ())
        ]
        achieved = sum((counts(c) for c in inside), Decimal(0))
        points.append(
            PeriodPoint(
                start=start,
                end=end,
                achieved=achieved,
                skipped=sum(1 for c in inside if c.outcome == "skipped"),
                not_done=sum(1 for c in inside if c.outcome == "not_done"),
            )
        )
    return points


def step_series(step: Step, check_ins: Iterable[Entry], today: datetime.date) -> list[PeriodPoint]:
    """A step's progress per period (its repeat, or weeks), from its current check-ins."""
    return series(check_ins, lambda entry: contribution(entry, step), chart_period(step), today)


def goal_series(check_ins: Iterable[Entry], today: datetime.date) -> list[PeriodPoint]:
    """A goal's progress per week across its steps: days with a step done, and skips (the
    steps' units differ, so a done entry counts one)."""
    return series(check_ins, _one_if_done, "week", today)


def _one_if_done(check_in: Entry) -> Decimal:
    return Decimal(1 if check_in.outcome == "done" else 0)
