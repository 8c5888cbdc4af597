"""The plan stays the peer's: what staff change arrives as a suggestion Maria answers; what
staff decide at a review waits for Maria to confirm it; an idea she keeps is left alone."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Answer, Goal, Status, Step, Win, WinKind
from tests.personas import People


def _goal_edit(goal: Goal, **changes: str) -> dict[str, str]:
    form = {
        "version": str(goal.version),
        "smart_wording": goal.smart_wording,
        "life_area": goal.life_area,
        "strengths": goal.strengths,
        "review_every_days": str(goal.review_every_days),
    }
    return {**form, **changes}


def test_a_specialists_edit_of_the_goal_waits_beside_it_until_maria_accepts_it_in_her_words(
    as_sam: Client, as_maria: Client, people: People, walk_goal: Goal
) -> None:
    edit = reverse("goals:edit", args=[walk_goal.pk])
    assert "Suggest a change to the goal" in as_sam.get(edit).text
    saved = as_sam.post(edit, _goal_edit(walk_goal, smart_wording="Walk 20 minutes a day"))
    assert saved.status_code == 302
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording == "I will walk for 10 minutes every morning this week"

    sams_page = unescape(as_sam.get(reverse("goals:detail", args=[walk_goal.pk])).text)
    assert "Suggested, waiting for Maria's answer" in sams_page
    home = unescape(as_maria.get(reverse("goals:today")).text)
    assert "Changes waiting for your answer" in home
    assert "I will walk for 10 minutes every morning this week" in home  # now, beside...
    assert "Walk 20 minutes a day" in home  # ...what is suggested
    assert "waiting for Maria" not in home

    suggestion = walk_goal.suggested_changes.get()
    as_maria.post(
        reverse("goals:accept_change", args=[suggestion.pk]),
        {"wording": "I will walk 15 minutes most mornings"},
    )
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording == "I will walk 15 minutes most mornings"
    assert walk_goal.own_words == "I want to get healthier"
    history = unescape(as_maria.get(reverse("goals:history", args=[walk_goal.pk])).text)
    assert "Suggested by Sam, accepted by the peer" in history


def test_a_specialists_change_to_a_steps_target_changes_nothing_if_maria_declines(
    as_sam: Client, as_maria: Client, walk_step: Step
) -> None:
    edit = reverse("goals:edit_step", args=[walk_step.pk])
    before = walk_step.target_text
    form = {
        "version": str(walk_step.version),
        "wording": walk_step.wording,
        "target_kind": "count",
        "target_quantity": "3",
        "target_per": "day",
        "starts_on": walk_step.starts_on.isoformat(),
    }
    assert as_sam.post(edit, form).status_code == 302
    walk_step.refresh_from_db()
    assert walk_step.target_text == before
    goal_page = unescape(as_maria.get(reverse("goals:detail", args=[walk_step.goal_id])).text)
    assert "A change suggested by Sam" in goal_page
    suggestion = walk_step.suggested_changes.get()
    as_maria.post(reverse("goals:decline_change", args=[suggestion.pk]))
    walk_step.refresh_from_db()
    suggestion.refresh_from_db()
    assert (walk_step.target_text, suggestion.answer) == (before, Answer.DECLINED)
    assert "A change suggested by Sam" not in as_maria.get(reverse("goals:today")).text


def test_a_newer_suggestion_replaces_the_one_waiting(people: People, walk_step: Step) -> None:
    first = actions.suggest_change(walk_step, by=people.sam, version=None, wording="Walk 5")
    second = actions.suggest_change(walk_step, by=people.sam, version=None, wording="Walk 7")
    first.refresh_from_db()
    assert first.answer == Answer.WITHDRAWN
    assert list(walk_step.suggested_changes.open()) == [second]


def test_maria_is_told_when_her_step_changed_since_the_suggestion(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    actions.suggest_change(
        walk_step, by=people.sam, version=None, starts_on=walk_step.starts_on.replace(year=2030)
    )
    home = reverse("goals:today")
    assert "This changed since the suggestion was made" not in unescape(as_maria.get(home).text)
    actions.change_step(walk_step, by=people.maria, version=None, wording="Walk to the park")
    assert "This changed since the suggestion was made" in unescape(as_maria.get(home).text)


def test_why_it_matters_and_readiness_are_marias_alone(
    as_sam: Client, as_maria: Client, people: People, walk_goal: Goal
) -> None:
    edit_form = as_sam.get(reverse("goals:edit", args=[walk_goal.pk])).text
    for field in ("own_words", "why_it_matters", "importance", "confidence"):
        assert f'name="{field}"' not in edit_form
    # A specialist's note on a goal they suggest never becomes Maria's "why it matters".
    as_sam.post(
        reverse("goals:propose", args=[people.maria.pk]),
        {
            "own_words": "Call my brother",
            "life_area": "social",
            "why_it_matters": "Family is her anchor",
        },
    )
    proposed = Goal.objects.get(own_words="Call my brother")
    as_maria.post(reverse("goals:accept", args=[proposed.pk]), {"own_words": ""})
    proposed.refresh_from_db()
    assert (proposed.status, proposed.why_it_matters) == (Status.ACTIVE, "")


def test_sam_sees_no_button_to_end_pause_or_finish_marias_goal_or_step(
    as_sam: Client, as_maria: Client, walk_step: Step
) -> None:
    goal_url = reverse("goals:detail", args=[walk_step.goal_id])
    sams = as_sam.get(goal_url).text
    assert 'name="status"' not in sams
    assert "Suggest a change" in sams and ">Change the goal<" not in sams
    assert 'name="status"' in as_maria.get(goal_url).text
    as_sam.post(reverse("goals:status", args=[walk_step.goal_id]), {"status": "cancelled"})
    as_sam.post(reverse("goals:step_status", args=[walk_step.pk]), {"status": "completed"})
    walk_step.refresh_from_db()
    assert (walk_step.status, walk_step.goal.status) == (Status.ACTIVE, Status.ACTIVE)


def test_a_review_sam_holds_alone_suggests_letting_go_and_earns_no_win_until_maria_confirms(
    as_sam: Client, as_maria: Client, people: People, walk_goal: Goal
) -> None:
    form = unescape(as_sam.get(reverse("goals:review", args=[walk_goal.pk])).text)
    assert "waits for Maria to confirm it in their own session" in form
    as_sam.post(
        reverse("goals:review", args=[walk_goal.pk]),
        {"decision": "let_go", "whats_working": "Mornings", "peer_took_part": ""},
    )
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.ACTIVE
    assert not Win.objects.filter(peer=people.maria, kind=WinKind.REVIEW_HELD).exists()
    home = unescape(as_maria.get(reverse("goals:today")).text)
    assert "recorded by Sam" in home and "Let go" in home
    assert "It only takes effect if you confirm it." in home

    decision = walk_goal.suggested_changes.get()
    confirmed = unescape(
        as_maria.post(reverse("goals:accept_change", args=[decision.pk]), follow=True).text
    )
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.CANCELLED
    assert "You looked back at" in confirmed
    assert Win.objects.filter(peer=people.maria, kind=WinKind.REVIEW_HELD).count() == 1


def test_maria_can_decline_a_reviews_decision_and_keep_her_goal(
    as_sam: Client, as_maria: Client, people: People, walk_goal: Goal
) -> None:
    as_sam.post(reverse("goals:review", args=[walk_goal.pk]), {"decision": "pause"})
    decision = walk_goal.suggested_changes.get()
    as_maria.post(reverse("goals:decline_change", args=[decision.pk]))
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.ACTIVE
    assert not Win.objects.filter(peer=people.maria, kind=WinKind.REVIEW_HELD).exists()


def test_a_goal_kept_as_an_idea_gets_no_suggested_steps(
    as_sam: Client, as_maria: Client, people: People
) -> None:
    idea = actions.create_goal(
        people.maria, by=people.maria, own_words="Learn to cook", life_area="physical"
    )
    waiting = actions.add_step(idea, by=people.sam, wording="Buy a cookbook")
    actions.set_goal_status(idea, by=people.maria, status=Status.PLANNED)
    url = reverse("goals:detail", args=[idea.pk])
    assert "Suggest a step" not in as_sam.get(url).text
    refused = as_sam.post(
        reverse("goals:add_step", args=[idea.pk]), {"wording": "Boil an egg", "target_kind": "once"}
    )
    assert "kept as an idea" in unescape(refused.text)
    assert not Step.objects.filter(wording="Boil an egg").exists()
    for page in (as_maria.get(reverse("goals:today")), as_maria.get(url)):
        assert "Buy a cookbook" not in page.text
    # Taken up again, the goal shows the step that waited.
    actions.set_goal_status(idea, by=people.maria, status=Status.ACTIVE)
    assert "Buy a cookbook" in as_maria.get(reverse("goals:today")).text
    assert waiting.pk in [step.pk for step in idea.steps.all()]


def test_staff_pages_speak_about_maria_and_hers_speak_to_her(
    as_sam: Client, as_maria: Client, people: People
) -> None:
    actions.create_goal(people.maria, by=people.sam, own_words="Join a choir", life_area="social")
    sams = unescape(as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text)
    assert "Suggested, waiting for Maria's answer" in sams
    assert "waiting for your answer" not in sams
    marias = unescape(as_maria.get(reverse("goals:today")).text)
    assert "waiting for your answer" in marias
