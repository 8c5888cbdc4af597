"""Staff pages' SQL at three organisation sizes: the same statements, in about the same time?

Usage: python bench/bench_sql_floor.py [--sizes 1000,10000,50000] [--harness DIR]

For each size an organisation is built once under var/bench/floor-<peers>/ (SQLite; each
specialist has 50 peers, one week of check-ins) and the harness's `pg_sql_floor.py`
(`../shared/perf/`, or PEERGOALS_PERF_HARNESS or --harness) times seed-specialist-0001's
caseload, the first peer's page and that peer's first goal in-process. It replays each page's
SELECTs on a raw cursor: that replay is the page's SQL floor, what the database alone costs.

Writes bench/results/sql_floor_org_sizes.json (everything the harness reports, query plans
included) and the table beside it as .txt. The target (issue #13): at every size the same
number of statements, and floors within 20% of one another.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_konote import DEFAULT_HARNESS, organisation  # noqa: E402

PAGES = ["caseload", "peer", "goal"]
PEERS_PER_SPECIALIST = 50


def seeded(peers: int) -> Path:
    """The var folder holding an organisation of `peers` peers, built on first use."""
    specialists = max(1, peers // PEERS_PER_SPECIALIST)
    shape = ["--peers", str(peers), "--specialists", str(specialists), "--weeks", "1"]
    return organisation(f"floor-{peers}", shape)


def measured(harness: Path, var: Path, page: str) -> dict:
    env = {**os.environ, "PEERGOALS_VAR_DIR": str(var), "DATABASE_URL": ""}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "floor.json"
        done = subprocess.run(
            [sys.executable, str(harness), "--page", page, "--json", str(out)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            # Its output is kept out of the table; when it fails, what it said is the reason.
            sys.stderr.write(done.stdout + done.stderr)
            raise SystemExit(f"{harness.name} --page {page} failed on {var}")
        result: dict = json.loads(out.read_text())
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument(
        "--harness",
        type=Path,
        default=Path(os.environ.get("PEERGOALS_PERF_HARNESS", DEFAULT_HARNESS)),
    )
    args = parser.parse_args()
    harness = args.harness / "pg_sql_floor.py"
    if not harness.exists():
        raise SystemExit(f"No SQL-floor tool at {harness}; set PEERGOALS_PERF_HARNESS.")

    results: dict[str, dict] = {}
    lines = []
    for peers in (int(size) for size in args.sizes.split(",")):
        var = seeded(peers)
        for page in PAGES:
            print(f"{peers:,} peers: {page} ...", flush=True)
            result = measured(harness, var, page)
            floor = result["raw_sql_floor"]
            breakdown = result["breakdown"]
            results[f"{peers}_{page}"] = {"peers": peers, **result}
            lines.append(
                f"{peers:>6,} peers  {page:<9} {floor['select_statements']:>3} selects  "
                f"SQL floor min {floor['min_ms']:6.2f} ms  p50 {floor['p50_ms']:6.2f} ms  "
                f"page p50 {breakdown['wall_p50_ms']:6.2f} ms"
            )
            print(lines[-1], flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "sql_floor_org_sizes.json").write_text(json.dumps(results, indent=2) + "\n")
    header = (
        "Staff pages' raw-SQL floor at three organisation sizes (bench/bench_sql_floor.py:\n"
        "../shared/perf/pg_sql_floor.py on SQLite, each specialist 50 peers, 1 week of check-ins,\n"
        "seed-specialist-0001's caseload, its first peer and goal; in-process, 100 requests,\n"
        "200 replays of each page's SELECTs on a raw cursor).\n\n"
    )
    (RESULTS / "sql_floor_org_sizes.txt").write_text(header + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
