"""The Achievable criterion, from the wording alone: absolutes and all-or-nothing rules, and
leaps too large for the time given (package docstring). The step form asks the same of a target
typed into its fields (`target_too_large`)."""

from __future__ import annotations

import datetime as dt
import re

from peergoals.coach import text
from peergoals.coach.target import Target, singular

_ABSOLUTE = re.compile(
    r"\b(?:never|forever|for\s+good|for\s+life|for\s+the\s+rest\s+of\s+my\s+life|ever\s+again|"
    r"every\s+single|each\s+and\s+every|all\s+day\s+every\s+day|without\s+fail|"
    r"no\s+matter\s+what|at\s+all\s+times|all\s+the\s+time|perfect|perfectly|perfection|"
    r"flawless(?:ly)?|not\s+(?:even\s+)?once|100\s+percent|"
    r"any\s*more|no\s+more\s+ever|(?:completely|totally|entirely)\s+(?:quit|stop|cut|give\s+up|sober|clean))\b"
    r"|\b100\s*%|\b24/7"
    r"|(?<!\bhave\s)(?<!\bhad\s)\balways\b(?!\s+(?:wanted|been|dreamed|wished|liked|loved))"
)

# All-or-nothing rules and whole-life promises: a diet of one food, "every penny", everyone
# "I ever" hurt, every day for the rest of the year.
_ALL_OR_NOTHING = re.compile(
    r"\bnothing\s+but\b|\bfrom\s+now\s+on\b|\b(?:no|without)\s+(?:any\s+)?food\b"
    r"|\b(?:only\s+(?:eat|drink|have)|(?:eat|drink)\s+only)\b(?!\s+(?:\d|one|two|a|an)\b)"
    r"|\b(?:cut\s+out|give\s+up|quit)\s+all\b"
    r"|\bevery\s+(?:day|morning|night)\s+for\s+the\s+rest\s+of\b"
    r"|\bevery\s+(?:single\s+)?(?:penny|cent|book|relationship|person)\b"
    r"|\b(?:every|everyone|everybody|everything|all)\b(?=[^.;]{0,40}?\bever\b)"
)

# A clause that tells the story ("I used to walk all the time", "it has been sitting there
# forever", "he was always good to me") sets no standard for the goal.
_STORY = re.compile(
    r"\b(?:used\s+to|was|were|has\s+been|have\s+been|had\s+been|he|she|they|it|nobody|"
    r"everyone|everybody)\b"
)

_CLAUSE_BREAK = re.compile(r".*(?:[,;]|\b(?:because|and|so|but|since|before|after|when)\b)", re.S)


def _told(norm: str, start: int) -> bool:
    """Whether the words at `start` belong to a clause telling what was, not what will be."""
    before = norm[max(start - 60, 0) : start]
    clause = _CLAUSE_BREAK.sub("", before, count=1)
    return bool(_STORY.search(clause))


_BEST_EVER = re.compile(r"\bthe\s+best\s+(?:\w+\s+){0,2}ever\b|\bbest\s+ever\b")

_NEVER_NOT_ABSOLUTE = re.compile(
    r"\b(?:have|had|i\s+have)\s+never\b|\bnever\s+(?:been|had|tried|done)\b"
)

_ANYMORE_OK = re.compile(r"\bany\s*more\s+(?:than|time|money|often)\b")


def absolute_in(norm: str) -> re.Match[str] | None:
    """The first absolute, all-or-nothing or "best ever" words that set the goal's standard;
    words in a clause telling the story ("I used to walk all the time") set none."""
    absolute = next(
        (
            found
            for pattern in (_ABSOLUTE, _ALL_OR_NOTHING, _BEST_EVER)
            for found in pattern.finditer(norm)
            if not _told(norm, found.start())
        ),
        None,
    )
    if absolute and absolute.group(0).startswith("never") and _NEVER_NOT_ABSOLUTE.search(norm):
        return None
    if (
        absolute
        and absolute.group(0).replace(" ", "").startswith("anymore")
        and _ANYMORE_OK.search(norm)
    ):
        return None
    return absolute


_EARN = r"\b(?:get|earn|finish|complete|pass|obtain|receive|graduate|have|with)\s+(?:\w+\s+){0,3}?"

_LEAPS: tuple[tuple[re.Pattern[str], int], ...] = (
    (
        re.compile(
            rf"{_EARN}(?:degree|bachelors?|masters?|phd|doctorate|associates?|nursing\s+school|law\s+school)\b"
        ),
        365,
    ),
    (
        re.compile(
            r"\bbecome\s+an?\s+(?:nurse|doctor|lawyer|teacher|counselor|therapist|engineer|electrician|plumber|pilot)\b"
        ),
        365,
    ),
    (re.compile(rf"{_EARN}(?:ged|diploma|high\s+school)\b"), 45),
    (re.compile(r"\b(?:quit|stop|give\s+up|change)\s+everything\b|\ball\s+at\s+once\b"), 31),
    (re.compile(r"\bbuy\s+(?:a|my\s+own|our)\s+(?:house|home|condo)\b"), 180),
    (
        re.compile(
            r"\bpay\s+off\s+(?:all\s+)?(?:of\s+)?(?:my\s+)?(?:debts?|loans?|student\s+loans?|credit\s+cards?)\b|\bout\s+of\s+debt\b|\bdebt[\s-]+free\b"
        ),
        60,
    ),
    (re.compile(r"\b(?:run|finish|do)\s+(?:a|the)\s+(?:full\s+)?marathon\b"), 60),
    (
        re.compile(
            r"\b(?:fix|change|turn\s+around)\s+(?:my\s+)?(?:whole\s+|entire\s+)?life\b|\bturn\s+my\s+life\s+around\b|\bchange\s+everything\b"
        ),
        31,
    ),
    (
        re.compile(
            r"\b(?:get\s+(?:my\s+)?kids\s+back|(?:get|win)\s+(?:full\s+)?custody|clear\s+my\s+record|expunge)\b"
        ),
        30,
    ),
    (
        re.compile(
            r"\b(?:fluent|learn\s+(?:a\s+new\s+|another\s+)?(?:language|spanish|english|french))\b"
        ),
        90,
    ),
    (re.compile(r"\b(?:start|open)\s+(?:my\s+own\s+|a\s+)business\b"), 90),
    (re.compile(r"\b(?:cdl|commercial\s+(?:driver'?s?\s+)?licen[cs]e)\b"), 28),
)

_DAILY_CAPS = {
    "book": 0.5,
    "job": 5.0,
    "application": 5.0,
    "meeting": 3.0,
    "mile": 10.0,
    "step": 40000.0,
    "page": 300.0,
    "time": 8.0,
    "class": 3.0,
    "chapter": 20.0,
    "pound": 3.0 / 7.0,
    "dollar": 250.0,
}

_PER_DAYS = {"day": 1, "week": 7, "month": 30}

# A job search is planned by the week: three applications "today" is a fine start.
_PLANNED_OVER = {"job": 7, "application": 7}

WEIGHT = re.compile(r"\b(?:lose|gain|drop|shed)\s+(\d+)\s+(?:pounds?|lbs?|kilos?|kg)\b")

_LONG_MINUTES_OK = re.compile(r"\b(?:sleep|work|shift|volunteer|fast)\w*\b")


def too_large_for_time(norm: str, target: Target, due: dt.date | None, today: dt.date) -> bool:
    days = (due - today).days + 1 if due is not None else None
    if days is not None:
        for pattern, minimum in _LEAPS:
            if days < minimum and pattern.search(norm):
                return True
        weight = WEIGHT.search(norm)
        if weight and int(weight.group(1)) / days > 3.0 / 7.0 + 1e-9 and int(weight.group(1)) > 2:
            return True
    if (
        target.minutes is not None
        and target.per is not None
        and target.minutes > 300
        and not _LONG_MINUTES_OK.search(norm)
    ):
        return True
    if target.count is None or target.unit not in _DAILY_CAPS:
        return False
    if target.per is not None:
        rate = target.count / _PER_DAYS[target.per]
    elif days is not None:
        rate = target.count / max(days, _PLANNED_OVER.get(target.unit, 1))
    else:
        return False
    return rate > _DAILY_CAPS[target.unit]


_MINUTES_IN = {"minute": 1, "min": 1, "hour": 60, "hr": 60}


def target_too_large(
    quantity: float,
    unit: str,
    per: str | None,
    *,
    wording: str = "",
    due: dt.date | None = None,
    today: dt.date | None = None,
) -> bool:
    """Whether a target typed into a step's fields (1,000 minutes a day, 100 jobs a week) is too
    big for its time, by the rule the coach applies to the same words in a sentence."""
    # A form's own clock is the caller's; the coach's default is the local day, as in judge().
    today = today or dt.date.today()  # noqa: DTZ011
    norm = text.normalize(text.clean(wording[: text.MAX_LENGTH]))
    name = singular(unit.strip().lower())
    per = per if per in _PER_DAYS else None
    if name in _MINUTES_IN:
        minutes = quantity * _MINUTES_IN[name]
        days = _PER_DAYS[per] if per else ((due - today).days + 1 if due else None)
        if days is None:
            return False
        target = Target(count=1, unit="time", per="day", minutes=round(minutes / max(days, 1)))
    else:
        target = Target(count=round(quantity), unit=name or "time", per=per)
    return too_large_for_time(norm, target, due, today)
