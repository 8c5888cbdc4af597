"""Reading a goal statement: its action clause, the reason it gives itself, the main verb and
the words after it, and the object's head noun. The SMART criteria are judged on this reading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peergoals.coach import lexicon

_GOAL_PREFIX = re.compile(
    r"^(?:(?:my|the|our)\s+)?(?:goal|plan|aim|step|idea|target|hope|wish)\s*"
    r"(?:is|will be|:|-)\s*(?:to\s+)?"
)

_REASON_FIRST = re.compile(
    r"^(?P<reason>(?:i|we)\s+(?:really\s+)?(?:want|would like|need|hope|wish|am trying|plan)"
    r"\s+to\s+"
    r"[^,;]+?)\s*(?:[,;]\s*(?:so|and so|therefore|that is why|which is why)\s+|"
    r"\s(?:so|and so|therefore|that is why|which is why)\s+(?=(?:i|we)\b))(?P<action>.+)$"
)

_REASON_AFTER = re.compile(
    r"^(?P<action>.+?)\s*,?\s+(?:so\s+that|so|because|in\s+order\s+to|to\s+help\s+me)\s+"
    r"(?P<reason>(?:i|we)\s+(?:can|could|will|want|would|am|feel|need|do not)\b.+|"
    r"(?:my|it)\s+.+)$"
)

REASON_LEAD = re.compile(
    r"^(?:i|we)\s+(?:really\s+)?(?:want|would like|need|hope|wish|am trying|plan|can|could|will|"
    r"am|feel)\s+(?:to\s+)?"
)

_LEAD_WORDS = lexicon.word_set(
    """
    i we will shall am are going to gonna plan planning want wanna would like love hope
    need have got must should can could might may wish intend aim commit committed
    promise decided decide really honestly definitely seriously finally just also
    actually so and then try trying tried attempt attempting gotta able ready willing
    sure ok okay well yes at least maybe probably possibly hopefully personally always
    usually still consistently regularly
    """
)

# Who a goal is about: the peer's own "I", or a plan's "Client will ..." and its kin.
_SUBJECTS = frozenset(
    {"i", "we", "client", "pt", "patient", "participant", "member", "consumer", "resident"}
)

_START_VERBS = frozenset({"start", "begin", "keep", "continue", "resume", "get", "starting"})

_NEGATIONS = frozenset({"not", "never", "no"})

DETERMINERS = frozenset(
    {"a", "an", "the", "my", "our", "this", "that", "one", "1", "each", "his", "her", "their"}
)

ACTIVITY_VERBS = lexicon.word_set(
    """
    walk jog run swim bike hike stretch exercise workout read study meditate pray
    journal sleep rest eat drink cook practice volunteer spend play dance lift garden
    knit sew draw sing listen watch hang relax smoke use go attend work look search
    log track keep sit
    """
)

KNOWN_VERBS = lexicon.CONCRETE_VERBS | lexicon.STATE_VERBS | lexicon.DEFICIT_VERBS

TIME_STOP = lexicon.word_set(
    """
    someday sometime soon eventually today tonight tomorrow again later anymore daily
    weekly monthly nightly forever by until before within
    """
)

_WANTS = frozenset({"want", "wanna", "wish", "hope", "like", "love"})

_NOUN_STARTS = frozenset(
    {"some", "more", "less", "no", "any", "all", "every", "each", "lots", "things", "stuff"}
)

_OTHERS_WANT = re.compile(
    r"^.{0,60}?\b(?:wants?|told|tells|ordered|asked|asks|needs|expects|made|makes|requires|required)"
    r"\s+(?:me|us)\s+to\s+"
)

_ACTION_TOKENS = re.compile(r"\$?\d[\d.,]*|[a-z][a-z'-]*")


def split_reason(norm: str) -> tuple[str, str | None]:
    """(action clause, the peer's stated reason if the statement gives one)."""
    match = _REASON_FIRST.match(norm)
    if match:
        return match.group("action"), match.group("reason")
    match = _REASON_AFTER.match(norm)
    if match and len(match.group("action").split()) >= 2:
        return match.group("action"), match.group("reason")
    return norm, None


def base_form(word: str) -> str:
    """The base form of a gerund ("going" -> "go", "making" -> "make")."""
    if not word.endswith("ing") or len(word) < 5:
        return word
    stem = word[:-3]
    if not any(vowel in stem for vowel in "aeiouy"):
        return word  # "bring", "string": no gerund
    if stem in KNOWN_VERBS:
        return stem
    if stem + "e" in KNOWN_VERBS:
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in KNOWN_VERBS:
        return stem[:-1]
    # An unknown stem ending consonant-vowel-consonant ("smok", "vap") most often lost an "e".
    vowels = "aeiou"
    if (
        len(stem) >= 3
        and stem[-1] not in vowels + "wxy"
        and stem[-2] in vowels
        and stem[-3] not in vowels
    ) or stem.endswith(("bl", "gl", "dl", "tl", "rg")):
        return stem + "e"
    return stem


@dataclass(frozen=True, slots=True)
class Action:
    """The main verb of a statement ("" when it is a bare noun phrase) and the words after it."""

    verb: str | None
    rest: list[str]
    negated: bool
    went: bool
    wanted: bool
    habitual: bool = False


# How a spoken goal often starts before it says anything: "ok so basically", "I don't know,".
_FILLER = re.compile(
    r"^(?:(?:ok(?:ay)?|so|well|um+|uh+|basically|honestly|i\s+do\s+not\s+know|i\s+dunno|"
    r"i\s+guess|i\s+mean|you\s+know)\b[\s,]*)+"
)


def read_action(clause: str) -> Action:
    clause = _OTHERS_WANT.sub("", _GOAL_PREFIX.sub("", _FILLER.sub("", clause)))
    words = _ACTION_TOKENS.findall(clause)
    subject = next((i for i, w in enumerate(words) if w in _SUBJECTS), None)
    # "Write down 3 things I'm grateful for": an "I" after a leading verb starts a clause about
    # the object, not the goal's subject.
    starts_with_verb = bool(words) and words[0] in KNOWN_VERBS | ACTIVITY_VERBS
    if subject is not None and subject <= 6 and not (subject > 0 and starts_with_verb):
        words = words[subject + 1 :]
    negated = False
    went = False
    wanted = False
    habitual = False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "no" and not any(w in KNOWN_VERBS for w in words[i + 1 : i + 2]):
            skip = 2 if i + 1 < len(words) and words[i + 1] == "more" else 1
            return Action("", words[i + skip :], True, went, wanted, habitual)
        if word in _NEGATIONS and i + 1 < len(words):
            negated = True
            i += 2 if word == "no" and words[i + 1] == "more" else 1
            continue
        if word in ("going", "gonna") and i + 1 < len(words) and words[i + 1] == "to":
            went = True
        if word in _WANTS:
            wanted = True
        if word in _LEAD_WORDS:
            i += 1
            continue
        if word == "make" and i + 1 < len(words) and words[i + 1] == "sure":
            i += 2
            continue
        if word == "be" and i + 1 < len(words) and words[i + 1] == "able":
            i += 2
            continue
        if word in _START_VERBS and i + 1 < len(words):
            nxt = words[i + 1]
            habitual = habitual or nxt.endswith("ing")
            if nxt.endswith("ing") or nxt == "to" or (word == "get" and nxt in ("to", "started")):
                i += 1
                if nxt in ("to", "started"):
                    i += 1
                continue
        break
    rest = words[i:]
    if not rest:
        return Action(None, [], negated, went, wanted, habitual)
    verb = base_form(rest[0])
    if went and verb not in KNOWN_VERBS:
        return Action("go", rest, negated, True, wanted, habitual)
    if verb in DETERMINERS or verb in _NOUN_STARTS or not verb[0].isalpha():
        return Action("", rest, negated, went, wanted, habitual)
    return Action(verb, rest[1:], negated, went, wanted, habitual)


def head_noun(rest: list[str]) -> tuple[str | None, bool]:
    """(head noun of the object, whether it has a determiner) for the words after the verb."""
    noun = None
    determiner = False
    for word in rest[:6]:
        if word in TIME_STOP:
            break
        if not word[0].isalpha():
            determiner = True
            continue
        if word in (
            "to",
            "for",
            "with",
            "at",
            "on",
            "in",
            "by",
            "from",
            "into",
            "up",
            "out",
            "about",
        ):
            if noun is not None:
                break
            continue
        if word in DETERMINERS:
            if noun is not None:
                break
            determiner = True
            continue
        if word in lexicon.STOPWORDS:
            if noun is not None:
                break
            continue
        noun = word
    return noun, determiner
