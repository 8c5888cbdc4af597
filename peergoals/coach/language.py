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
LANGUAGES = ("en",)


def fallback(preferred: str | None) -> str:
    """The language to answer in before the words are read: the peer's, if the coach speaks it."""
    return preferred if preferred in LANGUAGES else LANGUAGES[0]


def choose(statement: str, preferred: str | None) -> str:
    """The language to read `statement` in: for now the peer's language when the coach reads
    it, else English."""
    return fallback(preferred)


def reader(language: str) -> Reader:
    """The function that reads a statement in `language` (one of LANGUAGES)."""
    # Imported here: the readers import the judgement's types from core, which imports this.
    from peergoals.coach import core

    readers: dict[str, Reader] = {"en": core.read_english}
    return readers[language]
