"""Web push, end to end on 127.0.0.1: the page subscribes the browser, the job encrypts and signs
a reminder, a push service checks the VAPID signature and the browser's key decrypts it; the
"Done" action then records the check-in. And a worker killed mid-run, started again, sends
every reminder exactly once."""

from __future__ import annotations

import datetime
import json
import os
import signal
import subprocess
import sys
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from peergoals.goals.models import CheckIn, Step
from peergoals.reminders import jobs
from peergoals.reminders.management.commands.vapid_keys import new_vapid_keys
from peergoals.reminders.models import PushSubscription
from tests.personas import People
from tests.push_endpoint import PushEndpoint
from tests.web.conftest import browser_for

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def vapid(settings: Any) -> tuple[str, str]:
    public, private = new_vapid_keys()
    settings.PEERGOALS_VAPID_PUBLIC_KEY = public
    settings.PEERGOALS_VAPID_PRIVATE_KEY = private
    return public, private


@pytest.fixture
def push_service(vapid: tuple[str, str]) -> Iterator[PushEndpoint]:
    endpoint = PushEndpoint(public_key=vapid[0]).start()
    yield endpoint
    endpoint.stop()


def subscribe(browser: Client, subscription: dict[str, Any]) -> int:
    return browser.post(
        reverse("reminders:push_subscribe"),
        json.dumps(subscription),
        content_type="application/json",
    ).status_code


def test_the_page_offers_the_servers_public_key_when_push_is_set_up(
    people: People, vapid: tuple[str, str]
) -> None:
    page = browser_for(people.maria).get(reverse("goals:today"))
    assert f'<meta name="vapid-public-key" content="{vapid[0]}">' in page.text


def test_a_reminder_is_signed_encrypted_and_its_done_action_records_a_check_in(
    people: People, walk_step: Step, push_service: PushEndpoint
) -> None:
    maria = browser_for(people.maria)
    assert subscribe(maria, push_service.subscription()) == 201
    maria.post(reverse("reminders:step", args=[walk_step.pk]), {"at": "18:00", "weekdays": "2"})
    now = datetime.datetime(2026, 6, 10, 18, 1, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    assert jobs.send_due_reminders(now) == 1
    assert push_service.refused == []
    [payload] = push_service.received
    check_in_url = reverse("goals:check_in", args=[walk_step.pk])
    assert payload == {
        "title": "PeerGoals",
        "body": "A step for today is waiting.",
        "tag": payload["tag"],
        "url": reverse("goals:today"),
        "check_in": {"step": walk_step.pk, "url": check_in_url},
        "actions": [
            {"action": "done", "title": "Done"},
            {"action": "not_today", "title": "Not today"},
        ],
    }
    assert payload["tag"].startswith("reminder-")
    assert "Walk" not in json.dumps(payload)  # nothing private on a lock screen
    # The service worker's "Done": an ordinary signed-in check-in on the step.
    page = maria.post(check_in_url, {f"step-{walk_step.pk}-outcome": "done"})
    assert page.status_code == 302
    assert CheckIn.objects.get(step=walk_step).outcome == "done"


def test_a_subscription_the_browser_dropped_is_forgotten(
    people: People, walk_step: Step, push_service: PushEndpoint
) -> None:
    maria = browser_for(people.maria)
    gone = push_service.subscription()
    gone["endpoint"] = gone["endpoint"].replace("/push/", "/gone/")
    assert subscribe(maria, gone) == 201
    maria.post(reverse("reminders:step", args=[walk_step.pk]), {"at": "18:00", "weekdays": "2"})
    now = datetime.datetime(2026, 6, 10, 18, 1, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    assert jobs.send_due_reminders(now) == 0
    assert not PushSubscription.objects.exists()


def test_signing_out_a_browser_unsubscribes_it(people: People, push_service: PushEndpoint) -> None:
    maria = browser_for(people.maria)
    subscription = push_service.subscription()
    subscribe(maria, subscription)
    assert PushSubscription.objects.get().person == people.maria
    page = maria.post(
        reverse("reminders:push_unsubscribe"),
        json.dumps({"endpoint": subscription["endpoint"]}),
        content_type="application/json",
    )
    assert page.status_code == 204
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[]",
        '{"endpoint": "javascript:alert(1)", "keys": {"p256dh": "x", "auth": "y"}}',
        '{"endpoint": "https://push.example/1", "keys": "nope"}',
        '{"endpoint": 5}',
    ],
)
def test_junk_sent_as_a_subscription_is_refused(people: People, body: str) -> None:
    maria = browser_for(people.maria)
    page = maria.post(reverse("reminders:push_subscribe"), body, content_type="application/json")
    assert page.status_code == 400
    assert not PushSubscription.objects.exists()


SETUP = """
import datetime, json, sys, zoneinfo
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.utils import timezone
from peergoals.goals import actions
from peergoals.people.models import Role
from peergoals.reminders import actions as reminders
from tests.personas import make_person
peer = make_person("peer", Role.PEER)
goal = actions.create_goal(peer, by=peer, own_words="Show up", life_area="emotional")
subscription = json.loads(sys.argv[1])
reminders.subscribe(peer, endpoint=subscription["endpoint"], **subscription["keys"])
now = timezone.now().astimezone(zoneinfo.ZoneInfo("America/New_York"))
due = (now - datetime.timedelta(minutes=2)).time().replace(second=0, microsecond=0)
for number in range(int(sys.argv[2])):
    step = actions.add_step(goal, by=peer, wording=f"Step {number}", target_kind="once")
    reminders.add_step_reminder(step, by=peer, at=due, weekdays=list("0123456"))
"""


def test_a_worker_killed_mid_run_and_started_again_sends_each_reminder_once(
    tmp_path: Path, vapid: tuple[str, str]
) -> None:
    reminders, kill_at = 10, 4
    endpoint = PushEndpoint(public_key=vapid[0]).start()
    env = {
        **os.environ,
        "DATABASE_URL": "",
        "PEERGOALS_VAR_DIR": str(tmp_path),
        "PEERGOALS_VAPID_PUBLIC_KEY": vapid[0],
        "PEERGOALS_VAPID_PRIVATE_KEY": vapid[1],
        "DJANGO_SETTINGS_MODULE": "peergoals.settings",
        "PYTHONPATH": str(ROOT),
    }
    subscription = json.dumps(endpoint.subscription())
    subprocess.run(
        [sys.executable, "-c", SETUP, subscription, str(reminders)], env=env, check=True, cwd=ROOT
    )
    worker: dict[str, subprocess.Popen[bytes]] = {}

    def pull_the_plug(count: int) -> None:
        # The push service has the 4th message; the worker dies before hearing back.
        if count == kill_at:
            worker["run"].send_signal(signal.SIGKILL)

    endpoint.on_message = pull_the_plug
    try:
        worker["run"] = subprocess.Popen([BIN / "peergoals", "send-reminders"], env=env, cwd=ROOT)
        assert worker["run"].wait(timeout=60) == -signal.SIGKILL
        assert len(endpoint.received) == kill_at
        endpoint.on_message = None
        again = subprocess.run(
            [BIN / "peergoals", "send-reminders"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        assert b"6 reminders" in again.stdout
        # And a third run, as the worker does a minute later: nothing more.
        subprocess.run([BIN / "peergoals", "send-reminders"], env=env, cwd=ROOT, check=True)
    finally:
        endpoint.stop()
    tags = [payload["tag"] for payload in endpoint.received]
    assert len(tags) == reminders
    assert len(set(tags)) == reminders
    assert endpoint.refused == []
