"""The peer's words said back to them in reasons and suggestions: without their time words, cut
where a phrase may end, in the second person, spelled as they wrote them."""

from __future__ import annotations

import re

from peergoals.coach import lexicon
from peergoals.coach.clause import KNOWN_VERBS, Action, base_form
from peergoals.coach.lexicon import VAGUE_MANNER
from peergoals.coach.messages import Message

_PERSON = {
    "my": "your",
    "i": "you",
    "me": "you",
    "myself": "yourself",
    "mine": "yours",
    "am": "are",
    "our": "your",
    "we": "you",
    "us": "you",
}

_DOUBLE = lexicon.word_set(
    """
    get run stop shop quit plan jog swim sit set cut put hit begin forget drop skip chat
    """
)

_TIME_WORDS = re.compile(
    r"\s*\b(?:this|next|(?:every|each)\s+(?:single\s+)?(?:other\s+)?(?:\d+\s+)?"
    r"(?:day|night|morning|evening|afternoon|week|month|year|weekday|weekend|time|hour|"
    rf"{lexicon.WEEKDAY_ALT})s?\b|everyday|by|until|before|within|starting|from\s+(?:\d+|daily|every)|per|"
    # "for 30 days" is when; "for 10 minutes" is how much, and stays in the action.
    r"(?:for|in)\s+(?:(?:\d+|a|an|the\s+next(?:\s+\d+)?)\s+(?:days?|weeks?|months?|years?))|"
    rf"in\s+(?:{lexicon.MONTH_ALT})\b|"
    rf"on\s+(?:the\s+\d+|(?:{lexicon.WEEKDAY_ALT})s?|{lexicon.MONTH_ALT})|a\s+(?:day|week|month|night)\b|"
    # "a daily routine" is a thing, not a time: the words before it would be cut mid-phrase.
    r"today|tonight|tomorrow|(?<!\ba\s)(?<!\bmy\s)(?<!\bthe\s)(?<!\bour\s)"
    r"(?:daily|weekly|monthly|nightly)|someday|soon|eventually|again|"
    r"forever|for\s+good|any\s*more|ever|completely|cold\s+turkey|"
    r"(?:for|at|by|around)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|oclock)|at\s+\d+|all\s+at\s+once|once|\d+\s+(?:times?|mornings|evenings|nights|days))\b.*$"
)

# Words left hanging once the time is cut off ("create a [daily routine]"); a preposition may end
# a clause in English ("things you are grateful for") and stays.
_DANGLING = re.compile(r"(?:\s+(?:the|a|an|my|your|and|or))+$")

_HANGING = re.compile(
    r"(?:\s+(?:the|a|an|my|your|and|or|for|in|on|at|of|to|with|from|by|about|that|which))+$"
)


def cut_to(phrase: str, most: int) -> str:
    """The first `most` words of `phrase`, never ending on a word that needs the next one."""
    words = phrase.split()
    if len(words) <= most:
        return phrase
    return _HANGING.sub("", " ".join(words[:most]))


def without_time(phrase: str) -> str:
    """`phrase` without its time words, and without a word the cut would leave hanging."""
    return _DANGLING.sub("", _TIME_WORDS.sub("", phrase)).strip()


_PEER_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")

_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)([A-Za-z][A-Za-z'-]*)")

# Params that quote the peer's own words back to them.
_QUOTED = frozenset({"action", "topic", "habit", "word", "context"})


def as_written(cleaned: str) -> dict[str, str]:
    """How the peer spelled each word they capitalised ("Luna", "NA", "DSS"), by its lower case.

    A capital that only starts a sentence is no spelling of theirs, unless the whole word is
    capitals ("NA meeting on Tuesday").
    """
    starts = {m.start(1) for m in _SENTENCE_START.finditer(cleaned)}
    spelled: dict[str, str] = {}
    for match in _PEER_TOKEN.finditer(cleaned):
        word = match.group(0)
        if word.islower() or (match.start() in starts and not (word.isupper() and len(word) > 1)):
            continue
        spelled.setdefault(word.lower(), word)
    return spelled


def in_their_words(message: Message, spelled: dict[str, str]) -> Message:
    """`message` with the peer's words spelled as they wrote them."""
    if not spelled or not _QUOTED & message.params.keys():
        return message
    params = dict(message.params)
    for name in _QUOTED & params.keys():
        params[name] = " ".join(
            spelled.get(word.lower(), word) if word.lower() != "i" else word
            for word in params[name].split(" ")
        )
    return Message(message.key, params)


def second_person(phrase: str) -> str:
    words = phrase.split()
    # "7 am" is a time, not "I am".
    return " ".join(
        word if word == "am" and i and words[i - 1][-1:].isdigit() else _PERSON.get(word, word)
        for i, word in enumerate(words)
    )


def _gerund(verb: str) -> str:
    if verb.endswith("ing"):
        return verb
    if verb in ("be", "see", "flee", "agree"):
        return verb + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    if verb in _DOUBLE:
        return verb + verb[-1] + "ing"
    return verb + "ing"


def topic_of(action: Action) -> str | None:
    # "What would hardering look like?": a manner word is no action to build the question on.
    if not action.verb or action.verb in VAGUE_MANNER:
        return None
    rest = " ".join(action.rest)
    words = cut_to(without_time(rest), 6).split()
    # "stress management" names a thing: asked about as the peer put it, not as "stressing".
    named = bool(words) and words[0] in lexicon.VAGUE_OBJECTS and action.verb not in KNOWN_VERBS
    phrase = " ".join([action.verb if named else _gerund(action.verb), *words]).strip()
    return second_person(phrase)


_PLACES = frozenset(
    {"bar", "bars", "casino", "club", "party", "parties", "house", "store", "block"}
)

_PREPOSITIONS = frozenset(
    {"on", "in", "at", "for", "with", "from", "to", "after", "before", "when", "while", "during"}
)


def _until_preposition(words: list[str]) -> list[str]:
    for i, word in enumerate(words):
        if word in _PREPOSITIONS:
            return words[:i]
    return words


_HABIT_SKIP = frozenset({"down", "back", "out", "on", "off", "up", "all"})


def habit_of(action: Action, norm: str) -> str | None:
    """What the peer is moving away from, as "you'd usually ___" ("drink soda", "smoke")."""
    if action.verb is None:
        return None
    words = list(action.rest)
    while words and words[0] in _HABIT_SKIP:
        words = words[1:]
    words = [w for w in words if w not in ("less", "fewer", "so", "much", "too")]
    words = without_time(" ".join(words)).split()[:5]
    if action.verb in lexicon.DEFICIT_VERBS or action.verb in ("cut", "give", "stay"):
        if words and words[0] in ("away", "from", "of"):
            words = words[1:] if words[0] != "away" else words[2:]
        if not words:
            return None
        first = words[0]
        if first.endswith("ing"):
            return second_person(" ".join([base_form(first), *_until_preposition(words[1:])]))
        thing = [w for w in _until_preposition(words) if w not in ("intake", "using")]
        if not thing:
            return None
        if action.verb in ("avoid", "stay") or thing[-1] in _PLACES:
            return second_person("go to " + " ".join(thing))
        return second_person("reach for " + " ".join(w for w in thing if w not in ("my", "the")))
    if action.verb in (
        "drink",
        "smoke",
        "use",
        "eat",
        "vape",
        "gamble",
        "go",
        "buy",
        "spend",
        "call",
    ):
        return second_person(
            " ".join([action.verb, *[w for w in words if w not in ("any", "anymore")]])
        )
    return None
