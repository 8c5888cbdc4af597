"""Spanish (and English/Spanish mixed) goal statements read into the plain English the coach's
rules read, piece by piece, remembering which of the peer's words each piece came from.

    >>> gloss("Voy a caminar 10 minutos cada mañana esta semana").english
    'i will walk 10 minutes every morning this week'

A piece is a phrase ("cada mañana" -> "every morning", "para el viernes" -> "by friday") or a
word (a verb in any common form, a noun, a function word). Words the tables don't know are
kept as they are: in mixed text they are usually English. Everything is compiled at import.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from peergoals.coach import text
from peergoals.coach.lexicon import word_set
from peergoals.coach.spanish import verbs as v
from peergoals.coach.spanish import words as w
from peergoals.coach.spanish.phrases import (
    HANDLERS,
    INFINITIVE_LEADS,
    PHRASES,
    REFLEXIVE_LEAD,
    RULE_PATTERNS,
)

# ---------------------------------------------------------------- folding and lookup tables


# Latin letters with accents -> the plain letter; every other character stays as it is.
_FOLD = {
    code: unicodedata.normalize("NFD", chr(code))[0]
    for code in range(0xC0, 0x250)
    if unicodedata.normalize("NFD", chr(code))[0] != chr(code)
}


def fold(raw: str) -> str:
    """Lower case without accents, one character for one ("Mañana" -> "manana")."""
    lowered = raw.lower()
    if len(lowered) != len(raw):  # a rare letter whose lower case is longer ("İ")
        lowered = "".join(ch.lower()[0] for ch in raw)
    return lowered.translate(_FOLD)


NOUNS = {fold(key): value for key, value in w.NOUNS.items()}
WORDS = {fold(key): value for key, value in w.WORDS.items()}
VERBS = {fold(key): value for key, value in v.VERBS.items()}
_CLITICS = (
    "selo",
    "sela",
    "melo",
    "mela",
    "les",
    "los",
    "las",
    "nos",
    "me",
    "te",
    "le",
    "lo",
    "la",
    "se",
)


def plural(singular: str) -> str:
    """The Spanish plural of a noun as written ("reunión" -> "reuniones", "vez" -> "veces")."""
    if singular.endswith("z"):
        return singular[:-1] + "ces"
    if singular[-1] in "aeiouáéó" or singular.endswith("is"):
        return singular if singular.endswith("is") else singular + "s"
    unaccented = singular
    for accented, plain in (("ó", "o"), ("á", "a"), ("é", "e"), ("í", "i"), ("ú", "u")):
        if singular.endswith(accented + singular[-1]) and singular[-1] in "ns":
            unaccented = singular[:-2] + plain + singular[-1]
    return unaccented + "es"


def _noun(token: str) -> tuple[tuple[str, str, str], bool] | None:
    """(noun entry, is plural) for a noun token in any number."""
    entry = NOUNS.get(token)
    if entry is not None:
        return entry, False
    for suffix, replace in (("ces", "z"), ("es", ""), ("s", "")):
        if token.endswith(suffix):
            entry = NOUNS.get(token[: -len(suffix)] + replace)
            if entry is not None:
                return entry, True
    return None


@dataclass(frozen=True, slots=True)
class Verb:
    infinitive: str  # without accents, as in VERBS
    english: str
    future: bool
    clitic: str  # "me", "le"... attached to the form ("pedirle"), else ""


def _stem_candidates(token: str) -> list[tuple[str, bool]]:
    """(infinitive, future) guesses for an inflected regular form."""
    out: list[tuple[str, bool]] = []
    if token.endswith(("e", "a", "an", "emos")) and token[:-1].endswith(("ar", "er", "ir")):
        out.append((token[:-1], True))
    for ending in ("emos", "an"):
        base = token[: -len(ending)]
        if token.endswith(ending) and base.endswith(("ar", "er", "ir")):
            out.append((base, True))
    if token.endswith("ando"):
        out.append((token[:-4] + "ar", False))
    if token.endswith("iendo"):
        out.extend(((token[:-5] + "er", False), (token[:-5] + "ir", False)))
    if token.endswith("o") and len(token) > 3:
        out.extend((token[:-1] + ending, False) for ending in ("ar", "er", "ir"))
    return out


@lru_cache(maxsize=8192)
def verb(token: str) -> Verb | None:
    """The verb a token is a form of (infinitive, first person, future, gerund, + clitic)."""
    if token in VERBS:
        return Verb(token, VERBS[token], False, "")
    if token in v.IRREGULAR:
        infinitive = v.IRREGULAR[token]
        future = token.endswith(("re", "ra")) and token != infinitive
        return Verb(infinitive, VERBS[infinitive], future, "")
    for clitic in _CLITICS:
        base = token[: -len(clitic)]
        if token.endswith(clitic) and base.endswith(("ar", "er", "ir")) and base in VERBS:
            return Verb(base, VERBS[base], False, clitic)
        if token.endswith(clitic) and base.endswith(("ando", "iendo")):
            found = verb(base)
            if found is not None:
                return Verb(found.infinitive, found.english, False, clitic)
    if token.endswith("iendo") or token.endswith("ando") or len(token) > 3:
        for infinitive, future in _stem_candidates(token):
            if infinitive in VERBS:
                return Verb(infinitive, VERBS[infinitive], future, "")
    return None


def _gerund(english: str) -> str:
    head, _, tail = english.partition(" ")
    if head.endswith("ie"):
        head = head[:-2] + "ying"
    elif head.endswith("e") and not head.endswith("ee") and head != "be":
        head = head[:-1] + "ing"
    elif head in ("run", "swim", "shop", "quit", "stop", "get", "sit", "jog", "skip", "put"):
        head = head + head[-1] + "ing"
    else:
        head = head + "ing"
    return f"{head} {tail}".strip()


# ---------------------------------------------------------------- pieces


@dataclass(frozen=True, slots=True)
class Piece:
    """One phrase or word of the statement: its English, where it was, and its kind."""

    english: str
    start: int
    end: int
    kind: str  # lead, verb, time, reason, word, number, punct
    shown: str  # how the coach repeats it in Spanish (the peer's words, or an infinitive)


@dataclass(frozen=True, slots=True)
class Gloss:
    english: str
    pieces: tuple[Piece, ...]
    offsets: tuple[int, ...]  # where each piece starts in `english`
    source: str  # the cleaned statement the spans point into

    def words_of(self, start: int, end: int) -> str:
        return self.source[start:end]

    def piece_at(self, english_index: int) -> int | None:
        """The index of the piece that wrote the English character at `english_index`."""
        found = None
        for number, offset in enumerate(self.offsets):
            if offset > english_index:
                break
            found = number
        return found


# ---------------------------------------------------------------- words

_TOKEN = re.compile(r"\$?\d+(?:[.,:/]\d+)*%?|[\w']+|[,.;:!?]")
_DRINKS = word_set(
    "agua alcohol cerveza cervezas refresco refrescos soda cafe vaso vasos licor vino te "
    "jugo leche bebidas"
)
_MEDS = word_set(
    "medicina medicinas medicamento medicamentos pastilla pastillas dosis metadona "
    "buprenorfina suboxone clase clases curso descanso presion taxi bus autobus"
)
_DETERMINERS = word_set(
    "el la los las un una unos unas mi mis tu tus su sus este esta estos estas ese esa "
    "del al cada otro otra mejor mejores buen buena nuevo nueva primer primera propio propia"
)
# Verbs whose person object takes "a" in Spanish and nothing in English.
_PERSONAL_A = frozenset(
    {
        "call",
        "visit",
        "help",
        "feed",
        "see",
        "meet",
        "invite",
        "thank",
        "ask",
        "tell",
        "watch",
        "take care of",
        "contact",
        "hug",
        "ask for",
    }
)
_GO_ACTIVITY = word_set("nadar correr caminar pescar bailar pasear trotar")
_ENGLISH_AFTER_A = word_set(
    "few lot little couple walk meeting meetings job book week day month new good better "
    "friend call text class run"
)


def _word(word: str, prev: str, nxt: str, after_stop: bool) -> tuple[str, str]:
    """(English, kind) for one word outside any phrase."""
    if word in (",", ";", ":"):
        return ",", "punct"
    if word in (".", "!", "?"):
        return ".", "punct"
    if word[0].isdigit() or word[0] == "$":
        return word.replace(",", ""), "number"
    if word in w.NUMBERS and word not in ("un", "una", "uno", "once"):
        return str(w.NUMBERS[word]), "number"
    if word == "once" and nxt not in ("a", "per", "every", "in", "this", "again", "more", "i"):
        return "11", "number"
    if word in ("un", "una", "uno"):
        return ("a" if word != "uno" else "1"), "word"
    if word == "a":
        if nxt in _ENGLISH_AFTER_A:
            return "a", "word"
        before = verb(prev)
        if before is not None and before.english in _PERSONAL_A:
            return "", "word"  # "llamar a mi mamá": the "a" before a person is not "to"
        return "to", "word"
    noun = _noun(word)
    if noun is not None and (prev in _DETERMINERS or prev[:1].isdigit() or verb(word) is None):
        (_written, _gender, english), many = noun
        if many:
            english += "es" if english.endswith(("s", "sh", "ch", "x")) else "s"
        return english, "noun"
    known = word in w.FUNCTION or word in WORDS or word in w.STATES
    found = None if known else verb(word)
    if found is not None:
        english = found.english
        if found.infinitive == "tomar" and (nxt in _DRINKS or after_stop or not nxt):
            english = "drink"
        elif found.infinitive == "tomar" and nxt not in _MEDS and nxt not in _DETERMINERS:
            english = "drink" if nxt in ("", ",", ".") else "take"
        if after_stop:
            english = v.GERUNDS.get(found.infinitive) or _gerund(english)
        elif found.future:
            english = "will " + english
        if found.clitic == "me" and found.infinitive == "cuidar":
            english += " myself"
        return english, "verb"
    if word in WORDS:
        return WORDS[word], "word"
    if word in w.STATES:
        return w.STATES[word], "word"
    if word in w.FUNCTION:
        return w.FUNCTION[word], "word"
    if word in w.WEEKDAYS:
        return w.WEEKDAYS[word], "time"
    return word, "word"


def _shown(source: str, found: Verb | None) -> str:
    """The peer's word as it will be repeated: an infinitive for a verb, else as written."""
    if found is None:
        return source
    if fold(source) == found.infinitive + found.clitic:
        return source
    return found.infinitive + found.clitic


_TENS = frozenset(
    {"veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"}
)
_KEEP_WORDS = frozenset({"un", "una", "uno", "once"})


def tokens(cleaned: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The folded tokens, text-speak expanded and number words as digits ("treinta y cinco"
    -> "35"), and each item's span in `cleaned`."""
    folded = fold(cleaned)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(folded):
        item = w.SPEAK.get(match.group(0), match.group(0))
        span = (match.start(), match.end())
        if item in w.NUMBERS and item not in _KEEP_WORDS:
            value = w.NUMBERS[item]
            if (
                len(out) >= 2
                and out[-1] == "y"
                and out[-2].isdigit()
                and int(out[-2]) % 10 == 0
                and 20 <= int(out[-2]) < 100
                and value < 10
            ):
                span = (spans[-2][0], span[1])
                value += int(out[-2])
                del out[-2:], spans[-2:]
            elif (
                out
                and out[-1].isdigit()
                and int(out[-1]) in (100, 200, 300, 400, 500, 600, 700, 800, 900)
                and value < 100
            ):
                span = (spans[-1][0], span[1])
                value += int(out[-1])
                del out[-1:], spans[-1:]
            elif item == "mil" and out and out[-1].isdigit():
                span = (spans[-1][0], span[1])
                value = int(out[-1]) * 1000
                del out[-1:], spans[-1:]
            item = str(value)
        out.append(item)
        spans.append(span)
    return out, spans


@lru_cache(maxsize=4096)
def gloss(statement: str) -> Gloss:
    """The statement in the coach's plain English, with where each piece came from."""
    cleaned = text.clean(statement)
    token_list, spans = tokens(cleaned)
    joined = " ".join(token_list)
    starts: list[int] = []
    position = 0
    for token_text in token_list:
        starts.append(position)
        position += len(token_text) + 1
    pieces: list[Piece] = []
    number = 0
    after_stop = False

    while number < len(token_list):
        start = starts[number]
        # Phrases start at a word: trying only there keeps the long alternation cheap.
        match = PHRASES.match(joined, start)
        if match is not None:
            end_token = bisect.bisect_left(starts, match.end())
            rule = int(match.lastgroup[1:])  # type: ignore[index]
            english, kind = HANDLERS[rule]
            if isinstance(english, str):
                english_text = english
            else:
                own = RULE_PATTERNS[rule].fullmatch(match.group(0))
                english_text = english(own) if own is not None else match.group(0)
            first, last = spans[number][0], spans[end_token - 1][1]
            source = cleaned[first:last]
            shown = source
            if kind in ("lead_stop", "lead_start"):
                shown = INFINITIVE_LEADS.get(english_text, shown)
                if "volver" in match.group(0) or "regresar" in match.group(0):
                    shown = "no volver a" if kind == "lead_stop" else "volver a"
            if (
                kind == "verb"
                and pieces
                and pieces[-1].kind.startswith("lead")
                and REFLEXIVE_LEAD.match(fold(pieces[-1].shown))
                and fold(shown).split(" ")[0].endswith(("ar", "er", "ir"))
            ):
                head, _, tail = shown.partition(" ")
                shown = f"{head}me {tail}".strip()
            if kind == "lead_never":
                shown = source.rsplit(" ", 2)[0] if " a" in source else source
            pieces.append(Piece(english_text, first, last, kind, shown))
            after_stop = kind == "lead_stop" or (kind == "lead_start")
            number = end_token
            continue
        token = token_list[number]
        prev = token_list[number - 1] if number else ""
        nxt = token_list[number + 1] if number + 1 < len(token_list) else ""
        english, kind = _word(token, prev, nxt, after_stop)
        first, last = spans[number]
        source = cleaned[first:last]
        found = verb(token) if kind == "verb" else None
        if (
            found is not None
            and found.infinitive in _GO_ACTIVITY
            and len(pieces) >= 2
            and pieces[-1].english == "to"
            and pieces[-2].english.endswith(("go", "go out"))
        ):
            # "ir a nadar", "salir a caminar": "go swimming", "go out walking".
            last_piece = pieces[-1]
            pieces[-1] = Piece("", last_piece.start, last_piece.end, "word", last_piece.shown)
            english = _gerund(found.english)
        shown = _shown(source, found)
        if (
            found is not None
            and not found.clitic
            and fold(shown) == found.infinitive
            and pieces
            and pieces[-1].kind.startswith("lead")
            and REFLEXIVE_LEAD.match(fold(pieces[-1].shown))
        ):
            shown += "me"  # "Me voy a inscribir" is said back as "inscribirte"
        pieces.append(Piece(english, first, last, kind, shown))
        if kind == "verb":
            after_stop = False
        number += 1
    parts: list[str] = []
    offsets: list[int] = []
    position = 0
    for piece in pieces:
        offsets.append(position)
        if piece.english:
            parts.append(piece.english)
            position += len(piece.english) + 1
    return Gloss(" ".join(parts), tuple(pieces), tuple(offsets), cleaned)
