"""Pages take the same number of queries whether there is a little or a lot to show."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from peergoals.people.actions import assign_peer
from peergoals.people.models import Role, User
from peergoals.privacy import actions as privacy
from tests.personas import People, agree_to_share, make_person, new_sharing_peers
from tests.web.conftest import browser_for


def give_goals(peer: User, count: int, by: User | None = None) -> None:
    """`count` goals, each with a step checked in on and a review; from `by`, also a suggested
    goal and step, a suggested change to the step, and a review's decision waiting."""
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
            actions.suggest_change(step, by=by, version=None, wording=f"Step {n}, twice")
            actions.hold_review(goal, by=by, decision="pause")


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_peer_home_does_not_grow_with_more_goals(as_maria: Client, people: People) -> None:
    give_goals(people.maria, 1, by=people.sam)
    few = queries_for(as_maria, reverse("goals:today"))
    give_goals(people.maria, 4, by=people.sam)
    assert queries_for(as_maria, reverse("goals:today")) == few
    home = as_maria.get(reverse("goals:today")).text
    assert home.count("Step 3, twice") == 1 and home.count("Look-back on") == 5


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
        actions.suggest_change(more, by=people.sam, version=None, wording=f"Stretch {n} daily")
        actions.hold_review(goal, by=people.sam, decision="keep")
    assert queries_for(as_maria, url) == few


def test_the_caseload_does_not_grow_with_more_peers(as_sam: Client, people: People) -> None:
    give_goals(people.maria, 1, by=people.sam)
    few = queries_for(as_sam, reverse("people:caseload"))
    for peer in new_sharing_peers(4, people.sam, by=people.morgan):
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
    for peer in new_sharing_peers(4, people.sam, by=people.morgan):
        give_goals(peer, 2, by=people.sam)
    assert "Peer3" in as_sam.get(url).text
    assert queries_for(as_sam, url) == few


def posted_queries(client: Client, url: str, data: dict[str, str], **headers: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.post(url, data, headers=headers)
    assert response.status_code in (200, 302), response.status_code
    return len(context)


def walking_goal(peer: User) -> tuple[Goal, Step]:
    """A goal with one daily step, one check-in and one review: one of each thing a page lists.

    With none, Django skips a prefetch query, and "few" would not be comparable with "many".
    """
    goal = actions.create_goal(peer, by=peer, own_words="Move more", life_area="physical")
    step = actions.add_step(
        goal,
        by=peer,
        wording="Walk",
        target_kind="count",
        target_quantity=1,
        target_per="day",
    )
    # The first check-in ever brings its own win; the ones measured come after it.
    actions.record_check_in(step, by=peer, outcome="done")
    actions.hold_review(goal, by=peer, decision="keep")
    return goal, step


def add_history(goal: Goal, step: Step, by: User) -> None:
    """More steps, check-ins on days apart (no streak win) and reviews on the same goal."""
    today = timezone.localdate()
    for n in range(4):
        actions.record_check_in(
            step, by=goal.peer, outcome="done", for_date=today - datetime.timedelta(days=10 + 2 * n)
        )
        more = actions.add_step(goal, by=goal.peer, wording=f"Stretch {n}")
        actions.record_check_in(more, by=goal.peer, outcome="not_done")
        actions.hold_review(goal, by=by, decision="keep")


def test_the_wins_page_does_not_grow_with_more_wins(as_maria: Client, people: People) -> None:
    give_goals(people.maria, 1, by=people.sam)
    few = queries_for(as_maria, reverse("goals:wins"))
    give_goals(people.maria, 4, by=people.sam)
    assert queries_for(as_maria, reverse("goals:wins")) == few


def test_the_new_goal_form_does_not_grow_with_more_goals(as_maria: Client, people: People) -> None:
    few = queries_for(as_maria, reverse("goals:new"))
    give_goals(people.maria, 4, by=people.sam)
    assert queries_for(as_maria, reverse("goals:new")) == few


def test_the_suggest_a_goal_form_does_not_grow_with_more_goals(
    as_sam: Client, people: People
) -> None:
    url = reverse("goals:propose", args=[people.maria.pk])
    few = queries_for(as_sam, url)
    give_goals(people.maria, 4, by=people.sam)
    assert queries_for(as_sam, url) == few


def test_the_goal_forms_do_not_grow_with_more_steps_check_ins_and_reviews(
    as_maria: Client, people: People
) -> None:
    goal, step = walking_goal(people.maria)
    urls = [
        reverse("goals:edit", args=[goal.pk]),
        reverse("goals:add_step", args=[goal.pk]),
        reverse("goals:edit_step", args=[step.pk]),
        reverse("goals:review", args=[goal.pk]),
    ]
    few = [queries_for(as_maria, url) for url in urls]
    add_history(goal, step, by=people.sam)
    give_goals(people.maria, 3, by=people.sam)
    assert [queries_for(as_maria, url) for url in urls] == few


def test_the_goal_page_as_the_specialist_sees_it_does_not_grow(
    as_sam: Client, people: People
) -> None:
    goal, step = walking_goal(people.maria)
    url = reverse("goals:detail", args=[goal.pk])
    few = queries_for(as_sam, url)
    add_history(goal, step, by=people.sam)
    assert queries_for(as_sam, url) == few


def test_the_specialist_drill_down_does_not_grow_with_more_peers(
    as_pat: Client, people: People
) -> None:
    url = reverse("people:specialist", args=[people.sam.pk])
    give_goals(people.maria, 1, by=people.sam)
    few = queries_for(as_pat, url)
    for peer in new_sharing_peers(4, people.sam, by=people.morgan):
        give_goals(peer, 2, by=people.sam)
    assert "Peer3" in as_pat.get(url).text
    assert queries_for(as_pat, url) == few


def test_the_coach_does_not_grow_with_more_goals(as_maria: Client, people: People) -> None:
    goal, _step = walking_goal(people.maria)
    tips = {"wording": "Walk for 10 minutes every morning", "coach_goal": str(goal.pk)}
    few = posted_queries(as_maria, reverse("goals:coach"), tips, HX_Request="true")
    give_goals(people.maria, 4, by=people.sam)
    assert posted_queries(as_maria, reverse("goals:coach"), tips, HX_Request="true") == few


def test_a_check_in_does_not_grow_with_more_check_ins_steps_and_goals(
    as_maria: Client, people: People
) -> None:
    goal, step = walking_goal(people.maria)
    url = reverse("goals:check_in", args=[step.pk])
    tap = {f"step-{step.pk}-outcome": "done", f"step-{step.pk}-note": "Felt good"}
    few_htmx = posted_queries(as_maria, url, tap, HX_Request="true")
    few_form = posted_queries(as_maria, url, tap)
    add_history(goal, step, by=people.sam)
    give_goals(people.maria, 3, by=people.sam)
    assert posted_queries(as_maria, url, tap, HX_Request="true") == few_htmx
    assert posted_queries(as_maria, url, tap) == few_form


def test_the_history_does_not_grow_with_more_versions(as_maria: Client, people: People) -> None:
    goal, step = walking_goal(people.maria)
    url = reverse("goals:history", args=[goal.pk])
    few = queries_for(as_maria, url)
    add_history(goal, step, by=people.sam)
    for n in range(3):
        goal.refresh_from_db()
        actions.change_goal(goal, by=people.maria, version=goal.version, smart_wording=f"v{n}")
    assert queries_for(as_maria, url) == few


def test_the_sharing_page_does_not_grow_with_more_past_agreements(
    as_maria: Client, people: People
) -> None:
    url = reverse("privacy:sharing")
    few = queries_for(as_maria, url)
    for _ in range(3):
        privacy.revoke_consent(people.maria, by=people.maria)
        agree_to_share(people.maria)
    assert queries_for(as_maria, url) == few


def test_who_has_seen_my_plan_does_not_grow_with_more_looks(
    as_maria: Client, people: People
) -> None:
    goal, _step = walking_goal(people.maria)
    url = reverse("audit:seen")
    browser_for(people.sam).get(reverse("goals:detail", args=[goal.pk]))
    few = queries_for(as_maria, url)
    for viewer in (people.sam, people.pat, people.morgan):
        browser_for(viewer).get(reverse("goals:detail", args=[goal.pk]))
    assert queries_for(as_maria, url) == few
