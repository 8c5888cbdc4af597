"""Every word PeerGoals shows reads at US grade 8 or below (Flesch-Kincaid).

The text is what the templates and the code mark for translation. Button labels and headings
are a few words each and would pull any average down, so the grade is worked out on the
sentences: strings of six words or more. One sentence alone is a noisy sample, so each is held
to a looser bar, which still catches a sentence nobody could read easily. Syllables come from
pyphen's English hyphenation dictionary (a hyphenation point is one syllable break).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyphen

ROOT = Path(__file__).resolve().parents[1] / "peergoals"
TEMPLATE_STRING = re.compile(r'{%\s*translate\s+"([^"]+)"')
TEMPLATE_BLOCK = re.compile(
    r"{%\s*blocktranslate[^%]*%}(.*?){%\s*(?:plural|endblocktranslate)", re.S
)
CODE_STRING = re.compile(r'\b(?:_|gettext|gettext_lazy|ngettext|pgettext)\(\s*"([^"]+)"')
WHOLE_TEXT_GRADE = 8.0
ONE_SENTENCE_GRADE = 12.0

hyphenation = pyphen.Pyphen(lang="en_US")


def ui_text() -> list[str]:
    """Every string marked for translation, with template variables read as one short word."""
    strings = []
    for template in ROOT.glob("templates/**/*.html"):
        text = template.read_text()
        strings += TEMPLATE_STRING.findall(text)
        strings += [re.sub(r"{{[^}]*}}", "it", s) for s in TEMPLATE_BLOCK.findall(text)]
    for module in ROOT.glob("**/*.py"):
        if "migrations" not in module.parts:
            strings += [
                re.sub(r"%\(\w+\)s", "it", s) for s in CODE_STRING.findall(module.read_text())
            ]
    return strings


def syllables(word: str) -> int:
    letters = re.sub(r"[^A-Za-z]", "", word)
    return len(hyphenation.positions(letters)) + 1 if letters else 0


def grade(texts: list[str]) -> float:
    words = [w for text in texts for w in re.findall(r"[A-Za-z']+", text)]
    sentences = sum(max(1, len(re.findall(r"[.?!](?:\s|$)", text))) for text in texts)
    return (
        0.39 * len(words) / sentences + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59
    )


def sentences() -> list[str]:
    return [text for text in ui_text() if len(text.split()) >= 6]


def test_it_finds_the_text_people_read() -> None:
    found = sentences()
    assert len(found) > 100
    assert "What's one thing you could do today that would make you feel good?" in found


def test_the_whole_text_reads_at_grade_8_or_below() -> None:
    assert grade(sentences()) <= WHOLE_TEXT_GRADE


def test_no_sentence_is_hard_to_read() -> None:
    hard = {text: round(grade([text]), 1) for text in sentences()}
    assert {text: g for text, g in hard.items() if g > ONE_SENTENCE_GRADE} == {}


def test_it_would_notice_hard_words() -> None:
    assert (
        grade(["Notwithstanding the aforementioned considerations, reconsideration is indicated."])
        > 12
    )
