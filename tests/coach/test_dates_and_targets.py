"""Due dates and targets follow the rules documented in `peergoals.coach`."""

from __future__ import annotations

import datetime as dt

import pytest

from peergoals.coach import judge

MONDAY = dt.date(2026, 11, 23)
FRIDAY = dt.date(2026, 11, 27)
SUNDAY = dt.date(2026, 11, 29)
NEW_YEARS_EVE = dt.date(2026, 12, 31)


def due(statement: str, today: dt.date = MONDAY) -> dt.date | None:
    return judge(statement, today=today).due


@pytest.mark.parametrize(
    ("statement", "today", "expected"),
    [
        ("call my sponsor by Friday", MONDAY, dt.date(2026, 11, 27)),
        ("call my sponsor by Friday", FRIDAY, FRIDAY),
        ("call my sponsor on friday", dt.date(2026, 11, 28), dt.date(2026, 12, 4)),
        ("call my sponsor next Friday", MONDAY, dt.date(2026, 12, 4)),
        ("go to 2 meetings this week", MONDAY, SUNDAY),
        ("go to 2 meetings this week", SUNDAY, SUNDAY),
        ("go to 2 meetings next week", MONDAY, dt.date(2026, 12, 6)),
        ("clean my room this weekend", MONDAY, SUNDAY),
        ("read one book by the end of the month", MONDAY, dt.date(2026, 11, 30)),
        ("apply to 2 jobs next month", NEW_YEARS_EVE, dt.date(2027, 1, 31)),
        ("sign up for a class within the next 14 days", MONDAY, dt.date(2026, 12, 7)),
        ("save $40 in 2 weeks", MONDAY, dt.date(2026, 12, 7)),
        ("text my brother every day until December 20", MONDAY, dt.date(2026, 12, 20)),
        ("pay my fine until December 20", NEW_YEARS_EVE, dt.date(2027, 12, 20)),
        ("pay my phone bill on the 4th", MONDAY, dt.date(2026, 12, 4)),
        ("pay my phone bill on the fourth", dt.date(2026, 12, 4), dt.date(2026, 12, 4)),
        ("call my mom tmrw", MONDAY, dt.date(2026, 11, 24)),
        ("go to a meeting tonight", MONDAY, MONDAY),
        ("walk every morning this week", MONDAY, SUNDAY),
        ("finish my resume by the end of the year", MONDAY, NEW_YEARS_EVE),
        ("get my ID in a month", dt.date(2027, 1, 31), dt.date(2027, 2, 28)),
        ("call my PO on wensday", MONDAY, dt.date(2026, 11, 25)),
        ("go to court on Febuary 3rd", MONDAY, dt.date(2027, 2, 3)),
        ("pay my rent by 12/20", MONDAY, dt.date(2026, 12, 20)),
        ("call my sister on the twentieth of December", MONDAY, dt.date(2026, 12, 20)),
        ("call my daughter on Christmas", MONDAY, dt.date(2026, 12, 25)),
        ("stay clean for 30 days", MONDAY, dt.date(2026, 12, 23)),
        ("walk every day next week", NEW_YEARS_EVE, dt.date(2027, 1, 10)),
    ],
)
def test_it_resolves_due_dates(statement: str, today: dt.date, expected: dt.date) -> None:
    assert due(statement, today) == expected


@pytest.mark.parametrize(
    "statement",
    ["walk every morning", "go to church on Sundays", "gym 3x/wk", "take my meds at 8am"],
)
def test_it_treats_a_schedule_without_an_end_as_time_bound_without_a_due_date(
    statement: str,
) -> None:
    judgement = judge(statement, today=MONDAY)
    assert judgement.criteria.time_bound.met is True
    assert judgement.due is None


def test_it_does_not_take_a_start_for_a_deadline() -> None:
    assert due("starting Monday I will walk every morning") is None


@pytest.mark.parametrize(
    ("statement", "count", "unit", "per", "minutes"),
    [
        ("apply to three jobs this month", 3, "job", None, None),
        ("go to two meetings every week", 2, "meeting", "week", None),
        ("read 50 books", 50, "book", None, None),
        ("gonna hit 3 meetings this wk", 3, "meeting", None, None),
        ("reduce my soda intake from daily to twice a week", 2, "time", "week", None),
        ("cut down from 10 cigarettes a day to 5", 5, "cigarette", "day", None),
        ("walk for 10 minutes every morning this week", 1, "time", "day", 10),
        ("read for half an hour every evening", 1, "time", "day", 30),
        ("study for 1.5 hours on Mondays and Thursdays", 2, "time", "week", 90),
        ("meditate an hour a day", 1, "time", "day", 60),
        ("call my sister once a week", 1, "time", "week", None),
        ("drink 8 glasses of water a day", 8, "glass", "day", None),
        ("save $50 a week", 50, "dollar", "week", None),
        ("go to a couple of meetings this week", 2, "meeting", None, None),
        ("run 2 miles 3 times a week", 3, "time", "week", None),
        ("walk 10,000 steps daily", 10000, "step", "day", None),
        ("set an alarm for 7am every weekday", 5, "time", "week", None),
        ("call a few friends", None, None, None, None),
        ("read a book this month", None, None, None, None),
        ("work step 4 with my sponsor", None, None, None, None),
        ("spend time with my 2 kids every Sunday", 1, "time", "week", None),
        ("walk every other day", None, None, None, None),
    ],
)
def test_it_extracts_the_target(
    statement: str, count: int | None, unit: str | None, per: str | None, minutes: int | None
) -> None:
    target = judge(statement, today=MONDAY).target
    assert (target.count, target.unit, target.per, target.minutes) == (count, unit, per, minutes)


def test_it_keeps_someday_out_of_the_deadline() -> None:
    judgement = judge("I want to read more someday.", today=MONDAY)
    assert judgement.due is None
    assert judgement.criteria.time_bound.met is False
    assert "vague" in judgement.flags


@pytest.mark.parametrize(
    ("statement", "due", "count", "per"),
    [
        ("lift weights mon wed fri", None, 3, "week"),
        ("go 2 an NA mtg sat", dt.date(2026, 11, 28), None, None),
        ("call the clinic mon 2 make an appt", dt.date(2026, 11, 23), None, None),
        ("report to my PO every other Monday", None, None, None),
        ("volunteer one Saturday a month", None, 1, "month"),
        ("verbalize 3 triggers by end of week", dt.date(2026, 11, 29), 3, None),
        ("apply 2 5 jobs this wk", dt.date(2026, 11, 29), 5, None),
    ],
)
def test_it_reads_text_speak_days_and_repeating_weekdays(
    statement: str, due: dt.date | None, count: int | None, per: str | None
) -> None:
    judgement = judge(statement, today=dt.date(2026, 11, 23))
    assert (judgement.due, judgement.target.count, judgement.target.per) == (due, count, per)
