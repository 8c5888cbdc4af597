"""A killed server loses no check-in it acknowledged, nor the audit entry of any page it
showed, and leaves SQLite intact.

The real thing, end to end: gunicorn with several workers on a SQLite file, eight people's
phones (threads with their own HTTP sessions) signing in and checking in at once while their
peer specialist reads the caseload and a peer's page, then the whole server (master and
workers) killed with SIGKILL mid-stream and started again. Every check-in the server answered
"saved" must be in the database, every page it showed the specialist must have its audit entry
(those are committed without a disk flush of their own: peergoals.db.flushed_with_the_next_write),
and SQLite's integrity check must pass.
"""

from __future__ import annotations

import http.client
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from contextlib import closing, suppress
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from tests.personas import PASSWORD

ROUNDS = 5
CLIENTS = 8
WORKERS = 3
# Acknowledged check-ins to wait for before pulling the plug, so every round kills mid-stream.
ACKS_BEFORE_KILL = 2 * CLIENTS
STARTUP_SECONDS = 20.0
ROUND_SECONDS = 15.0
BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent

# Eight peers, each on their own phone: a limit on sessions per person must not change what
# this test checks. Each peer has a step per round, so no step sees check-ins from two rounds.
SETUP = f"""
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from peergoals.goals import actions
from peergoals.people.models import Role, User
from tests.personas import make_person
first = make_person("peer0", Role.PEER)
from peergoals.people.actions import assign_peer
from tests.personas import agree_to_share
from tests.web.conftest import browser_for
admin = make_person("admin", Role.ADMIN)
reader = make_person("reader", Role.SPECIALIST)
for client in range({CLIENTS}):
    # One slow password hash, shared: the same password for everyone in this test.
    peer = first if client == 0 else User.objects.create(
        username=f"peer{{client}}", role=Role.PEER, password=first.password
    )
    agree_to_share(peer)
    assign_peer(peer, reader, by=admin)
    goal = actions.create_goal(peer, by=peer, own_words="Show up", life_area="emotional")
    for number in range({ROUNDS}):
        step = actions.add_step(
            goal, by=peer, wording=f"Step {{number}}", target_kind="count", target_quantity=1,
            target_per="day",
        )
        print(number, peer.username, step.pk)
# The specialist, signed in and past the 6-digit code as after a real sign-in.
print("reader", browser_for(reader).cookies["sessionid"].value, first.pk)
"""


class ServerGone(Exception):
    """The server stopped answering: it was killed."""


class Browser:
    """One person's phone: a cookie jar and plain HTTP requests, no redirects followed."""

    def __init__(self, port: int, username: str = "") -> None:
        self.port = port
        self.username = username
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
        except (OSError, http.client.HTTPException) as error:
            raise ServerGone(str(error)) from error
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, dict(response.headers), text

    def post(self, path: str, form: dict[str, str]) -> tuple[int, dict[str, str], str]:
        return self.request(
            "POST", path, {"csrfmiddlewaretoken": self.cookies["csrftoken"], **form}
        )

    def sign_in(self, username: str, password: str) -> None:
        self.request("GET", "/login/")
        status, headers, _ = self.post("/login/", {"username": username, "password": password})
        assert status == 302 and headers["Location"] == "/", (status, headers)


@dataclass
class Round:
    acknowledged: list[str] = field(default_factory=list)
    reads: dict[str, int] = field(default_factory=lambda: dict.fromkeys(READS, 0))
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)


def check_in_until_killed(browser: Browser, step_id: int, this_round: Round) -> None:
    try:
        if not browser.cookies.get("sessionid"):
            browser.sign_in(browser.username, PASSWORD)
        # Bounded: a round never lasts longer than ROUND_SECONDS, killed or not.
        deadline = time.monotonic() + ROUND_SECONDS
        while not this_round.stop.is_set() and time.monotonic() < deadline:
            token = uuid.uuid4().hex
            status, headers, _ = browser.post(
                f"/steps/{step_id}/check-in/",
                {f"step-{step_id}-outcome": "done", f"step-{step_id}-note": token},
            )
            # Saved: the server sends the person back to their page with a thank-you.
            if status == 302 and headers["Location"] == "/me/":
                with this_round.lock:
                    this_round.acknowledged.append(token)
            else:
                this_round.problems.append(f"check-in answered {status}")
                return
    except ServerGone:
        return
    except Exception as error:  # reported by the test thread; an exception here is lost
        this_round.problems.append(repr(error))


# The pages the specialist reads, and the audit entry each one showing writes for peer0.
READS = {"peer page": "plan", "caseload": "caseload"}


def read_until_killed(browser: Browser, peer_id: int, this_round: Round) -> None:
    """The specialist opens the caseload and a peer's page in turn; each page shown is a read
    that must stay in the audit log."""
    paths = {"peer page": f"/peers/{peer_id}/", "caseload": "/caseload/"}
    try:
        deadline = time.monotonic() + ROUND_SECONDS
        while not this_round.stop.is_set() and time.monotonic() < deadline:
            for page, path in paths.items():
                status, _headers, _text = browser.request("GET", path)
                if status != 200:
                    this_round.problems.append(f"{page} answered {status}")
                    return
                with this_round.lock:
                    this_round.reads[page] += 1
    except ServerGone:
        return
    except Exception as error:
        this_round.problems.append(repr(error))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """gunicorn in its own process group, so one SIGKILL reaches the master and every worker."""

    def __init__(self, environment: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "peergoals.wsgi",
                f"--workers={WORKERS}",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=30",
                # One Django start in the master instead of one per worker: restarts stay quick
                # on a busy CI machine. Workers are still separate processes writing at once.
                "--preload",
            ],
            env=environment,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if Browser(self.port).request("GET", "/login/")[0] == 200:
                    return
            except ServerGone:
                time.sleep(0.1)
        self.stop()
        raise AssertionError(f"gunicorn did not start:\n{log.read_text()[-3000:]}")

    def kill(self) -> None:
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        # Workers die with the group; wait (bounded) until none is left holding the database.
        deadline = time.monotonic() + 10
        while running_in_group(self.process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not running_in_group(self.process.pid), "gunicorn workers survived SIGKILL"
        self.log.close()

    def stop(self) -> None:
        if self.log.closed:
            return
        self.kill()


def running_in_group(group: int) -> list[int]:
    """Processes of the group that still run; a dead worker is a zombie until someone reaps it
    (in a container, PID 1 may never), and a zombie holds no database lock."""
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError):
            # The command name in parentheses may hold spaces; the fields after it do not.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group and fields[0] != "Z":
                running.append(int(stat.parent.name))
    return running


def saved_notes(database: Path) -> set[str]:
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {note for (note,) in connection.execute("SELECT note FROM goals_checkin")}


def audited_reads(database: Path, peer_id: int) -> dict[str, int]:
    """How many reads of peer0's records by the specialist each page left in the audit log."""
    with closing(sqlite3.connect(database)) as connection:
        return {
            page: connection.execute(
                "SELECT COUNT(*) FROM audit_auditentry WHERE username = 'reader' "
                "AND action = 'view' AND record_type = ? AND peer_id = ?",
                (record_type, peer_id),
            ).fetchone()[0]
            for page, record_type in READS.items()
        }


def test_it_keeps_every_acknowledged_check_in_and_read_when_the_server_is_killed(
    tmp_path: Path,
) -> None:
    database = tmp_path / "peergoals.sqlite3"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "peergoals.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "PEERGOALS_VAR_DIR": str(tmp_path),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "",
        "LOG_LEVEL": "WARNING",
    }
    made = subprocess.run(
        [sys.executable, "-c", SETUP],
        env=environment,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    phones_by_round: dict[int, list[tuple[str, int]]] = {}
    for line in made.stdout.splitlines():
        number, username, step_id = line.split()
        if number == "reader":
            reader_session, read_peer = username, int(step_id)
            continue
        phones_by_round.setdefault(int(number), []).append((username, int(step_id)))
    assert [len(phones_by_round[number]) for number in range(ROUNDS)] == [CLIENTS] * ROUNDS

    acknowledged: list[str] = []
    reads_shown = dict.fromkeys(READS, 0)
    server = Server(environment, tmp_path / "gunicorn.log")
    reader = Browser(server.port)
    reader.cookies["sessionid"] = reader_session
    # Each person signs in once; sessions live in the database, so they outlast every crash.
    browsers = {username: Browser(server.port, username) for username, _step in phones_by_round[0]}
    try:
        for number in range(ROUNDS):
            this_round = Round()
            # Each phone checks in on a step of its own, so the test holds whatever the rule for
            # a second check-in on the same step and day.
            phones = []
            for username, step in phones_by_round[number]:
                browsers[username].port = server.port
                phones.append(
                    threading.Thread(
                        target=check_in_until_killed, args=(browsers[username], step, this_round)
                    )
                )
            reader.port = server.port
            phones.append(
                threading.Thread(target=read_until_killed, args=(reader, read_peer, this_round))
            )
            for phone in phones:
                phone.start()
            deadline = time.monotonic() + ROUND_SECONDS
            while (
                len(this_round.acknowledged) < ACKS_BEFORE_KILL
                and not this_round.problems
                and time.monotonic() < deadline
            ):
                time.sleep(0.02)
            assert not this_round.problems, this_round.problems
            assert len(this_round.acknowledged) >= ACKS_BEFORE_KILL, "too few check-ins saved"
            time.sleep(random.uniform(0, 0.3))
            server.kill()
            this_round.stop.set()
            for phone in phones:
                phone.join(timeout=30)
                assert not phone.is_alive()
            acknowledged += this_round.acknowledged
            for page, count in this_round.reads.items():
                reads_shown[page] += count

            server = Server(environment, tmp_path / "gunicorn.log")
            saved = saved_notes(database)
            missing = set(acknowledged) - saved
            assert not missing, f"round {number + 1}: {len(missing)} acknowledged check-ins lost"
            # A read killed after its entry was written but before the page was sent leaves an
            # entry for a page nobody saw: more entries than pages shown is fine, fewer is not.
            audited = audited_reads(database, read_peer)
            for page, shown in reads_shown.items():
                assert audited[page] >= shown, f"round {number + 1}: {page} reads lost from the log"
            print(
                f"round {number + 1}: {len(this_round.acknowledged)} acknowledged; "
                f"all {len(acknowledged)} acknowledged so far present among {len(saved)} saved; "
                f"pages shown to the specialist {reads_shown}, audited {audited}"
            )
    finally:
        server.stop()
    assert len(acknowledged) >= ROUNDS * ACKS_BEFORE_KILL
    assert all(reads_shown.values()), reads_shown
