"""Write throughput: 50 peers checking in at once against gunicorn, on SQLite and PostgreSQL.

Usage: python bench/bench_writes.py [--clients 50] [--seconds 30] [--workers 2]
                                    [--harness DIR] [--postgres URL]

Runs the shared harness's `pg_write_load.py` (`../shared/perf/`, or PEERGOALS_PERF_HARNESS or
--harness): every client POSTs the check-in form of its own peer's daily step back to back, then
every acknowledged check-in is looked up in the database. SQLite runs on the 10,000-peer
organisation that `bench_konote.py` builds once under var/bench/konote-big; PostgreSQL (with
--postgres or BENCH_POSTGRES) on whatever is seeded there (`make seed-bench-postgres`). Each
database writes bench/results/write_load_<database>.json and the summary line as .txt.
Targets: 300 check-ins a second or more, p95 200 ms or less, no error, none missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_konote import DEFAULT_HARNESS, seeded  # noqa: E402


def summary(result: dict) -> str:
    return (
        f"{result['database']}, {result['clients']} peers, {result['workers']} workers: "
        f"{result['check_ins_per_second']} check-ins/s, p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms, {result['errors']} errors, "
        f"{result['acknowledged_missing_from_database']} acknowledged missing "
        f"(load before {result['load_before']}, after {result['load_after']})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--harness",
        type=Path,
        default=Path(os.environ.get("PEERGOALS_PERF_HARNESS", DEFAULT_HARNESS)),
    )
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES", ""))
    args = parser.parse_args()
    load = args.harness / "pg_write_load.py"
    if not load.exists():
        raise SystemExit(f"No write-load harness at {load}; set PEERGOALS_PERF_HARNESS.")
    runs = [("sqlite", ["--peergoals-var", str(seeded("big"))])]
    if args.postgres:
        runs.append(("postgres", ["--database-url", args.postgres]))
    else:
        print("PostgreSQL skipped: no --postgres or BENCH_POSTGRES.")
    failed = False
    for name, where in runs:
        out = RESULTS / f"write_load_{name}.json"
        command = [sys.executable, str(load), "--peergoals", str(ROOT), *where]
        command += ["--clients", str(args.clients), "--seconds", str(args.seconds)]
        command += ["--workers", str(args.workers), "--json", str(out)]
        done = subprocess.run(command, stdout=subprocess.DEVNULL)
        failed = failed or bool(done.returncode)
        line = summary(json.loads(out.read_text()))
        out.with_suffix(".txt").write_text(line + "\n")
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
