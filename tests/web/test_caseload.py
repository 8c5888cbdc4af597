"""The specialist's caseload and the supervisor's team: support, never surveillance."""

from __future__ import annotations

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peergoals.goals import actions
from peergoals.goals.models import CheckIn, Goal, Step, Win, WinKind
from peergoals.people.actions import assign_peer
from peergoals.people.caseload import PAGE_SIZE
from peergoals.people.models import Role, User
from tests.personas import People, agree_to_share


def test_it_shows_the_specialist_only_their_own_peers(as_sam: Client, people: People) -> None:
    page = as_sam.get(reverse("people:caseload"))
    assert page.status_code == 200
    assert "Maria" in page.text
    assert "Jordan" not in page.text
    assert "no-store" in page["Cache-Control"]


def test_it_suggests_reaching_out_to_a_peer_who_went_quiet(
    as_sam: Client, people: People, walk_step: Step
) -> None:
    CheckIn.objects.create(
        step=walk_step,
        peer=people.maria,
        for_date=timezone.localdate() - datetime.timedelta(days=20),
        outcome="done",
        recorded_by=people.maria,
        recorded_at=timezone.now() - datetime.timedelta(days=20),
    )
    page = as_sam.get(reverse("people:caseload"))
    assert "Maybe reach out" in page.text
    assert "A friendly hello can help." in page.text
    for alarm in ("overdue", "non-compliant", "missed", "failed", "alert"):
        assert alarm not in page.text.lower()


def test_it_shows_reviews_due_wins_and_suggestions_waiting(
    as_sam: Client, people: People, walk_step: Step
) -> None:
    goal = walk_step.goal
    Goal.objects.filter(pk=goal.pk).update(
        next_review_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    actions.record_check_in(walk_step, by=people.maria, outcome="done")
    actions.create_goal(
        people.maria, by=people.sam, own_words="Call my brother", life_area="social"
    )
    page = as_sam.get(reverse("people:caseload"))
    assert "Time to look back" in page.text
    assert "some are past their date" in page.text
    assert "Maria did a first check-in." in page.text
    assert "Suggestions waiting for an answer" in page.text


def test_the_supervisor_sees_the_team_and_drills_down_read_only(
    as_pat: Client, people: People, walk_step: Step
) -> None:
    team = as_pat.get(reverse("people:team"))
    assert team.status_code == 200
    assert "Sam" in team.text and "Alex" in team.text
    caseload = as_pat.get(reverse("people:specialist", args=[people.sam.pk]))
    assert caseload.status_code == 200
    assert "Maria" in caseload.text
    assert "You can look, not change." in caseload.text


def test_a_supervisor_of_another_team_gets_not_found(as_quinn: Client, people: People) -> None:
    page = as_quinn.get(reverse("people:specialist", args=[people.sam.pk]))
    assert page.status_code == 404
    assert "Sam" not in as_quinn.get(reverse("people:team")).text


def test_a_specialist_cannot_see_another_specialists_caseload(
    as_alex: Client, people: People
) -> None:
    assert as_alex.get(reverse("people:specialist", args=[people.sam.pk])).status_code == 404


def test_a_peer_has_no_caseload_or_team_page(as_maria: Client) -> None:
    assert as_maria.get(reverse("people:caseload")).status_code == 302
    assert as_maria.get(reverse("people:team")).status_code == 302


def test_a_long_caseload_is_shown_a_page_at_a_time(as_sam: Client, people: People) -> None:
    password = people.maria.password
    for n in range(PAGE_SIZE + 5):
        peer = User.objects.create(
            username=f"peer{n:03d}",
            preferred_name=f"Zed {n:03d}",
            role=Role.PEER,
            password=password,
        )
        agree_to_share(peer)
        assign_peer(peer, people.sam, by=people.morgan)
    everyone = reverse("people:caseload")
    first = as_sam.get(everyone)
    assert "Page 1 of 2" in first.text
    assert first.text.count('<li class="card">') == PAGE_SIZE
    # Everyone new is quiet: the list shows the first hundred and counts the rest.
    assert "And 6 more, in the list of everyone below." in first.text
    second = as_sam.get(everyone, {"page": "2"})
    assert "Page 2 of 2" in second.text
    assert "Zed 104" in second.text and "Zed 104" not in first.text.split("everyone-title")[1]
    # A page number that isn't one shows a page, never an error.
    for wrong in ("0", "x", "999"):
        assert as_sam.get(everyone, {"page": wrong}).status_code == 200


def test_the_wins_to_celebrate_count_every_recent_win_and_show_the_newest(
    as_sam: Client, people: People, walk_step: Step
) -> None:
    actions.record_check_in(walk_step, by=people.maria, outcome="done")
    first = Win.objects.get(peer=people.maria)
    # Two more of Maria's wins: a streak made yesterday (the newest) and one from before the
    # last two weeks, which is not counted.
    for days_ago, kind in [(1, WinKind.STREAK), (20, WinKind.STEP_COMPLETED)]:
        Win.objects.create(
            peer=people.maria,
            kind=kind,
            goal=first.goal,
            step=first.step,
            streak_days=3,
            step_words=first.step_words,
            goal_words=first.goal_words,
            created_at=timezone.now() - datetime.timedelta(days=days_ago),
        )
    Win.objects.filter(pk=first.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    newest = Win.objects.get(peer=people.maria, kind=WinKind.STREAK)
    page = as_sam.get(reverse("people:caseload"))
    assert f"2 wins. Latest: {newest.message_about_peer}" in page.text
