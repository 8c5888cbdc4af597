"""A goal's pages: set it, see both wordings, change it safely, add steps, look back."""

from __future__ import annotations

import datetime
from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, Review, Status, Step
from tests.personas import People


def test_the_peer_sets_a_goal_of_their_own(as_maria: Client) -> None:
    page = as_maria.post(
        reverse("goals:new"),
        {
            "own_words": "I want to reconnect with my family",
            "life_area": "social",
            "strengths": "I am a good listener",
            "importance": "9",
            "confidence": "5",
            "ready": "yes",
        },
        follow=True,
    )
    assert "Your goal is saved. It's yours!" in unescape(page.text)
    goal = Goal.objects.get()
    assert (goal.status, goal.importance, goal.confidence) == (Status.ACTIVE, 9, 5)
    assert goal.strengths == "I am a good listener"


def test_the_peer_can_keep_a_goal_as_an_idea_for_now(as_maria: Client) -> None:
    as_maria.post(
        reverse("goals:new"),
        {"own_words": "Go back to school", "life_area": "intellectual", "ready": "no"},
    )
    assert Goal.objects.get().status == Status.PLANNED


def test_it_asks_for_the_goal_in_plain_words_when_it_is_missing(as_maria: Client) -> None:
    page = as_maria.post(reverse("goals:new"), {"life_area": "social", "why_it_matters": "family"})
    assert page.status_code == 400
    assert "Please fill this in." in page.text
    assert "family" in page.text


def test_it_shows_the_peers_words_beside_the_smart_wording(
    as_maria: Client, walk_goal: Goal
) -> None:
    page = as_maria.get(reverse("goals:detail", args=[walk_goal.pk]))
    assert "In your own words" in page.text
    assert "I want to get healthier" in page.text
    assert "I will walk for 10 minutes every morning this week" in page.text


def test_it_shows_who_changed_what_and_why(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    suggestion = actions.suggest_change(
        walk_goal, by=people.sam, version=walk_goal.version, smart_wording="Walk 15 minutes daily"
    )
    actions.accept_change(suggestion, by=people.maria)
    assert "History of changes" in as_maria.get(reverse("goals:detail", args=[walk_goal.pk])).text
    page = as_maria.get(reverse("goals:history", args=[walk_goal.pk]))
    assert "Suggested by Sam, accepted by the peer" in page.text
    assert "Maria," in page.text
    assert (
        "SMART wording: “I will walk for 10 minutes every morning this week” "
        "→ “Walk 15 minutes daily”" in page.text
    )


def test_an_edit_from_an_older_version_is_merged_and_keeps_the_other_tabs_change(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    form = {
        "version": str(walk_goal.version),
        "own_words": "I want to feel strong again",
        "smart_wording": "",
        "life_area": "physical",
        "review_every_days": "14",
    }
    # Maria saved a change in another tab.
    actions.change_goal(walk_goal, by=people.maria, version=walk_goal.version, strengths="Grit")
    page = as_maria.post(reverse("goals:edit", args=[walk_goal.pk]), form)
    assert page.status_code == 302
    walk_goal.refresh_from_db()
    assert walk_goal.own_words == "I want to feel strong again"
    # This form's empty strengths were never typed: the other tab's "Grit" stays.
    assert walk_goal.strengths == "Grit"


def test_the_specialist_cannot_change_the_peers_own_words(as_sam: Client, walk_goal: Goal) -> None:
    page = as_sam.get(reverse("goals:edit", args=[walk_goal.pk]))
    assert 'name="own_words"' not in page.text
    as_sam.post(
        reverse("goals:edit", args=[walk_goal.pk]),
        {
            "version": str(walk_goal.version),
            "own_words": "Something else",
            "smart_wording": "Walk 5 minutes",
            "life_area": "physical",
            "review_every_days": "7",
        },
    )
    walk_goal.refresh_from_db()
    assert walk_goal.own_words == "I want to get healthier"
    # The rest is a suggestion Maria answers; her goal is as it was.
    assert walk_goal.smart_wording == "I will walk for 10 minutes every morning this week"
    suggestion = walk_goal.suggested_changes.get()
    assert suggestion.changes == {"smart_wording": "Walk 5 minutes", "review_every_days": 7}


def test_it_only_shows_the_status_buttons_the_viewer_may_use(
    as_maria: Client, as_sam: Client, as_pat: Client, people: People, walk_goal: Goal
) -> None:
    actions.set_goal_status(walk_goal, by=people.maria, status="on-hold")
    url = reverse("goals:detail", args=[walk_goal.pk])
    assert 'value="active"' in as_maria.get(url).text
    # Only Maria starts, pauses, finishes or lets go of her goal; Sam sees no such button.
    assert 'name="status"' not in as_sam.get(url).text
    supervisor_view = as_pat.get(url)
    assert supervisor_view.status_code == 200
    assert 'name="status"' not in supervisor_view.text
    assert "Change the goal" not in supervisor_view.text


def test_the_peer_pauses_and_resumes_a_goal(as_maria: Client, walk_goal: Goal) -> None:
    url = reverse("goals:status", args=[walk_goal.pk])
    # The pause is asked about first (why, until when); sent from that page, it is made.
    as_maria.post(url, {"status": "on-hold", "confirmed": "on"})
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.ON_HOLD
    as_maria.post(url, {"status": "active"})
    walk_goal.refresh_from_db()
    assert walk_goal.status == Status.ACTIVE


def test_it_explains_when_a_status_change_is_not_possible(
    as_sam: Client, people: People, walk_goal: Goal
) -> None:
    actions.set_goal_status(walk_goal, by=people.maria, status="on-hold")
    page = as_sam.post(reverse("goals:status", args=[walk_goal.pk]), {"status": "active"})
    assert page.status_code == 400
    assert "Only the peer can decide to work on a goal." in page.text


def test_the_peer_adds_and_reorders_steps(as_maria: Client, walk_step: Step) -> None:
    as_maria.post(
        reverse("goals:add_step", args=[walk_step.goal_id]),
        {
            "wording": "Read 20 pages",
            "target_kind": "amount",
            "target_quantity": "20",
            "target_unit": "pages",
            "target_per": "week",
        },
    )
    second = Step.objects.get(wording="Read 20 pages")
    assert second.status == Status.ACTIVE
    as_maria.post(reverse("goals:move_step", args=[second.pk]), {"direction": "up"})
    page = as_maria.get(reverse("goals:detail", args=[walk_step.goal_id]))
    assert page.text.index("Read 20 pages") < page.text.index("Walk 10 minutes after breakfast")
    assert "20 pages a week" in page.text


def test_a_counted_step_needs_a_number(as_maria: Client, walk_goal: Goal) -> None:
    page = as_maria.post(
        reverse("goals:add_step", args=[walk_goal.pk]),
        {"wording": "Drink water", "target_kind": "count"},
    )
    assert page.status_code == 400
    assert "Please say how many or how much" in page.text
    assert "Drink water" in page.text


def test_the_peer_makes_a_step_smaller(as_maria: Client, walk_step: Step) -> None:
    page = as_maria.post(
        reverse("goals:edit_step", args=[walk_step.pk]),
        {
            "version": str(walk_step.version),
            "wording": "Walk 5 minutes",
            "target_kind": "once",
            "starts_on": walk_step.starts_on.isoformat(),
        },
    )
    assert page.status_code == 302
    walk_step.refresh_from_db()
    assert walk_step.wording == "Walk 5 minutes"


def test_a_review_when_overwhelmed_says_it_is_normal_and_offers_smaller_steps(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    form = as_maria.get(reverse("goals:review", args=[walk_goal.pk]))
    assert "Feeling overwhelmed is normal" in form.text
    page = as_maria.post(
        reverse("goals:review", args=[walk_goal.pk]),
        {
            "whats_working": "Mornings",
            "feeling": "overwhelmed",
            "decision": "adjust",
            "attainment": "-1",
        },
        follow=True,
    )
    assert "Feeling overwhelmed is normal. You can make your steps smaller" in page.text
    review = Review.objects.get()
    assert set(review.participants.all()) == {people.maria}
    assert review.attainment == -1


def test_a_review_together_records_the_specialist_and_the_peer(
    as_sam: Client, people: People, walk_goal: Goal
) -> None:
    form = as_sam.get(reverse("goals:review", args=[walk_goal.pk]))
    assert "Maria took part in this look-back" in form.text
    as_sam.post(
        reverse("goals:review", args=[walk_goal.pk]), {"decision": "keep", "peer_took_part": "on"}
    )
    assert set(Review.objects.get().participants.all()) == {people.maria, people.sam}


def test_a_review_the_specialist_records_alone_says_only_they_took_part(
    as_sam: Client, people: People, walk_goal: Goal
) -> None:
    as_sam.post(reverse("goals:review", args=[walk_goal.pk]), {"decision": "keep"})
    assert set(Review.objects.get().participants.all()) == {people.sam}
    page = as_sam.get(reverse("goals:detail", args=[walk_goal.pk]))
    assert "Who took part" in page.text


def test_changing_the_plan_at_a_review_leads_to_changing_the_step(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    url = reverse("goals:review", args=[walk_step.goal_id])
    after = as_maria.post(url, {"decision": "adjust"})
    assert after["Location"] == reverse("goals:edit_step", args=[walk_step.pk])
    as_maria.post(
        after["Location"],
        {
            "version": walk_step.version,
            "wording": "Walk 5 minutes after breakfast",
            "target_kind": "count",
            "target_quantity": "1",
            "target_per": "day",
            "starts_on": walk_step.starts_on.isoformat(),
        },
    )
    walk_step.refresh_from_db()
    assert walk_step.wording == "Walk 5 minutes after breakfast"
    history = unescape(as_maria.get(reverse("goals:history", args=[walk_step.goal_id])).text)
    assert "“Walk 10 minutes after breakfast” → “Walk 5 minutes after breakfast”" in history


def test_changing_the_plan_with_several_steps_leads_to_the_steps_to_pick_from(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    actions.add_step(walk_step.goal, by=people.maria, wording="Stretch")
    after = as_maria.post(
        reverse("goals:review", args=[walk_step.goal_id]), {"decision": "adjust"}, follow=True
    )
    assert after.redirect_chain[-1][0] == reverse("goals:breakdown", args=[walk_step.goal_id])
    assert "Pick a step to change" in after.text


def test_another_specialist_gets_not_found_on_the_peers_goal(
    as_alex: Client, walk_step: Step
) -> None:
    goal = walk_step.goal_id
    for url in (
        reverse("goals:detail", args=[goal]),
        reverse("goals:edit", args=[goal]),
        reverse("goals:review", args=[goal]),
        reverse("goals:peer", args=[walk_step.goal.peer_id]),
        reverse("goals:propose", args=[walk_step.goal.peer_id]),
        reverse("goals:edit_step", args=[walk_step.pk]),
    ):
        assert as_alex.get(url).status_code == 404, url


def test_another_peer_gets_not_found_on_marias_goal(as_jordan: Client, walk_goal: Goal) -> None:
    assert as_jordan.get(reverse("goals:detail", args=[walk_goal.pk])).status_code == 404
    assert as_jordan.post(reverse("goals:decline", args=[walk_goal.pk])).status_code == 404


def test_the_supervisor_sees_but_does_not_change(as_pat: Client, walk_goal: Goal) -> None:
    assert as_pat.get(reverse("goals:peer", args=[walk_goal.peer_id])).status_code == 200
    assert as_pat.get(reverse("goals:edit", args=[walk_goal.pk])).status_code == 404
    assert (
        as_pat.post(reverse("goals:review", args=[walk_goal.pk]), {"decision": "keep"}).status_code
        == 404
    )


def test_the_specialist_sees_the_peers_page_with_ways_to_suggest(
    as_sam: Client, walk_step: Step
) -> None:
    page = as_sam.get(reverse("goals:peer", args=[walk_step.goal.peer_id]))
    assert "Maria" in page.text
    assert "Walk 10 minutes after breakfast" in page.text
    assert "Suggest a goal" in page.text
    assert "Look back together" in page.text


def test_the_goal_page_loads_its_history_only_when_opened(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    actions.change_goal(
        walk_goal, by=people.maria, version=walk_goal.version, smart_wording="Walk 15 minutes daily"
    )
    history_url = reverse("goals:history", args=[walk_goal.pk])
    page = as_maria.get(reverse("goals:detail", args=[walk_goal.pk])).text
    assert f'hx-get="{history_url}"' in page
    assert "Walk 15 minutes daily" in page
    assert "Goal changed" not in page
    fragment = as_maria.get(history_url, headers={"HX-Request": "true"}).text
    assert "Goal changed" in fragment
    assert "<html" not in fragment


def test_the_goal_page_shows_the_latest_look_backs_and_loads_the_older_ones_when_asked(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    today = datetime.date.today()
    for weeks_ago, words in enumerate(["Fifth", "Fourth", "Third", "Second", "First"]):
        actions.hold_review(
            walk_goal,
            by=people.maria,
            decision="keep",
            whats_working=f"{words} look-back",
            held_on=today - datetime.timedelta(weeks=weeks_ago),
        )
    page = unescape(as_maria.get(reverse("goals:detail", args=[walk_goal.pk])).text)
    assert [w for w in FIVE if f"{w} look-back" in page] == ["Fifth", "Fourth", "Third"]
    assert "Show older look-backs" in page

    older = as_maria.get(
        reverse("goals:reviews", args=[walk_goal.pk]), headers={"HX-Request": "true"}
    )
    assert [w for w in FIVE if f"{w} look-back" in older.text] == ["Second", "First"]
    assert "<html" not in older.text

    # Without JavaScript the link opens every look-back on a page of its own.
    every = unescape(as_maria.get(reverse("goals:reviews", args=[walk_goal.pk])).text)
    assert [w for w in FIVE if f"{w} look-back" in every] == FIVE
    assert every.index("Fifth look-back") < every.index("First look-back")


FIVE = ["Fifth", "Fourth", "Third", "Second", "First"]


def test_a_goal_with_few_look_backs_offers_no_older_ones(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    actions.hold_review(walk_goal, by=people.maria, decision="keep", whats_working="Mornings")
    page = unescape(as_maria.get(reverse("goals:detail", args=[walk_goal.pk])).text)
    assert "Mornings" in page
    assert "Show older look-backs" not in page
