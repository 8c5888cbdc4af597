"""The coach reads goals written in Spanish, or in English and Spanish mixed, and answers in
Spanish with the peer's own words (issue 14)."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from peergoals.coach import Target, judge
from peergoals.coach.cli import main, run_jsonl
from peergoals.coach.messages import (
    CARD_DUE,
    CARD_NONE,
    CARD_SUGGESTIONS,
    CARD_TARGET,
    CRITERION_NAMES,
    LOCALE_DIR,
    MESSAGES,
    catalogue,
)
from peergoals.coach.spanish import detect, due_phrase, target_phrase

MONDAY = dt.date(2026, 11, 23)


def params(statement: str, key: str, context: str | None = None) -> dict[str, str]:
    """The params of the first message with `key` the coach says about `statement`."""
    judgement = judge(statement, context, MONDAY, "es")
    said = [
        getattr(judgement.criteria, name).why
        for name in ("specific", "measurable", "achievable", "time_bound", "relevant")
    ]
    said += list(judgement.suggestions)
    return next(dict(message.params) for message in said if message.key == key)


@pytest.mark.parametrize(
    ("when", "due"),
    [
        ("para el viernes", "2026-11-27"),
        ("el viernes", "2026-11-27"),
        ("el 15 de diciembre", "2026-12-15"),
        ("antes del 1 de julio", "2027-07-01"),
        ("esta semana", "2026-11-29"),
        ("este fin de semana", "2026-11-29"),
        ("este finde", "2026-11-29"),
        ("antes de fin de mes", "2026-11-30"),
        ("el próximo mes", "2026-12-31"),
        ("dentro de dos semanas", "2026-12-07"),
        ("en tres días", "2026-11-26"),
        ("en los próximos 10 días", "2026-12-03"),
        ("mañana", "2026-11-24"),
        ("mñn", "2026-11-24"),
        ("pasado mañana", "2026-11-25"),
        ("hoy", "2026-11-23"),
        ("esta noche", "2026-11-23"),
        ("el próximo lunes", "2026-11-30"),
        ("la próxima semana", "2026-12-06"),
        ("en diciembre", "2026-12-31"),
        ("para navidad", "2026-12-25"),
        ("el lunes 30", "2026-11-30"),
    ],
)
def test_it_reads_spanish_dates(when: str, due: str) -> None:
    judgement = judge(f"Voy a llamar a mi hermana {when}", today=MONDAY)
    assert judgement.due == dt.date.fromisoformat(due)
    assert judgement.criteria.time_bound.met


@pytest.mark.parametrize(
    ("statement", "count", "per"),
    [
        ("Voy a ir al gimnasio tres veces por semana", 3, "week"),
        ("voy al gym 3 x semana", 3, "week"),
        ("Voy a caminar cada mañana", 1, "day"),
        ("Voy a rezar todas las noches", 1, "day"),
        ("Voy a leer todos los días", 1, "day"),
        ("Voy a meditar a diario", 1, "day"),
        ("Voy a ir a la biblioteca los lunes y jueves", 2, "week"),
        ("Voy a correr los lunes, miércoles y viernes", 3, "week"),
        ("Voy a estudiar una hora entre semana", 5, "week"),
        ("Voy a medir mi azúcar dos veces al día", 2, "day"),
        ("Voy a llamar a mi abuela una vez al mes", 1, "month"),
        ("Voy a ir a misa cada domingo", 1, "week"),
        ("Voy a nadar cuatro días a la semana", 4, "week"),
        ("Voy a enviar 5 solicitudes cada semana", 5, "week"),
    ],
)
def test_it_reads_spanish_frequencies(statement: str, count: int, per: str) -> None:
    judgement = judge(statement, today=MONDAY)
    assert (judgement.target.count, judgement.target.per) == (count, per)
    assert judgement.criteria.time_bound.met and judgement.due is None


@pytest.mark.parametrize(
    ("statement", "count"),
    [
        ("Voy a ir a tres reuniones esta semana", 3),
        ("Voy a mandar veinticinco solicitudes este mes", 25),
        ("Voy a hacer treinta y cinco sentadillas hoy", 35),
        ("Voy a llamar a un par de amigos esta semana", 2),
        ("Voy a mandar una docena de solicitudes este mes", 12),
        ("Voy a leer cien páginas este mes", 100),
        ("Voy a ir a una reunión esta semana", None),
        ("Voy a ir a mi cita en la corte el 4 de diciembre", None),
        ("Voy a llenar la solicitud de la Sección 8 esta semana", None),
        ("Voy a acostarme antes de las 11 de la noche todas las noches", 1),
    ],
)
def test_it_counts_only_real_numbers(statement: str, count: int | None) -> None:
    assert judge(statement, today=MONDAY).target.count == count


@pytest.mark.parametrize(
    ("amount", "minutes"),
    [
        ("10 minutos", 10),
        ("media hora", 30),
        ("una hora", 60),
        ("hora y media", 90),
        ("dos horas", 120),
        ("un cuarto de hora", 15),
    ],
)
def test_it_reads_spanish_durations(amount: str, minutes: int) -> None:
    judgement = judge(f"Voy a caminar {amount} cada mañana", today=MONDAY)
    assert judgement.target.minutes == minutes
    assert judgement.criteria.measurable.met


@pytest.mark.parametrize(
    "statement",
    [
        "Quiero estar más sano",
        "Voy a trabajar en mi ansiedad",
        "Quiero ser feliz",
        "Voy a tomar mejores decisiones",
        "Quiero ponerme en forma",
        "quiero hacer amigos",
    ],
)
def test_a_wish_or_a_state_is_not_specific(statement: str) -> None:
    judgement = judge(statement, today=MONDAY)
    assert judgement.can_judge
    assert judgement.criteria.specific.met is False
    assert "vague" in judgement.flags


@pytest.mark.parametrize(
    "statement",
    [
        "Voy a intentar ir a 2 reuniones esta semana",
        "voy a tratar de caminar mas",
        "tal vez vaya a una reunión algún día",
    ],
)
def test_trying_and_maybe_are_not_measurable(statement: str) -> None:
    assert judge(statement, today=MONDAY).criteria.measurable.met is False


@pytest.mark.parametrize(
    ("statement", "word"),
    [
        ("Nunca más voy a tomar alcohol", "Nunca más"),
        ("Voy a dejar de fumar para siempre", "Para siempre"),
        ("Siempre voy a llegar a tiempo al trabajo", "Siempre"),
        ("Voy a ir a una reunión todos los días sin falta", "Sin falta"),
    ],
)
def test_absolutes_are_not_achievable_and_are_quoted_in_the_peers_words(
    statement: str, word: str
) -> None:
    judgement = judge(statement, today=MONDAY, language="es")
    assert judgement.criteria.achievable.met is False
    assert "absolute" in judgement.flags
    assert judgement.criteria.achievable.why.params["word"] == word


@pytest.mark.parametrize(
    "statement",
    [
        "Voy a bajar 10 kilos esta semana",
        "Hoy voy a mandar 100 solicitudes de trabajo",
        "Voy a leer 10 libros esta semana",
        "Voy a pagar todas mis deudas este mes",
    ],
)
def test_leaps_too_large_for_the_time_are_not_achievable(statement: str) -> None:
    judgement = judge(statement, today=MONDAY)
    assert judgement.criteria.achievable.met is False
    assert "too_large" in judgement.flags


def test_recovery_words_are_read_without_stigma_and_counted() -> None:
    meetings = judge("Voy a ir a 90 reuniones en 90 días", today=MONDAY)
    assert (meetings.target.count, meetings.due) == (90, dt.date(2027, 2, 21))
    clean = judge("Voy a mantenerme limpio 90 días", today=MONDAY)
    assert clean.due == dt.date(2027, 2, 21) and clean.criteria.time_bound.met
    dose = judge("Voy a tomar mi dosis de metadona todas las mañanas", today=MONDAY)
    assert dose.criteria.specific.met and (dose.target.count, dose.target.per) == (1, "day")


def test_moving_away_and_pressure_from_others_are_flagged() -> None:
    assert "deficit_framing" in judge("Voy a dejar de fumar", today=MONDAY).flags
    assert params("Voy a dejar de fumar", "suggest.deficit") == {"habit": "fumar"}
    pushed = judge(
        "mi oficial de libertad condicional dice que tengo que ir a tres reuniones por semana",
        today=MONDAY,
    )
    assert "readiness" in pushed.flags
    assert (pushed.target.count, pushed.target.per) == (3, "week")


def test_relevance_reads_a_spanish_long_term_goal() -> None:
    helps = judge("Voy a ir a una reunión de AA el sábado", "Mantenerme sobrio", MONDAY)
    assert helps.criteria.relevant.met is True
    assert helps.criteria.relevant.why.params["context"] == "Mantenerme sobrio"
    unrelated = judge("Voy a ir a pescar el sábado", "Conseguir un mejor trabajo", MONDAY)
    assert unrelated.criteria.relevant.met is False
    reason = judge(
        "Quiero reconectar con mi familia, así que voy a llamar a mi hermana el domingo",
        today=MONDAY,
    )
    assert reason.criteria.relevant.met is True
    assert reason.criteria.relevant.why.params["context"] == "reconectar con tu familia"


def test_a_spanish_speaker_writing_english_sees_their_goal_quoted_as_they_wrote_it() -> None:
    # The English reader sees the goal's English gloss; the peer sees their own words.
    helps = judge("walk 10 minutes every morning", "Quiero tener más salud", MONDAY, "es")
    assert helps.language == "es"
    assert helps.criteria.relevant.why.params["context"] == "Quiero tener más salud"


@pytest.mark.parametrize(
    ("statement", "action"),
    [
        ("Voy a caminar 10 minutos cada mañana esta semana", "caminar 10 minutos"),
        ("Caminaré treinta minutos tres veces por semana", "caminar treinta minutos"),
        ("voy a ir a mi NA meeting los martes", "ir a tu NA meeting"),
        ("Me voy a inscribir en la clase de GED", "inscribirte en la clase de GED"),
        ("Me comprometo a asistir a terapia grupal", "asistir a terapia grupal"),
        ("voy a ir al juzgado el jueves a pagar la multa", "ir al juzgado a pagar la multa"),
        (
            "No voy a volver a juntarme con la gente con la que consumía",
            "no volver a juntarte con la gente",
        ),
        ("Iré a mi sesión de terapia el martes", "ir a tu sesión de terapia"),
        ("Voy a sacar a Luna a caminar cada mañana", "sacar a Luna a caminar"),
        (
            "Voy a escribir tres cosas por las que estoy agradecida",
            "escribir tres cosas por las que estás agradecida",
        ),
    ],
)
def test_it_says_the_action_back_in_the_peers_words(statement: str, action: str) -> None:
    assert params(statement, "specific.met") == {"action": action}


def test_the_suggestion_keeps_the_peers_words_in_the_infinitive() -> None:
    assert params("Quiero controlar mi enojo", "suggest.specific")["topic"] == (
        "controlar tu enojo"
    )


@pytest.mark.parametrize(
    ("target", "said"),
    [
        (Target(1, "time", "day", 10), "una vez al día, 10 minutos"),
        (Target(3, "time", "week", None), "3 veces por semana"),
        (Target(3, "meeting", "week", None), "3 reuniones por semana"),
        (Target(1, "meeting", "week", None), "una reunión por semana"),
        (Target(1, "book", "month", None), "un libro al mes"),
        (Target(2, "class", None, None), "2 clases"),
        (Target(None, None, None, 60), "1 hora"),
        (Target(None, None, None, 90), "90 minutos"),
    ],
)
def test_spanish_targets_agree_in_gender_and_number(target: Target, said: str) -> None:
    assert target_phrase(target) == said


def test_the_target_uses_the_peers_own_noun() -> None:
    assert params("Voy a ir a tres juntas por semana", "measurable.count") == {
        "target": "3 juntas por semana"
    }
    assert params("Voy a llamar a 2 caseros para el viernes", "measurable.count") == {
        "target": "2 caseros"
    }


def test_due_dates_are_said_in_spanish() -> None:
    assert due_phrase(dt.date(2026, 11, 27)) == "el viernes 27 de noviembre"
    assert params("Voy a llamar a mi mamá el sábado", "time.due") == {
        "due": "el sábado 28 de noviembre"
    }


@pytest.mark.parametrize(
    ("statement", "language"),
    [
        ("Voy a caminar 10 minutos cada mañana", "es"),
        ("voy a caminar diario sin acentos q onda", "es"),
        ("¿Puedo ir al gym mañana?", "es"),
        ("I will walk 10 minutes every morning", "en"),
        ("I will read a book this week", "en"),
        ("jog 3x/wk for a month", "en"),
        ("read one Bible verse each night this week", "en"),
        ("Call the VA about my benefits next Monday", "en"),
        ("voy a ir a mi NA meeting los martes", "mixed"),
        ("I will go to dos meetings esta semana", "mixed"),
    ],
)
def test_it_detects_the_language_of_a_statement(statement: str, language: str) -> None:
    assert detect(statement) == language


@pytest.mark.parametrize(
    ("statement", "count", "per", "due"),
    [
        ("voy a ir a mi NA meeting los martes", 1, "week", None),
        ("I will go to dos meetings esta semana", 2, None, "2026-11-29"),
        ("voy a caminar 20 minutes every morning", 1, "day", None),
        ("I'm going to call my abuela el sábado", None, None, "2026-11-28"),
        ("voy a sacar mi ID dentro de two weeks", None, None, "2026-12-07"),
        ("el lunes I'm going to apply for three jobs", 3, None, "2026-11-23"),
    ],
)
def test_mixed_english_and_spanish_gets_a_sensible_reading(
    statement: str, count: int | None, per: str | None, due: str | None
) -> None:
    judgement = judge(statement, today=MONDAY)
    assert judgement.can_judge and "not_english" not in judgement.flags
    assert judgement.criteria.specific.met
    assert (judgement.target.count, judgement.target.per) == (count, per)
    assert judgement.due == (dt.date.fromisoformat(due) if due else None)


def test_the_answer_language_is_the_peers_unless_they_write_spanish() -> None:
    spanish = "Voy a caminar 10 minutos cada mañana"
    english = "I will walk 10 minutes every morning"
    assert judge(spanish, today=MONDAY).language == "es"
    assert judge(spanish, today=MONDAY, language="en").language == "es"
    assert judge(english, today=MONDAY, language="es").language == "es"
    assert judge(english, today=MONDAY).language == "en"
    assert judge("I will go to dos meetings esta semana", today=MONDAY).language == "en"
    assert judge("voy a ir a mi NA meeting los martes", today=MONDAY).language == "es"
    assert (
        judge("I will go to dos meetings esta semana", today=MONDAY, language="es").language == "es"
    )


def test_the_cli_answers_in_spanish_with_the_language_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "Voy a caminar 10 minutos cada mañana esta semana",
            "--language",
            "es",
            "--today",
            "2026-11-23",
            "--json",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["language"] == "es"
    assert data["due"] == "2026-11-29"
    assert "caminar 10 minutos" in data["criteria"]["specific"]["why"]
    assert "una vez al día, 10 minutos" in data["criteria"]["measurable"]["why"]
    assert "el domingo 29 de noviembre" in data["criteria"]["time_bound"]["why"]


def test_the_card_says_the_peers_words_and_the_spanish_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["Voy a llamar a mi mamá el viernes", "--today", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "llamar a tu mamá" in out
    assert "el viernes 27 de noviembre" in out


def test_json_lines_carry_the_language_in_and_out() -> None:
    lines = [
        {
            "text": "Voy a ir a tres reuniones de NA por semana",
            "today": "2026-11-23",
            "language": "es",
        },
        {"text": "I will go to three NA meetings a week", "today": "2026-11-23", "language": "es"},
        {"text": "I will go to three NA meetings a week", "today": "2026-11-23"},
        {"text": "Voy a ir", "language": 3},
    ]
    out = io.StringIO()
    run_jsonl(io.StringIO("".join(json.dumps(line) + "\n" for line in lines)), out)
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r.get("language") for r in results] == ["es", "es", "en", None]
    assert results[0]["target"] == {"count": 3, "unit": "meeting", "per": "week", "minutes": None}
    assert "3 reuniones por semana" in results[0]["criteria"]["measurable"]["why"]
    assert results[3]["error"]


def test_every_coach_message_has_a_spanish_translation() -> None:
    if not (LOCALE_DIR / "es" / "LC_MESSAGES" / "django.mo").exists():
        pytest.skip("the Spanish catalogue is not in this tree yet")
    spanish = catalogue("es")
    untranslated = [key for key, text in MESSAGES.items() if spanish(text) == text]
    labels = [*CRITERION_NAMES.values(), CARD_DUE, CARD_TARGET, CARD_SUGGESTIONS, CARD_NONE]
    untranslated += [label for label in labels if spanish(label) == label]
    assert untranslated == []


def test_english_for_a_spanish_speaking_peer_is_read_as_english_and_answered_in_spanish() -> None:
    english = judge("I will eat a salad for lunch on Friday", today=MONDAY)
    for_spanish_peer = judge("I will eat a salad for lunch on Friday", today=MONDAY, language="es")
    assert for_spanish_peer.language == "es"
    names = ("specific", "measurable", "achievable", "time_bound", "relevant")
    assert [getattr(for_spanish_peer.criteria, n).met for n in names] == [
        getattr(english.criteria, n).met for n in names
    ]
    assert (for_spanish_peer.due, for_spanish_peer.target) == (english.due, english.target)
    assert for_spanish_peer.criteria.specific.why.params == english.criteria.specific.why.params
    assert for_spanish_peer.criteria.time_bound.why.params == {"due": "el viernes 27 de noviembre"}
