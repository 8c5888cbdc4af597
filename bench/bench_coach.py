"""Speed of the SMART coach: --jsonl throughput on one core in each language, and latency.

For each language, cycles its labelled eval sets (bench/eval_coach.py SETS) with varied
reference dates up to N statements (default 20,000), pipes them through `peergoals coach
--jsonl` pinned to CPU 0 (taskset) and times it end to end, then times single in-process
`judge()` calls. Records the machine's load average too: on a shared machine the figures drop
with it. Writes bench/results/coach_bench.json. Run with `make bench-coach`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))

from eval_coach import SETS  # noqa: E402

from peergoals.coach import judge  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "coach_bench.json"
STATEMENTS = int(os.environ.get("COACH_BENCH_STATEMENTS", "20000"))
SINGLE_CALLS = 5000
TARGET_PER_SECOND = 2000
TARGET_P95_MS = 5.0


def statements(count: int, language: str) -> list[dict[str, object]]:
    """`count` JSON-lines inputs in `language`: its eval sets, cycled, each pass with a
    different today."""
    base = [
        json.loads(line)
        for _name, path, set_language in SETS
        if set_language == language
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    start = dt.date(2026, 1, 1)
    out: list[dict[str, object]] = []
    while len(out) < count:
        shift = dt.timedelta(days=len(out) // len(base) * 11)
        for item in base:
            today = start + shift + dt.timedelta(days=len(out) % 7)
            out.append(
                {
                    "text": item["text"],
                    "context": item["context"],
                    "today": today.isoformat(),
                    "language": item.get("language", language),
                }
            )
            if len(out) == count:
                break
    return out


def jsonl_throughput(items: list[dict[str, object]]) -> dict[str, object]:
    payload = "".join(json.dumps(item) + "\n" for item in items)
    command = [str(ROOT / ".venv" / "bin" / "peergoals"), "coach", "--jsonl"]
    pinned = shutil.which("taskset") is not None
    if pinned:
        command = ["taskset", "-c", "0", *command]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, input=payload, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = result.stdout.splitlines()
    errors = sum(1 for line in lines if '"error"' in line[:10])
    assert len(lines) == len(items), "one output line per input line"
    return {
        "statements": len(items),
        "seconds": round(seconds, 3),
        "statements_per_second": round(len(items) / seconds),
        # CPU time the process got: the same figure on a quiet machine, still true on a busy one.
        "cpu_seconds": round(cpu, 3),
        "statements_per_cpu_second": round(len(items) / max(cpu, 1e-9)),
        "pinned_to_one_core": pinned,
        "error_lines": errors,
        "includes_process_start": True,
    }


def single_call_latency(items: list[dict[str, object]]) -> dict[str, object]:
    calls = [
        (str(i["text"]), i["context"], dt.date.fromisoformat(str(i["today"])))
        for i in items[:SINGLE_CALLS]
    ]
    for text, context, today in calls[:200]:
        judge(text, context, today)  # type: ignore[arg-type]
    timings: list[float] = []
    cpu_timings: list[float] = []
    for text, context, today in calls:
        started, cpu_started = time.perf_counter(), time.process_time()
        judge(text, context, today)  # type: ignore[arg-type]
        timings.append((time.perf_counter() - started) * 1000)
        cpu_timings.append((time.process_time() - cpu_started) * 1000)
    timings.sort()
    cpu_timings.sort()
    return {
        "calls": len(timings),
        "p50_ms": round(statistics.median(timings), 4),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 4),
        "p99_ms": round(timings[int(len(timings) * 0.99) - 1], 4),
        "max_ms": round(timings[-1], 4),
        "cpu_p95_ms": round(cpu_timings[int(len(cpu_timings) * 0.95) - 1], 4),
        "long_input_ms": round(_long_input_ms(), 4),
    }


def _long_input_ms() -> float:
    text = ("I will walk for 10 minutes every morning this week and call my mom on Friday. " * 13)[
        :1000
    ]
    started = time.perf_counter()
    judge(text, "Be healthy for my family", dt.date(2026, 11, 23))
    return (time.perf_counter() - started) * 1000


def main() -> int:
    languages = list(dict.fromkeys(language for _name, _path, language in SETS))
    throughput = {
        language: jsonl_throughput(statements(STATEMENTS, language)) for language in languages
    }
    latency = single_call_latency(statements(SINGLE_CALLS, languages[0]))
    # On a shared machine the wall clock measures the neighbours too; the CPU time the coach got
    # on its one core is what it costs.
    slowest = min(int(t["statements_per_cpu_second"]) for t in throughput.values())  # type: ignore[call-overload]
    report = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "jsonl": throughput,
        "single_call": latency,
        "targets": {"statements_per_second": TARGET_PER_SECOND, "p95_ms": TARGET_P95_MS},
        "meets_targets": slowest >= TARGET_PER_SECOND and latency["cpu_p95_ms"] <= TARGET_P95_MS,  # type: ignore[operator]
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"SMART coach speed (load average {report['load_average_1m']} on {os.cpu_count()} cores)")
    for language, figures in throughput.items():
        print(
            f"  --jsonl, {language}, {figures['statements']} statements"
            f"{' on one core' if figures['pinned_to_one_core'] else ''}: "
            f"{figures['statements_per_cpu_second']} statements per CPU second "
            f"({figures['cpu_seconds']} s CPU; {figures['statements_per_second']} per wall second, "
            f"{figures['seconds']} s; process start included; target >= {TARGET_PER_SECOND})"
        )
    print(
        f"  single judge() call over {latency['calls']} calls: p50 {latency['p50_ms']} ms, "
        f"p95 {latency['p95_ms']} ms, p99 {latency['p99_ms']} ms, max {latency['max_ms']} ms; "
        f"CPU p95 {latency['cpu_p95_ms']} ms (target p95 <= {TARGET_P95_MS} ms)"
    )
    print(f"  1,000-character statement: {latency['long_input_ms']} ms")
    print(f"  meets targets: {report['meets_targets']}")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0 if report["meets_targets"] else 1


if __name__ == "__main__":
    sys.exit(main())
