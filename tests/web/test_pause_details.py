"""A pause can say why and until when, both optional and both the peer's: kept on the record
and its version, shown wherever the status is, and on that day the peer's home page offers to
pick it back up (nothing restarts by itself)."""

from __future__ import annotations

import datetime
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone

from peergoals.errors import NotAllowed
from peergoals.goals import actions
from peergoals.goals.models import Goal, Status, Step
from tests.personas import People


def _day(days_from_today: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days_from_today)


def _shown(day: datetime.date) -> str:
    return formats.date_format(day, "MONTH_DAY_FORMAT")


def test_pausing_asks_why_and_until_when_first_both_optional(
    as_maria: Client, walk_goal: Goal
) -> None:
    asked = as_maria.post(reverse("goals:status", args=[walk_goal.pk]), {"status": "on-hold"})
    assert asked.status_code == 200
    page = unescape(asked.text)
    assert "Why are you pausing? (optional)" in page
    assert "When do you think you'll pick it back up? (optional)" in page
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.ACTIVE

    paused = as_maria.post(
        reverse("goals:status", args=[walk_goal.pk]), {"status": "on-hold", "confirmed": "on"}
    )
    assert paused.status_code == 302
    walk_goal.refresh_from_db()
    assert (walk_goal.status, walk_goal.pause_reason, walk_goal.resume_on) == (
        Status.ON_HOLD,
        "",
        None,
    )


def test_the_reason_and_resume_date_are_kept_and_shown_to_maria_and_sam(
    as_maria: Client, as_sam: Client, people: People, walk_goal: Goal
) -> None:
    back_on = _day(10)
    as_maria.post(
        reverse("goals:status", args=[walk_goal.pk]),
        {
            "status": "on-hold",
            "confirmed": "on",
            "pause_reason": "looking after my mum",
            "resume_on": back_on.isoformat(),
        },
    )
    walk_goal.refresh_from_db()
    assert (walk_goal.pause_reason, walk_goal.resume_on) == ("looking after my mum", back_on)
    version = walk_goal.history.latest("history_date")
    assert (version.pause_reason, version.resume_on) == ("looking after my mum", back_on)

    said = f"Paused until {_shown(back_on)} — “looking after my mum”"
    goal_page = reverse("goals:detail", args=[walk_goal.pk])
    assert said in unescape(as_maria.get(goal_page).text)
    assert said in unescape(as_maria.get(reverse("goals:today")).text)
    assert said in unescape(as_sam.get(goal_page).text)
    assert said in unescape(as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text)
    # Not yet the day: nothing is offered.
    assert "Ready to pick it back up?" not in as_maria.get(reverse("goals:today")).text


def test_a_step_pause_keeps_its_reason_and_date_too(as_maria: Client, walk_step: Step) -> None:
    back_on = _day(3)
    as_maria.post(
        reverse("goals:step_status", args=[walk_step.pk]),
        {
            "status": "on-hold",
            "confirmed": "on",
            "pause_reason": "sore knee",
            "resume_on": back_on.isoformat(),
        },
    )
    walk_step.refresh_from_db()
    assert (walk_step.status, walk_step.pause_reason, walk_step.resume_on) == (
        Status.ON_HOLD,
        "sore knee",
        back_on,
    )
    page = unescape(as_maria.get(reverse("goals:detail", args=[walk_step.goal_id])).text)
    assert f"Paused until {_shown(back_on)} — “sore knee”" in page


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (-1, "Pick a day from today on, or leave it empty."),
        (400, "Pick a day within the next year, or leave it empty."),
    ],
)
def test_a_resume_date_in_the_past_or_too_far_is_refused_beside_the_field(
    as_maria: Client, walk_goal: Goal, days: int, message: str
) -> None:
    answer = as_maria.post(
        reverse("goals:status", args=[walk_goal.pk]),
        {
            "status": "on-hold",
            "confirmed": "on",
            "pause_reason": "looking after my mum",
            "resume_on": _day(days).isoformat(),
        },
    )
    assert answer.status_code == 400
    page = unescape(answer.text)
    assert message in page
    assert 'value="looking after my mum"' in page  # what she typed is kept
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.ACTIVE


def test_the_action_refuses_a_resume_date_in_the_past(people: People, walk_goal: Goal) -> None:
    with pytest.raises(NotAllowed):
        actions.set_goal_status(walk_goal, by=people.maria, status="on-hold", resume_on=_day(-1))


def test_on_the_day_the_home_page_offers_to_pick_it_back_up_and_nothing_restarts_by_itself(
    as_maria: Client, people: People, walk_goal: Goal, walk_step: Step
) -> None:
    actions.set_goal_status(
        walk_goal, by=people.maria, status="on-hold", pause_reason="a hard month", resume_on=_day(0)
    )
    home = unescape(as_maria.get(reverse("goals:today")).text)
    assert "Ready to pick it back up?" in home
    assert "Pick it back up" in home
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.ON_HOLD  # offered, not restarted

    as_maria.post(reverse("goals:status", args=[walk_goal.pk]), {"status": "active"})
    walk_goal.refresh_from_db()
    assert (walk_goal.status, walk_goal.pause_reason, walk_goal.resume_on) == (
        Status.ACTIVE,
        "",
        None,
    )
    assert "Ready to pick it back up?" not in as_maria.get(reverse("goals:today")).text


def test_a_paused_step_is_offered_back_on_its_day(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    actions.set_step_status(walk_step, by=people.maria, status="on-hold", resume_on=_day(2))
    assert "Ready to pick it back up?" not in as_maria.get(reverse("goals:today")).text
    Step.objects.filter(pk=walk_step.pk).update(resume_on=_day(-1))  # two days later
    home = unescape(as_maria.get(reverse("goals:today")).text)
    assert "Ready to pick it back up?" in home
    assert 'Pick it back up<span class="visually-hidden">: Walk 10 minutes after' in home
