"""The target of a step: how many, of what, per which period, and for how many minutes.

The rules are listed in the package docstring (`peergoals.coach`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peergoals.coach.lexicon import STOPWORDS, WEEKDAY_ALT, WEEKDAY_LIST, WEEKDAY_PARTS


@dataclass(frozen=True, slots=True)
class Target:
    """What a step counts: `count` `unit`s per `per` (day, week, month or None), `minutes` each."""

    count: int | None = None
    unit: str | None = None
    per: str | None = None
    minutes: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {"count": self.count, "unit": self.unit, "per": self.per, "minutes": self.minutes}


EMPTY = Target()

_TOKENS = re.compile(r"\$\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?(?:-\d+)?%?|[a-z][a-z'-]*|[,.;:!?()]")
_PERIOD = {
    "day": "day",
    "days": "day",
    "night": "day",
    "nights": "day",
    "morning": "day",
    "mornings": "day",
    "evening": "day",
    "evenings": "day",
    "afternoon": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
}
_PERIOD_ADVERB = {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month"}
_RATE_LEAD = {"a", "an", "per", "each", "every"}
_DURATION = {"minute": 1, "minutes": 1, "hour": 60, "hours": 60}
_SKIP_BEFORE = {
    "my",
    "our",
    "his",
    "her",
    "their",
    "step",
    "number",
    "no",
    "age",
    "top",
    "section",
    "chapter",
    "page",
    "room",
    "unit",
    "apartment",
    "apt",
    "bus",
    "route",
    "grade",
    "level",
    "size",
    "phase",
    "lesson",
    "module",
    "part",
    "tier",
    "class",
    "exit",
    "suite",
    "building",
    "floor",
    "version",
}
_DIAL = {"call", "dial", "text", "phone"}
_TIME_BEFORE = {"at", "by", "around", "until", "before", "after"}
_NOT_NOUNS = STOPWORDS - {
    "time",
    "times",
    "day",
    "days",
    "week",
    "weeks",
    "night",
    "thing",
    "things",
}
_MONEY_WORDS = {"dollar", "dollars", "buck", "bucks"}
_IRREGULAR = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "lbs": "pound",
    "cigs": "cigarette",
    "kids": "kid",
    "glasses": "glass",
    "classes": "class",
    "times": "time",
    "bucks": "dollar",
    "buck": "dollar",
    "dollars": "dollar",
}

_BASELINE = re.compile(
    r"\bfrom\s+(?P<base>(?:about\s+|around\s+|like\s+)?(?:\d+(?:\.\d+)?(?:\s+[a-z]+){0,4}?|daily|"
    r"every\s+day|every\s+night|all\s+day))\s+(?=(?:down\s+)?to\s)"
)
_IGNORE = re.compile(
    r"\b24/7\b|\b\d+k\b|\b\d{1,2}:\d{2}\b|\btwelve-step\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm|oclock)\b|\b(?:19|20)\d\d\b"
)
_EVERY_OTHER = re.compile(r"\bevery\s+(?:other|\d+)\s+(?:day|week|month)s?\b|\bbiweekly\b")
_PER_DAY = re.compile(
    r"\b(?:every|each|a|per)\s+(?:single\s+)?(?:day|morning|night|evening|afternoon)\b|\bdaily\b|\bnightly\b"
    r"|\bin\s+the\s+(?:mornings|evenings)\b|\bevery\s*day\b"
)
_PER_WEEK = re.compile(
    rf"\b(?:every|each|a|per)\s+(?:week|weekend|weekday)\b|\bweekly\b|\bweekdays\b|\bweekends\b"
    rf"|\b(?:every|each)\s+(?:{WEEKDAY_ALT})\b|\b(?:{WEEKDAY_ALT})s\b|\bweeknights?\b"
    rf"|\b(?:{WEEKDAY_LIST}|{WEEKDAY_PARTS})\b"
)
_PER_MONTH = re.compile(r"\b(?:every|each|a|per)\s+month\b|\bmonthly\b")
_WEEKDAY_LIST = re.compile(rf"\b(?:{WEEKDAY_ALT})s?\b")
_WEEKDAYS_ALL = re.compile(
    r"\b(?:every\s+)?week(?:day|night)s?\b|\bmonday\s+(?:through|thru|to)\s+friday\b"
)


def singular(word: str) -> str:
    """The singular of a counted noun ("glasses" -> "glass", "cigarettes" -> "cigarette")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, min(end, len(chars))):
            chars[i] = "#"
    return "".join(chars)


def _number(token: str) -> float | None:
    token = token.lstrip("$").strip()
    if "-" in token:
        token = token.split("-", 1)[0]
    if token.endswith("%"):
        return None
    try:
        return float(token)
    except ValueError:
        return None


def _period_after(tokens: list[str], i: int) -> str | None:
    """The period named right after position i: "a week", "per day", "daily", "every morning"."""
    if i < len(tokens) and tokens[i] in _PERIOD_ADVERB:
        return _PERIOD_ADVERB[tokens[i]]
    if i + 1 < len(tokens) and tokens[i] in _RATE_LEAD:
        nxt = tokens[i + 1]
        if nxt == "single" and i + 2 < len(tokens):
            nxt = tokens[i + 2]
        return _PERIOD.get(nxt)
    if i + 1 < len(tokens) and tokens[i] == "in" and tokens[i + 1] == "a":
        return None
    return None


@dataclass(frozen=True, slots=True)
class _Count:
    count: int | None
    unit: str | None
    per: str | None
    money: bool


def _first_count(tokens: list[str]) -> _Count | None:
    for i, token in enumerate(tokens):
        if not (token[0].isdigit() or token[0] == "$"):
            continue
        value = _number(token)
        if value is None or (i > 0 and tokens[i - 1] in _SKIP_BEFORE):
            continue
        money = token.startswith("$")
        j = i + 1
        ranged = j + 1 < len(tokens) and tokens[j] in ("or", "to")
        if ranged and _number(tokens[j + 1]) is not None:
            j += 2
        nxt = tokens[j] if j < len(tokens) else ""
        if nxt in _DURATION:
            continue
        if nxt in ("day", "days", "week", "weeks", "month", "months", "year", "years") and (
            i > 0 and tokens[i - 1] in ("for", "in", "within", "over", "next", "after", "than")
        ):
            continue
        count = int(value) if value == int(value) else None
        if nxt in ("time", "times"):
            return _Count(count, "time", _period_after(tokens, j + 1), money)
        if nxt in _MONEY_WORDS:
            money = True
        if money:
            per = _period_after(tokens, j + (1 if nxt in _MONEY_WORDS else 0))
            return _Count(count, "dollar", per, True)
        noun = None
        k = j
        while k < len(tokens) and k < j + 4:
            word = tokens[k]
            if word in ("more", "extra", "new", "different", "full", "whole", "small", "big"):
                k += 1
                continue
            if word in _NOT_NOUNS or not word[0].isalpha() or word in _PERIOD_ADVERB:
                break
            noun = word
            k += 1
            if word in _PERIOD or word in ("time", "times"):
                break
        if noun is None:
            if i > 0 and tokens[i - 1] in _TIME_BEFORE | _DIAL:
                continue
            return _Count(count, None, _period_after(tokens, k), False)
        return _Count(count, singular(noun), _period_after(tokens, k), False)
    return None


def _minutes(tokens: list[str]) -> int | None:
    for i, token in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if nxt in _DURATION and token[0].isdigit():
            value = _number(token)
            if value is not None:
                return round(value * _DURATION[nxt])
    return None


def _schedule_per(text: str) -> str | None:
    if _EVERY_OTHER.search(text):
        return None
    if _PER_DAY.search(text):
        return "day"
    if _PER_WEEK.search(text):
        return "week"
    if _PER_MONTH.search(text):
        return "month"
    return None


def _implicit_count(text: str, per: str) -> int:
    """How many times a schedule with no number happens per period ("Mondays and Fridays" = 2)."""
    if per == "week":
        if _WEEKDAYS_ALL.search(text):
            return 5
        days = {m.group(0).rstrip("s") for m in _WEEKDAY_LIST.finditer(text)}
        return max(1, len(days))
    return 1


def find_target(text: str, date_spans: list[tuple[int, int]]) -> tuple[Target, bool]:
    """(target, has money) for normalised text; numbers in `date_spans` are dates, not counts."""
    masked = _IGNORE.sub(lambda m: " " * len(m.group(0)), _mask(text, date_spans))
    baseline: _Count | None = None
    base_match = _BASELINE.search(masked)
    if base_match:
        baseline = _first_count(_TOKENS.findall(base_match.group("base")))
        masked = masked[: base_match.start()] + masked[base_match.end() :]
    tokens = _TOKENS.findall(masked)
    minutes = _minutes(tokens)
    found = _first_count(tokens)
    if found is not None and found.unit not in ("time", "dollar"):
        for i, token in enumerate(tokens[:-1]):
            if tokens[i + 1] in ("time", "times") and token[0].isdigit() and found.per is None:
                frequency = _first_count(tokens[i:])
                if frequency is not None and frequency.per is not None:
                    found = frequency
                break
    every_other = bool(_EVERY_OTHER.search(masked))
    per = found.per if found else None
    if per is None and not every_other:
        per = _schedule_per(masked)
    if found is None:
        if per is None:
            return Target(None, None, None, minutes), False
        return Target(_implicit_count(masked, per), "time", per, minutes), False
    unit = found.unit
    if unit is None and baseline is not None and baseline.unit not in (None, "time"):
        unit = baseline.unit
    if found.per is None and baseline is not None and baseline.per is not None and per is None:
        per = baseline.per
    return Target(found.count, unit, per, minutes), found.money
