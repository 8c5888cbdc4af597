"""The coach speaks in message keys; in English it says word for word what it said before."""

from __future__ import annotations

import datetime as dt
import io
import json
import string
from pathlib import Path

import pytest

from peergoals.coach import judge, messages
from peergoals.coach.cli import card, main, run_jsonl
from peergoals.coach.messages import Message

HERE = Path(__file__).parent
EVAL_SET = HERE / "eval_set.jsonl"
# What the coach says in English for each statement of the eval set (JSON and card). Captured
# when its sentences were still English strings in the code, to show the move to keys changed
# no word; since then updated on purpose with each change of the rules, so a diff of this file
# shows every sentence a change of rules changes. Record it again with
# `.venv/bin/python tests/coach/test_messages.py`.
SAID = HERE / "english_said.jsonl"


def said_now() -> list[dict[str, object]]:
    """What the coach says now for each statement of the eval set: JSON (without its language)
    and card."""
    said = []
    for line in EVAL_SET.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        judgement = judge(item["text"], item["context"], dt.date.fromisoformat(item["today"]))
        if judgement.language == "es":
            # Read in Spanish since the coach reads Spanish (tests/coach/test_spanish.py): this
            # record is of what the coach says in English.
            continue
        data = judgement.to_dict()
        assert data.pop("language") == "en"
        said.append({"json": data, "card": card(judgement)})
    return said


def test_it_says_every_statement_of_the_eval_set_word_for_word_as_recorded() -> None:
    recorded = [json.loads(line) for line in SAID.read_text(encoding="utf-8").splitlines()]
    now = said_now()
    assert len(now) == len(recorded)
    for said, was in zip(now, recorded, strict=True):
        assert said == was, was["card"]


def test_it_returns_keys_with_the_peers_words_as_params() -> None:
    judgement = judge("walk Luna 10 minutes every morning", today=dt.date(2026, 11, 23))
    why = judgement.criteria.specific.why
    assert why.key == messages.SPECIFIC_MET
    assert set(why.params) == {"action"}
    assert all(isinstance(s, Message) for s in judgement.suggestions)


def test_every_message_names_only_the_fields_its_keys_are_given() -> None:
    fields = {
        key: {name for _, name, _, _ in string.Formatter().parse(text) if name}
        for key, text in messages.MESSAGES.items()
    }
    assert fields[messages.SPECIFIC_MET] == {"action"}
    assert fields[messages.SUGGEST_SPECIFIC] == {"topic", "example"}


def test_it_renders_through_the_catalogue_it_is_given() -> None:
    message = Message(
        messages.SUGGEST_SPECIFIC, {"topic": "walking Luna", "example": "example.health"}
    )
    catalogue = {
        messages.MESSAGES[messages.SUGGEST_SPECIFIC]: "¿Cómo sería {topic}? ¿Quizás {example}?",
        messages.MESSAGES["example.health"]: "una caminata de 10 minutos",
    }
    # The template and the nested example are translated; the peer's words are not.
    assert messages.render(message, lambda text: catalogue.get(text, text)) == (
        "¿Cómo sería walking Luna? ¿Quizás una caminata de 10 minutos?"
    )


def test_a_translation_with_broken_fields_falls_back_to_english() -> None:
    message = Message(messages.SPECIFIC_MET, {"action": "call my brother"})
    assert messages.render(message, lambda text: "Acción: {accion}") == (
        "You named a clear action: call my brother."
    )


def test_the_json_line_says_its_language(capsys: pytest.CaptureFixture[str]) -> None:
    stdin = io.StringIO(
        '{"text": "call my brother today", "today": "2026-11-23", "language": "en"}\n'
        '{"text": "call my brother today", "today": "2026-11-23"}\n'
        '{"text": "call my brother today", "language": 3}\n'
    )
    out = io.StringIO()
    run_jsonl(stdin, out)
    first, second, third = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["language"] == second["language"] == "en"
    assert {k: v for k, v in first.items()} == second
    assert third == {"error": '"language" must be a string or null', "line": 3}


def test_the_language_flag_is_taken_and_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call my brother today", "--language", "en", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["language"] == "en"


def test_every_sentence_is_written_as_people_read_it_so_the_catalogue_finds_it() -> None:
    # xgettext keeps a "\u201c" escape as six characters: the msgid would never match at run time.
    source = (Path(messages.__file__)).read_text(encoding="utf-8")
    assert "\\u20" not in source


if __name__ == "__main__":
    lines = [json.dumps(said, ensure_ascii=False) for said in said_now()]
    SAID.write_text("\n".join(lines) + "\n", encoding="utf-8")
