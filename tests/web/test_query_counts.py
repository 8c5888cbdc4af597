"""Pages take the same number of queries whether there is a little or a lot to show."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from peergoals.goals import actions
from peergoals.people.actions import assign_peer
from peergoals.people.models import Role, User
from tests.personas import People, agree_to_share, make_person


def give_goals(peer: User, count: int, by: User | None = None) -> None:
    """`count` goals, each with a step checked in on, a suggested step, and a review."""
    for n in range(count):
        goal = actions.create_goal(peer, by=peer, own_words=f"Goal {n}", life_area="physical")
        step = actions.add_step(
            goal,
            by=peer,
            wording=f"Step {n}",
            target_kind="count",
            target_quantity=3,
            target_per="week",
        )
        actions.record_check_in(step, by=peer, outcome="done", note="ok")
        actions.record_check_in(step, by=peer, outcome="skipped")
        actions.hold_review(goal, by=peer, decision="keep")
        if by is not None:
            actions.add_step(goal, by=by, wording=f"Suggested {n}")
            actions.create_goal(peer, by=by, own_words=f"Idea {n}", life_area="social")


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_peer_home_does_not_grow_with_more_goals(as_maria: Client, people: People) -> None:
    give_goals(people.maria, 1, by=people.sam)
    few = queries_for(as_maria, reverse("goals:today"))
    give_goals(people.maria, 4, by=people.sam)
    assert queries_for(as_maria, reverse("goals:today")) == few


def test_the_goal_page_does_not_grow_with_more_steps_and_check_ins(
    as_maria: Client, people: People
) -> None:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Move", life_area="physical"
    )
    step = actions.add_step(
        goal,
        by=people.maria,
        wording="Walk",
        target_kind="count",
        target_quantity=1,
        target_per="day",
    )
    actions.record_check_in(step, by=people.maria, outcome="done")
    actions.hold_review(goal, by=people.maria, decision="keep")
    url = reverse("goals:detail", args=[goal.pk])
    few = queries_for(as_maria, url)
    for n in range(4):
        more = actions.add_step(goal, by=people.maria, wording=f"Stretch {n}")
        actions.record_check_in(more, by=people.maria, outcome="not_done")
        actions.hold_review(goal, by=people.sam, decision="keep")
    assert queries_for(as_maria, url) == few


def test_the_caseload_does_not_grow_with_more_peers(as_sam: Client, people: People) -> None:
    give_goals(people.maria, 1, by=people.sam)
    few = queries_for(as_sam, reverse("people:caseload"))
    for n in range(4):
        peer = make_person(f"peer{n}", Role.PEER)
        assign_peer(peer, people.sam, by=people.morgan)
        agree_to_share(peer)
        give_goals(peer, 2, by=people.sam)
    page = as_sam.get(reverse("people:caseload"))
    assert "Peer3" in page.text
    assert queries_for(as_sam, reverse("people:caseload")) == few


def test_the_team_page_does_not_grow_with_more_specialists(as_pat: Client, people: People) -> None:
    few = queries_for(as_pat, reverse("people:team"))
    for n in range(4):
        specialist = make_person(f"cps{n}", Role.SPECIALIST, people.sam.team)
        peer = make_person(f"peer{n}", Role.PEER)
        assign_peer(peer, specialist, by=people.morgan)
        agree_to_share(peer)
        give_goals(peer, 1)
    assert queries_for(as_pat, reverse("people:team")) == few


def test_the_peers_page_does_not_grow_with_more_goals(as_sam: Client, people: People) -> None:
    give_goals(people.maria, 1, by=people.sam)
    url = reverse("goals:peer", args=[people.maria.pk])
    few = queries_for(as_sam, url)
    give_goals(people.maria, 4, by=people.sam)
    assert queries_for(as_sam, url) == few


def test_the_guided_pages_do_not_grow_with_more_steps(as_maria: Client, people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Move", life_area="physical"
    )
    actions.add_step(goal, by=people.maria, wording="Walk")
    smart = reverse("goals:smart", args=[goal.pk])
    breakdown = reverse("goals:breakdown", args=[goal.pk])
    few = (queries_for(as_maria, smart), queries_for(as_maria, breakdown))
    for n in range(5):
        step = actions.add_step(goal, by=people.maria, wording=f"Stretch {n}")
        actions.record_check_in(step, by=people.maria, outcome="done")
    assert (queries_for(as_maria, smart), queries_for(as_maria, breakdown)) == few


def test_the_exploration_questions_take_a_fixed_number_of_queries(
    as_maria: Client, people: People
) -> None:
    counts = {screen: 0 for screen in ("start", "goal", "area", "ready", "not-yet")}
    for screen in counts:
        counts[screen] = queries_for(as_maria, reverse("goals:explore_screen", args=[screen]))
    give_goals(people.maria, 3, by=people.sam)
    for screen, few in counts.items():
        assert queries_for(as_maria, reverse("goals:explore_screen", args=[screen])) == few


def test_the_goal_page_with_charts_does_not_grow_with_more_check_in_days(
    as_maria: Client, people: People
) -> None:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Move", life_area="physical"
    )
    step = actions.add_step(
        goal,
        by=people.maria,
        wording="Walk",
        target_kind="count",
        target_quantity=1,
        target_per="day",
    )
    today = timezone.localdate()
    actions.record_check_in(step, by=people.maria, outcome="done")
    url = reverse("goals:detail", args=[goal.pk])
    few = queries_for(as_maria, url)
    for n in range(1, 20):
        day = today - datetime.timedelta(days=n)
        actions.record_check_in(
            step, by=people.maria, outcome="skipped" if n % 3 else "done", for_date=day
        )
    assert queries_for(as_maria, url) == few


def test_the_filtered_caseload_does_not_grow_with_more_peers(
    as_sam: Client, people: People
) -> None:
    give_goals(people.maria, 1, by=people.sam)
    url = reverse("people:caseload") + "?area=physical&status=active"
    few = queries_for(as_sam, url)
    for n in range(4):
        peer = make_person(f"peer{n}", Role.PEER)
        assign_peer(peer, people.sam, by=people.morgan)
        give_goals(peer, 2, by=people.sam)
    assert "Peer3" in as_sam.get(url).text
    assert queries_for(as_sam, url) == few
