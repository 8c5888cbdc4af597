"""Time every page a person uses, on the demo program, in a fresh SQLite database.

Builds the demo (`peergoals.demo`) under var/bench-pages/, then requests each page through the
Django test client: a warm-up, then REQUESTS timed requests. Reports p50, p95 and max in ms and
the number of queries per request, prints a table that marks any page over the target, and
writes bench/results/page_bench.json. Each page is timed twice, one pass right after the other
on the same data: in English, then with the person's profile set to Spanish (`pages_es`).
Usage: python bench/bench_pages.py [--requests N]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.test import Client

    from peergoals.people.models import User

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench-pages"
RESULTS = ROOT / "bench" / "results" / "page_bench.json"
REQUESTS = 200
WARM_UP = 10
# The target for every page on the demo data.
P95_TARGET_MS = 50.0


@dataclass(frozen=True)
class Page:
    name: str
    who: User
    url: str
    method: str = "GET"
    data: dict[str, str] | None = None
    headers: dict[str, str] | None = None
    expected: int = 200


def signed_in(person: User) -> Client:
    """A test-client browser signed in as `person`, the one place the benchmark signs in.

    It is the tests' `browser_for`, so when staff sign-in gains a second factor the benchmark
    follows the same way the tests do.
    """
    from tests.web.conftest import browser_for

    return browser_for(person)


def pages() -> list[Page]:
    from django.urls import reverse

    from peergoals.goals.models import Goal, Status, Step
    from peergoals.people.models import User

    maria = User.objects.get(username="maria")
    sam = User.objects.get(username="sam")
    pat = User.objects.get(username="pat")
    goal = Goal.objects.filter(peer=maria, status=Status.ACTIVE).order_by("pk").first()
    # A daily step: checking in on it again and again never completes it.
    step = Step.objects.filter(goal__peer=maria, status=Status.ACTIVE, target_per="day").first()
    assert goal is not None and step is not None
    coach = {"wording": "Walk for 10 minutes every morning this week", "coach_goal": str(goal.pk)}
    check_in = {f"step-{step.pk}-outcome": "done", f"step-{step.pk}-note": "Felt good"}
    htmx = {"HX-Request": "true"}
    return [
        Page("peer home", maria, reverse("goals:today")),
        Page("wins", maria, reverse("goals:wins")),
        Page("goal detail", maria, reverse("goals:detail", args=[goal.pk])),
        Page("new goal", maria, reverse("goals:new")),
        Page("edit goal", maria, reverse("goals:edit", args=[goal.pk])),
        Page("new step form", maria, reverse("goals:add_step", args=[goal.pk])),
        Page("edit step form", maria, reverse("goals:edit_step", args=[step.pk])),
        Page("review form", maria, reverse("goals:review", args=[goal.pk])),
        Page("goal history (htmx)", maria, reverse("goals:history", args=[goal.pk]), headers=htmx),
        Page("explore: first question", maria, reverse("goals:explore_screen", args=["start"])),
        Page("explore: life area", maria, reverse("goals:explore_screen", args=["area"])),
        Page("make it SMART", maria, reverse("goals:smart", args=[goal.pk])),
        Page("break it down", maria, reverse("goals:breakdown", args=[goal.pk])),
        Page("sharing", maria, reverse("privacy:sharing")),
        Page("who has seen my plan", maria, reverse("audit:seen")),
        Page("coach tips (htmx POST)", maria, reverse("goals:coach"), "POST", coach),
        Page("peer page (specialist)", sam, reverse("goals:peer", args=[maria.pk])),
        Page("goal detail (specialist)", sam, reverse("goals:detail", args=[goal.pk])),
        Page("suggest a goal (specialist)", sam, reverse("goals:propose", args=[maria.pk])),
        Page("caseload (specialist)", sam, reverse("people:caseload")),
        Page("team (supervisor)", pat, reverse("people:team")),
        Page("specialist drill-down", pat, reverse("people:specialist", args=[sam.pk])),
        # The JSON API's reads (issue 18: p95 <= 30 ms), through the same session.
        Page("api: my goals", maria, f"/api/v1/peers/{maria.pk}/goals"),
        Page("api: a goal", maria, f"/api/v1/goals/{goal.pk}"),
        Page("api: a goal's steps", maria, f"/api/v1/goals/{goal.pk}/steps"),
        Page("api: a goal's reviews", sam, f"/api/v1/goals/{goal.pk}/reviews"),
        Page("api: wins", maria, f"/api/v1/peers/{maria.pk}/wins"),
        Page("api: caseload", sam, f"/api/v1/specialists/{sam.pk}/caseload"),
        # Last: each check-in adds a row, which would grow the pages measured after it.
        Page(
            "check-in (htmx POST)",
            maria,
            reverse("goals:check_in", args=[step.pk]),
            "POST",
            check_in,
            {"HX-Request": "true"},
        ),
        Page(
            "check-in (form POST)",
            maria,
            reverse("goals:check_in", args=[step.pk]),
            "POST",
            check_in,
            expected=302,
        ),
    ]


def percentile_95(sorted_samples: list[float]) -> float:
    return sorted_samples[max(0, math.ceil(len(sorted_samples) * 0.95) - 1)]


def measure(page: Page, requests: int, language: str) -> dict[str, Any]:
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from peergoals.people.models import User

    rate_limited = {reverse(name) for name in settings.RATE_LIMITS}
    # The language on the profile decides each page's language, as after a real sign-in.
    User.objects.filter(pk=page.who.pk).update(language=language)
    client = signed_in(page.who)

    def request() -> int:
        if page.url in rate_limited:
            # One person asking hundreds of times a minute is what the rate limit stops
            # (settings.RATE_LIMITS); the count starts again, the check itself is still timed.
            cache.clear()
        if page.method == "POST":
            response = client.post(page.url, page.data or {}, headers=page.headers or {})
        else:
            response = client.get(page.url, headers=page.headers or {})
        assert response.status_code == page.expected, (page.name, response.status_code)
        return int(response.status_code)

    for _ in range(WARM_UP):
        request()
    samples, cpu_samples = [], []
    for _ in range(requests):
        began, began_cpu = time.perf_counter(), time.process_time()
        request()
        samples.append((time.perf_counter() - began) * 1000)
        cpu_samples.append((time.process_time() - began_cpu) * 1000)
    # Counted apart from the timed requests: capturing queries slows them down.
    with CaptureQueriesContext(connection) as queries:
        request()
    samples.sort()
    cpu_samples.sort()
    return {
        "url": page.url,
        "method": page.method,
        "as": page.who.username,
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(percentile_95(samples), 1),
        "max_ms": round(samples[-1], 1),
        # CPU time of this process: what the page costs when it has a core to itself.
        "cpu_p50_ms": round(statistics.median(cpu_samples), 1),
        "cpu_p95_ms": round(percentile_95(cpu_samples), 1),
        "queries": len(queries),
        "over_target": percentile_95(samples) > P95_TARGET_MS,
    }


def report(language: str, results: dict[str, dict[str, Any]]) -> list[str]:
    """Print one language's table; return the pages over the target."""
    width = max(len(name) for name in results)
    print(
        f"\n{language:{width}}  {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'cpu p95':>7}"
        f" {'queries':>7}"
    )
    for name, row in results.items():
        mark = f"  OVER {P95_TARGET_MS:g} ms" if row["over_target"] else ""
        print(
            f"{name:{width}}  {row['p50_ms']:7.1f} {row['p95_ms']:7.1f} {row['max_ms']:7.1f}"
            f" {row['cpu_p95_ms']:7.1f} {row['queries']:7d}{mark}"
        )
    over = [name for name, row in results.items() if row["over_target"]]
    print(
        f"{len(results) - len(over)} of {len(results)} pages in {language} meet p95 <= "
        f"{P95_TARGET_MS:g} ms" + (f"; over: {', '.join(over)}" if over else "")
    )
    return over


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=REQUESTS)
    args = parser.parse_args()

    shutil.rmtree(BENCH_DIR, ignore_errors=True)
    # whitenoise warns about a missing STATIC_ROOT; the pages serve from the apps' folders.
    (BENCH_DIR / "static").mkdir(parents=True)
    os.environ["PEERGOALS_VAR_DIR"] = str(BENCH_DIR)
    os.environ["DATABASE_URL"] = ""
    os.environ["DJANGO_SETTINGS_MODULE"] = "peergoals.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from peergoals.demo import build_demo
    from peergoals.goals.models import CheckIn, Goal, Step

    call_command("migrate", verbosity=0)
    build_demo()
    demo = {
        "goals": Goal.objects.count(),
        "steps": Step.objects.count(),
        "check_ins": CheckIn.objects.count(),
    }

    # As a gunicorn worker starts (peergoals/wsgi.py): the collector set up for requests.
    from peergoals.wsgi import ready_for_requests

    ready_for_requests()
    # Both languages see the same data: a check-in page, last, adds rows after both passes.
    results: dict[str, dict[str, Any]] = {}
    results_es: dict[str, dict[str, Any]] = {}
    for page in pages():
        results[page.name] = measure(page, args.requests, "en")
        results_es[page.name] = measure(page, args.requests, "es")
    over = report("English", results)
    over_es = report("Spanish", results_es)

    result = {
        "database": "SQLite (fresh, demo program)",
        "demo": demo,
        "requests_per_page": args.requests,
        "p95_target_ms": P95_TARGET_MS,
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs",
        # Timings on a shared, busy machine run high; the load says how busy it was.
        "load_average_1_5_15": [round(load, 1) for load in os.getloadavg()],
        "pages": results,
        "pages_over_target": over,
        "pages_es": results_es,
        "pages_over_target_es": over_es,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
