"""Build the 10,000-peer organisation on a fresh database and time the busiest pages on it.

Usage: python bench/bench_seed.py [--peers N] [--specialists M] [--weeks W] [--postgres URL].
By default it uses its own SQLite database under var/bench/seed/, never the demo's, and writes
bench/results/seed_bench.json. With --postgres it drops and re-creates the database the URL
names (which must start with "peergoals_bench"), and writes seed_bench_postgres.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# Its own folder: the other benchmarks keep the organisations they built beside it, in var/bench/.
BENCH_DIR = ROOT / "var" / "bench" / "seed"
RESULTS = ROOT / "bench" / "results" / "seed_bench.json"
POSTGRES_RESULTS = ROOT / "bench" / "results" / "seed_bench_postgres.json"
# Enough that p95 is the 95th of 100, not the worst of a handful.
REQUESTS = 100


def fresh_postgres_database(url: str) -> None:
    """Drop and re-create the (benchmark-only) database `url` names."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("peergoals_bench"):
        raise SystemExit(f"refusing to drop {name!r}: use a database named peergoals_bench...")
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


REPORT_REQUESTS = 5


def time_outcome_report(supervisor: object) -> dict[str, dict[str, object]]:
    """Time the outcome report: built by its query function, and as the page and the CSV a
    program admin (the whole program) and a supervisor (one team) download."""
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from peergoals.outcomes.report import Scope, build_report
    from peergoals.people.models import Role, User
    from tests.web.conftest import browser_for

    admin, _ = User.objects.get_or_create(username="bench-admin", defaults={"role": Role.ADMIN})
    today = timezone.localdate()
    start = today - datetime.timedelta(weeks=8)
    query = f"?start={start.isoformat()}&end={today.isoformat()}"
    runs = {
        "build (program admin, whole program)": (admin, None),
        "page (program admin, whole program)": (admin, reverse("outcomes:report") + query),
        "csv (program admin, whole program)": (admin, reverse("outcomes:report_csv") + query),
        "page (supervisor, one team)": (supervisor, reverse("outcomes:report") + query),
    }
    timings: dict[str, dict[str, object]] = {}
    for name, (user, url) in runs.items():
        client = browser_for(user)  # type: ignore[arg-type]
        samples = []
        for _ in range(REPORT_REQUESTS + 1):  # the first warms caches and is not counted
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                if url is None:
                    built = build_report(admin, Scope(start=start, end=today))
                    peers = str(built.peers_served)
                else:
                    response = client.get(url)
                    assert response.status_code == 200, (name, response.status_code)
                samples.append((time.perf_counter() - began) * 1000)
        samples = sorted(samples[1:])
        timings[name] = {
            "p50_ms": round(statistics.median(samples), 1),
            "max_ms": round(samples[-1], 1),
            "queries": len(queries),
        }
        if url is None:
            timings[name]["peers_counted"] = peers
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--peers", type=int, default=10_000)
    parser.add_argument("--specialists", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL database to build it in")
    args = parser.parse_args()

    shutil.rmtree(BENCH_DIR, ignore_errors=True)
    BENCH_DIR.mkdir(parents=True)
    os.environ["PEERGOALS_VAR_DIR"] = str(BENCH_DIR)
    os.environ["DATABASE_URL"] = args.postgres or ""
    if args.postgres:
        fresh_postgres_database(args.postgres)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peergoals.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from peergoals.goals.models import Goal
    from peergoals.people.models import User
    from peergoals.seed import build_organisation
    from tests.web.conftest import browser_for

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    report = build_organisation(peers=args.peers, specialists=args.specialists, weeks=args.weeks)
    build_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        if args.postgres:
            # What autovacuum does soon after a bulk load; the planner needs the statistics.
            cursor.execute("VACUUM ANALYZE")
            cursor.execute("SELECT pg_database_size(current_database())")
            size_mib = cursor.fetchone()[0] / 2**20
        else:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size_mib = (BENCH_DIR / "peergoals.sqlite3").stat().st_size / 2**20

    specialist = User.objects.get(username="seed-specialist-0001")
    peer = User.objects.filter(assignments__specialist=specialist).order_by("id").first()
    supervisor = User.objects.get(username="seed-supervisor-001")
    assert peer is not None
    pages = {
        "caseload (specialist)": (specialist, reverse("people:caseload")),
        "peer page (specialist)": (specialist, reverse("goals:peer", args=[peer.id])),
        "team (supervisor)": (supervisor, reverse("people:team")),
        "peer home (peer)": (peer, reverse("goals:today")),
    }
    # The JSON API's reads, with the same people (target: p95 within 30 ms).
    goal = Goal.objects.filter(peer=peer).order_by("id").first()
    assert goal is not None
    api_reads = {
        "api: my goals (peer)": (peer, f"/api/v1/peers/{peer.pk}/goals"),
        "api: a goal (peer)": (peer, f"/api/v1/goals/{goal.pk}"),
        "api: a goal's steps (peer)": (peer, f"/api/v1/goals/{goal.pk}/steps"),
        "api: a goal's reviews (specialist)": (specialist, f"/api/v1/goals/{goal.pk}/reviews"),
        "api: wins (peer)": (peer, f"/api/v1/peers/{peer.pk}/wins"),
        "api: caseload (specialist)": (specialist, f"/api/v1/specialists/{specialist.pk}/caseload"),
    }
    pages.update(api_reads)
    # As a gunicorn worker starts (peergoals/wsgi.py): the collector set up for requests.
    from peergoals.wsgi import ready_for_requests

    ready_for_requests()
    timings = {}
    for name, (user, url) in pages.items():
        # Signed in and past two-step sign-in, as the test suite's browsers are.
        client = browser_for(user)
        client.get(url)  # warm caches and the connection
        samples = []
        for _ in range(REQUESTS):
            began = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (name, response.status_code)
        # Counted apart from the timed requests, as bench_pages.py counts them: capturing makes
        # Django format every statement's parameters (on SQLite, by asking the database to
        # quote each one), about 1 ms more on a caseload that writes 50 audit entries.
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        samples.sort()
        timings[name] = {
            "url": url,
            "p50_ms": round(statistics.median(samples), 1),
            "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 1),
            "queries": len(queries),
        }

    reports = time_outcome_report(supervisor)

    result = {
        "peers": report.peers,
        "specialists": report.specialists,
        "supervisors": report.supervisors,
        "goals": report.goals,
        "steps": report.steps,
        "check_ins": report.check_ins,
        "reviews": report.reviews,
        "wins": report.wins,
        "build_seconds": round(build_seconds, 1),
        "database": "PostgreSQL" if args.postgres else "SQLite",
        "database_size_mib": round(size_mib, 1),
        "caseload_size": User.objects.on_caseload_of(specialist).count(),
        "pages": timings,
        # The program's outcome report over the seed's weeks, whole program and one team
        # (target: built in under 2 s, a fixed number of queries).
        "outcome_report": reports,
    }
    results = POSTGRES_RESULTS if args.postgres else RESULTS
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
