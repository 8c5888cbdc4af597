"""Due dates and schedules in normalised text, resolved against a reference day.

The rules are listed in the package docstring (`peergoals.coach`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from peergoals.coach.lexicon import (
    MONTH_ALT,
    MONTHS,
    WEEKDAY_ABBR_ALT,
    WEEKDAY_ALT,
    WEEKDAY_LIST,
    WEEKDAY_PARTS,
    WEEKDAYS,
)

_DAY = dt.timedelta(days=1)


def end_of_week(day: dt.date) -> dt.date:
    """The Sunday that ends `day`'s week (weeks run Monday to Sunday)."""
    return day + dt.timedelta(days=6 - day.weekday())


def end_of_month(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _next_weekday(today: dt.date, weekday: int) -> dt.date:
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7)


def _next_month_day(today: dt.date, month: int, day: int, year: int | None) -> dt.date | None:
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    for candidate_year in (
        today.year,
        today.year + 1,
        today.year + 2,
        today.year + 3,
        today.year + 4,
    ):
        try:
            candidate = dt.date(candidate_year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _next_day_of_month(today: dt.date, day: int) -> dt.date | None:
    if not 1 <= day <= 31:
        return None
    year, month = today.year, today.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = dt.date(year, month, day)
            if candidate >= today:
                return candidate
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return None


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
_SPAN_AMOUNT = r"(?P<n>\d+(?:\.\d+)?|a|an|1 or 2|a few)"


@dataclass(frozen=True, slots=True)
class Found:
    """A resolved due date, or a schedule (a repeating time with no end)."""

    due: dt.date | None
    schedule: bool
    start: int
    end: int


Resolver = Callable[[re.Match[str], dt.date], dt.date | None]


def _r_today(m: re.Match[str], today: dt.date) -> dt.date | None:
    return today


def _r_tomorrow(m: re.Match[str], today: dt.date) -> dt.date | None:
    return today + (2 * _DAY if m.group(0).startswith("the day after") else _DAY)


def _r_weekday(m: re.Match[str], today: dt.date) -> dt.date | None:
    day = WEEKDAYS[m.group("wd")]
    if m.group("next"):
        return end_of_week(today) + dt.timedelta(days=day + 1)
    return _next_weekday(today, day)


def _r_this_week(m: re.Match[str], today: dt.date) -> dt.date | None:
    return end_of_week(today)


def _r_next_week(m: re.Match[str], today: dt.date) -> dt.date | None:
    return end_of_week(today) + 7 * _DAY


def _r_week_after_next(m: re.Match[str], today: dt.date) -> dt.date | None:
    return end_of_week(today) + 14 * _DAY


def _r_this_month(m: re.Match[str], today: dt.date) -> dt.date | None:
    return end_of_month(today)


def _r_next_month(m: re.Match[str], today: dt.date) -> dt.date | None:
    return end_of_month(add_months(today.replace(day=1), 1))


def _r_this_year(m: re.Match[str], today: dt.date) -> dt.date | None:
    return dt.date(today.year, 12, 31)


def _r_next_year(m: re.Match[str], today: dt.date) -> dt.date | None:
    return dt.date(today.year + 1, 12, 31)


def _amount(text: str | None) -> float | None:
    if not text or text in ("a", "an"):
        return 1.0
    if text == "1 or 2":
        return 2.0
    if text == "a few":
        return None
    return float(text)


def _r_span(m: re.Match[str], today: dt.date) -> dt.date | None:
    amount = _amount(m.group("n"))
    if amount is None or amount > 3660:
        return None
    unit = m.group("unit")
    if unit in _UNIT_DAYS:
        return today + dt.timedelta(days=round(amount * _UNIT_DAYS[unit]))
    if unit == "month":
        whole = int(amount)
        return add_months(today, whole) + dt.timedelta(days=round((amount - whole) * 30))
    if amount > 20:
        return None
    return add_months(today, round(amount * 12))


def _month_day(
    month_name: str, day_text: str, year_text: str | None, today: dt.date
) -> dt.date | None:
    year = int(year_text) if year_text else None
    if year is not None and year < 100:
        year += 2000
    return _next_month_day(today, MONTHS[month_name], int(day_text), year)


def _r_month_day(m: re.Match[str], today: dt.date) -> dt.date | None:
    return _month_day(m.group("month"), m.group("day"), m.group("year"), today)


def _r_month_alone(m: re.Match[str], today: dt.date) -> dt.date | None:
    month = MONTHS[m.group("month")]
    year = today.year if month >= today.month else today.year + 1
    return end_of_month(dt.date(year, month, 1))


def _r_numeric(m: re.Match[str], today: dt.date) -> dt.date | None:
    month, day = int(m.group("m")), int(m.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year_text = m.group("y")
    year = None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    return _next_month_day(today, month, day, year)


def _r_iso(m: re.Match[str], today: dt.date) -> dt.date | None:
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _r_day_of_month(m: re.Match[str], today: dt.date) -> dt.date | None:
    return _next_day_of_month(today, int(m.group("day")))


def _r_weekend(m: re.Match[str], today: dt.date) -> dt.date | None:
    sunday = end_of_week(today)
    return sunday + 7 * _DAY if m.group(0).startswith("next") else sunday


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas": lambda y: dt.date(y, 12, 25),
    "xmas": lambda y: dt.date(y, 12, 25),
    "new years eve": lambda y: dt.date(y, 12, 31),
    "new years day": lambda y: dt.date(y, 1, 1),
    "new years": lambda y: dt.date(y, 1, 1),
    "new year": lambda y: dt.date(y, 1, 1),
    "thanksgiving": _thanksgiving,
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentines day": lambda y: dt.date(y, 2, 14),
    "valentines": lambda y: dt.date(y, 2, 14),
    "independence day": lambda y: dt.date(y, 7, 4),
    "4th of july": lambda y: dt.date(y, 7, 4),
}


def _r_holiday(m: re.Match[str], today: dt.date) -> dt.date | None:
    make = _HOLIDAYS[m.group("holiday")]
    day = make(today.year)
    return day if day >= today else make(today.year + 1)


# Meteorological seasons: spring starts March 1, summer June 1, fall September 1, winter December 1.
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _r_season(m: re.Match[str], today: dt.date) -> dt.date | None:
    start_month = _SEASON_START[m.group("season")]
    start = dt.date(today.year, start_month, 1)
    if end_of_month(add_months(start, 2)) < today:
        start = dt.date(today.year + 1, start_month, 1)
    end = end_of_month(add_months(start, 2))
    if m.group("by") and start > today:
        return start - _DAY
    return end


_HOLIDAY_ALT = "|".join(sorted((re.escape(h) for h in _HOLIDAYS), key=len, reverse=True))

# (pattern, resolver, rank): the lowest rank found wins; text order breaks ties.
_DUE_RULES: tuple[tuple[re.Pattern[str], Resolver, int], ...] = (
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), _r_iso, 0),
    (
        re.compile(
            rf"\b(?P<month>{MONTH_ALT})\.?\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
            r"(?:,?\s+(?P<year>\d{4}))?"
        ),
        _r_month_day,
        0,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_ALT})\b"
            r"(?:,?\s+(?P<year>\d{4}))?"
        ),
        _r_month_day,
        0,
    ),
    (
        re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\b(?!\s*(?:of|an?\b))"),
        _r_numeric,
        0,
    ),
    (
        re.compile(
            r"\b(?:by|before|until|on|through|in|during|this|next|end\s+of|month\s+of)\s+"
            rf"(?P<month>{MONTH_ALT})\b"
        ),
        _r_month_alone,
        1,
    ),
    (
        re.compile(
            r"\b(?:on|by|before|until|through|due)\s+(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)\b"
            r"(?!\s+(?:step|time|day|week|month|grade|floor|of\s+(?:the\s+)?(?:month|week)\b))"
        ),
        _r_day_of_month,
        0,
    ),
    (re.compile(rf"\b(?:by|before|until|on|for)?\s*(?P<holiday>{_HOLIDAY_ALT})\b"), _r_holiday, 0),
    (re.compile(r"\b(?:the day after tomorrow|tomorrow)\b"), _r_tomorrow, 0),
    (
        re.compile(
            r"\b(?:today|tonight|this (?:morning|afternoon|evening)|"
            r"(?:by |before )?(?:the )?end of (?:the |to)?day|right now)\b"
        ),
        _r_today,
        0,
    ),
    (
        re.compile(
            r"(?<!\bevery )(?<!\beach )(?<!\bon )(?<!\ba )"
            rf"\b(?:(?P<next>next)\s+|(?:this\s+(?:coming\s+)?|"
            rf"coming\s+))?(?P<wd>{WEEKDAY_ALT})\b(?!s\b)(?!\s+(?:and|or|&)\s+\w+days\b)"
        ),
        _r_weekday,
        1,
    ),
    (
        re.compile(
            rf"\b(?:by|on|before|until|this)\s+(?:(?P<next>next)\s+)?(?P<wd>{WEEKDAY_ALT}|{WEEKDAY_ABBR_ALT})\b"
            r"(?!s\b)"
        ),
        _r_weekday,
        1,
    ),
    (
        re.compile(rf"\bon\s+(?P<wd>{WEEKDAY_ALT})\b(?!s\b)(?!\s+(?:and|or)\s+\w+days\b)"),
        _r_weekday,
        1,
    ),
    (re.compile(r"\bthe week after next\b"), _r_week_after_next, 2),
    (
        re.compile(
            r"\b(?:(?:by|before|until)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?next\s+week\b|\bnext\s+week\b"
        ),
        _r_next_week,
        2,
    ),
    (
        re.compile(
            r"\b(?:this|the|by|within)\s+week\b|\b(?:end|rest)\s+of\s+(?:the|this)\s+week\b"
            r"|\bweek\s+end\b"
        ),
        _r_this_week,
        3,
    ),
    (
        re.compile(
            r"\b(?:next|this coming)\s+weekend\b|\b(?:this|the|by|on|over)\s+(?:the\s+)?weekend\b"
        ),
        _r_weekend,
        2,
    ),
    (
        re.compile(
            r"\b(?:(?:by|before|until)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?next\s+month\b|\bnext\s+month\b"
        ),
        _r_next_month,
        2,
    ),
    (
        re.compile(
            r"\b(?:this|the|by|within)\s+month\b|\b(?:end|rest)\s+of\s+(?:the|this)\s+month\b"
            r"|\bmonth\s+end\b"
        ),
        _r_this_month,
        3,
    ),
    (re.compile(r"\bnext\s+year\b"), _r_next_year, 2),
    (
        re.compile(
            r"\b(?:this|the|by|within)\s+year\b|\b(?:end|rest)\s+of\s+(?:the|this)\s+year\b"
            r"|\byear\s+end\b|\bnew\s+year\b"
        ),
        _r_this_year,
        3,
    ),
    (
        re.compile(
            rf"\b(?:in|within|for|over|during|after)\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+)?"
            rf"{_SPAN_AMOUNT}\s+(?P<unit>day|week|month|year|fortnight)s?\b"
            r"(?!\s+(?:a|per|each|every)\s+(?:day|week|month))"
        ),
        _r_span,
        1,
    ),
    (
        re.compile(
            r"\b(?:for|over|within|during|in)\s+the\s+(?:next|coming|following)\s+"
            r"(?P<unit>day|week|month|year|fortnight)\b(?P<n>)"
        ),
        _r_span,
        1,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?next\s+{_SPAN_AMOUNT}\s+(?P<unit>day|week|month|year|fortnight)s?\b"
        ),
        _r_span,
        1,
    ),
    (
        re.compile(rf"\b{_SPAN_AMOUNT}\s+(?P<unit>day|week|month|year)s?\s+from\s+(?:now|today)\b"),
        _r_span,
        1,
    ),
    (
        re.compile(
            r"\b(?:(?P<by>by|before|until)\s+(?:the\s+)?|this\s+|next\s+|in\s+the\s+|the\s+)"
            r"(?:this\s+|next\s+)?"
            r"(?P<season>spring|summer|fall|autumn|winter)\b"
        ),
        _r_season,
        3,
    ),
)

# Repeating times with no end of their own (a schedule is time-bound, but has no due date).
_SCHEDULE = re.compile(
    r"\b(?:every|each|evry)\s+(?:single\s+)?(?:other\s+)?(?:\d+\s+)?"
    r"(?:day|morning|night|evening|afternoon|week|month|weekday|weekend|hour|"
    rf"(?:{WEEKDAY_ALT}))s?\b"
    r"|\b(?:daily|nightly|weekly|monthly|biweekly|weekdays|weekends|everyday)\b"
    r"|\b(?:every|each)\s+(?:paycheck|payday|shift|session|class|visit|appointment|meal)s?\b"
    rf"|\b(?:on\s+)?(?:{WEEKDAY_ALT})s\b"
    r"|\b(?:a|per|each|an?)\s+(?:day|night|week|month|morning|evening)\b"
    r"|\bin\s+the\s+(?:mornings|evenings|afternoons)\b"
    r"|\b(?:mornings|evenings|nights)\b"
    r"|\b(?:at|by|before)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|oclock)\b"
    r"|\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\bat\s+noon\b|\bby\s+noon\b|\bat\s+midnight\b"
    r"|\bon\s+(?:my|her|his|their|our|your|the)\s+(?:\w+\s+)?(?:birthday|anniversary|day\s+off|payday)\b"
    r"|\b(?:on|by|before)\s+payday\b|\bweeknights?\b|\b\d{1,2}:\d{2}\b"
    r"|\b(?:through|over|during|for)\s+the\s+(?:holidays|holiday\s+season)\b"
    rf"|\b(?:{WEEKDAY_LIST}|{WEEKDAY_PARTS})\b"
    rf"|\b(?:{WEEKDAY_ALT})\s+(?:and|or|through|thru|to)\s+(?:{WEEKDAY_ALT})s?\b"
)

# Phrases that name when something starts, not when it is due ("starting Monday, ...").
_START = re.compile(
    rf"\b(?:starting|beginning|from)\s+(?:on\s+)?(?:today|tomorrow|tonight|now|next\s+week|"
    rf"this\s+week|next\s+month|(?:this\s+|next\s+)?(?:{WEEKDAY_ALT})|(?:{MONTH_ALT})\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:\s+on)?\b"
)


_EXACT_DAY = frozenset(
    {
        _r_iso,
        _r_month_day,
        _r_numeric,
        _r_day_of_month,
        _r_holiday,
        _r_tomorrow,
        _r_today,
        _r_weekday,
    }
)
# Weekdays that repeat ("Mondays and Fridays", "every other Monday", "one Saturday a month") name
# no due day.
_WEEKDAY_SCHEDULE = re.compile(
    rf"\b(?:{WEEKDAY_LIST}|{WEEKDAY_PARTS}|(?:every|each)\s+(?:other\s+)?(?:{WEEKDAY_LIST}|(?:{WEEKDAY_ALT})s?)"
    rf"|(?:one|1)\s+(?:{WEEKDAY_ALT})\s+(?:a|each|every)\s+month)\b"
)


def _blank(match: re.Match[str]) -> str:
    return "#" * len(match.group(0))


def find_due(text: str, today: dt.date) -> tuple[dt.date | None, bool, bool, list[tuple[int, int]]]:
    """(due date, due is one exact day, has a schedule, spans of date words) for normalised text."""
    scan = _START.sub(_blank, text)
    schedule_scan = scan
    scan = _WEEKDAY_SCHEDULE.sub(_blank, scan)
    spans: list[tuple[int, int]] = []
    best: tuple[int, int, dt.date] | None = None
    exact = False
    for pattern, resolve, rank in _DUE_RULES:
        for match in pattern.finditer(scan):
            if any(s <= match.start() < e for s, e in spans):
                continue
            due = resolve(match, today)
            if due is None:
                continue
            spans.append((match.start(), match.end()))
            key = (rank, match.start())
            if best is None or key < best[:2]:
                best = (rank, match.start(), due)
                exact = resolve in _EXACT_DAY
    schedule = any(
        not any(s <= match.start() < e for s, e in spans)
        for match in _SCHEDULE.finditer(schedule_scan)
    )
    for match in _START.finditer(text):
        spans.append((match.start(), match.end()))
    return (best[2] if best else None), exact, schedule, spans
