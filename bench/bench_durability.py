"""How many durable small transactions a second this disk gives SQLite in WAL mode.

Usage: python bench/bench_durability.py [--seconds S] [--writers 1,2,4] [--dir DIR].

Each writer (a process of its own, as a gunicorn worker is) commits one small INSERT per
transaction (`BEGIN IMMEDIATE`, as the app's connections do) as fast as it can, first with
`synchronous=FULL` (every commit waits for the disk to flush the WAL) and then with `NORMAL`
(the WAL is written at each commit but flushed only at checkpoints: a commit survives the
process being killed, not the machine losing power), then `NORMAL+FLUSH`: NORMAL's commit
followed by a flush of the WAL file after the write lock is released and before the commit
counts as done, which is what the app does (peergoals/sqlite): as durable as FULL, but writers
that commit at the same moment share one flush (group commit) instead of queueing for one each.
The database lives in DIR (default
var/bench/, on the same disk as the app's database) and is removed afterwards. Writes
bench/results/durability_bench.json. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import sqlite3
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "durability_bench.json"


def connect(path: Path, synchronous: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=20, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(f"PRAGMA synchronous={synchronous.split('+')[0]}")
    connection.execute("PRAGMA busy_timeout=20000")
    return connection


def writer(path: Path, synchronous: str, seconds: float, out: multiprocessing.Queue) -> None:
    connection = connect(path, synchronous)
    latencies = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        began = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO entry (note) VALUES (?)", ("a small row, as a check-in",))
        connection.execute("COMMIT")
        if synchronous == "NORMAL+FLUSH":
            wal = os.open(f"{path}-wal", os.O_RDONLY)
            try:
                os.fdatasync(wal)
            finally:
                os.close(wal)
        latencies.append((time.perf_counter() - began) * 1000)
    connection.close()
    out.put(latencies)


def run(path: Path, synchronous: str, writers: int, seconds: float) -> dict[str, float]:
    path.unlink(missing_ok=True)
    setup = connect(path, synchronous)
    setup.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, note TEXT)")
    setup.close()
    out: multiprocessing.Queue = multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=writer, args=(path, synchronous, seconds, out))
        for _ in range(writers)
    ]
    for process in processes:
        process.start()
    latencies = [ms for _ in processes for ms in out.get()]
    for process in processes:
        process.join()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "synchronous": synchronous,
        "writers": writers,
        "transactions_per_second": round(len(latencies) / seconds, 1),
        "commit_p50_ms": round(cuts[49], 3),
        "commit_p95_ms": round(cuts[94], 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--writers", default="1,2,4")
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "bench")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    path = args.dir / "durability.sqlite3"
    rows = []
    for writers in [int(n) for n in args.writers.split(",")]:
        for synchronous in ("FULL", "NORMAL+FLUSH", "NORMAL"):
            row = run(path, synchronous, writers, args.seconds)
            rows.append(row)
            print(
                f"synchronous={synchronous:<12} writers={writers}: "
                f"{row['transactions_per_second']:>8.1f} commits/s, "
                f"p50 {row['commit_p50_ms']:.2f} ms, p95 {row['commit_p95_ms']:.2f} ms"
            )
    for leftover in args.dir.glob("durability.sqlite3*"):
        leftover.unlink()
    if args.dir.name == "bench" and not any(args.dir.iterdir()):
        shutil.rmtree(args.dir)
    RESULTS.write_text(json.dumps({"results": rows}, indent=2) + "\n")
    print(f"Wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
