"""Text clean-up for the coach: characters, text-speak, contractions, typos and numbers in words.

Everything here is compiled once at import; `normalize` is called once per judged statement.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from peergoals.coach import lexicon

# The longest statement the coach reads; a longer one is "too_long", not read at all.
MAX_LENGTH = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"\s+")
_PUNCT_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def clean(raw: str) -> str:
    """Unicode-normalise, drop control characters and collapse white space (case kept)."""
    text = unicodedata.normalize("NFKC", raw)
    text = _CONTROL.sub(" ", text).translate(_PUNCT_MAP)
    return _SPACES.sub(" ", text).strip()


_CONTRACTIONS = (
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b"), "cannot"),
    (re.compile(r"\b(\w+)n't\b"), r"\1 not"),
    (re.compile(r"\b(i|you|we|they|he|she|it)'ll\b"), r"\1 will"),
    (re.compile(r"\bi'm\b"), "i am"),
    (re.compile(r"\b(i|you|we|they)'ve\b"), r"\1 have"),
    (re.compile(r"\b(i|you|we|they|he|she)'d\b"), r"\1 would"),
    (re.compile(r"\b(you|we|they)'re\b"), r"\1 are"),
    (re.compile(r"\b(new year|valentine|mother|father)'?s\b"), r"\1s"),
    (re.compile(r"\b(week|month|year|day)'s end\b"), r"end of the \1"),
)

# Text-speak and common misspellings mapped to plain words; applied token by token.
_SPEAK: dict[str, str] = {
    "wk": "week",
    "wks": "weeks",
    "wkly": "weekly",
    "wkend": "weekend",
    "wknd": "weekend",
    "wkends": "weekends",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmrow": "tomorrow",
    "tmw": "tomorrow",
    "tmro": "tomorrow",
    "tmrrw": "tomorrow",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "2mrw": "tomorrow",
    "2morow": "tomorrow",
    "tomoro": "tomorrow",
    "tomorow": "tomorrow",
    "tommorow": "tomorrow",
    "tommorrow": "tomorrow",
    "tomorrrow": "tomorrow",
    "2day": "today",
    "2nite": "tonight",
    "2night": "tonight",
    "tonite": "tonight",
    "nite": "night",
    "nites": "nights",
    "mnth": "month",
    "mnths": "months",
    "mth": "month",
    "mths": "months",
    "yr": "year",
    "yrs": "years",
    "hr": "hour",
    "hrs": "hours",
    "min": "minute",
    "mins": "minutes",
    "minuts": "minutes",
    "minits": "minutes",
    "mtg": "meeting",
    "mtgs": "meetings",
    "meetins": "meetings",
    "meetin": "meeting",
    "gonna": "going to",
    "gona": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "hafta": "have to",
    "imma": "i am going to",
    "ima": "i am going to",
    "im": "i am",
    "ive": "i have",
    "ill": "i will",
    "dont": "do not",
    "wont": "will not",
    "cant": "cannot",
    "didnt": "did not",
    "u": "you",
    "ur": "your",
    "b4": "before",
    "thru": "through",
    "til": "until",
    "till": "until",
    "evry": "every",
    "evey": "every",
    "evrey": "every",
    "everyy": "every",
    "mornin": "morning",
    "mornins": "mornings",
    "mo": "more",
    "b": "be",
    "cuz": "because",
    "bc": "because",
    "cos": "because",
    "appt": "appointment",
    "mgr": "manager",
    "appts": "appointments",
    "dr": "doctor",
    "w/": "with",
    "n": "and",
    "nd": "and",
    "r": "are",
    "pls": "please",
    "cigs": "cigarettes",
    "cig": "cigarette",
    "lbs": "pounds",
    "lb": "pound",
    "thx": "thanks",
    "jus": "just",
    "gud": "good",
    "skool": "school",
    "wrk": "work",
    "bro": "brother",
    "sis": "sister",
    "mom's": "mom",
    "tues": "tuesday",
    "thurs": "thursday",
    "weds": "wednesday",
    "sept": "september",
    "prolly": "probably",
    "probs": "probably",
    "tryna": "trying to",
    "finna": "going to",
    "oughta": "ought to",
    "lemme": "let me",
    "kinda": "kind of",
    "sorta": "sort of",
    "alot": "a lot",
    "everyday": "every day",
    "every1": "everyone",
    "some1": "someone",
    "ppl": "people",
    "bday": "birthday",
    "gym's": "gym",
    "tho": "though",
}
_TOKEN = re.compile(r"[a-z0-9][a-z0-9'/]*")
_SLASH_RATE = re.compile(r"\s*/\s*(wk|week|w|day|d|night|mo|month|morning)\b")
_TIMES_X = re.compile(r"\b(\d+)\s*x\b")
_TWELVE_STEP = re.compile(r"\b(12|twelve)[\s-]*steps?\b")
_FRACTION_HOUR = re.compile(r"\b1/2\s*(an?\s+)?(hour|hr)s?\b")
_APOS_S_TIME = re.compile(r"\bo'clock\b")
_TO_FOR = (
    (
        re.compile(
            r"\b2\s+(?=(?:the|my|a|an|his|her|their|our|bed|work|school|church|see|get|go|do|be|make|"
            r"call|visit|meet|talk|take|pay|buy|eat)\b)"
            # "apply 2 5 jobs": a 2 between a word and a count is "to".
            r"|(?<=[a-z]\s)2\s+(?=\d+\s+[a-z])"
        ),
        "to ",
    ),
    (
        re.compile(
            r"\b4\s+(?=(?:the|my|a|an|his|her|their|our|me|you|him|them|real|good|sure)\b)"
            r"|(?<=[a-z]\s)4\s+(?=\d+\s+(?:days?|weeks?|months?|hours?|minutes?)\b)"
        ),
        "for ",
    ),
)
_SYMBOLS = (("&", " and "), ("@", " at "), ("+", " and "))


def _speak(match: re.Match[str]) -> str:
    word = match.group(0)
    return _SPEAK.get(word, word)


_RATE_NAMES = {
    "wk": "week",
    "week": "week",
    "w": "week",
    "day": "day",
    "d": "day",
    "night": "night",
    "mo": "month",
    "month": "month",
    "morning": "morning",
}

# Number words. "a few", "some", "several" stay words: they are vague, not numbers.
_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_ORD_UNIT_ALT = "|".join(k for k, v in ORDINALS.items() if v < 10)
_ORD_ALT = "|".join(sorted(ORDINALS, key=len, reverse=True))
_NUMBER_WORDS = re.compile(
    rf"\b(?:(?P<tens>{_TENS_ALT})(?:[\s-]+(?P<unit2>{_UNIT_ALT}))?|(?P<unit>{_UNIT_ALT}))"
    rf"(?P<hundred>\s+hundred)?\b"
)
_COMPOUND_ORDINAL = re.compile(rf"\b(twenty|thirty)[\s-]+({_ORD_UNIT_ALT})\b")
_ORDINAL_WORD = re.compile(
    rf"(?:(?<=\bthe )|(?<=\bof the ))(?P<word>{_ORD_ALT})(?=\s+of\b|\s*[,.!;]|\s*$|\s+and\b)"
)
_MONTH_ORDINAL = re.compile(
    rf"\b(?P<month>{lexicon.MONTH_ALT})\s+(?:the\s+)?(?P<word>{_ORD_ALT})\b"
)
_SOMEDAY_ONE = re.compile(
    r"\bone day\b(?!\s+(?:this|a|per|each|next|every|at a time|of|off|in|that|to)\b)"
)
_PHRASES = (
    (re.compile(r"\b(?:an|1|one)\s+hour\s+and\s+a\s+half\b"), "90 minutes"),
    (re.compile(r"\b(\d+)\s+and\s+a\s+half\s+hours?\b"), r"\1.5 hours"),
    (re.compile(r"\b(?:half\s+an|a\s+half|half\s+a|half)\s+hours?\b"), "30 minutes"),
    (re.compile(r"\b(?:a\s+)?quarter\s+(?:of\s+)?an?\s+hour\b"), "15 minutes"),
    (re.compile(r"\b(?:an|a)\s+hour\b"), "1 hour"),
    (re.compile(r"\ba\s+couple\s+(?:of\s+)?(?=\w)"), "2 "),
    (re.compile(r"\ba\s+dozen\s+(?:of\s+)?"), "12 "),
    (re.compile(r"\ba\s+single\s+"), "1 "),
    (re.compile(r"\bcase\s+(?:manager|worker)s?\b"), "caseworker"),
    (re.compile(r"\btwice\b"), "2 times"),
    (re.compile(r"\bthrice\b"), "3 times"),
    (
        re.compile(
            r"(?<!\bat )\bonce\b"
            r"(?!\s+(?:i|i'm|we|you|they|he|she|it|my|the|that|things|everything|this is|"
            r"again|more|in a while)\b)"
        ),
        "1 times",
    ),
    (re.compile(r"\b(\d+)\s*,\s*(\d{3})\b"), r"\1\2"),
    (re.compile(r"\b(\d+)\s*k\s+(?=steps?\b)"), r"\g<1>000 "),
    (re.compile(r"\b(\d+)\s+thousand\b"), r"\g<1>000"),
)


def _number_word(match: re.Match[str]) -> str:
    if match.group("tens"):
        value = _TENS[match.group("tens")] + (
            _UNITS[match.group("unit2")] if match.group("unit2") else 0
        )
    else:
        value = _UNITS[match.group("unit")]
    if match.group("hundred"):
        value *= 100
    return str(value)


def _ordinal(match: re.Match[str]) -> str:
    return f"{ORDINALS[match.group('word')]}th"


def _month_ordinal(match: re.Match[str]) -> str:
    return f"{match.group('month')} {ORDINALS[match.group('word')]}th"


def _compound_ordinal(match: re.Match[str]) -> str:
    return f"{_TENS[match.group(1)] + ORDINALS[match.group(2)]}th"


_FUZZY_TARGETS: tuple[str, ...] = (
    *lexicon.MONTH_NAMES,
    *lexicon.WEEKDAY_NAMES,
    "tomorrow",
    "weekend",
    "morning",
    "minutes",
    "meeting",
    "meetings",
    "evening",
    "tonight",
    "twice",
    "every",
    "month",
    "week",
    "weekly",
    "daily",
    "hours",
)


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, giving up above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=4096)
def fix_typo(word: str) -> str:
    """The calendar or schedule word a misspelt token most likely means, else the token."""
    if len(word) < 5 or word in lexicon.VOCABULARY or not word.isalpha():
        return word
    plural = word.endswith("s") and not word.endswith("ss")
    best = word
    for target in _FUZZY_TARGETS:
        if target[0] != word[0] and target[:2] != word[1::-1]:
            continue
        limit = 2 if len(target) >= 7 and len(word) >= 6 else 1
        for candidate in (word, word[:-1]) if plural else (word,):
            # Only days come in plurals ("tusdays"); "Marcus" is no plural of "March".
            if candidate is not word and target not in lexicon.WEEKDAY_NAMES:
                continue
            if _distance(candidate, target, limit) <= limit:
                suffix = "s" if candidate is not word and target in lexicon.WEEKDAY_NAMES else ""
                return target + suffix
    return best


def _fix_token(match: re.Match[str]) -> str:
    word = match.group(0)
    mapped = _SPEAK.get(word)
    if mapped is not None:
        return mapped
    return fix_typo(word)


_WORD = re.compile(r"[a-z][a-z']*")
# "10 minute" from "10 min": a unit after a number other than one is plural, as the peer meant.
_COUNTED_SINGULAR = re.compile(
    r"\b(\d+(?:\.\d+)?)\s+(minute|hour|week|month|year|meeting|page|mile)\b(?!s)"
    # ...unless it describes the next word: "a 10 minute walk".
    r"(?=\s*(?:$|[,.;:!?)]|(?:a|an|every|each|per|on|in|at|before|after|with|to|for|this|next|"
    r"and|or|of|daily|weekly|twice|once|a\s+day|\d)\b))"
)


def _counted_plural(match: re.Match[str]) -> str:
    number, unit = match.groups()
    return match.group(0) if number == "1" else f"{number} {unit}s"


_ABBR = lexicon.WEEKDAY_ABBR_ALT
# Text-speak days ("mtg sat", "mon wed fri", "mon 2 make an appt"): a short name is a day when it
# ends the goal, stands in a list of days, or comes before a time of day; "I sat down" stays.
_ABBR_DAYS = re.compile(
    rf"\b(?:{_ABBR})(?:\s*(?:,|and|&)?\s*(?:{_ABBR}))+\b"
    rf"|(?<=[a-z]\s)(?:{_ABBR})(?=\s*[.!]*$)"
    rf"|\b(?:{_ABBR})(?=\s+(?:to|at\s+\d|morning|night|afternoon|evening)\b)"
)
_ONE_ABBR = re.compile(rf"\b(?:{_ABBR})\b")
_END_OF = re.compile(r"\bend\s+of\s+(week|month|year)\b")


def _day_names(match: re.Match[str]) -> str:
    days = [lexicon.WEEKDAY_NAMES[lexicon.WEEKDAYS[d]] for d in _ONE_ABBR.findall(match.group(0))]
    return ", ".join(days)


def normalize(text: str) -> str:
    """Lower-case plain English with digits for numbers: the form every rule below reads."""
    low = text.lower()
    for symbol, word in _SYMBOLS:
        low = low.replace(symbol, word)
    low = _FRACTION_HOUR.sub("30 minutes", low)
    low = _SLASH_RATE.sub(lambda m: " per " + _RATE_NAMES[m.group(1)], low)
    low = _TWELVE_STEP.sub("twelve-step", low)
    low = _APOS_S_TIME.sub("oclock", low)
    for pattern, repl in _CONTRACTIONS:
        low = pattern.sub(repl, low)
    low = _TOKEN.sub(_fix_token, low)
    for pattern, repl in _TO_FOR:
        low = pattern.sub(repl, low)
    low = _ABBR_DAYS.sub(_day_names, low)
    low = _END_OF.sub(r"end of the \1", low)
    low = _TIMES_X.sub(r"\1 times", low)
    low = _COUNTED_SINGULAR.sub(_counted_plural, low)
    low = _COMPOUND_ORDINAL.sub(_compound_ordinal, low)
    low = _MONTH_ORDINAL.sub(_month_ordinal, low)
    low = _ORDINAL_WORD.sub(_ordinal, low)
    low = _SOMEDAY_ONE.sub("someday", low)
    low = _NUMBER_WORDS.sub(_number_word, low)
    for pattern, repl in _PHRASES:
        low = pattern.sub(repl, low)
    return _SPACES.sub(" ", low).strip()


def words(text: str) -> list[str]:
    """The alphabetic words of normalised text."""
    return _WORD.findall(text)
