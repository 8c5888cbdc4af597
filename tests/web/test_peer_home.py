"""The peer's home page: today's steps, answers waiting, ideas for later, recent wins."""

from __future__ import annotations

import datetime
import re
from unittest import mock

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peergoals.goals import actions
from peergoals.goals.forms import CheckInForm
from peergoals.goals.models import Goal, Step
from tests.personas import People
from tests.web.conftest import browser_for

TODAY = reverse("goals:today")


def test_it_shows_todays_steps_to_the_peer(as_maria: Client, walk_step: Step) -> None:
    page = as_maria.get(TODAY)
    assert page.status_code == 200
    assert "Walk 10 minutes after breakfast" in page.text
    assert ">Done</button>" in page.text
    assert ">Not today</button>" in page.text
    assert ">Skip</button>" in page.text
    assert "0 of 1" in page.text


def test_it_shows_when_each_goal_is_looked_back_at(as_maria: Client, walk_goal: Goal) -> None:
    page = as_maria.get(TODAY)
    assert "I want to get healthier" in page.text
    assert "Next look back:" in page.text


def test_it_shows_progress_on_each_goal_in_steps_and_days_this_week(
    as_maria: Client, walk_goal: Goal, walk_step: Step, people: People
) -> None:
    maria = people.maria
    page = as_maria.get(TODAY)
    assert "0 of 1 step done" in page.text
    assert "This week: a fresh start" in page.text

    shoes = actions.add_step(walk_goal, by=maria, wording="Buy walking shoes", target_kind="once")
    # A step the peer said no to counts for nothing.
    declined = actions.add_step(walk_goal, by=people.sam, wording="Join a gym")
    actions.decline_step(declined, by=maria)
    # Next week's Wednesday, with check-ins from last Sunday to then.
    monday = timezone.localdate() + datetime.timedelta(days=7 - timezone.localdate().weekday())
    sunday, tuesday, wednesday = (monday + datetime.timedelta(days=n) for n in (-1, 1, 2))
    noon = timezone.make_aware(datetime.datetime.combine(wednesday, datetime.time(12)))
    with mock.patch("django.utils.timezone.now", return_value=noon):
        actions.record_check_in(shoes, by=maria, outcome="done")  # done once: the step is done
        for day in (sunday, monday, tuesday, wednesday):
            actions.record_check_in(walk_step, by=maria, outcome="done", for_date=day)
        # Tuesday's "done" corrected to a skip: a skip is not a day done (nor a failure).
        actions.record_check_in(walk_step, by=maria, outcome="skipped", for_date=tuesday)
        page = browser_for(maria).get(TODAY)  # signed in that Wednesday
    assert "1 of 2 steps done" in page.text
    assert 'max="2" value="1" aria-label="Steps done on: I want to get healthier"' in page.text
    # Monday, and Wednesday (both steps): two days. Sunday was last week.
    assert "This week: a step done on 2 days" in page.text


def test_it_keeps_ideas_for_later_without_nagging(as_maria: Client, people: People) -> None:
    actions.create_goal(
        people.maria, by=people.maria, own_words="Learn to cook", life_area="physical", ready=False
    )
    page = as_maria.get(TODAY)
    assert "Ideas for later" in page.text
    assert "Learn to cook" in page.text
    assert "There is no rush." in page.text
    assert "Next look back" not in page.text


def test_it_invites_a_first_small_step_when_there_are_none(as_maria: Client) -> None:
    page = as_maria.get(TODAY)
    assert "What's one thing you could do today that would make you feel good?" in page.text


def test_it_asks_the_peer_to_answer_a_suggested_goal(as_maria: Client, people: People) -> None:
    actions.create_goal(
        people.maria, by=people.sam, own_words="Go to one meeting a week", life_area="social"
    )
    page = as_maria.get(TODAY)
    assert "Ideas waiting for your answer" in page.text
    assert "Go to one meeting a week" in page.text
    assert "Yes, make it my goal" in page.text
    assert "No, thanks" in page.text


def test_it_is_never_cached(as_maria: Client, walk_step: Step) -> None:
    page = as_maria.get(TODAY)
    assert "no-store" in page["Cache-Control"]


def test_it_sends_a_specialist_to_their_own_home(as_sam: Client) -> None:
    page = as_sam.get(TODAY)
    assert page.status_code == 302


def test_it_lists_every_win_on_the_wins_page(as_maria: Client, walk_step: Step) -> None:
    as_maria.post(
        reverse("goals:check_in", args=[walk_step.pk]), {f"step-{walk_step.pk}-outcome": "done"}
    )
    page = as_maria.get(reverse("goals:wins"))
    assert "You did your first check-in" in page.text


def _markup(html: str) -> str:
    """HTML with the spaces between and inside tags that a browser ignores taken out."""
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", re.sub(r"\s+", " ", html)))


def test_each_step_cards_check_in_fields_are_the_forms_own(
    as_maria: Client, walk_step: Step
) -> None:
    # The card writes a fresh form's fields out itself, for speed: they must stay exactly what
    # the form would draw (labels, names, ids, limits), whatever the form says next year.
    form = CheckInForm(prefix=f"step-{walk_step.pk}")
    page = _markup(as_maria.get(TODAY).text)
    for name in ("amount", "feeling", "note"):
        assert _markup(form[name].as_field_group()) in page
