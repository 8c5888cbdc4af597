"""Every sentence the coach says, as a key and its English text, so it can be translated.

The coach returns `Message(key, params)`, never a sentence: `render()` looks the key up in
`MESSAGES`, translates the English template with the catalogue it is given (Django's `gettext`
in the web app, `catalogue(language)` in the CLI: the same `django.po` files) and fills its
`str.format` fields with the params, which are the peer's own words, never translated.
Plain words, second person, kind. `_()` marks a template for makemessages and returns it as it is.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def _(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Message:
    """One thing the coach says: a key of `MESSAGES` and the values of its fields."""

    key: str
    params: Mapping[str, str] = field(default_factory=dict)


# The keys, named once so a typo is an AttributeError, not a missing sentence.
SPECIFIC_MET = "specific.met"
SPECIFIC_STATE = "specific.state"
SPECIFIC_OUTCOME = "specific.outcome"
SPECIFIC_VAGUE = "specific.vague"
SPECIFIC_NO_ACTION = "specific.no_action"
MEASURABLE_COUNT = "measurable.count"
MEASURABLE_DONE = "measurable.done"
MEASURABLE_TRY = "measurable.try"
MEASURABLE_VAGUE = "measurable.vague"
MEASURABLE_NONE = "measurable.none"
ACHIEVABLE_MET = "achievable.met"
ACHIEVABLE_ABSOLUTE = "achievable.absolute"
ACHIEVABLE_TOO_LARGE = "achievable.too_large"
TIME_DUE = "time.due"
TIME_SCHEDULE_PLAIN = "time.schedule_plain"
TIME_NONE = "time.none"
TIME_VAGUE = "time.vague"
RELEVANT_UNKNOWN = "relevant.unknown"
RELEVANT_MET = "relevant.met"
RELEVANT_NOT_MET = "relevant.not_met"
RELEVANT_ASK = "relevant.ask"
SUGGEST_SPECIFIC = "suggest.specific"
SUGGEST_SPECIFIC_NO_TOPIC = "suggest.specific_no_topic"
SUGGEST_MEASURABLE = "suggest.measurable"
SUGGEST_MEASURABLE_TRY = "suggest.measurable_try"
SUGGEST_ABSOLUTE = "suggest.absolute"
SUGGEST_TOO_LARGE = "suggest.too_large"
SUGGEST_TIME = "suggest.time"
SUGGEST_RELEVANT = "suggest.relevant"
SUGGEST_RELEVANT_ASK = "suggest.relevant_ask"
SUGGEST_DEFICIT = "suggest.deficit"
SUGGEST_DEFICIT_PLAIN = "suggest.deficit_plain"
SUGGEST_READINESS = "suggest.readiness"
CANNOT_EMPTY = "cannot.empty"
CANNOT_NO_WORDS = "cannot.no_words"
CANNOT_TOO_LONG = "cannot.too_long"
CANNOT_NOT_ENGLISH = "cannot.not_english"
CANNOT_NOT_UNDERSTOOD = "cannot.not_understood"
SUGGEST_OWN_WORDS = "suggest.own_words"


# A param whose value is itself a key (an example step, in the peer's language too).
NESTED_PARAMS = frozenset({"example"})

MESSAGES: dict[str, str] = {
    # Why a criterion is met or not (one sentence each).
    SPECIFIC_MET: _("You named a clear action: {action}."),
    SPECIFIC_STATE: _("This names a wish or a feeling more than an action you will do."),
    SPECIFIC_OUTCOME: _(
        "This names a result you hope for, not yet the action that gets you there."
    ),
    SPECIFIC_VAGUE: _("Words like “{word}” leave it open what exactly you will do."),
    SPECIFIC_NO_ACTION: _("There is no action in it yet: what will you do?"),
    MEASURABLE_COUNT: _("You can count it: {target}."),
    MEASURABLE_DONE: _("You will know when it is done: it is done or not."),
    MEASURABLE_TRY: _("“Try” makes it hard to tell when it is done."),
    MEASURABLE_VAGUE: _("“{word}” can’t be counted, so it is hard to see your progress."),
    MEASURABLE_NONE: _("There is nothing to count or check off yet."),
    ACHIEVABLE_MET: _("It sounds doable for the time you gave it."),
    ACHIEVABLE_ABSOLUTE: _(
        "“{word}” sets a perfect standard, and one slip could feel like failing."
    ),
    ACHIEVABLE_TOO_LARGE: _("That is a very big goal for the time you gave it."),
    TIME_DUE: _("It has a time: by {due}."),
    TIME_SCHEDULE_PLAIN: _("It has a regular time to do it."),
    TIME_NONE: _("There is no day, deadline or schedule yet."),
    TIME_VAGUE: _("“{word}” doesn’t say when."),
    RELEVANT_UNKNOWN: _(
        "Add your long-term goal or what matters to you, and the coach can check the fit."
    ),
    RELEVANT_MET: _("It helps with what you want: “{context}”."),
    RELEVANT_NOT_MET: _("It’s not clear how this helps with “{context}”."),
    RELEVANT_ASK: _("You know best how this fits “{context}”."),
    # Suggestions: one per unmet criterion, then one per flag that needs one.
    SUGGEST_SPECIFIC: _("What would {topic} look like for you this week? Maybe {example}?"),
    SUGGEST_SPECIFIC_NO_TOPIC: _(
        "What would that look like for you? Improving relationships? Finding work? Self-care?"
    ),
    SUGGEST_MEASURABLE: _(
        "How will you know you did it? You could add a number, like "
        "how many times or how many minutes."
    ),
    SUGGEST_MEASURABLE_TRY: _(
        "What if you drop “try” and pick an amount you feel sure about, like once this week?"
    ),
    SUGGEST_ABSOLUTE: _("“{word}” is a big promise. What feels doable this week, as a first step?"),
    SUGGEST_TOO_LARGE: _(
        "That’s a lot for the time you gave it. What is one smaller step you could finish first?"
    ),
    SUGGEST_TIME: _(
        "When would you like to do this? A day like “by Friday” or “this week” helps you plan."
    ),
    SUGGEST_RELEVANT: _(
        "How does this connect to “{context}”? If it matters to you, say how. If not, "
        "what step would move that goal forward?"
    ),
    SUGGEST_RELEVANT_ASK: _("How does this help with “{context}”?"),
    SUGGEST_DEFICIT: _(
        "You’re moving away from something. What would you like to do instead, "
        "when you’d usually {habit}?"
    ),
    SUGGEST_DEFICIT_PLAIN: _(
        "You’re moving away from something. What would you like to move toward instead?"
    ),
    SUGGEST_READINESS: _(
        "It sounds like this may come from someone else. What matters to you about it? "
        "It’s okay to say “not yet.”"
    ),
    # Can't judge.
    CANNOT_EMPTY: _("There are no words to look at yet."),
    CANNOT_NO_WORDS: _("There are no words here, only symbols or emoji."),
    CANNOT_TOO_LONG: _(
        "This is too long to look at as one goal ({length} characters; the limit is {limit})."
    ),
    CANNOT_NOT_ENGLISH: _("The coach can only read English for now."),
    CANNOT_NOT_UNDERSTOOD: _("The coach couldn’t find a goal in these words."),
    SUGGEST_OWN_WORDS: _(
        "Could you say your goal in your own words, in one short "
        "sentence? What would you like to do, "
        "and when?"
    ),
    # Small first steps, by life area, offered as examples (never as the peer's own goal).
    "example.health": _("a 10-minute walk each morning"),
    "example.emotional": _("writing in a journal for 5 minutes each night"),
    "example.recovery": _("going to one peer support meeting this week"),
    "example.work": _("applying to one job this week"),
    "example.housing": _("calling one housing program this week"),
    "example.family": _("calling one family member this week"),
    "example.social": _("texting one friend this week"),
    "example.money": _("setting aside $5 each week"),
    "example.spiritual": _("5 quiet minutes of prayer or reflection each morning"),
    "example.legal": _("calling your lawyer or PO this week to ask about next steps"),
    "example.education": _("reading for 15 minutes a day"),
    "example.documents": _("calling to ask what you need for a new ID this week"),
    "example.default": _("one small step you could take this week"),
}


def example_key(area: str | None) -> str:
    """The key of the example first step for a life area."""
    key = f"example.{area}"
    return key if key in MESSAGES else "example.default"


def render(message: Message, translate: Callable[[str], str] = _) -> str:
    """The sentence `message` says, translated by `translate` (English when none is given).

    A translation whose fields don't match the English template falls back to the English, so
    a slip in a catalogue never hides the coach's answer.
    """
    template = MESSAGES[message.key]
    params = {
        name: render(Message(value), translate) if name in NESTED_PARAMS else value
        for name, value in message.params.items()
    }
    try:
        return translate(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


@lru_cache(maxsize=8)
def catalogue(language: str) -> Callable[[str], str]:
    """The `gettext` of the project's catalogue for `language` (the one Django uses), for
    rendering without Django; English, or a missing catalogue, leaves the text as it is."""
    return gettext.translation(
        "django", localedir=LOCALE_DIR, languages=[language], fallback=True
    ).gettext


# Card (CLI) labels.
CRITERION_NAMES: dict[str, str] = {
    "specific": _("Specific"),
    "measurable": _("Measurable"),
    "achievable": _("Achievable"),
    "relevant": _("Relevant"),
    "time_bound": _("Time-bound"),
}
CARD_DUE = _("Due")
CARD_TARGET = _("Target")
CARD_FLAGS = _("Flags")
CARD_SUGGESTIONS = _("Suggestions")
CARD_NONE = _("none")
CARD_NOT_JUDGED = _("not judged")
PER_NAMES: dict[str, str] = {"day": _("a day"), "week": _("a week"), "month": _("a month")}
MINUTES = _("{minutes} minutes")

# CLI and JSON lines errors.
ERROR_BAD_DATE = _("invalid date {value!r}: use YYYY-MM-DD, a real calendar date")
ERROR_PREFIX = _("peergoals coach: error: {message}")
ERROR_JSONL_ARGS = _(
    "--jsonl reads everything from stdin: give no statement, --context, --today or --language"
)
ERROR_EMPTY_LINE = _("empty line")
ERROR_NO_TEXT = _("give a goal statement, or use --jsonl to read JSON lines from stdin")
ERROR_BAD_JSON = _("line is not valid JSON: {detail}")
ERROR_NOT_OBJECT = _("line must be a JSON object")
ERROR_MISSING_TEXT = _('missing "text"')
ERROR_TEXT_TYPE = _('"text" must be a string')
ERROR_CONTEXT_TYPE = _('"context" must be a string or null')
ERROR_TODAY_TYPE = _('"today" must be a string YYYY-MM-DD or null')
ERROR_LANGUAGE_TYPE = _('"language" must be a string or null')


def target_phrase(count: int | None, unit: str | None, per: str | None, minutes: int | None) -> str:
    """A short description of a target, e.g. "3 jobs", "1 time a day, 10 minutes"."""
    parts: list[str] = []
    if count is not None:
        noun = unit or ""
        if noun and count != 1:
            noun = noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")
        parts.append(f"{count} {noun}".strip())
    if per is not None:
        parts.append(PER_NAMES[per])
    text = " ".join(parts)
    if minutes is not None:
        text = (
            f"{text}, {MINUTES.format(minutes=minutes)}"
            if text
            else MINUTES.format(minutes=minutes)
        )
    return text
