"""Which language the coach reads a statement in, and the reader for each language.

The one place a language plugs in: add it to LANGUAGES, teach `choose` when to pick it, and
name its reader in `reader`. Every reader takes (statement, context, today) and returns a
`Judgement` whose messages are keys of `messages.MESSAGES`, rendered in its language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peergoals.coach.core import Judgement

Reader = Callable[[str, str | None, dt.date], "Judgement"]

# The languages the coach reads and answers in; the first is the default.
LANGUAGES = ("en", "es")


def fallback(preferred: str | None) -> str:
    """The language to answer in before the words are read: the peer's, if the coach speaks it."""
    return preferred if preferred in LANGUAGES else LANGUAGES[0]


def choose(statement: str, preferred: str | None) -> str:
    """The language to answer `statement` in: Spanish for a statement in Spanish whatever the
    setting (the peer chose to write it so); else the peer's language when the coach speaks
    it; else, for English and Spanish mixed, the one it leans to; else English."""
    from peergoals.coach import spanish

    detected = spanish.detect(statement)
    if detected == "es":
        return "es"
    if preferred in LANGUAGES:
        return preferred
    if detected == "mixed" and spanish.leans_spanish(statement):
        return "es"
    return LANGUAGES[0]


def reader(language: str, statement: str = "") -> Reader:
    """The function that reads `statement` and answers in `language` (one of LANGUAGES).
    Anything with Spanish in it is read by the Spanish reader, which keeps English words."""
    # Imported here: the readers import the judgement's types from core, which imports this.
    from peergoals.coach import core, spanish

    if language == "es":
        return spanish.read_spanish
    if spanish.has_spanish(statement):
        return spanish.read_mixed_in_english
    return core.read_english
