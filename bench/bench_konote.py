"""PeerGoals beside KoNote2: the paired pages timed in the same run, with the shared harness.

Usage: python bench/bench_konote.py [--sizes small,big] [--requests N] [--konote DIR]
                                    [--harness DIR] [--postgres URL]

KoNote2 (github:LogicalOutcomes/konote) is the open-source outcome-management system closest to
PeerGoals; its code never enters this repository. The comparison needs two things from outside:

* the harness, `perf_side_by_side.py` and its helpers, kept beside the project in
  `../shared/perf/` (or wherever PEERGOALS_PERF_HARNESS or --harness points);
* a prepared KoNote2 checkout (KONOTE_DIR or --konote, default /tmp/perf/konote), prepared as
  the harness's docstring says (a venv, migrated and seeded).

Without a KoNote2 checkout this says so and exits 0, so `make bench` runs anywhere; without the
harness it stops with an error naming the folder it looked in.

PeerGoals is served from this checkout, on data it builds once and keeps under var/bench/:
`small` is an organisation sized like KoNote2's demo (one specialist, 55 peers, 26 weeks), `big`
the 10,000-peer one (200 specialists, 8 weeks). Each size writes
bench/results/konote_side_by_side_<size>.json (ratios KoNote2 / PeerGoals at p50 and p95: above
1 means PeerGoals is faster) and the printed table beside it as .txt.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BENCH_DIR = ROOT / "var" / "bench"
DEFAULT_HARNESS = ROOT.parent / "shared" / "perf"
# Where the harness prepares it by default (its docstring).
DEFAULT_KONOTE = Path("/tmp/perf/konote")  # noqa: S108

# Organisation sizes: `peergoals seed` arguments.
SIZES = {
    "small": ["--peers", "55", "--specialists", "1", "--weeks", "26"],
    "big": ["--peers", "10000", "--specialists", "200", "--weeks", "8"],
}


def konote_is_prepared(konote: Path) -> bool:
    return all(
        (konote / part).exists()
        for part in (".venv/bin/gunicorn", "var/default.sqlite3", "var/audit.sqlite3")
    )


def seeded(size: str) -> Path:
    """The var folder holding PeerGoals' SQLite data of `size`, built on first use."""
    return organisation(f"konote-{size}", SIZES[size])


def organisation(name: str, seed_arguments: list[str]) -> Path:
    """The var folder var/bench/`name` holding an SQLite organisation that `peergoals seed
    <seed_arguments>` built, built on first use and kept for the next run."""
    var = BENCH_DIR / name
    done = var / "seeded"
    if not done.exists():
        var.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PEERGOALS_VAR_DIR": str(var), "DATABASE_URL": ""}
        command = ROOT / ".venv" / "bin" / "peergoals"
        print(f"Building PeerGoals' organisation {name} in {var} ...", flush=True)
        subprocess.run([command, "migrate", "--noinput", "-v", "0"], env=env, check=True)
        subprocess.run([command, "seed", *seed_arguments], env=env, check=True)
        done.touch()
    return var


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="small,big")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument(
        "--konote", type=Path, default=Path(os.environ.get("KONOTE_DIR", DEFAULT_KONOTE))
    )
    parser.add_argument(
        "--harness",
        type=Path,
        default=Path(os.environ.get("PEERGOALS_PERF_HARNESS", DEFAULT_HARNESS)),
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        default="",
        help="serve PeerGoals from this PostgreSQL database, migrated and seeded beforehand",
    )
    args = parser.parse_args()

    if not konote_is_prepared(args.konote):
        print(
            f"KoNote2 comparison skipped: no prepared KoNote2 checkout in {args.konote} "
            "(set KONOTE_DIR; the harness's docstring says how to prepare one)."
        )
        return 0
    harness = args.harness / "perf_side_by_side.py"
    if not harness.exists():
        print(
            f"error: the side-by-side harness is not in {args.harness} "
            "(expected perf_side_by_side.py; set PEERGOALS_PERF_HARNESS to its folder).",
            file=sys.stderr,
        )
        return 1

    RESULTS.mkdir(parents=True, exist_ok=True)
    for size in args.sizes.split(","):
        if size not in SIZES:
            parser.error(f"unknown size {size!r}: choose from {', '.join(SIZES)}")
        # On PostgreSQL the data is whatever was seeded there (name the run by its size).
        var = BENCH_DIR / "konote-postgres" if args.postgres else seeded(size)
        var.mkdir(parents=True, exist_ok=True)
        suffix = f"{size}_postgres" if args.postgres else size
        out = RESULTS / f"konote_side_by_side_{suffix}.json"
        command = [
            sys.executable,
            str(harness),
            "--peergoals",
            str(ROOT),
            "--peergoals-var",
            str(var),
            "--konote",
            str(args.konote),
            "--requests",
            str(args.requests),
            "--label",
            suffix,
            "--json",
            str(out),
        ]
        if args.postgres:
            command += ["--peergoals-database-url", args.postgres]
        print(f"PeerGoals ({size}) beside KoNote2 ...", flush=True)
        shown = subprocess.run(command, capture_output=True, text=True)
        sys.stdout.write(shown.stdout)
        sys.stderr.write(shown.stderr)
        (RESULTS / f"konote_side_by_side_{suffix}.txt").write_text(shown.stdout)
        if shown.returncode:
            return shown.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
