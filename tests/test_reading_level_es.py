"""Every Spanish sentence PeerGoals shows reads easily (Fernández-Huerta), like the English one.

Fernández-Huerta (1959), the Flesch reading ease adapted to Spanish: L = 206.84 - 0.60 P - 1.02 F,
with P syllables per 100 words and F words per sentence. (It is often quoted with F as sentences
per 100 words, a misprint that rewards long sentences; words per sentence is Flesch's term, whose
weight 1.015 the 1.02 carries.) 90-100 is very easy, 80-90 easy, 70-80 fairly easy, 60-70
standard (what a 12-year-old reads), below 50 hard.
As in tests/test_reading_level.py, the score is worked out on the sentences (translations of
six words or more), and one sentence alone is held to a looser bar. Syllables come from pyphen's
Spanish hyphenation dictionary, which breaks Spanish words at their syllables. A regulation's own
wording (the 42 CFR 2.32 notice), marked so for translators, is translated faithfully instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pyphen

PO = Path(__file__).resolve().parents[1] / "peergoals/locale/es/LC_MESSAGES/django.po"
WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{[^}]*\}")
LEGAL_TEXT = "the regulation's own wording"
# The whole text is "fairly easy"; no sentence is harder than "fairly difficult".
WHOLE_TEXT_EASE = 70.0
ONE_SENTENCE_EASE = 40.0

hyphenation = pyphen.Pyphen(lang="es")


def spanish_sentences() -> list[str]:
    """Every Spanish translation of six words or more, a placeholder read as one short word."""
    texts = []
    for entry in polib.pofile(str(PO)):
        if LEGAL_TEXT in entry.comment:
            continue
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        texts += [PLACEHOLDER.sub("eso", text) for text in forms if len(text.split()) >= 6]
    return texts


def syllables(word: str) -> int:
    return len(hyphenation.positions(word)) + 1


def ease(texts: list[str]) -> float:
    words = [word for text in texts for word in WORD.findall(text)]
    sentences = sum(max(1, len(re.findall(r"[.?!](?:\s|$)", text))) for text in texts)
    syllables_per_100_words = 100 * sum(syllables(word) for word in words) / len(words)
    return 206.84 - 0.60 * syllables_per_100_words - 1.02 * len(words) / sentences


def test_it_finds_the_spanish_people_read() -> None:
    found = spanish_sentences()
    assert len(found) > 100
    assert "¿Qué es algo que podrías hacer hoy que te haría sentir bien?" in found


def test_it_counts_spanish_syllables() -> None:
    assert [syllables(w) for w in ["meta", "recuperación", "paso", "especialista"]] == [2, 5, 2, 5]


def test_the_whole_spanish_text_reads_fairly_easily() -> None:
    assert ease(spanish_sentences()) >= WHOLE_TEXT_EASE


def test_no_spanish_sentence_is_hard_to_read() -> None:
    hard = {text: round(ease([text]), 1) for text in spanish_sentences()}
    assert {text: score for text, score in hard.items() if score < ONE_SENTENCE_EASE} == {}


def test_it_would_notice_hard_spanish() -> None:
    assert (
        ease(
            [
                "No obstante las consideraciones anteriormente mencionadas, la reconsideración"
                " administrativa resulta imprescindible."
            ]
        )
        < 40
    )
