"""The peer's private calendar feed: an address shown once, steps as repeating events with
neutral titles unless the peer chooses their own words, stopped on request, read sparingly
into the audit log."""

from __future__ import annotations

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from peergoals.audit.models import AuditAction, AuditEntry
from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from peergoals.privacy import actions as privacy
from peergoals.privacy import calendar_feeds
from peergoals.privacy.models import CalendarFeed
from tests.audit_helpers import new_entries
from tests.personas import People


def make_address(client: Client, **form: str) -> str:
    """Make a calendar address on the peer's page; the address the page shows."""
    page = client.post(reverse("privacy:calendar_start"), form)
    assert page.status_code == 200
    match = re.search(r'id="calendar-address"[^>]*value="([^"]+)"', page.text)
    assert match, "the new address is shown"
    return match[1]


def secret_of(address: str) -> str:
    return parse_qs(urlsplit(address).query)["token"][0]


def read(address: str) -> Calendar:
    """What a calendar app reads from `address` (no sign-in)."""
    answer = Client().get(address)
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(answer.content)


def events(calendar: Calendar) -> dict[str, object]:
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def weekly_step(walk_goal: Goal) -> Step:
    """A step Maria does three times a week until a date."""
    return actions.add_step(
        walk_goal,
        by=walk_goal.peer,
        wording="Call my sister",
        target_kind="count",
        target_quantity=3,
        target_per="week",
        due_on=timezone.localdate() + datetime.timedelta(days=30),
    )


def test_a_peer_sees_her_new_address_once_and_only_its_hash_is_kept(
    people: People, as_maria: Client
) -> None:
    address = make_address(as_maria)
    secret = secret_of(address)
    assert len(secret) >= 40
    assert address.startswith("http://testserver/calendar/peergoals.ics?token=")
    feed = CalendarFeed.objects.get(peer=people.maria)
    assert secret not in feed.token_hash
    page = as_maria.get(reverse("privacy:calendar")).text
    assert secret not in page
    assert "Your calendar address is on" in page


def test_the_feed_has_each_step_and_the_next_look_back_with_neutral_titles(
    people: People, as_maria: Client, walk_goal: Goal, walk_step: Step, weekly_step: Step
) -> None:
    address = make_address(as_maria)
    calendar = read(address)
    found = events(calendar)
    daily = found[f"step-{walk_step.pk}@peergoals"]
    assert daily["rrule"]["FREQ"] == ["DAILY"]  # type: ignore[index]
    assert daily.decoded("dtstart") == walk_step.starts_on  # type: ignore[attr-defined]
    assert str(daily["summary"]) == "PeerGoals: a step for today"  # type: ignore[index]
    weekly = found[f"step-{weekly_step.pk}@peergoals"]
    assert weekly["rrule"]["FREQ"] == ["WEEKLY"]  # type: ignore[index]
    assert weekly["rrule"]["UNTIL"] == [weekly_step.due_on]  # type: ignore[index]
    assert str(weekly["summary"]) == "PeerGoals: a step for this week"  # type: ignore[index]
    review = found[f"review-{walk_goal.pk}-{walk_goal.next_review_on:%Y%m%d}@peergoals"]
    assert review.decoded("dtstart") == walk_goal.next_review_on  # type: ignore[attr-defined]
    assert str(review["summary"]) == "PeerGoals: time to look back"  # type: ignore[index]
    # Nothing of what Maria wrote is in it: a lock screen shows only "PeerGoals".
    body = Client().get(address).content.decode()
    for words in ("Walk 10 minutes", "Call my sister", "healthier", "walk for 10 minutes"):
        assert words not in body
    assert str(calendar["x-wr-calname"]) == "PeerGoals"


def test_a_peer_may_choose_her_steps_own_words(
    people: People, as_maria: Client, walk_step: Step
) -> None:
    address = make_address(as_maria)
    answer = as_maria.post(reverse("privacy:calendar_titles"), {"full_titles": "on"})
    assert answer.status_code == 302
    [event] = [e for e in read(address).walk("VEVENT") if "step" in str(e["uid"])]
    assert str(event["summary"]) == "Walk 10 minutes after breakfast"
    assert "1 time a day" in str(event["description"])
    as_maria.post(reverse("privacy:calendar_titles"), {})
    [event] = [e for e in read(address).walk("VEVENT") if "step" in str(e["uid"])]
    assert str(event["summary"]) == "PeerGoals: a step for today"


def test_a_paused_step_a_paused_goal_and_a_suggested_step_stay_out(
    people: People, as_maria: Client, walk_goal: Goal, walk_step: Step
) -> None:
    suggested = actions.add_step(walk_goal, by=people.sam, wording="Join a gym", target_per="day")
    address = make_address(as_maria, full_titles="on")
    assert f"step-{suggested.pk}@" not in Client().get(address).content.decode()
    actions.set_step_status(walk_step, by=people.maria, status="on-hold")
    assert not [e for e in read(address).walk("VEVENT") if "step" in str(e["uid"])]


def test_a_spanish_speaking_peer_gets_her_calendar_in_spanish(
    people: People, as_maria: Client, walk_step: Step
) -> None:
    people.maria.language = "es"
    people.maria.save(update_fields=["language"])
    address = make_address(as_maria)
    summaries = {str(e["summary"]) for e in read(address).walk("VEVENT")}
    assert summaries == {"PeerGoals: un paso para hoy", "PeerGoals: hora de repasar"}


def test_a_stopped_or_replaced_or_unknown_address_is_not_found(
    people: People, as_maria: Client, walk_step: Step
) -> None:
    first = make_address(as_maria)
    second = make_address(as_maria)
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200
    assert as_maria.post(reverse("privacy:calendar_stop")).status_code == 302
    assert Client().get(second).status_code == 404
    assert Client().get(reverse("privacy:calendar_feed") + "?token=nope").status_code == 404
    assert Client().get(reverse("privacy:calendar_feed")).status_code == 404
    assert "Make your calendar address" in as_maria.get(reverse("privacy:calendar")).text


def test_a_peer_who_asked_to_be_deleted_has_no_calendar(
    people: People, as_maria: Client, walk_step: Step
) -> None:
    address = make_address(as_maria)
    privacy.request_deletion(people.maria, by=people.maria)
    assert Client().get(address).status_code == 404


def test_each_read_shows_as_last_used_and_only_the_days_first_is_audited(
    people: People, as_maria: Client, walk_step: Step
) -> None:
    address = make_address(as_maria)
    assert "Not yet" in as_maria.get(reverse("privacy:calendar")).text
    with new_entries() as written:
        read(address)
        read(address)
        read(address)
    feed = CalendarFeed.objects.get(peer=people.maria)
    assert feed.last_used_at is not None
    assert "Not yet" not in as_maria.get(reverse("privacy:calendar")).text
    assert [(e.action, e.peer_id, e.username, e.detail) for e in written] == [
        (AuditAction.EXPORT, people.maria.pk, "maria", "calendar feed")
    ]
    # The secret never reaches the log, in its path or anywhere else.
    assert secret_of(address) not in written[0].path
    assert written[0].path == reverse("privacy:calendar_feed")
    with new_entries() as tomorrow:
        calendar_feeds.read_calendar_feed(
            secret_of(address), at=timezone.now() + datetime.timedelta(days=1)
        )
    assert len(tomorrow) == 1


def test_titles_cannot_be_chosen_without_an_address(people: People, as_maria: Client) -> None:
    answer = as_maria.post(reverse("privacy:calendar_titles"), {"full_titles": "=1+1"})
    assert answer.status_code == 400
    assert "Make one first" in answer.text
    assert not AuditEntry.objects.filter(detail="calendar feed").exists()


def test_the_data_download_lists_the_addresses_without_their_secrets(
    people: People, as_maria: Client
) -> None:
    address = make_address(as_maria, full_titles="on")
    data = as_maria.get(reverse("privacy:download_my_data")).content.decode()
    feed = CalendarFeed.objects.get(peer=people.maria)
    assert '"calendar_feeds"' in data and '"full_titles": true' in data
    assert secret_of(address) not in data
    assert feed.token_hash not in data
