"""The Specific criterion: whether the statement names a concrete action (package docstring),
and whether that action is one thing, done or not (which the Measurable criterion asks)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peergoals.coach import lexicon, messages
from peergoals.coach.clause import (
    ACTIVITY_VERBS,
    DETERMINERS,
    TIME_STOP,
    Action,
    head_noun,
)
from peergoals.coach.lexicon import VAGUE_MANNER
from peergoals.coach.messages import Message
from peergoals.coach.wording import cut_to, second_person, without_time

# Only "a walk", "one book" is a single occurrence; "the dog", "my diary" is a routine's object.
_ONE_OCCURRENCE = frozenset({"a", "an", "one", "1"})

# "go swimming", "get back into my routine", "look for a place": ongoing by their form.
_ONGOING = re.compile(
    r"^go\s+\w+ing\b|\b(?:routine|habit|habits|regimen)\b|^(?:look|search|hunt)\s+for\b"
    r"|^keep\s+(?:a|an|my|the)\s+(?:\w+\s+)?(?:journal|diary|log|list|record)\b"
    r"|^take\s+(?:my|your|the)\s+\w*\s*(?:meds|medications?|pills|insulin)\b"
)

# Staying clean or sober over a stated time is a concrete, countable goal in recovery.
_SOBER = (
    r"(?:clean|sober|abstinent|(?:drug|alcohol|smoke|substance|nicotine)[\s-]free|off\s+"
    r"(?:drugs|alcohol|pills|heroin|meth|opioids|the\s+bottle))"
)

_STAY_SOBER = re.compile(
    rf"^(?:stay|remain|be|keep|live)\s+{_SOBER}\b|^maintain\s+(?:my\s+)?(?:sobriety|abstinence)\b"
    r"|^get\s+through\s+.{1,30}?\s+without\s+(?:drinking|using|smoking|a\s+drink|a\s+drug|drugs|"
    r"alcohol|picking\s+up|getting\s+high|relapsing)\b"
    rf"|^(?:get|make\s+it)\s+to\s+\d+\s+(?:days|weeks|months)\s+{_SOBER}\b"
)

# An outcome someone can check (a credential, a test passed, a fluency, no debt) is specific
# and measurable even when it is far off or too big for the time.
_CHECKABLE = re.compile(
    r"\b(?:degree|diploma|ged|hiset|licen[cs]e|cdl|certification|certificate|certified|card|"
    r"permit|chip|keytag|fluent|citizenship|debt[\s-]free|out\s+of\s+debt|bachelors?|masters?|"
    r"associates?)\b"
)

_CHECKABLE_VERBS = frozenset(
    {"get", "earn", "obtain", "receive", "become", "pass", "finish", "complete", "be"}
)

_OUTCOME_VERBS = frozenset(
    {
        "get",
        "find",
        "land",
        "have",
        "obtain",
        "secure",
        "earn",
        "lose",
        "gain",
        "save",
        "learn",
        "win",
    }
)

_NUMBERED_OK = frozenset({"lose", "gain", "save", "earn", "learn", "find", "get"})

_BACK_OUTCOME = re.compile(
    r"\b(?:go|get|going|getting)\s+back\s+(?:to\s+)?(?:school|work|college|on\s+track|my\s+life)\b"
    r"|\bget\s+(?:my\s+)?(?:life|shit|act|stuff|things)\s+(?:together|straight|right|in order)\b"
    r"|\bturn\s+my\s+life\s+around\b|\bget\s+(?:clean|sober|healthy|healthier|fit|better|well)\b"
    r"|\bget\s+in(?:to)?\s+(?:better\s+)?shape\b|\b(?:get|make\s+it)\s+through\b"
    r"|\bgo\s+(?:back\s+)?to\s+(?:college|school|university)\b"
)

_BE_CONCRETE = re.compile(
    r"^be\s+(?:in\s+bed|at\s+\w+|home|on\s+time|there|in\s+(?:church|class|court|school)|early)\b"
)

# Working on something, making changes or progress, taking care of oneself: a state to reach,
# said as if it were an action.
_STATE_PHRASE = re.compile(
    r"^(?:work|working)\s+on\b(?!\s+time\b)"
    r"|^do\s+(?:better|good|well|my\s+best|more|less|stuff|things|something)\b"
    r"|^(?:make|making)\s+(?:some\s+|a\s+|better\s+|healthier\s+|good\s+|positive\s+|real\s+)*"
    r"(?:changes?|progress|effort|choices|decisions|difference|improvements?|moves?|friends|"
    r"money|a\s+living|it|peace)\b"
    r"|^take\s+care\s+of\s+(?:myself|me|my\s+(?:health|self|mental\s+health|body|recovery))\b"
)

_STAY_AWAY = re.compile(
    r"^stay\s+(?:away|off)\b|^stay\s+out\s+of\s+(?:the\s+)?(?!trouble|jail|prison|hospital)\w"
)

UNQUANTIFIED = re.compile(
    r"\b(?:more|less|fewer|better|healthier|happier|harder|a\s+lot|lots|some|a\s+few|several|often|"
    r"stuff|things)\b"
)

_REPEAT_VERBS = lexicon.word_set(
    """
    go attend apply search look call text email visit read send contact meet find see do
    take write
    """
)

_STATE_GERUNDS = lexicon.word_set(
    """
    being feeling acting thinking worrying getting stressing overthinking
    procrastinating isolating complaining self-sabotaging judging
    """
)

_STOPPING = frozenset({"quit", "stop", "avoid", "give", "cut"})

_REDUCING = frozenset({"cut", "reduce", "limit", "lower", "decrease", "minimize"})

_WHOLE = frozenset({"whole", "entire", "every", "all"})


def _one_occurrence(rest: list[str]) -> bool:
    """Whether the object is counted as one ("go for a walk", "read one book"), or as a whole
    that gets finished ("read the whole Big Book", "work step 4")."""
    if _WHOLE & set(rest[:3]) or any(
        word.isdigit() and i > 0 and rest[i - 1].isalpha() for i, word in enumerate(rest[:4])
    ):
        return True
    for word in rest[:4]:
        if word in _ONE_OCCURRENCE:
            return True
        if word in DETERMINERS:
            return False
    return False


_USE_WORDS = frozenset({"use", "using"})


def _uses_without_object(verb: str, rest: list[str]) -> bool:
    """ "Stop using", "never use again": what is used is left unsaid."""
    words = [verb, *rest] if verb in _USE_WORDS else rest
    if not words or words[0] not in _USE_WORDS:
        return False
    after = [w for w in words[1:4] if w not in TIME_STOP and w not in ("ever", "at", "all")]
    return not after


def _shown(verb: str, rest: list[str]) -> str:
    """The action as the peer put it, without its time words ("walk 10 minutes")."""
    return cut_to(without_time(" ".join([verb, *rest])), 11)


@dataclass(frozen=True, slots=True)
class Specific:
    met: bool
    why: Message
    one_off: bool


def specific_of(
    clause: str, action: Action, has_number: bool, quantified: bool, timed: bool
) -> Specific:
    verb = action.verb
    if verb is None:
        return Specific(False, Message(messages.SPECIFIC_NO_ACTION), False)
    if verb == "":
        return _noun_phrase(action, has_number)
    phrase = " ".join([verb, *action.rest])
    shown = _shown(verb, action.rest)
    if action.negated:
        shown = ("never " if verb in ("miss", "forget", "skip") else "not ") + shown
    met = Message(messages.SPECIFIC_MET, {"action": second_person(shown)})
    if timed and _STAY_SOBER.match(phrase):
        return Specific(True, met, True)
    if verb in _CHECKABLE_VERBS and _CHECKABLE.search(" ".join(action.rest[:6])):
        return Specific(True, met, True)
    if not timed and _uses_without_object(verb, action.rest):
        return Specific(False, Message(messages.SPECIFIC_VAGUE, {"word": "using"}), False)
    if _BACK_OUTCOME.search(clause) and not has_number:
        return Specific(False, Message(messages.SPECIFIC_OUTCOME), False)
    if _STATE_PHRASE.match(phrase):
        return Specific(False, Message(messages.SPECIFIC_STATE), False)
    noun, determiner = head_noun(action.rest)
    object_words = set(action.rest[:6])
    first = action.rest[0] if action.rest else ""
    if verb in _STOPPING and first in _STATE_GERUNDS:
        return Specific(False, Message(messages.SPECIFIC_STATE), False)
    if first in VAGUE_MANNER and not has_number:
        after = action.rest[1] if len(action.rest) > 1 else ""
        if not after or after in lexicon.STOPWORDS or after in VAGUE_MANNER or verb == "try":
            return Specific(False, Message(messages.SPECIFIC_VAGUE, {"word": first}), False)
    if verb in _REDUCING and not quantified and (verb != "cut" or first in ("down", "back")):
        return Specific(
            False,
            Message(messages.SPECIFIC_VAGUE, {"word": " ".join([verb, first]).strip()}),
            False,
        )
    if (
        verb in lexicon.STATE_VERBS
        and not _BE_CONCRETE.match(phrase)
        and not _STAY_AWAY.match(phrase)
    ):
        return Specific(False, Message(messages.SPECIFIC_STATE), False)
    if verb in _OUTCOME_VERBS:
        outcome = noun in lexicon.OUTCOME_NOUNS or bool(
            object_words & {"better", "healthier", "weight"}
        )
        unnumbered = verb in ("lose", "gain", "save", "learn", "earn") and not has_number
        if (outcome or unnumbered) and not (has_number and verb in _NUMBERED_OK):
            return Specific(False, Message(messages.SPECIFIC_OUTCOME), False)
    if noun in lexicon.VAGUE_OBJECTS and not has_number:
        return Specific(False, Message(messages.SPECIFIC_STATE), False)
    vague = UNQUANTIFIED.search(" ".join(action.rest[:3]))
    if vague and not has_number:
        return Specific(False, Message(messages.SPECIFIC_VAGUE, {"word": vague.group(0)}), False)
    if (
        verb not in lexicon.CONCRETE_VERBS
        and verb not in lexicon.DEFICIT_VERBS
        and verb in lexicon.STOPWORDS
        and noun is None
    ):
        return Specific(False, Message(messages.SPECIFIC_NO_ACTION), False)
    if verb in ("healthy", "happy", "better", "healthier", "happier", "harder"):
        return Specific(False, Message(messages.SPECIFIC_STATE), False)
    if noun is None and verb in lexicon.DEFICIT_VERBS:
        return Specific(False, Message(messages.SPECIFIC_NO_ACTION), False)
    plural = noun is not None and noun.endswith("s") and not noun.endswith("ss")
    plural_bare = plural and verb in _REPEAT_VERBS and (not determiner or verb in ("go", "attend"))
    if verb in ("miss", "forget", "skip"):
        one_off = False
    elif verb in _STOPPING or action.negated:
        one_off = noun is not None or verb in lexicon.CONCRETE_VERBS
    elif verb in ACTIVITY_VERBS:
        one_off = noun is not None and _one_occurrence(action.rest) and not plural
        if verb in ("go", "attend") and noun is not None and not plural_bare:
            one_off = True
    else:
        one_off = noun is not None and not plural_bare
    if (action.habitual or _ONGOING.search(phrase)) and not action.negated:
        one_off = False
    if _STAY_AWAY.match(phrase):
        # Staying away is kept or not over a stated time; with no time it never ends.
        one_off = timed
    return Specific(True, met, one_off)


def _noun_phrase(action: Action, has_number: bool) -> Specific:
    """A statement with no verb: "gym 3x a week", "no more fast food this week", "a job"."""
    noun, _determiner = head_noun(action.rest)
    if action.wanted:
        return Specific(False, Message(messages.SPECIFIC_STATE), False)
    if noun is None or noun in lexicon.VAGUE_OBJECTS:
        return Specific(False, Message(messages.SPECIFIC_NO_ACTION), False)
    if noun in lexicon.OUTCOME_NOUNS and not has_number:
        return Specific(False, Message(messages.SPECIFIC_OUTCOME), False)
    vague = UNQUANTIFIED.search(" ".join(action.rest[:3]))
    if vague and not has_number and not action.negated:
        return Specific(False, Message(messages.SPECIFIC_VAGUE, {"word": vague.group(0)}), False)
    shown = cut_to(without_time(" ".join(action.rest)), 10)
    if action.negated:
        shown = "no " + shown
    return Specific(
        True, Message(messages.SPECIFIC_MET, {"action": second_person(shown)}), action.negated
    )
