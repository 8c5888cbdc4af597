"""Progress charts on the goal page, wins said to the right person, and one check-in a day."""

from __future__ import annotations

import datetime
import re
from html import unescape

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peergoals.goals import actions
from peergoals.goals.models import CheckIn, Goal, Step, Win
from tests.personas import People


def test_the_goal_page_draws_progress_with_a_text_alternative_and_no_style(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    today = timezone.localdate()
    actions.record_check_in(walk_step, by=people.maria, outcome="done")
    yesterday = today - datetime.timedelta(days=1)
    actions.record_check_in(walk_step, by=people.maria, outcome="skipped", for_date=yesterday)
    page = unescape(as_maria.get(reverse("goals:detail", args=[walk_step.goal_id])).text)
    assert page.count('role="img"') == 2
    assert '<title id="chart-goal-title">Progress over time on this goal</title>' in page
    assert f"Progress over time: {walk_step.wording}" in page
    assert "Skipped: a pause, not a failure" in page
    assert "Show the numbers" in page
    assert '<th scope="col">Skipped</th>' in page
    assert "style=" not in page
    assert "<script>" not in page and not re.search(r"\son\w+=", page)


def test_the_goal_page_leaves_the_chart_out_until_there_is_a_check_in(
    as_maria: Client, walk_step: Step
) -> None:
    page = as_maria.get(reverse("goals:detail", args=[walk_step.goal_id])).text
    assert 'role="img"' not in page


def test_two_done_taps_on_the_same_day_count_once(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    url = reverse("goals:check_in", args=[walk_step.pk])
    as_maria.post(url, {f"step-{walk_step.pk}-outcome": "done"})
    as_maria.post(url, {f"step-{walk_step.pk}-outcome": "done"})
    assert CheckIn.objects.count() == 2
    current = CheckIn.objects.current().get()
    assert current.supersedes is not None
    page = unescape(as_maria.get(reverse("goals:today")).text)
    assert "1 of 1" in page


def test_a_later_tap_the_same_day_replaces_an_earlier_one(people: People, walk_step: Step) -> None:
    actions.record_check_in(walk_step, by=people.maria, outcome="done")
    actions.record_check_in(walk_step, by=people.maria, outcome="not_done")
    assert list(CheckIn.objects.current().values_list("outcome", flat=True)) == ["not_done"]


def test_finishing_a_step_returns_the_wins_it_brought(people: People, walk_step: Step) -> None:
    change = actions.set_step_status(walk_step, by=people.maria, status="completed")
    assert change.record.status == "completed"
    assert sorted(win.kind for win in change.wins) == ["first_step_done", "step_completed"]
    again = actions.set_step_status(change.record, by=people.maria, status="active")
    assert again.wins == []


def test_reaching_a_goal_returns_its_win(people: People, walk_goal: Goal) -> None:
    change = actions.set_goal_status(walk_goal, by=people.maria, status="completed")
    assert [win.kind for win in change.wins] == ["goal_completed"]


def test_the_peer_is_celebrated_in_their_own_words_when_a_step_is_done(
    as_maria: Client, walk_step: Step
) -> None:
    # A daily step: finished for good from the page that asks first.
    page = as_maria.post(
        reverse("goals:step_status", args=[walk_step.pk]),
        {"status": "completed", "confirmed": "on"},
        follow=True,
    )
    assert "Step done: “Walk 10 minutes after breakfast”. Nice work!" in unescape(page.text)


def test_a_specialist_sees_the_peers_wins_said_about_the_peer(
    as_sam: Client, people: People, walk_step: Step
) -> None:
    actions.set_step_status(walk_step, by=people.maria, status="completed")
    page = unescape(as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text)
    assert "Maria finished the step “Walk 10 minutes after breakfast”." in page
    assert "Nice work!" not in page
    assert "Your first step" not in page


def test_the_specialist_sees_each_goals_progress_on_the_peers_page(
    as_sam: Client, people: People, walk_goal: Goal, walk_step: Step
) -> None:
    actions.add_step(walk_goal, by=people.maria, wording="Buy walking shoes", target_kind="once")
    actions.set_step_status(walk_step, by=people.maria, status="completed")
    page = as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text
    assert "1 of 2 steps done" in page
    assert 'aria-label="Steps done on: I want to get healthier"' in page


def test_a_review_recorded_by_the_specialist_is_celebrated_when_the_peer_confirms_it(
    as_sam: Client, as_maria: Client, people: People, walk_goal: Goal
) -> None:
    page = as_sam.post(
        reverse("goals:review", args=[walk_goal.pk]),
        {"decision": "keep", "peer_took_part": ""},
        follow=True,
    )
    text = unescape(page.text)
    assert "What happens next waits for Maria to confirm it" in text
    assert "looked back at" not in text
    assert not Win.objects.filter(peer=people.maria, kind="review_held").exists()
    home = unescape(as_maria.get(reverse("goals:today")).text)
    assert "Look-back on" in home and "recorded by Sam" in home
    decision = walk_goal.suggested_changes.get()
    confirmed = as_maria.post(reverse("goals:accept_change", args=[decision.pk]), follow=True)
    assert "You looked back at" in unescape(confirmed.text)
    peer_page = unescape(as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text)
    assert "Maria looked back at" in peer_page


def test_the_pilot_footer_is_only_on_the_peers_pages(as_maria: Client, as_sam: Client) -> None:
    assert "You are the pilot of your journey." in as_maria.get(reverse("goals:today")).text
    assert "pilot of your journey" not in as_sam.get(reverse("people:caseload")).text
    assert "pilot of your journey" not in Client().get(reverse("login")).text


def test_the_wins_page_lists_every_win_newest_first(as_maria: Client, people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Rest", life_area="physical"
    )
    first = actions.add_step(goal, by=people.maria, wording="Nap")
    second = actions.add_step(goal, by=people.maria, wording="Read")
    actions.set_step_status(first, by=people.maria, status="completed")
    actions.set_step_status(second, by=people.maria, status="completed")
    Win.objects.filter(step=first).update(created_at=timezone.now() - datetime.timedelta(days=2))
    page = unescape(as_maria.get(reverse("goals:wins")).text)
    assert page.index("Step done: “Read”") < page.index("Step done: “Nap”")
