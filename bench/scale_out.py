"""Scale out: two app servers on PostgreSQL behind nginx, 200 people at once, one server stopped.

Usage: .venv/bin/python bench/scale_out.py --database-url postgres://.../DB
           [--users 200] [--seconds 60] [--workers 2] [--stop graceful|kill]

The production topology in miniature (docs/operations.md, "Running several app servers"):
Debian's nginx (installed with apt-get when missing) listens on 127.0.0.1 and balances two
gunicorn instances of PeerGoals (production settings, DEBUG off) that share one PostgreSQL
database, which must already hold a seeded organisation (`peergoals seed --peers 10000
--specialists 200 --weeks 8`, or `make seed-bench-postgres`). nginx passes
`X-Forwarded-Proto: https`, as it would after ending TLS.

The load: --users people at once, with no think time, each on their own session: four in five
are peers, each alternating their home page and a check-in on a daily step of theirs (a POST
with a unique note); the rest are specialists, alternating their caseload and the page of a
peer on it. Half-way through, one app server is stopped. `graceful` is a rolling restart: it
is taken out of nginx (a reload; requests under way finish), then sent SIGTERM (gunicorn
finishes what it holds). `kill` sends SIGKILL to its whole process group without warning:
requests in flight fail, and a POST nginx had already passed on is not retried elsewhere (so
no check-in is ever saved twice); it is answered with an error and counted as not acknowledged.

Afterwards it looks up every check-in note in the database: each acknowledged check-in (a 302 to
/me/) must be there. It prints and writes bench/results/scale_out.json: requests/s, check-ins/s,
p50/p95 per kind of request, errors, and acknowledged-but-missing check-ins (must be 0).

Everything listens on 127.0.0.1 only; the servers are stopped by the process groups this script
started, never by name. The database gains sessions, a TOTP device per specialist used (as the
test suite's sign-in does) and the check-ins of the run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "scale_out.json"
HOST = "127.0.0.1"

NGINX_CONF = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
events {{ worker_connections 2048; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    upstream peergoals {{
        server {host}:{first} max_fails=1 fail_timeout=30s;
        server {host}:{second} max_fails=1 fail_timeout=30s{second_down};
    }}
    server {{
        listen {host}:{port};
        location / {{
            proxy_pass http://peergoals;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            # What nginx sends after ending TLS in production.
            proxy_set_header X-Forwarded-Proto https;
            # A request that never reached a server (refused) goes to the other one; one that
            # did is never sent twice (nginx's default for POST), so no check-in is doubled.
            proxy_next_upstream error timeout http_502;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""

SESSIONS = r"""
import json, sys
import django
django.setup()
from django.conf import settings
from peergoals.goals.models import Status, Step
from peergoals.people.models import Role, User
from tests.web.conftest import browser_for

peers_wanted, specialists_wanted = int(sys.argv[1]), int(sys.argv[2])
def cookie(user):
    return browser_for(user).cookies[settings.SESSION_COOKIE_NAME].value
peers = []
steps = (
    Step.objects.filter(goal__status=Status.ACTIVE, status=Status.ACTIVE, target_per="day",
                        goal__peer__role=Role.PEER, goal__peer__is_active=True)
    .select_related("goal__peer").order_by("goal__peer_id", "pk")
)
seen = set()
for step in steps.iterator():
    if step.goal.peer_id in seen:
        continue
    seen.add(step.goal.peer_id)
    peers.append({"cookie": cookie(step.goal.peer), "step_id": step.pk})
    if len(peers) == peers_wanted:
        break
specialists = []
for person in User.objects.filter(role=Role.SPECIALIST, is_active=True).order_by("username"):
    peer = User.objects.on_caseload_of(person).order_by("pk").first()
    if peer is None:
        continue
    specialists.append({"cookie": cookie(person), "peer_id": peer.pk})
    if len(specialists) == specialists_wanted:
        break
print(json.dumps({"cookie_name": settings.SESSION_COOKIE_NAME, "peers": peers,
                  "specialists": specialists}))
"""

COUNT = r"""
import json, sys
import django
django.setup()
from peergoals.goals.models import CheckIn
notes = set(CheckIn.objects.filter(note__startswith=sys.argv[1]).values_list("note", flat=True))
print(json.dumps(sorted(notes)))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if found:
        return found
    print("nginx is missing: installing Debian's (apt-get install nginx-light) ...", flush=True)
    subprocess.run(["apt-get", "update", "-q"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "nginx-light"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    # The package starts its own nginx on port 80; this script needs only the binary.
    subprocess.run(["service", "nginx", "stop"], check=False)
    return "/usr/sbin/nginx"


def django_json(script: str, args: list[str], env: dict[str, str]) -> Any:
    shown = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", script, *args],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "peergoals.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(shown.stdout.strip().splitlines()[-1])


@dataclass
class Process:
    name: str
    argv: list[str]
    env: dict[str, str]
    log: Path
    popen: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        # A session of its own: stop() signals exactly this process group.
        self.popen = subprocess.Popen(
            self.argv,
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def signal(self, number: int) -> None:
        if self.popen is not None and self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, number)

    def stop(self, timeout: float = 30) -> None:
        self.signal(signal.SIGTERM)
        if self.popen is not None:
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.signal(signal.SIGKILL)
                self.popen.wait()


def children_of(parent: int) -> list[int]:
    """The PIDs of `parent`'s child processes, from /proc."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                if int(stat[stat.rindex(")") + 2 :].split()[1]) == parent:
                    children.append(int(entry.name))
    return children


def wait_for(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        time.sleep(0.3)
    raise SystemExit(f"nothing answered on {HOST}:{port}")


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    acknowledged: list[str] = field(default_factory=list)
    unacknowledged: list[str] = field(default_factory=list)

    def ok(self, kind: str, ms: float) -> None:
        self.latencies.setdefault(kind, []).append(ms)

    def error(self, kind: str, what: str) -> None:
        key = f"{kind}: {what}"
        self.errors[key] = self.errors.get(key, 0) + 1


async def exchange(port: int, request: bytes, timeout: float) -> tuple[int, str]:
    async def talk() -> bytes:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            writer.write(request)
            await writer.drain()
            return await reader.read()
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    data = await asyncio.wait_for(talk(), timeout)
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    status = int(head.split(" ", 2)[1])
    location = next(
        (
            line.partition(":")[2].strip()
            for line in head.split("\r\n")[1:]
            if line.lower().startswith("location:")
        ),
        "",
    )
    return status, location


def http_request(port: int, method: str, path: str, cookie: str, body: str = "") -> bytes:
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: {HOST}:{port}",
        "Connection: close",
        f"Cookie: {cookie}",
        f"Referer: https://{HOST}:{port}/me/",
    ]
    if method == "POST":
        lines += [
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(body.encode())}",
        ]
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()


async def person(
    port: int, cookie: str, pages: list[tuple[str, str, str]], deadline: float, tally: Tally
) -> None:
    """Requests `pages` in turn until the deadline. A page is (kind, path, note prefix or "")."""
    csrf = secrets.token_hex(16)
    jar = f"{cookie}; csrftoken={csrf}"
    turn = 0
    while time.monotonic() < deadline:
        kind, path, note_prefix = pages[turn % len(pages)]
        if note_prefix:
            note = f"{note_prefix}-{turn:05d}"
            step = path.split("/")[2]
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": csrf,
                    f"step-{step}-outcome": "done",
                    f"step-{step}-note": note,
                }
            )
            request = http_request(port, "POST", path, jar, body)
        else:
            note, request = "", http_request(port, "GET", path, jar)
        turn += 1
        began = time.perf_counter()
        try:
            status, location = await exchange(port, request, 60)
        except (OSError, TimeoutError, ValueError, IndexError) as error:
            tally.error(kind, type(error).__name__)
            if note:
                tally.unacknowledged.append(note)
            continue
        ms = (time.perf_counter() - began) * 1000
        if note and status == 302 and urllib.parse.urlsplit(location).path == "/me/":
            tally.acknowledged.append(note)
            tally.ok(kind, ms)
        elif not note and status == 200:
            tally.ok(kind, ms)
        else:
            tally.error(kind, f"HTTP {status}")
            if note:
                tally.unacknowledged.append(note)


async def load(
    port: int, sessions: dict, run: str, seconds: float, stop_one: Callable[[], None]
) -> tuple[Tally, float]:
    tally = Tally()
    name = sessions["cookie_name"]
    began = time.monotonic()
    deadline = began + seconds
    tasks = [
        person(
            port,
            f"{name}={peer['cookie']}",
            [
                ("peer home", "/me/", ""),
                ("check-in", f"/steps/{peer['step_id']}/check-in/", f"{run}-{number:03d}"),
            ],
            deadline,
            tally,
        )
        for number, peer in enumerate(sessions["peers"])
    ] + [
        person(
            port,
            f"{name}={specialist['cookie']}",
            [("caseload", "/caseload/", ""), ("peer page", f"/peers/{specialist['peer_id']}/", "")],
            deadline,
            tally,
        )
        for specialist in sessions["specialists"]
    ]

    async def stop_half_way() -> None:
        await asyncio.sleep(seconds / 2)
        # Off the event loop: the people keep going while the server stops.
        await asyncio.to_thread(stop_one)

    await asyncio.gather(*tasks, stop_half_way())
    return tally, time.monotonic() - began


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True, help="a seeded PostgreSQL database")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per app server")
    parser.add_argument("--stop", choices=["graceful", "kill"], default="graceful")
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("--database-url must name a PostgreSQL database")

    nginx = nginx_binary()
    tmp = Path(tempfile.mkdtemp(prefix="peergoals_scale_out."))
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "PEERGOALS_VAR_DIR": str(tmp / "var"),
        "LOG_LEVEL": "WARNING",
    }
    # The sessions are made here and used by the app servers: the same key signs both.
    env["SECRET_KEY"] = secrets.token_urlsafe(64)
    specialists = args.users // 5
    print(f"signing in {args.users - specialists} peers and {specialists} specialists ...")
    sessions = django_json(SESSIONS, [str(args.users - specialists), str(specialists)], env)
    if len(sessions["peers"]) + len(sessions["specialists"]) < args.users:
        raise SystemExit("the database has too few peers with a daily step: seed a bigger one")

    app_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "peergoals.settings_production",
        "ALLOWED_HOSTS": HOST,
        "TRUSTED_PROXY_COUNT": "1",
    }
    ports = [free_port(), free_port()]
    apps = [
        Process(
            f"app-{number + 1}",
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "peergoals.wsgi",
                "--workers",
                str(args.workers),
                "--bind",
                f"{HOST}:{port}",
                "--graceful-timeout",
                "30",
            ],
            app_env,
            tmp / f"app-{number + 1}.log",
        )
        for number, port in enumerate(ports)
    ]
    front = free_port()

    def configure(second_down: bool) -> None:
        (tmp / "nginx.conf").write_text(
            NGINX_CONF.format(
                tmp=tmp,
                host=HOST,
                first=ports[0],
                second=ports[1],
                second_down=" down" if second_down else "",
                port=front,
                # As root, nginx's workers would switch to "nobody", who can't write the temp dir.
                user="user root;" if os.geteuid() == 0 else "",
            )
        )

    configure(second_down=False)
    proxy = Process(
        "nginx",
        [nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"],
        env,
        tmp / "nginx.out",
    )
    run = f"scale-{secrets.token_hex(4)}"

    def stop_second() -> None:
        if args.stop == "kill":
            print("killing app server 2 (SIGKILL, no warning) ...", flush=True)
            apps[1].signal(signal.SIGKILL)
            return
        # A rolling restart: take it out of nginx (a reload lets requests under way finish),
        # then stop gunicorn, which finishes the requests it holds.
        print("draining app server 2 from nginx, then stopping it (SIGTERM) ...", flush=True)
        assert proxy.popen is not None
        old_workers = children_of(proxy.popen.pid)
        configure(second_down=True)
        proxy.signal(signal.SIGHUP)
        # nginx's old workers exit once the requests they passed on are answered.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and any(
            Path(f"/proc/{pid}").exists() for pid in old_workers
        ):
            time.sleep(0.2)
        apps[1].stop()

    try:
        for app in apps:
            app.start()
        for port in ports:
            wait_for(port)
        proxy.start()
        wait_for(front)
        print(
            f"{args.users} people for {args.seconds:.0f} s through nginx on {HOST}:{front} "
            f"to two app servers of {args.workers} workers ...",
            flush=True,
        )
        tally, elapsed = asyncio.run(load(front, sessions, run, args.seconds, stop_second))
    finally:
        proxy.stop()
        for app in apps:
            app.stop()
    found = set(django_json(COUNT, [run], env))
    missing = [note for note in tally.acknowledged if note not in found]
    done_unacknowledged = [note for note in tally.unacknowledged if note in found]

    everything = [ms for values in tally.latencies.values() for ms in values]
    result = {
        "users": args.users,
        "seconds": round(elapsed, 1),
        "app_servers": 2,
        "workers_per_app_server": args.workers,
        "stopped_half_way": args.stop,
        "requests_per_second": round(len(everything) / elapsed, 1),
        "check_ins_per_second": round(len(tally.acknowledged) / elapsed, 1),
        "p50_ms": round(statistics.median(everything), 1) if everything else None,
        "p95_ms": round(percentile(everything, 0.95), 1),
        "pages": {
            kind: {
                "requests": len(values),
                "p50_ms": round(statistics.median(values), 1),
                "p95_ms": round(percentile(values, 0.95), 1),
            }
            for kind, values in sorted(tally.latencies.items())
        },
        "errors": tally.errors,
        "check_ins_acknowledged": len(tally.acknowledged),
        "acknowledged_missing": len(missing),
        "unacknowledged_but_saved": len(done_unacknowledged),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    if missing:
        print(f"LOST: {len(missing)} acknowledged check-ins are not in the database; logs in {tmp}")
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
