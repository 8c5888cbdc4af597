"""`make test` fails when the coach drops below 95% on any figure of a labelled eval set."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL_SET = Path(__file__).with_name("eval_set.jsonl")
UNSEEN = Path(__file__).with_name("eval_unseen_en.jsonl")
THRESHOLD = 0.95


def load_evaluate():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_coach", ROOT / "bench" / "eval_coach.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate


def test_it_has_a_varied_labelled_eval_set_of_at_least_300_statements() -> None:
    items = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 300
    assert sum(item["context"] is not None for item in items) >= 100
    assert len({item["today"] for item in items}) >= 8
    assert all(set(item["expect"]) >= {"specific", "due", "count", "per"} for item in items)


@pytest.fixture(scope="module")
def report() -> dict[str, object]:
    return load_evaluate()(EVAL_SET)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def accuracy(report: dict[str, object]) -> dict[str, float]:
    return report["accuracy"]  # type: ignore[return-value]


@pytest.mark.parametrize(
    "figure",
    ["specific", "measurable", "achievable", "time_bound", "relevant", "due", "count", "per"],
)
def test_it_stays_above_95_percent(figure: str, accuracy: dict[str, float]) -> None:
    assert accuracy[figure] >= THRESHOLD


def test_it_judges_relevance_above_95_percent_where_there_is_a_context(
    report: dict[str, object],
) -> None:
    judged: dict[str, float] = report["relevant_judged"]  # type: ignore[assignment]
    assert judged["statements"] >= 150
    assert judged["accuracy"] >= THRESHOLD


def test_it_has_at_least_300_english_statements_labelled_before_the_coach_read_them() -> None:
    items = [json.loads(line) for line in UNSEEN.read_text(encoding="utf-8").splitlines()]
    texts = {item["text"] for item in items}
    assert len(texts) == len(items) >= 300
    assert sum(item["context"] is not None for item in items) >= 40


@pytest.mark.parametrize(
    "figure",
    ["specific", "measurable", "achievable", "time_bound", "relevant", "due", "count", "per"],
)
def test_it_stays_above_95_percent_on_the_unseen_set(figure: str) -> None:
    report = load_evaluate()(UNSEEN)
    assert report["accuracy"][figure] >= THRESHOLD
