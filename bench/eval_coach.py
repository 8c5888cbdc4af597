"""Accuracy of the SMART coach on each labelled evaluation set (tests/coach/eval_*.jsonl).

For each set and language, prints every figure (each criterion, due, count, per), lists the
misses, and writes bench/results/coach_eval.json. Run with `make eval-coach`.

    eval_set.jsonl          the set the rules were written with (605 statements)
    eval_unseen_en.jsonl    English statements labelled before the coach first read them
    eval_es.jsonl           Spanish statements, labelled before the Spanish reader existed
    eval_mixed.jsonl        English and Spanish mixed in one statement, labelled the same way
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from peergoals.coach import judge  # noqa: E402

EVAL_SET = ROOT / "tests" / "coach" / "eval_set.jsonl"
# (name, file, language) of every labelled set; a line may also carry its own "language".
SETS: list[tuple[str, Path, str]] = [
    ("written with the rules", EVAL_SET, "en"),
    ("unseen", ROOT / "tests" / "coach" / "eval_unseen_en.jsonl", "en"),
    ("Spanish", ROOT / "tests" / "coach" / "eval_es.jsonl", "es"),
    ("mixed", ROOT / "tests" / "coach" / "eval_mixed.jsonl", "es"),
]
RESULTS = ROOT / "bench" / "results" / "coach_eval.json"
FIGURES = ("specific", "measurable", "achievable", "time_bound", "relevant", "due", "count", "per")


def evaluate(path: Path = EVAL_SET, language: str | None = None) -> dict[str, object]:
    """Score every line of an eval set; returns figures, counts and misses."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    hits = dict.fromkeys(FIGURES, 0)
    judged = judged_hits = 0
    misses: list[dict[str, object]] = []
    for number, item in enumerate(items, start=1):
        today = dt.date.fromisoformat(item["today"])
        got = judge(item["text"], item["context"], today, item.get("language", language)).to_dict()
        criteria = got["criteria"]
        target = got["target"]
        actual = {name: criteria[name]["met"] for name in FIGURES[:5]}  # type: ignore[index]
        actual.update(due=got["due"], count=target["count"], per=target["per"])  # type: ignore[index]
        if item["expect"]["relevant"] is not None:
            judged += 1
            judged_hits += actual["relevant"] == item["expect"]["relevant"]
        wrong = {}
        for name in FIGURES:
            if actual[name] == item["expect"][name]:
                hits[name] += 1
            else:
                wrong[name] = {"expected": item["expect"][name], "got": actual[name]}
        if wrong:
            misses.append(
                {
                    "line": number,
                    "text": item["text"],
                    "context": item["context"],
                    "today": item["today"],
                    "wrong": wrong,
                }
            )
    total = len(items)
    accuracy = {name: hits[name] / total for name in FIGURES}
    return {
        "statements": total,
        "accuracy": accuracy,
        "relevant_judged": {"statements": judged, "accuracy": judged_hits / max(judged, 1)},
        "misses": misses,
    }


def _print(name: str, path: Path, language: str, report: dict[str, object]) -> None:
    accuracy: dict[str, float] = report["accuracy"]  # type: ignore[assignment]
    print(f"SMART coach, {language}, {name}: {report['statements']} statements ({path.name})")
    for figure in FIGURES:
        print(f"  {figure:<11} {accuracy[figure]:7.1%}")
    judged: dict[str, float] = report["relevant_judged"]  # type: ignore[assignment]
    print(
        f"  (relevant, only the {judged['statements']:.0f} statements with a context or a stated "
        f"reason: {judged['accuracy']:.1%})"
    )
    misses: list[dict[str, object]] = report["misses"]  # type: ignore[assignment]
    if misses:
        print(f"  {len(misses)} statements with at least one miss:")
        for miss in misses:
            wrong = ", ".join(
                f"{k}: expected {v['expected']!r} got {v['got']!r}"  # type: ignore[index]
                for k, v in miss["wrong"].items()  # type: ignore[attr-defined]
            )
            print(f"    line {miss['line']}: {miss['text']!r} [{miss['today']}] -> {wrong}")
    print()


def main() -> int:
    reports = {}
    for name, path, language in SETS:
        report = evaluate(path, language)
        reports[path.name] = {"language": language, **report}
        _print(name, path, language, report)
    print("Summary (every figure; target >= 95%)")
    print("  " + " ".join(f"{figure[:10]:>10}" for figure in ("set", *FIGURES)))
    for name, path, language in SETS:
        accuracy: dict[str, float] = reports[path.name]["accuracy"]  # type: ignore[assignment]
        figures = " ".join(f"{accuracy[figure]:10.1%}" for figure in FIGURES)
        print(f"  {language + ' ' + name[:7]:>10} {figures}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(reports, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
