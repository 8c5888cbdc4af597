"""The coach's Spanish reader: goals written in Spanish, or in English and Spanish mixed.

    >>> import datetime
    >>> j = read_spanish("Voy a caminar 10 minutos cada mañana esta semana", None,
    ...                  datetime.date(2026, 11, 23))
    >>> j.language, j.due, j.target.count, j.target.per, j.criteria.specific.why.params["action"]
    ('es', datetime.date(2026, 11, 29), 1, 'day', 'caminar 10 minutos')

How: `gloss` reads the Spanish phrases and words into the plain English the SMART rules read
("para el viernes" -> "by friday", "tres veces por semana" -> "3 times a week", "caminaré" ->
"will walk"), so every SMART rule, due date and target rule is the one stated in
`peergoals.coach` (one rule, two languages). The judgement's messages then get Spanish
params: the peer's own words as they wrote them (an action in the infinitive, "tu" for "mi"),
a Spanish target with gender and number agreement ("una vez al día", "3 reuniones por
semana") and Spanish dates. The message templates are translated by the project's catalogue
(`peergoals/locale/es`).

Language detection (`detect`): Spanish evidence is a word of the Spanish tables or a Spanish
verb form that is not also an English word, plus accents, ñ, ¿ and ¡; English evidence is a
word of the coach's English vocabulary that is not also Spanish. Both kinds of evidence make
the statement "mixed"; mixed text is read through the Spanish reader, which keeps the English
words as they are, so it is never "not English".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from functools import lru_cache

from peergoals.coach import core, lexicon, messages
from peergoals.coach.lexicon import word_set
from peergoals.coach.messages import Message
from peergoals.coach.spanish import words as w
from peergoals.coach.spanish.gloss import NOUNS, WORDS, Gloss, fold, gloss, plural, verb
from peergoals.coach.target import Target

__all__ = [
    "detect",
    "has_spanish",
    "leans_spanish",
    "read_mixed_in_english",
    "read_spanish",
    "target_phrase",
]

# ---------------------------------------------------------------- which language

_SPANISH_MARKS = re.compile(r"[áéíóúñü¿¡]", re.IGNORECASE)
_SPANISH_ONLY = (
    (
        frozenset(k for k in w.FUNCTION if len(k) > 1)
        | frozenset(w.WEEKDAYS)
        | frozenset(k for k in w.MONTHS if len(k) > 4)
        | frozenset(k for k in w.NUMBERS if not k.isdigit())
        | frozenset(NOUNS)
        | frozenset(k for k, v in WORDS.items() if k != v)
        | frozenset(k for k, v in w.STATES.items() if k != v)
        | frozenset(
            {"mnn", "kiero", "qiero", "tngo", "voi", "xq", "pq", "xk", "tmb", "reu", "reus"}
        )
        | frozenset({"voy", "quiero", "tengo", "manana", "hoy", "semana", "dias", "veces", "mes"})
    )
    - w.SHARED
    - lexicon.VOCABULARY
)


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def _evidence(statement: str) -> tuple[int, int]:
    """(Spanish, English) evidence in a statement."""
    spanish = len(_SPANISH_MARKS.findall(statement))
    english = 0
    for token in _WORD.findall(fold(statement)):
        if not token.isalpha() or token in w.SHARED:
            continue
        if token in _SPANISH_ONLY:
            spanish += 1
        elif token in lexicon.VOCABULARY:
            english += 1
        elif verb(token) is not None:
            spanish += 1
    return spanish, english


def detect(statement: str) -> str:
    """ "en", "es" or "mixed": the language(s) a statement is written in."""
    spanish, english = _evidence(statement)
    if spanish == 0 or (spanish == 1 and english == 0 and len(statement.split()) > 3):
        # One Spanish-looking word in a longer text ("les") is not yet Spanish.
        return "en"
    if english == 0 or spanish >= 6 * english:
        return "es"
    if english >= 6 * spanish:
        return "en"
    return "mixed"


def has_spanish(statement: str) -> bool:
    """Whether the statement has Spanish in it: then the Spanish reader, which keeps the English
    words, reads all of it ("el lunes I'm going to apply for jobs"). One word of the Spanish
    tables is enough; a lone verb form the tables derive ("verse", "VA") is not."""
    spanish, _english = _evidence(statement)
    if spanish >= 2 or _SPANISH_MARKS.search(statement):
        return True
    return spanish == 1 and any(t in _SPANISH_ONLY for t in _WORD.findall(fold(statement)))


def leans_spanish(statement: str) -> bool:
    """Whether a mixed statement is more Spanish than English (its answer language then)."""
    spanish, english = _evidence(statement)
    return spanish >= english


# ---------------------------------------------------------------- Spanish words for messages

_DAY_NAMES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_MONTH_NAMES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
_PER = {"day": "al día", "week": "por semana", "month": "al mes"}
# The coach's English units in Spanish (singular, gender) when the peer's own noun is unknown.
_UNITS: dict[str, tuple[str, str]] = {
    english: (written, gender) for written, gender, english in NOUNS.values()
} | {
    "time": ("vez", "f"),
    "meeting": ("reunión", "f"),
    "job": ("trabajo", "m"),
    "dollar": ("dólar", "m"),
    "day": ("día", "m"),
    "night": ("noche", "f"),
    "morning": ("mañana", "f"),
    "evening": ("tarde", "f"),
    "week": ("semana", "f"),
    "month": ("mes", "m"),
    "lesson": ("clase", "f"),
}


def due_phrase(due: dt.date) -> str:
    """A due date as a Spanish phrase: "el viernes 27 de noviembre"."""
    return f"el {_DAY_NAMES[due.weekday()]} {due.day} de {_MONTH_NAMES[due.month - 1]}"


def _counted(count: int, singular: str, gender: str) -> str:
    if count == 1:
        return f"{'una' if gender == 'f' else 'un'} {singular}"
    return f"{count} {plural(singular)}"


def _duration(minutes: int) -> str:
    if minutes >= 60 and minutes % 60 == 0:
        return "1 hora" if minutes == 60 else f"{minutes // 60} horas"
    return "1 minuto" if minutes == 1 else f"{minutes} minutos"


def target_phrase(target: Target, nouns: Mapping[str, tuple[str, str]] | None = None) -> str:
    """A target in Spanish, in agreement: "una vez al día, 10 minutos", "3 reuniones por
    semana". `nouns` maps the coach's English unit to the peer's own (singular, gender)."""
    parts: list[str] = []
    if target.count is not None:
        unit = target.unit or ""
        singular, gender = (nouns or {}).get(unit) or _UNITS.get(unit) or (unit, "m")
        parts.append(_counted(target.count, singular, gender) if singular else str(target.count))
    if target.per is not None:
        parts.append(_PER[target.per])
    shown = " ".join(parts)
    if target.minutes is not None:
        minutes = _duration(target.minutes)
        shown = f"{shown}, {minutes}" if shown else minutes
    return shown


_SECOND_PERSON = {
    "estoy": "estás",
    "soy": "eres",
    "tengo": "tienes",
    "quiero": "quieres",
    "puedo": "puedes",
    "voy": "vas",
    "hago": "haces",
    "he": "has",
    "mi": "tu",
    "mis": "tus",
    "yo": "tú",
    "conmigo": "contigo",
    "me": "te",
    "my": "your",
    "i": "you",
    "myself": "yourself",
}
_CLITIC_ME = re.compile(r"(?<=[aeiráéí])(me)$")


def second_person(phrase: str) -> str:
    """The peer's words said back to them: "llamar a mi mamá" -> "llamar a tu mamá"."""
    out = []
    for word in phrase.split():
        swapped = _SECOND_PERSON.get(word.lower())
        if swapped is not None:
            out.append(swapped.capitalize() if word[:1].isupper() else swapped)
        elif word.endswith("rme") and verb(fold(word)) is not None:
            out.append(word[:-2] + "te")
        else:
            out.append(word)
    return " ".join(out)


# A subordinate clause ends the action: its verb would need conjugating to be said back.
_CLAUSE_WORDS = frozenset({"cuando", "si", "mientras", "porque", "aunque", "donde"})
_ACTION_STOP = frozenset({"time", "time_vague", "time_part"})
_ACTION_BREAK = frozenset({"reason", "punct", "absolute", "lead_never"})
_ACTION_SKIP = frozenset({"lead", "lead_go"})


@lru_cache(maxsize=4096)
def _action_of(source: str, limit: int) -> str | None:
    return _action_words(gloss(source), limit)


def _action_words(reading: Gloss, limit: int) -> str | None:
    """The action as the peer wrote it, from its verb (in the infinitive) on, without the time
    words: "Voy a caminar 10 minutos cada mañana" -> "caminar 10 minutos"."""
    pieces = reading.pieces
    begin = next(
        (
            number
            for number, piece in enumerate(pieces)
            if piece.kind in ("verb", "lead_stop", "lead_start")
        ),
        None,
    )
    if begin is None:
        begin = next(
            (
                n
                for n, piece in enumerate(pieces)
                if piece.kind not in _ACTION_SKIP | _ACTION_STOP | _ACTION_BREAK
            ),
            None,
        )
    if begin is None:
        return None
    shown: list[str] = []
    if begin and pieces[begin - 1].english in ("not", "never"):
        shown.append(pieces[begin - 1].shown)  # "no meterme en problemas"
    for piece in pieces[begin:]:
        if shown and fold(piece.shown) in _CLAUSE_WORDS:
            break
        if piece.kind in _ACTION_SKIP | _ACTION_BREAK:
            if shown:
                break
            continue
        if piece.kind in _ACTION_STOP:
            continue  # a date or a schedule in the middle: the words after it still count
        # Only the action's own verb is said in the infinitive; later verbs stay as written.
        later_verb = shown and piece.kind == "verb"
        shown.append(reading.source[piece.start : piece.end] if later_verb else piece.shown)
        if len(" ".join(shown).split()) >= limit:
            break
    return _whole(shown)


# Words a phrase can't end on: an action cut at one of them would be cut mid-way.
_DANGLING = word_set(
    "a al de del el la los las un una en con para por que y o e u mi mis tu tus su sus le les "
    "lo se me te muy mas más sin sobre como cuando"
)


def _whole(shown: list[str]) -> str | None:
    """The words as one phrase said back to the peer, never ending mid-way ("... con la")."""
    words = " ".join(shown).strip(" ,.").split()
    while words and fold(words[-1]) in _DANGLING:
        words.pop()
    phrase = " ".join(words).strip(" ,.")
    return second_person(phrase) if phrase else None


def _habit(reading: Gloss) -> str | None:
    """What the peer is moving away from, after "dejar de" / "no volver a" ("fumar")."""
    pieces = reading.pieces
    for number, piece in enumerate(pieces):
        if piece.kind != "lead_stop":
            continue
        shown: list[str] = []
        for after in pieces[number + 1 : number + 6]:
            if after.kind in _ACTION_STOP | _ACTION_BREAK or after.kind.startswith("lead"):
                break
            shown.append(after.shown)
        return _whole(shown)
    return None


_LEAD_WORDS = re.compile(
    r"^(?:yo\s+)?(?:quiero|quisiera|me gustar[ií]a|necesito|deseo|espero|me importa|"
    r"i\s+want\s+to|i\s+need\s+to)\s+",
    re.IGNORECASE,
)


def _reason(reading: Gloss) -> str | None:
    """The reason the statement gives itself, as the peer wrote it."""
    for piece in reading.pieces:
        if piece.kind != "reason":
            continue
        # "Quiero X, así que ...": the reason comes first; "... porque X": it comes after.
        before = piece.english == "so"
        said = reading.source[: piece.start] if before else reading.source[piece.end :]
        said = _LEAD_WORDS.sub("", said.strip(" ,.;")).strip(" ,.;")
        if said:
            return second_person(said)
    return None


# English words the rules quote ("never", "more") in Spanish when the peer's phrase can't be
# found; the peer's own words are preferred.
_QUOTED = {
    "never": "nunca",
    "always": "siempre",
    "forever": "para siempre",
    "no matter what": "sin falta",
    "all the time": "todo el tiempo",
    "more": "más",
    "less": "menos",
    "fewer": "menos",
    "better": "mejor",
    "healthier": "más sano",
    "try": "intentar",
    "someday": "algún día",
    "soon": "pronto",
    "some": "algo",
    "a lot": "mucho",
    "things": "cosas",
    "stuff": "cosas",
    "perfect": "perfecto",
    "perfectly": "perfecto",
    "100%": "100%",
}


def _translated_from(reading: Gloss, english: str) -> str | None:
    """The peer's word that reads as the English word `english` ("limpia" for "clean")."""
    for match in re.finditer(r"[^\W\d_]+", reading.source):
        token = fold(match.group(0))
        if english in (w.STATES.get(token), WORDS.get(token), w.FUNCTION.get(token)):
            return match.group(0)
    return None


def _quoted(reading: Gloss, english: str) -> str:
    """The peer's words that the English word `english` was read from."""
    found = re.search(rf"(?<![\w]){re.escape(english.lower())}(?![\w])", reading.english)
    said = None
    if found is not None:
        number = reading.piece_at(found.start())
        if number is not None and reading.pieces[number].kind in (
            "absolute",
            "lead_never",
            "time_vague",
            "word",
        ):
            said = reading.pieces[number].shown
    if said is None or len(said.split()) > 3:
        said = _translated_from(reading, english.lower())
    if said is None or (fold(said) == english.lower() and english.lower() in _QUOTED):
        said = _QUOTED.get(english.lower(), said or english)
    return said[:1].upper() + said[1:] if english[:1].isupper() else said


def _nouns(reading: Gloss) -> dict[str, tuple[str, str]]:
    """The coach's English units mapped to the peer's own nouns (singular, gender)."""
    found: dict[str, tuple[str, str]] = {}
    for piece in reading.pieces:
        if piece.kind != "noun":
            continue
        entry = NOUNS.get(fold(piece.shown)) or NOUNS.get(fold(piece.shown).rstrip("s"))
        if entry is None:
            for suffix, replace in (("ces", "z"), ("es", "")):
                if fold(piece.shown).endswith(suffix):
                    entry = NOUNS.get(fold(piece.shown)[: -len(suffix)] + replace)
                    if entry:
                        break
        if entry is not None:
            found.setdefault(entry[2], (entry[0], entry[1]))
    return found


# ---------------------------------------------------------------- the readers


def _spanish_params(
    message: Message,
    reading: Gloss,
    judgement: core.Judgement,
    context: str | None,
) -> Message:
    params = dict(message.params)
    key = message.key
    if "target" in params:
        params["target"] = target_phrase(judgement.target, _nouns(reading))
    if "due" in params and judgement.due is not None:
        params["due"] = due_phrase(judgement.due)
    if "context" in params and context:
        # The goal as the peer wrote it, even when the English reader saw its gloss.
        params["context"] = context
    if not has_spanish(reading.source):
        return Message(key, params)  # English words: the English reader's are the peer's own
    if "action" in params:
        params["action"] = _action_of(reading.source, 10) or params["action"]
    if "topic" in params:
        params["topic"] = _action_of(reading.source, 7) or params["topic"]
    if "word" in params:
        params["word"] = _quoted(reading, params["word"])
    if "context" in params and not context:
        params["context"] = _reason(reading) or params["context"]
    if "habit" in params:
        habit = _habit(reading)
        if habit is None:
            return Message(messages.SUGGEST_DEFICIT_PLAIN)
        params["habit"] = habit
    return Message(key, params)


def _read(statement: str, context: str | None, today: dt.date) -> tuple[core.Judgement, Gloss]:
    reading = gloss(statement)
    goal = context.strip() if isinstance(context, str) and context.strip() else None
    # English words stay as the peer wrote them: only text with Spanish in it is glossed.
    glossed = has_spanish(statement)
    english = reading.english if glossed else statement
    english_context = goal
    if goal and (glossed or detect(goal) != "en"):
        english_context = gloss(goal).english
    judgement = core.read_english(english, english_context, today)
    return dataclasses.replace(judgement, statement=statement), reading


def read_spanish(statement: str, context: str | None, today: dt.date) -> core.Judgement:
    """The Spanish reader: a statement in Spanish (or mixed) read the SMART way, answered in
    Spanish with the peer's own words."""
    judgement, reading = _read(statement, context, today)
    goal = context.strip() if isinstance(context, str) and context.strip() else None
    if not judgement.can_judge:
        reason = judgement.flags[1]
        why = Message(messages.CANNOT_NOT_UNDERSTOOD) if reason == "not_english" else None
        return _with_language(judgement, "es", why)

    def spanish(message: Message) -> Message:
        return _spanish_params(message, reading, judgement, goal)

    criteria = core.Criteria(
        **{
            name: core.Criterion(
                getattr(judgement.criteria, name).met,
                spanish(getattr(judgement.criteria, name).why),
            )
            for name in core.CRITERIA
        }
    )
    suggestions = tuple(spanish(message) for message in judgement.suggestions)
    return dataclasses.replace(judgement, criteria=criteria, suggestions=suggestions, language="es")


def read_mixed_in_english(statement: str, context: str | None, today: dt.date) -> core.Judgement:
    """A statement with Spanish in it, for a peer who reads English: read through the Spanish
    reader, answered in English."""
    judgement, _reading = _read(statement, context, today)
    return judgement


def _with_language(judgement: core.Judgement, language: str, why: Message | None) -> core.Judgement:
    if why is None:
        return dataclasses.replace(judgement, language=language)
    no = core.Criterion(False, why)
    criteria = core.Criteria(no, no, no, no, core.Criterion(None, why))
    return dataclasses.replace(judgement, criteria=criteria, language=language)
