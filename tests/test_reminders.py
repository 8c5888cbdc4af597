"""Reminders as a peer and a specialist meet them: chosen on the pages, sent by the job at the
right local time across clock changes, quiet at night, off with one tap, neutral on a lock
screen, and the specialist's morning digest."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from peergoals.goals.models import Step
from peergoals.reminders import jobs
from peergoals.reminders.models import Preferences, Reminder, Sent
from tests.personas import People
from tests.web.conftest import browser_for

UTC = datetime.UTC


def at(zone: str, *args: int, fold: int = 0) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo(zone), fold=fold).astimezone(UTC)


def choose(people: People, step: Step, time: str, days: list[str] | None = None) -> Client:
    """Maria picks a time for her step on its reminders page."""
    maria = browser_for(people.maria)
    page = maria.post(
        reverse("reminders:step", args=[step.pk]), {"at": time, "weekdays": days or list("0123456")}
    )
    assert page.status_code == 302, page.content
    return maria


def settings_of(people: People, zone: str, **fields: object) -> None:
    people.maria.email = "maria@example.org"
    people.maria.save()
    Preferences.objects.update_or_create(
        person=people.maria, defaults={"time_zone": zone, **fields}
    )


def sends_between(start: datetime.datetime, end: datetime.datetime) -> list[datetime.datetime]:
    """Run the job every 5 minutes from `start` to `end` (UTC); when each e-mail went."""
    went, now = [], start
    while now <= end:
        before = len(mail.outbox)
        jobs.send_due_reminders(now)
        went += [now] * (len(mail.outbox) - before)
        now += datetime.timedelta(minutes=5)
    return went


@pytest.mark.parametrize(
    ("zone", "change_day"),
    [("America/New_York", (2026, 3, 8)), ("Europe/Madrid", (2026, 3, 29))],
)
def test_a_time_the_spring_change_skips_comes_an_hour_late_once(
    people: People, walk_step: Step, zone: str, change_day: tuple[int, int, int]
) -> None:
    settings_of(people, zone)
    choose(people, walk_step, "02:30")
    day = datetime.date(*change_day)
    went = sends_between(at(zone, *change_day, 0, 0), at(zone, *change_day, 6, 0))
    # 02:30 does not exist that night: the reminder comes at 03:30 local time, once.
    assert [moment.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%H:%M") for moment in went] == [
        "03:30"
    ]
    # The next day it is back at 02:30.
    after = sends_between(
        at(zone, *change_day, 23, 0),
        at(zone, *(day + datetime.timedelta(days=1)).timetuple()[:3], 4, 0),
    )
    assert [moment.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%H:%M") for moment in after] == [
        "02:30"
    ]


@pytest.mark.parametrize(
    ("zone", "change_day", "repeated"),
    [("America/New_York", (2026, 11, 1), "01:30"), ("Europe/Madrid", (2026, 10, 25), "02:30")],
)
def test_a_time_the_autumn_change_repeats_is_sent_once(
    people: People, walk_step: Step, zone: str, change_day: tuple[int, int, int], repeated: str
) -> None:
    settings_of(people, zone)
    choose(people, walk_step, repeated)
    choose(people, walk_step, "09:00")
    went = sends_between(at(zone, *change_day, 0, 0), at(zone, *change_day, 10, 0))
    local = [moment.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%H:%M") for moment in went]
    # The wall clock shows the repeated half hour twice; the reminder comes the first time only.
    assert local == [repeated, "09:00"]
    # Sent the first time round: the hour the clock goes back is an extra hour of real time.
    wall = datetime.datetime.strptime("09:00", "%H:%M") - datetime.datetime.strptime(
        repeated, "%H:%M"
    )
    assert went[1] - went[0] == wall + datetime.timedelta(hours=1)


def test_it_sends_at_the_local_time_of_each_persons_own_zone(
    people: People, walk_step: Step
) -> None:
    settings_of(people, "Europe/Madrid")
    choose(people, walk_step, "08:00")
    went = sends_between(at("UTC", 2026, 6, 10, 5, 0), at("UTC", 2026, 6, 10, 9, 0))
    assert went == [at("UTC", 2026, 6, 10, 6, 0)]  # 08:00 in Madrid, summer time


def test_it_sends_only_on_the_chosen_days(people: People, walk_step: Step) -> None:
    settings_of(people, "America/New_York")
    choose(people, walk_step, "18:00", days=["0", "2"])  # Mondays and Wednesdays
    went = sends_between(
        at("America/New_York", 2026, 6, 8, 0, 0), at("America/New_York", 2026, 6, 14, 23, 0)
    )
    assert [
        moment.astimezone(zoneinfo.ZoneInfo("America/New_York")).strftime("%a %H:%M")
        for moment in went
    ] == ["Mon 18:00", "Wed 18:00"]


def test_a_worker_stopped_a_few_minutes_catches_up_but_never_twice(
    people: People, walk_step: Step
) -> None:
    settings_of(people, "America/New_York")
    choose(people, walk_step, "18:00")
    late = at("America/New_York", 2026, 6, 10, 18, 12)
    assert jobs.send_due_reminders(late) == 1
    assert jobs.send_due_reminders(late + datetime.timedelta(minutes=1)) == 0
    assert len(mail.outbox) == 1
    # Hours late it is no longer timely: left alone.
    assert jobs.send_due_reminders(at("America/New_York", 2026, 6, 11, 21, 0)) == 0


def test_quiet_hours_keep_a_reminder_from_going_out(people: People, walk_step: Step) -> None:
    settings_of(
        people, "America/New_York", quiet_from=datetime.time(22), quiet_until=datetime.time(7)
    )
    choose(people, walk_step, "23:00")
    choose(people, walk_step, "06:30")
    choose(people, walk_step, "21:30")
    went = sends_between(
        at("America/New_York", 2026, 6, 10, 12, 0), at("America/New_York", 2026, 6, 11, 8, 0)
    )
    assert [
        moment.astimezone(zoneinfo.ZoneInfo("America/New_York")).strftime("%H:%M")
        for moment in went
    ] == ["21:30"]


def test_the_daily_fill_in_today_reminder_has_no_check_in_buttons(
    people: People, walk_step: Step
) -> None:
    settings_of(people, "America/New_York")
    maria = browser_for(people.maria)
    page = maria.post(
        reverse("reminders:settings"),
        {
            "time_zone": "America/New_York",
            "reminders_on": "on",
            "by_email": "on",
            "daily_at": "20:00",
        },
    )
    assert page.status_code == 302
    jobs.send_due_reminders(at("America/New_York", 2026, 6, 10, 20, 0))
    [email] = mail.outbox
    assert "Today is here when you're ready to fill it in." in email.body
    # Turned off again on the same page: no more daily reminder.
    maria.post(
        reverse("reminders:settings"), {"time_zone": "America/New_York", "reminders_on": "on"}
    )
    assert not Reminder.objects.filter(person=people.maria, step__isnull=True).exists()


def test_texts_are_neutral_unless_the_peer_asks_for_the_steps_words(
    people: People, walk_step: Step
) -> None:
    settings_of(people, "America/New_York")
    choose(people, walk_step, "18:00")
    jobs.send_due_reminders(at("America/New_York", 2026, 6, 10, 18, 0))
    [email] = mail.outbox
    assert email.subject == "A reminder from PeerGoals"
    assert "A step for today is waiting." in email.body
    for private in ("Walk", "healthier", "walk", "recovery"):
        assert private not in email.subject + email.body
    shaming = re.compile(r"miss|streak|fail|behind", re.IGNORECASE)
    assert not shaming.search(email.body)

    Preferences.objects.filter(person=people.maria).update(show_step_words=True)
    jobs.send_due_reminders(at("America/New_York", 2026, 6, 11, 18, 0))
    assert "Walk 10 minutes after breakfast" in mail.outbox[1].body
    # The subject stays neutral even then: it shows in an inbox list and on a lock screen.
    assert mail.outbox[1].subject == "A reminder from PeerGoals"


def test_a_spanish_speaker_gets_the_reminder_in_spanish(people: People, walk_step: Step) -> None:
    people.maria.language = "es"
    settings_of(people, "Europe/Madrid")
    choose(people, walk_step, "18:00")
    jobs.send_due_reminders(at("Europe/Madrid", 2026, 6, 10, 18, 0))
    [email] = mail.outbox
    assert email.subject == "Un recordatorio de PeerGoals"
    assert "Hoy hay un paso esperándote." in email.body


def test_one_tap_on_the_settings_page_turns_every_reminder_off(
    people: People, walk_step: Step
) -> None:
    settings_of(people, "America/New_York")
    maria = choose(people, walk_step, "18:00")
    page = maria.post(reverse("reminders:off"), follow=True)
    assert "Reminders are off. Nothing more will be sent." in page.text
    assert jobs.send_due_reminders(at("America/New_York", 2026, 6, 10, 18, 0)) == 0
    assert mail.outbox == []
    # The chosen times stay, for when she turns them back on.
    assert Reminder.objects.filter(step=walk_step).count() == 1


def test_the_link_in_an_email_turns_reminders_off_without_signing_in(
    people: People, walk_step: Step
) -> None:
    settings_of(people, "America/New_York")
    choose(people, walk_step, "18:00")
    jobs.send_due_reminders(at("America/New_York", 2026, 6, 10, 18, 0))
    link = re.search(r"http://\S+/reminders/off/\S+/", mail.outbox[0].body)
    assert link
    path = link[0].split("8000", 1)[1]
    stranger = Client()
    page = stranger.get(path)
    # Opening the link (a mail scanner does) changes nothing, and the page names nobody.
    assert page.status_code == 200
    assert "Maria" not in page.text and "maria" not in page.text
    assert jobs.send_due_reminders(at("America/New_York", 2026, 6, 11, 18, 0)) == 1
    page = stranger.post(path)
    assert "Reminders are off." in page.text
    assert "_auth_user_id" not in stranger.session  # nobody was signed in
    assert stranger.get(reverse("goals:today")).status_code == 302
    assert jobs.send_due_reminders(at("America/New_York", 2026, 6, 12, 18, 0)) == 0
    # A link somebody altered is not found.
    assert stranger.post(path[:-3] + "xx/").status_code == 404


def test_only_the_peer_sees_and_chooses_reminders_for_her_step(
    people: People, walk_step: Step
) -> None:
    url = reverse("reminders:step", args=[walk_step.pk])
    maria = browser_for(people.maria)
    assert "No reminders for this step." in maria.get(url).text
    choose(people, walk_step, "07:45")
    assert "7:45" in maria.get(url).text
    assert browser_for(people.sam).get(url).status_code == 404  # not even her specialist
    assert browser_for(people.jordan).get(url).status_code == 404
    # Removing it from the page.
    reminder = Reminder.objects.get(step=walk_step)
    maria.post(url, {"remove": str(reminder.pk)})
    assert not Reminder.objects.filter(step=walk_step).exists()


def test_the_step_page_links_to_its_reminders(people: People, walk_step: Step) -> None:
    page = browser_for(people.maria).get(reverse("goals:detail", args=[walk_step.goal_id]))
    assert reverse("reminders:step", args=[walk_step.pk]) in page.text


def test_saving_a_reminder_also_asks_this_phone_for_push(people: People, walk_step: Step) -> None:
    maria = browser_for(people.maria)
    subscribe = f'data-push-subscribe="{reverse("reminders:push_subscribe")}"'
    for url in (reverse("reminders:step", args=[walk_step.pk]), reverse("reminders:settings")):
        assert subscribe in maria.get(url).text, url
    # The same plain form elsewhere (a password) asks nothing of the phone.
    assert "data-push-subscribe" not in maria.get(reverse("account:password_change")).text


@pytest.mark.parametrize(
    "junk",
    [
        {"at": "25:99", "weekdays": ["0"]},
        {"at": "18:00"},
        {"at": "18:00", "weekdays": ["9", "<script>"]},
        {"at": "x" * 5000, "weekdays": "0"},
        {"remove": "not-a-number"},
        {"remove": "99999999999999999999999"},
    ],
)
def test_junk_on_the_step_reminders_form_is_refused_beside_the_field(
    people: People, walk_step: Step, junk: dict[str, object]
) -> None:
    page = browser_for(people.maria).post(reverse("reminders:step", args=[walk_step.pk]), junk)
    assert page.status_code in (302, 400)
    if page.status_code == 400:
        assert 'class="field has-error"' in page.text
    assert not Reminder.objects.filter(step=walk_step).exists()


def test_the_same_time_twice_on_one_step_is_said_plainly(people: People, walk_step: Step) -> None:
    choose(people, walk_step, "18:00")
    page = browser_for(people.maria).post(
        reverse("reminders:step", args=[walk_step.pk]), {"at": "18:00", "weekdays": ["1"]}
    )
    assert page.status_code == 409
    assert "This step already has a reminder at that time." in page.text


@pytest.mark.parametrize(
    "junk",
    [
        {"time_zone": "Mars/Olympus"},
        {"time_zone": "America/New_York", "quiet_from": "22:00"},
        {"time_zone": "America/New_York", "daily_at": "noonish"},
        {"time_zone": "\x00", "quiet_from": "\x00", "quiet_until": "9" * 300},
        {},
    ],
)
def test_junk_on_the_settings_form_is_refused_and_what_was_typed_kept(
    people: People, junk: dict[str, str]
) -> None:
    page = browser_for(people.maria).post(reverse("reminders:settings"), junk)
    assert page.status_code == 400
    assert 'class="field has-error"' in page.text
    if junk.get("daily_at"):
        assert 'value="noonish"' in page.text
    assert not Preferences.objects.filter(person=people.maria).exists()


def test_the_settings_page_keeps_the_time_zone_and_says_sms_is_not_available(
    people: People,
) -> None:
    maria = browser_for(people.maria)
    page = maria.get(reverse("reminders:settings"))
    assert "Text messages (SMS): not available." in page.text
    maria.post(reverse("reminders:settings"), {"time_zone": "Europe/Madrid", "reminders_on": "on"})
    assert Preferences.objects.get(person=people.maria).time_zone == "Europe/Madrid"
    assert 'value="Europe/Madrid" selected' in maria.get(reverse("reminders:settings")).text


def test_the_specialists_digest_names_peers_without_goal_text(
    people: People, walk_step: Step
) -> None:
    people.sam.email = "sam@example.org"
    people.sam.save()
    monday_8 = at("America/New_York", 2026, 6, 8, 8, 0)
    assert jobs.send_staff_digests(monday_8) == 1
    assert jobs.send_staff_digests(monday_8 + datetime.timedelta(minutes=3)) == 0
    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert email.subject == "Your PeerGoals digest"
    # Maria has not checked in yet: she went quiet, by name, with a link to her page.
    assert "Peers who went quiet" in email.body
    assert (
        f"- Maria: http://127.0.0.1:8000{reverse('goals:peer', args=[people.maria.pk])}"
        in email.body
    )
    for private in ("healthier", "Walk", "walk"):
        assert private not in email.body
    # Not Jordan (Alex's peer), and nothing on a Saturday.
    assert "Jordan" not in email.body
    assert jobs.send_staff_digests(at("America/New_York", 2026, 6, 13, 8, 0)) == 0


def test_a_specialist_can_turn_the_digest_off(people: People) -> None:
    people.sam.email = "sam@example.org"
    people.sam.save()
    sam = browser_for(people.sam)
    page = sam.post(
        reverse("reminders:settings"),
        {"time_zone": "America/New_York", "reminders_on": "on", "by_email": "on"},
    )
    assert page.status_code == 302
    assert jobs.send_staff_digests(at("America/New_York", 2026, 6, 8, 8, 0)) == 0
    assert Sent.objects.count() == 0
