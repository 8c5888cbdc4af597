"""The rules of the practice, enforced by the actions that every interface calls."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from peergoals.db import AppendOnlyError
from peergoals.goals import actions
from peergoals.goals.actions import Conflict, NotAllowed
from peergoals.goals.models import (
    CheckIn,
    Goal,
    Outcome,
    Status,
    Step,
    Win,
    WinKind,
)
from peergoals.goals.progress import step_progress, streak_days
from tests.personas import People

TODAY = datetime.date(2026, 11, 25)  # a Wednesday


def a_goal(people: People, **extra: object) -> Goal:
    return actions.create_goal(
        people.maria,
        by=people.maria,
        own_words="I want to get healthier",
        life_area="physical",
        **extra,  # type: ignore[arg-type]
    )


def a_step(goal: Goal, **extra: object) -> Step:
    fields = {
        "wording": "Walk 10 minutes every morning",
        "target_kind": "count",
        "target_quantity": 1,
        "target_per": "day",
    }
    fields.update(extra)
    return actions.add_step(goal, by=goal.peer, **fields)  # type: ignore[arg-type]


# Peer-driven ---------------------------------------------------------------------------------


def test_it_makes_the_peers_own_goal_active_with_a_review_date(people: People) -> None:
    goal = a_goal(people)
    assert goal.status == Status.ACTIVE
    assert goal.expressed_by == "peer"
    assert goal.next_review_on is not None


def test_it_keeps_a_specialists_goal_proposed_until_the_peer_accepts(people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.sam, own_words="Go to a meeting a week", life_area="emotional"
    )
    assert goal.status == Status.PROPOSED
    assert goal.expressed_by == "specialist"
    assert goal.next_review_on is None


def test_it_refuses_to_let_a_specialist_accept_their_own_proposal(people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.sam, own_words="Go to a meeting a week", life_area="emotional"
    )
    with pytest.raises(NotAllowed):
        actions.accept_goal(goal, by=people.sam)
    goal.refresh_from_db()
    assert goal.status == Status.PROPOSED


def test_it_lets_the_peer_reword_a_proposal_while_accepting_it(people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.sam, own_words="Go to a meeting a week", life_area="emotional"
    )
    accepted = actions.accept_goal(goal, by=people.maria, own_words="Try the Tuesday group")
    assert accepted.status == Status.ACTIVE
    assert accepted.own_words == "Try the Tuesday group"
    reasons = [v.history_change_reason for v in accepted.history.order_by("history_date")]
    assert reasons == ["Goal proposed", "Accepted by the peer"]


def test_it_lets_the_peer_decline_a_proposal_without_a_reason(people: People) -> None:
    goal = actions.create_goal(
        people.maria, by=people.sam, own_words="Go to a meeting a week", life_area="emotional"
    )
    assert actions.decline_goal(goal, by=people.maria).status == Status.REJECTED


def test_it_keeps_a_specialists_step_proposed_until_the_peer_accepts_it(people: People) -> None:
    goal = a_goal(people)
    step = actions.add_step(goal, by=people.sam, wording="Walk to the store")
    assert step.status == Status.PROPOSED
    with pytest.raises(NotAllowed):
        actions.accept_step(step, by=people.sam)
    with pytest.raises(NotAllowed):
        actions.set_step_status(step, by=people.sam, status=Status.ACTIVE)
    accepted = actions.accept_step(step, by=people.maria, wording="Walk to the corner store")
    assert (accepted.status, accepted.wording) == (Status.ACTIVE, "Walk to the corner store")


def test_it_refuses_to_let_a_specialist_start_a_paused_goal(people: People) -> None:
    goal = actions.set_goal_status(a_goal(people), by=people.maria, status=Status.ON_HOLD).record
    with pytest.raises(NotAllowed):
        actions.set_goal_status(goal, by=people.sam, status=Status.ACTIVE)
    change = actions.set_goal_status(goal, by=people.maria, status=Status.ACTIVE)
    assert change.record.status == "active"


def test_it_keeps_readiness_for_the_peer_to_rate(people: People) -> None:
    goal = actions.create_goal(
        people.maria,
        by=people.sam,
        own_words="Save money",
        life_area="financial",
        importance=9,
        confidence=9,
    )
    assert (goal.importance, goal.confidence) == (None, None)


# The peer's own words ------------------------------------------------------------------------


def test_it_lets_nobody_but_the_peer_change_their_own_words(people: People) -> None:
    goal = a_goal(people)
    with pytest.raises(NotAllowed):
        actions.change_goal(goal, by=people.sam, version=goal.version, own_words="Be healthy")
    goal.refresh_from_db()
    assert goal.own_words == "I want to get healthier"


def test_it_keeps_the_own_words_beside_the_smart_wording(people: People) -> None:
    goal = a_goal(people)
    changed = actions.change_goal(
        goal,
        by=people.maria,
        version=goal.version,
        smart_wording="I will walk for 10 minutes every morning this week.",
        reason="Made it SMART together",
    )
    assert changed.own_words == "I want to get healthier"
    assert changed.smart_wording.startswith("I will walk")


def test_it_keeps_every_version_with_who_when_and_why(people: People) -> None:
    goal = a_goal(people)
    actions.change_goal(
        goal,
        by=people.maria,
        version=1,
        smart_wording="Walk 10 minutes daily",
        reason="Made it SMART together",
    )
    versions = list(goal.history.order_by("history_date"))
    assert len(versions) == 2
    assert versions[-1].history_user == people.maria
    assert versions[-1].history_change_reason == "Made it SMART together"
    assert versions[0].smart_wording == ""


def test_it_refuses_an_edit_made_from_an_older_version(people: People) -> None:
    goal = a_goal(people)
    actions.change_goal(goal, by=people.maria, version=1, why_it_matters="For my kids")
    with pytest.raises(Conflict):
        actions.change_goal(goal, by=people.sam, version=1, why_it_matters="Something else")
    goal.refresh_from_db()
    assert goal.why_it_matters == "For my kids"


# Readiness -----------------------------------------------------------------------------------


def test_it_keeps_a_not_ready_goal_as_an_idea_that_never_comes_due(people: People) -> None:
    goal = a_goal(people, ready=False)
    assert goal.status == Status.PLANNED
    assert goal.next_review_on is None
    assert not goal.steps.exists()
    far_future = datetime.date(2030, 1, 1)
    assert not Goal.objects.review_due(far_future).filter(id=goal.id).exists()


def test_it_never_counts_a_paused_goal_as_due_or_behind(people: People) -> None:
    goal = actions.set_goal_status(a_goal(people), by=people.maria, status=Status.ON_HOLD).record
    assert goal.next_review_on is None
    assert not Goal.objects.review_due(datetime.date(2030, 1, 1)).filter(id=goal.id).exists()
    with pytest.raises(NotAllowed):
        actions.record_check_in(
            goal.steps.first() or a_step(goal), by=people.maria, outcome=Outcome.DONE
        )


# Check-ins -----------------------------------------------------------------------------------


def test_it_refuses_to_edit_or_delete_a_check_in(people: People) -> None:
    step = a_step(a_goal(people))
    check_in = actions.record_check_in(step, by=people.maria, outcome=Outcome.DONE).check_in
    check_in.note = "changed"
    with pytest.raises(AppendOnlyError):
        check_in.save()
    with pytest.raises(AppendOnlyError):
        check_in.delete()
    with pytest.raises(AppendOnlyError):
        CheckIn.objects.filter(id=check_in.id).update(note="changed")


def test_it_tells_done_not_done_and_not_recorded_apart(people: People) -> None:
    step = a_step(a_goal(people))
    actions.record_check_in(step, by=people.maria, outcome=Outcome.NOT_DONE)
    outcomes = set(step.check_ins.values_list("outcome", flat=True))
    assert outcomes == {"not_done"}
    # The check-in is for the real today; TODAY is a fixed date for the pure functions.
    yesterday = step.check_ins.filter(for_date=timezone.localdate() - datetime.timedelta(days=1))
    assert not yesterday.exists()  # not recorded: no row at all, never a "not done"


def test_it_refuses_a_check_in_for_a_future_day(people: People) -> None:
    step = a_step(a_goal(people))
    with pytest.raises(NotAllowed):
        actions.record_check_in(
            step,
            by=people.maria,
            outcome=Outcome.DONE,
            for_date=timezone.localdate() + datetime.timedelta(days=3),
        )


def check_ins(*days: tuple[int, str]) -> list[CheckIn]:
    return [
        CheckIn(for_date=TODAY - datetime.timedelta(days=ago), outcome=outcome)
        for ago, outcome in days
    ]


def test_it_never_breaks_a_streak_for_a_skipped_day() -> None:
    entries = check_ins((0, "done"), (1, "skipped"), (2, "done"), (3, "done"))
    assert streak_days(entries, TODAY) == 3


def test_it_ends_a_streak_on_a_day_with_nothing_done() -> None:
    entries = check_ins((0, "done"), (1, "not_done"), (2, "done"))
    assert streak_days(entries, TODAY) == 1


def test_it_does_not_end_a_streak_before_today_is_over() -> None:
    entries = check_ins((1, "done"), (2, "done"))
    assert streak_days(entries, TODAY) == 2


def test_it_never_counts_a_skip_against_the_weekly_target(people: People) -> None:
    step = Step(
        target_kind="count",
        target_quantity=3,
        target_per="week",
        starts_on=TODAY - datetime.timedelta(days=30),
    )
    entries = check_ins((0, "done"), (1, "skipped"), (2, "done"))
    progress = step_progress(step, entries, TODAY)
    assert (progress.achieved, progress.target) == (2, 3)


# Wins ----------------------------------------------------------------------------------------


def test_it_celebrates_the_first_check_in_once(people: People) -> None:
    step = a_step(a_goal(people))
    first = actions.record_check_in(step, by=people.maria, outcome=Outcome.DONE)
    again = actions.record_check_in(step, by=people.maria, outcome=Outcome.DONE)
    assert [w.kind for w in first.wins] == [WinKind.FIRST_CHECK_IN]
    assert again.wins == []


def test_it_finishes_a_one_time_step_and_celebrates_it(people: People) -> None:
    step = a_step(
        a_goal(people),
        wording="Update my resume",
        target_kind="once",
        target_quantity=None,
        target_per="",
    )
    result = actions.record_check_in(step, by=people.maria, outcome=Outcome.DONE)
    step.refresh_from_db()
    assert step.status == Status.COMPLETED
    kinds = {w.kind for w in result.wins}
    assert {WinKind.FIRST_CHECK_IN, WinKind.FIRST_STEP_DONE, WinKind.STEP_COMPLETED} <= kinds


def test_it_celebrates_a_three_day_streak(people: People) -> None:
    step = a_step(a_goal(people))
    today = timezone.localdate()
    for ago in (2, 1):
        actions.record_check_in(
            step,
            by=people.maria,
            outcome=Outcome.DONE,
            for_date=today - datetime.timedelta(days=ago),
        )
    result = actions.record_check_in(step, by=people.maria, outcome=Outcome.DONE)
    assert [(w.kind, w.streak_days) for w in result.wins] == [(WinKind.STREAK, 3)]


# Reviews -------------------------------------------------------------------------------------


def test_it_sets_the_next_review_from_the_cadence(people: People) -> None:
    goal = a_goal(people)
    held_on = timezone.localdate()
    actions.hold_review(goal, by=people.maria, decision="keep", held_on=held_on, attainment=0)
    goal.refresh_from_db()
    assert goal.next_review_on == held_on + datetime.timedelta(days=14)
    assert Win.objects.filter(peer=people.maria, kind=WinKind.REVIEW_HELD).count() == 1


def test_a_review_held_together_pauses_the_goal_once_the_peer_confirms(people: People) -> None:
    goal = a_goal(people)
    held = actions.hold_review(goal, by=people.sam, decision="pause", feeling="overwhelmed")
    goal.refresh_from_db()
    assert goal.status == Status.ACTIVE
    assert set(held.review.participants.all()) == {people.maria, people.sam}
    assert held.pending is not None
    actions.accept_change(held.pending, by=people.maria)
    goal.refresh_from_db()
    assert (goal.status, goal.next_review_on) == (Status.ON_HOLD, None)
    reason = goal.history.first().history_change_reason
    assert "recorded by Sam, confirmed by the peer" in reason


def test_it_celebrates_a_goal_reached_at_a_review(people: People) -> None:
    goal = a_goal(people)
    actions.hold_review(goal, by=people.maria, decision="complete", attainment=2)
    goal.refresh_from_db()
    assert goal.status == Status.COMPLETED
    assert Win.objects.filter(goal=goal, kind=WinKind.GOAL_COMPLETED).count() == 1


def test_it_refuses_a_review_attainment_outside_minus_two_to_two(people: People) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.hold_review(a_goal(people), by=people.maria, decision="keep", attainment=3)
