"""`judge()`: the SMART reading of one goal statement. Rules: see the package docstring."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from peergoals.coach import language as language_choice
from peergoals.coach import lexicon, messages, relevance, text
from peergoals.coach.achievable import WEIGHT, absolute_in, too_large_for_time
from peergoals.coach.clause import REASON_LEAD, read_action, split_reason
from peergoals.coach.dates import find_due
from peergoals.coach.messages import Message
from peergoals.coach.relevance import main_area
from peergoals.coach.specific import UNQUANTIFIED, specific_of
from peergoals.coach.target import EMPTY, Target, find_target
from peergoals.coach.text import MAX_LENGTH
from peergoals.coach.wording import as_written, habit_of, in_their_words, second_person, topic_of

CRITERIA = ("specific", "measurable", "achievable", "time_bound", "relevant")


@dataclass(frozen=True, slots=True)
class Criterion:
    """One SMART criterion: met (None = not judged) and why, as a message to render."""

    met: bool | None
    why: Message

    def to_dict(self, translate: Callable[[str], str]) -> dict[str, object]:
        return {"met": self.met, "why": messages.render(self.why, translate)}


@dataclass(frozen=True, slots=True)
class Criteria:
    specific: Criterion
    measurable: Criterion
    achievable: Criterion
    time_bound: Criterion
    relevant: Criterion

    def to_dict(self, translate: Callable[[str], str]) -> dict[str, object]:
        return {name: getattr(self, name).to_dict(translate) for name in CRITERIA}


@dataclass(frozen=True, slots=True)
class Judgement:
    """The coach's reading of a statement in `language` ("en", "es"). Reasons and suggestions
    are messages (a key and the peer's words); `to_dict()` is the public JSON contract, with
    each message rendered in the judgement's language."""

    statement: str
    criteria: Criteria
    due: dt.date | None
    target: Target
    flags: tuple[str, ...]
    suggestions: tuple[Message, ...]
    language: str = "en"

    @property
    def can_judge(self) -> bool:
        return "cannot_judge" not in self.flags

    @property
    def is_smart(self) -> bool:
        return all(getattr(self.criteria, name).met is not False for name in CRITERIA)

    def to_dict(self, translate: Callable[[str], str] | None = None) -> dict[str, object]:
        """The JSON contract; `translate` renders the messages (default: the catalogue of the
        judgement's language)."""
        translate = translate or messages.catalogue(self.language)
        return {
            "criteria": self.criteria.to_dict(translate),
            "due": self.due.isoformat() if self.due else None,
            "target": self.target.to_dict(),
            "flags": list(self.flags),
            "suggestions": [messages.render(s, translate) for s in self.suggestions],
            "language": self.language,
        }


# ---------------------------------------------------------------- input checks

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_ACCENTED = re.compile(r"[\u00e0-\u00ff\u00bf\u00a1]")


def cannot_judge(statement: str, reason: str, why: Message, language: str) -> Judgement:
    """The judgement of input the coach can't read: every criterion unmet, relevance not judged,
    and one suggestion asking for the goal in the peer's own words."""
    no = Criterion(False, why)
    criteria = Criteria(no, no, no, no, Criterion(None, why))
    own_words = Message(messages.SUGGEST_OWN_WORDS)
    flags = ("cannot_judge", reason)
    return Judgement(statement, criteria, None, EMPTY, flags, (own_words,), language)


def _input_problem(cleaned: str, norm_words: list[str]) -> tuple[str, Message] | None:
    if not cleaned:
        return "empty", Message(messages.CANNOT_EMPTY)
    letters = _LETTER.findall(cleaned)
    if not letters:
        return "no_words", Message(messages.CANNOT_NO_WORDS)
    latin = sum(1 for ch in letters if _LATIN.match(ch))
    if latin < len(letters) / 2:
        return "not_english", Message(messages.CANNOT_NOT_ENGLISH)
    english = sum(1 for w in norm_words if w in lexicon.VOCABULARY)
    foreign = sum(
        1 for w in norm_words if w in lexicon.FOREIGN_WORDS and w not in lexicon.STOPWORDS
    )
    accents = len(_ACCENTED.findall(cleaned.lower()))
    if foreign >= 2 and foreign + accents > english:
        return "not_english", Message(messages.CANNOT_NOT_ENGLISH)
    if english == 0:
        if foreign or accents:
            return "not_english", Message(messages.CANNOT_NOT_ENGLISH)
        return "not_understood", Message(messages.CANNOT_NOT_UNDERSTOOD)
    return None


# ---------------------------------------------------------------- the judgement's own patterns

_VAGUE_MARKERS = re.compile(
    r"\b(?:try|trying|tried|attempt|more|less|fewer|better|healthier|happier|stronger|someday|"
    r"sometime|eventually|soon|maybe|somehow|stuff|things|a\s+lot|lots|some|a\s+few|several|"
    r"kind\s+of|sort\s+of|whatever|at\s+some\s+point|in\s+the\s+future|one\s+of\s+these\s+days|"
    r"more\s+often|as\s+much\s+as\s+i\s+can|when\s+i\s+can|if\s+i\s+can)\b"
)

_TRY = re.compile(
    r"\b(?:try|trying|tried|attempt|attempting)\b(?!\s+(?:on|out)\b)|\bwill\s+see\s+if\b"
    r"|\b(?:maybe|might|possibly|perhaps|hopefully)\b|\b(?:if|when)\s+i\s+(?:can|get\s+a\s+chance|feel\s+like\s+it)\b"
)

_MORE_OFTEN = re.compile(r"\b(?:more|less)\s+(?:often|regularly|consistently)\b")

_NEVER_TIME = re.compile(
    r"\b(?:someday|sometime|eventually|soon|one\s+of\s+these\s+days|at\s+some\s+point|"
    r"in\s+the\s+future|in\s+the\s+long\s+run|later)\b"
)

_DURATION_SPAN = re.compile(
    r"\bfor\s+(?:the\s+(?:next|whole|entire)\s+)?(?:\d+|a|an|the)\s+(?:day|week|month|year)s?\b"
)

_DEFICIT = re.compile(
    r"\b(?:stop|stopping|quit|quitting|avoid|avoiding|reduce|reducing|limit|limiting|"
    r"cut\s+(?:out|down|back|off)|cutting\s+(?:out|down|back)|give\s+up|giving\s+up|"
    r"stay\s+away\s+from|keep\s+away\s+from|get\s+rid\s+of|kick\s+the\s+habit|no\s+more|"
    r"less|fewer|without|lay\s+off|abstain|refrain)\b"
    r"|\b(?:not|never)\s+(?:\w+\s+)?(?:drink|drinking|use|using|smoke|smoking|vape|vaping|eat|"
    r"go|gamble|gambling|call|text|see|buy|spend|yell|fight|argue|sleep\s+in|skip|be\s+late|"
    r"get\s+high|get\s+drunk|relapse|pick\s+up|touch|do|have|hang\s+out|take|watch|play|lose)\b"
)

_TOWARD = re.compile(
    r"\binstead\b|\breplace\b|\bswap\b|\brather\s+than\b|\bin\s+place\s+of\b|\bsubstitute\b"
    r"|\b(?:and|then|but)\s+(?:i\s+will\s+|start\s+|will\s+|to\s+)?(?:call|go|walk|drink\s+water|"
    r"read|attend|start|join|eat|cook|exercise|pray|meditate|text|spend|save|put|use\s+that|"
    r"play|work\s+out|journal|take\s+a\s+walk)\b"
)

_DEFICIT_OK = re.compile(
    r"\b(?:not|never)\s+(?:miss|forget|skip|give\s+up\s+on|quit\s+on|be\s+afraid)\b"
)

_READINESS = re.compile(
    r"\b(?:i|we)\s+(?:have|has|had)\s+to\b|\b(?:i|we)\s+(?:have\s+)?got\s+to\b|\b(?:i|we)\s+must\b"
    r"|\b(?:i|we)\s+am\s+(?:supposed|required|ordered|told|forced|being\s+made|mandated|expected)\s+to\b"
    r"|\b(?:court|judge)[\s-]*ordered\b|\bmandated\b|\bordered\s+by\b"
    r"|\b(?:my|the|our)\s+(?:po|p\.o\.|probation\s+officer|parole\s+officer|probation|parole|"
    r"counselor|therapist|case\s*manager|caseworker|case\s+worker|doctor|judge|court|mom|mother|"
    r"dad|father|wife|husband|girlfriend|boyfriend|partner|family|boss|sponsor|pastor|social\s+worker|"
    r"program|specialist|worker|lawyer|kids|parents)\s+"
    r"(?:says|said|say|wants|wanted|told|tells|is\s+making|makes|made|requires|required|ordered|"
    r"insists|expects|thinks\s+i\s+should)\b"
    r"|\b(?:they|he|she|people|everyone|everybody)\s+(?:want|wants|say|says|said|told|tell|keep\s+telling)\s+me\b"
    r"|\bbecause\s+(?:my|the)\s+(?:po|probation|parole|court|judge)\b|\bor\s+else\b|\bfor\s+(?:my|the)\s+(?:po|probation|parole|court)\b"
)


# ---------------------------------------------------------------- judge


def judge(
    statement: str,
    context: str | None = None,
    today: dt.date | None = None,
    language: str | None = None,
) -> Judgement:
    """Read a goal statement the SMART way. Never raises for any string input.

    `language` is the peer's language setting when known ("en", "es"); the statement is read
    in the language `peergoals.coach.language.choose` picks from it and the words.
    """
    if not isinstance(statement, str):
        raise TypeError("statement must be a string")
    # The caller's local day is the right default for a person typing a goal.
    today = today or dt.date.today()  # noqa: DTZ011
    if len(statement) > MAX_LENGTH:
        why = Message(
            messages.CANNOT_TOO_LONG, {"length": str(len(statement)), "limit": str(MAX_LENGTH)}
        )
        return cannot_judge(statement, "too_long", why, language_choice.fallback(language))
    chosen = language_choice.choose(statement, language)
    return language_choice.reader(chosen, statement)(statement, context, today)


def read_english(statement: str, context: str | None, today: dt.date) -> Judgement:
    """The English reader: `statement` (at most MAX_LENGTH characters) read against `today`."""
    cleaned = text.clean(statement)
    norm = text.normalize(cleaned)
    norm_words = text.words(norm)
    problem = _input_problem(cleaned, norm_words)
    if problem is not None:
        return cannot_judge(statement, *problem, "en")

    clause, reason = split_reason(norm)
    due, exact_day, schedule, spans = find_due(norm, today)
    target, money = find_target(norm, spans)
    has_number = (
        (target.count is not None and target.unit != "time") or money or target.minutes is not None
    )
    has_number = has_number or bool(WEIGHT.search(norm))
    action = read_action(clause)
    quantified = target.count is not None or target.minutes is not None or money
    duration_span = _DURATION_SPAN.search(norm)
    timed = due is not None or duration_span is not None
    specific = specific_of(clause, action, has_number, quantified, timed)

    flags: list[str] = []
    suggestions: list[Message] = []

    # Time-bound
    never_time = _NEVER_TIME.search(norm)
    time_bound = due is not None or schedule or target.per is not None or duration_span is not None
    if due is not None:
        time_why = Message(messages.TIME_DUE, {"due": f"{due:%A, %B} {due.day}"})
    elif time_bound:
        time_why = Message(messages.TIME_SCHEDULE_PLAIN)
    elif never_time:
        time_why = Message(messages.TIME_VAGUE, {"word": never_time.group(0)})
    else:
        time_why = Message(messages.TIME_NONE)

    # Measurable
    tried = _TRY.search(clause)
    unquantified = UNQUANTIFIED.search(" ".join(action.rest[:3])) or _MORE_OFTEN.search(clause)
    if not specific.met and not unquantified:
        unquantified = UNQUANTIFIED.search(clause)
    counted = (
        target.count is not None or target.minutes is not None or money or duration_span is not None
    )
    single_day = due is not None and exact_day and not schedule
    if tried:
        measurable, measurable_why = False, Message(messages.MEASURABLE_TRY)
    elif unquantified and not has_number:
        measurable = False
        measurable_why = Message(
            messages.MEASURABLE_VAGUE, {"word": unquantified.group(0).capitalize()}
        )
    elif counted and (specific.met or has_number or duration_span is not None):
        measurable = True
        shown = messages.target_phrase(target.count, target.unit, target.per, target.minutes)
        measurable_why = (
            Message(messages.MEASURABLE_COUNT, {"target": shown})
            if shown
            else Message(messages.MEASURABLE_DONE)
        )
    elif specific.met and (specific.one_off or single_day or schedule):
        measurable, measurable_why = True, Message(messages.MEASURABLE_DONE)
    else:
        measurable, measurable_why = False, Message(messages.MEASURABLE_NONE)

    # Achievable
    absolute = absolute_in(norm)
    too_large = too_large_for_time(norm, target, due, today)
    if absolute:
        achievable = Criterion(
            False, Message(messages.ACHIEVABLE_ABSOLUTE, {"word": absolute.group(0).capitalize()})
        )
        flags.append("absolute")
    elif too_large:
        achievable = Criterion(False, Message(messages.ACHIEVABLE_TOO_LARGE))
    else:
        achievable = Criterion(True, Message(messages.ACHIEVABLE_MET))
    if too_large:
        flags.append("too_large")

    # Relevant
    goal = context.strip() if isinstance(context, str) and context.strip() else None
    if goal is not None or reason is not None:
        against = " ".join(part for part in (goal, reason) if part)
        shown_goal = goal or second_person(REASON_LEAD.sub("", reason or ""))
        fit = relevance.fit(clause, against)
        if fit == relevance.SERVES:
            relevant = Criterion(True, Message(messages.RELEVANT_MET, {"context": shown_goal}))
        elif fit == relevance.UNRELATED:
            relevant = Criterion(False, Message(messages.RELEVANT_NOT_MET, {"context": shown_goal}))
        else:
            # Relevance is the peer's call: when the words don't show it, ask, don't judge.
            relevant = Criterion(None, Message(messages.RELEVANT_ASK, {"context": shown_goal}))
            flags.append("ask_relevance")
    else:
        relevant = Criterion(None, Message(messages.RELEVANT_UNKNOWN))

    vague = _VAGUE_MARKERS.search(norm)
    if vague or not specific.met:
        flags.append("vague")
    deficit = (
        _DEFICIT.search(clause) and not _DEFICIT_OK.search(clause) and not _TOWARD.search(clause)
    )
    if deficit:
        flags.append("deficit_framing")
    if _READINESS.search(norm):
        flags.append("readiness")

    topic = topic_of(action)
    if not specific.met:
        if topic:
            area = main_area(norm) or (main_area(goal.lower()) if goal else None)
            example = messages.example_key(area)
            suggestions.append(
                Message(messages.SUGGEST_SPECIFIC, {"topic": topic, "example": example})
            )
        else:
            suggestions.append(Message(messages.SUGGEST_SPECIFIC_NO_TOPIC))
    if not measurable:
        suggestions.append(
            Message(messages.SUGGEST_MEASURABLE_TRY)
            if tried
            else Message(messages.SUGGEST_MEASURABLE)
        )
    if absolute:
        suggestions.append(
            Message(messages.SUGGEST_ABSOLUTE, {"word": absolute.group(0).capitalize()})
        )
    if too_large:
        suggestions.append(Message(messages.SUGGEST_TOO_LARGE))
    if relevant.met is False:
        suggestions.append(Message(messages.SUGGEST_RELEVANT, {"context": shown_goal}))
    if "ask_relevance" in flags:
        suggestions.append(Message(messages.SUGGEST_RELEVANT_ASK, {"context": shown_goal}))
    if not time_bound:
        suggestions.append(Message(messages.SUGGEST_TIME))
    if deficit:
        habit = habit_of(action, norm)
        suggestions.append(
            Message(messages.SUGGEST_DEFICIT, {"habit": habit})
            if habit
            else Message(messages.SUGGEST_DEFICIT_PLAIN)
        )
    if "readiness" in flags:
        suggestions.append(Message(messages.SUGGEST_READINESS))

    spelled = as_written(cleaned)
    criteria = Criteria(
        specific=Criterion(specific.met, in_their_words(specific.why, spelled)),
        measurable=Criterion(measurable, in_their_words(measurable_why, spelled)),
        achievable=Criterion(achievable.met, in_their_words(achievable.why, spelled)),
        time_bound=Criterion(time_bound, in_their_words(time_why, spelled)),
        relevant=Criterion(relevant.met, in_their_words(relevant.why, spelled)),
    )
    said = tuple(in_their_words(message, spelled) for message in suggestions)
    return Judgement(statement, criteria, due, target, tuple(flags), said, "en")
