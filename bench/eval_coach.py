"""Accuracy of the SMART coach on the labelled evaluation sets, one per language
(tests/coach/eval_set.jsonl: English; eval_es.jsonl: Spanish; eval_mixed.jsonl: English and
Spanish mixed).

Prints accuracy per criterion and for due/count/per for each set, lists the misses, and writes
bench/results/coach_eval.json (English) and coach_eval_<set>.json. Run with `make eval-coach`.
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
RESULTS = ROOT / "bench" / "results" / "coach_eval.json"
# Each labelled set and where its report goes.
EVAL_SETS = (
    (EVAL_SET, RESULTS),
    (ROOT / "tests" / "coach" / "eval_es.jsonl", ROOT / "bench" / "results" / "coach_eval_es.json"),
    (
        ROOT / "tests" / "coach" / "eval_mixed.jsonl",
        ROOT / "bench" / "results" / "coach_eval_mixed.json",
    ),
)
FIGURES = ("specific", "measurable", "achievable", "time_bound", "relevant", "due", "count", "per")


def evaluate(path: Path = EVAL_SET) -> dict[str, object]:
    """Score every line of the eval set; returns figures, counts and misses."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    hits = dict.fromkeys(FIGURES, 0)
    judged = judged_hits = 0
    misses: list[dict[str, object]] = []
    for number, item in enumerate(items, start=1):
        today = dt.date.fromisoformat(item["today"])
        got = judge(item["text"], item["context"], today, item.get("language")).to_dict()
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


def main() -> int:
    for path, results in EVAL_SETS:
        report = evaluate(path)
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print_report(report, path, results)
    return 0


def print_report(report: dict[str, object], path: Path, results: Path) -> None:
    accuracy: dict[str, float] = report["accuracy"]  # type: ignore[assignment]
    print(f"SMART coach on {report['statements']} labelled statements ({path.name})")
    for name in FIGURES:
        print(f"  {name:<11} {accuracy[name]:7.1%}")
    judged: dict[str, float] = report["relevant_judged"]  # type: ignore[assignment]
    print(
        f"  (relevant, only the {judged['statements']:.0f} statements with a context or a stated "
        f"reason: {judged['accuracy']:.1%})"
    )
    misses: list[dict[str, object]] = report["misses"]  # type: ignore[assignment]
    if misses:
        print(f"\n{len(misses)} statements with at least one miss:")
        for miss in misses:
            wrong = ", ".join(
                f"{k}: expected {v['expected']!r} got {v['got']!r}"  # type: ignore[index]
                for k, v in miss["wrong"].items()  # type: ignore[attr-defined]
            )
            print(f"  line {miss['line']}: {miss['text']!r} [{miss['today']}] -> {wrong}")
    print(f"\nwrote {results.relative_to(ROOT)}\n")


if __name__ == "__main__":
    sys.exit(main())
