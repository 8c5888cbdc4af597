"""The guided way to a new goal: explore it one question at a time, make it SMART, break it down."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from html import unescape

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peergoals.coach.dates import end_of_week
from peergoals.goals.models import Goal, Status, Step
from tests.personas import People


def screen(name: str) -> str:
    return reverse("goals:explore_screen", args=[name])


def answer(client: Client, name: str, **data: str) -> str:
    """Answer one screen; returns where the flow went next."""
    page = client.post(screen(name), data)
    assert page.status_code == 302, unescape(page.text)
    return page["Location"]


def explore_to_readiness(client: Client, own_words: str = "Walk to the park with my dog") -> None:
    assert answer(client, "start", answer="Go hiking") == screen("picture")
    assert answer(client, "picture", answer="I'd be outside more") == screen("goal")
    answer(client, "goal", answer=own_words)
    assert answer(client, "area", life_area="physical") == screen("why")
    assert answer(client, "why", answer="I feel calmer outside") == screen("strengths")
    assert answer(client, "strengths", answer="My dog keeps me going") == screen("ready")


def test_it_asks_one_question_at_a_time_and_saves_the_goal_in_the_peers_words(
    as_maria: Client, people: People
) -> None:
    first = as_maria.get(reverse("goals:explore"), follow=True)
    text = unescape(first.text)
    assert "What's something you've always wanted to do but haven't started yet?" in text
    assert "If things were going really well" not in text
    assert "I'm not sure" in text
    explore_to_readiness(as_maria)
    done = as_maria.post(screen("ready"), {"importance": "8", "confidence": "7"})
    goal = Goal.objects.get(peer=people.maria)
    assert done["Location"] == reverse("goals:smart", args=[goal.pk])
    assert (goal.own_words, goal.status, goal.life_area) == (
        "Walk to the park with my dog",
        Status.ACTIVE,
        "physical",
    )
    assert (goal.why_it_matters, goal.strengths) == (
        "I feel calmer outside",
        "My dog keeps me going",
    )
    assert (goal.importance, goal.confidence) == (8, 7)
    # The draft is gone once the goal is saved: a new goal starts with empty answers.
    assert "Go hiking" not in as_maria.get(screen("start")).text


def test_it_starts_the_goal_question_from_what_the_peer_already_said(as_maria: Client) -> None:
    answer(as_maria, "start", answer="Go hiking")
    answer(as_maria, "picture", answer="I'd be outside every weekend")
    assert "I'd be outside every weekend</textarea>" in unescape(as_maria.get(screen("goal")).text)


def test_it_keeps_every_answer_when_the_peer_goes_back(as_maria: Client) -> None:
    answer(as_maria, "start", answer="Learn to swim")
    answer(as_maria, "picture", answer="Swimming on Saturdays")
    picture = as_maria.get(screen("picture"))
    assert "Swimming on Saturdays</textarea>" in picture.text
    assert f'href="{screen("start")}"' in picture.text
    assert "Learn to swim</textarea>" in as_maria.get(screen("start")).text


def test_it_keeps_what_was_typed_when_an_answer_is_refused(as_maria: Client) -> None:
    empty = as_maria.post(screen("goal"), {"answer": "  "})
    assert empty.status_code == 400
    assert "Please fill this in." in empty.text
    too_long = "a" * 1001
    refused = as_maria.post(screen("goal"), {"answer": too_long})
    assert refused.status_code == 400
    assert "Please make this shorter (up to 1000 characters)." in refused.text
    assert f"{too_long}</textarea>" in refused.text


def test_it_offers_a_small_start_to_a_peer_who_is_not_sure(
    as_maria: Client, people: People
) -> None:
    assert answer(as_maria, "start", unsure="1") == screen("small-start")
    small = unescape(as_maria.get(screen("small-start")).text)
    assert "What's one thing you could do today that would make you feel good?" in small
    assert answer(as_maria, "small-start", answer="Make a cup of tea and sit outside") == screen(
        "area"
    )
    assert f'href="{screen("small-start")}"' in as_maria.get(screen("area")).text
    answer(as_maria, "area", life_area="emotional")
    answer(as_maria, "why", answer="")
    answer(as_maria, "strengths", answer="")
    as_maria.post(screen("ready"), {})
    goal = Goal.objects.get(peer=people.maria)
    assert (goal.own_words, goal.status) == ("Make a cup of tea and sit outside", Status.ACTIVE)
    assert (goal.importance, goal.confidence) == (None, None)


def test_it_asks_what_a_vague_wish_would_look_like(as_maria: Client, people: People) -> None:
    answer(as_maria, "start", answer="")
    answer(as_maria, "picture", answer="")
    assert answer(as_maria, "goal", answer="I want to feel better") == screen("looks-like")
    page = unescape(as_maria.get(screen("looks-like")).text)
    assert "What would that look like for you? Improving relationships? Finding work?" in page
    assert "You said: “I want to feel better”" in page
    answer(as_maria, "looks-like", answer="Seeing friends again")
    assert f'href="{screen("looks-like")}"' in as_maria.get(screen("area")).text
    answer(as_maria, "area", life_area="social")
    answer(as_maria, "why", answer="")
    answer(as_maria, "strengths", answer="")
    as_maria.post(screen("ready"), {"importance": "9", "confidence": "6"})
    goal = Goal.objects.get(peer=people.maria)
    assert (goal.own_words, goal.looks_like) == ("I want to feel better", "Seeing friends again")
    smart = as_maria.get(reverse("goals:smart", args=[goal.pk]))
    assert "Seeing friends again</textarea>" in smart.text


def test_it_offers_to_keep_a_goal_as_an_idea_when_readiness_is_low(
    as_maria: Client, people: People
) -> None:
    explore_to_readiness(as_maria)
    assert answer(as_maria, "ready", importance="9", confidence="2") == screen("not-yet")
    page = unescape(as_maria.get(screen("not-yet")).text)
    assert "Keep it as an idea for now" in page
    assert "Start smaller" in page
    assert not Goal.objects.exists()
    kept = as_maria.post(screen("not-yet"), {"choice": "idea"}, follow=True)
    goal = Goal.objects.get(peer=people.maria)
    assert (goal.status, goal.next_review_on) == (Status.PLANNED, None)
    assert kept.redirect_chain[-1][0] == reverse("goals:detail", args=[goal.pk])
    assert "Kept as an idea for now" in unescape(kept.text)


def test_it_lets_a_peer_who_is_not_sure_start_smaller(as_maria: Client, people: People) -> None:
    explore_to_readiness(as_maria)
    answer(as_maria, "ready", importance="3", confidence="3")
    started = as_maria.post(screen("not-yet"), {"choice": "smaller"}, follow=True)
    goal = Goal.objects.get(peer=people.maria)
    assert goal.status == Status.ACTIVE
    assert "Start smaller: pick a piece of it you feel sure about" in unescape(started.text)


def test_it_asks_for_the_missing_answer_before_saving(as_maria: Client) -> None:
    assert answer(as_maria, "ready", importance="8") == screen("goal")
    assert not Goal.objects.exists()


def test_it_answers_not_found_for_an_unknown_question_or_a_specialist(
    as_maria: Client, as_sam: Client
) -> None:
    assert as_maria.get(screen("nope")).status_code == 404
    assert as_sam.get(screen("start")).status_code == 404


def test_it_ignores_a_life_area_that_is_not_one_of_the_eight(as_maria: Client) -> None:
    page = as_maria.post(screen("area"), {"life_area": "<b>x</b>"})
    assert page.status_code == 400
    assert "Please pick one of the choices." in page.text


def test_the_nav_starts_the_guided_flow_and_keeps_the_single_form(as_maria: Client) -> None:
    home = as_maria.get(reverse("goals:today"))
    assert f'href="{reverse("goals:explore")}"' in home.text
    start = as_maria.get(screen("start"))
    assert f'href="{reverse("goals:new")}"' in start.text


# Make it SMART ---------------------------------------------------------------------------------


def test_it_saves_the_smart_wording_beside_the_peers_own_words(
    as_maria: Client, walk_goal: Goal
) -> None:
    url = reverse("goals:smart", args=[walk_goal.pk])
    page = unescape(as_maria.get(url).text)
    assert "I want to get healthier" in page
    assert "Coach tips" in page
    saved = as_maria.post(
        url, {"version": walk_goal.version, "smart_wording": "I will walk 20 minutes every day"}
    )
    assert saved["Location"] == reverse("goals:breakdown", args=[walk_goal.pk])
    walk_goal.refresh_from_db()
    assert walk_goal.own_words == "I want to get healthier"
    assert walk_goal.smart_wording == "I will walk 20 minutes every day"


def test_the_coach_offers_a_wording_the_peer_can_choose(as_maria: Client, walk_goal: Goal) -> None:
    tips = as_maria.post(
        reverse("goals:coach"),
        {
            "smart_wording": "I will call my brother",
            "coach_goal": walk_goal.pk,
            "coach_offer": "smart_wording",
        },
        headers={"HX-Request": "true"},
    )
    text = unescape(tips.text)
    assert "“I will call my brother this week.”" in text
    assert 'hx-post="/coach/use/"' in text
    assert 'hx-target="#field-smart_wording"' in text
    assert "Use this wording" in text


def test_a_wording_idea_for_words_in_spanish_adds_its_when_in_spanish(
    as_maria: Client, walk_goal: Goal
) -> None:
    # Maria's interface is English; the coach answers her Spanish words in Spanish.
    tips = as_maria.post(
        reverse("goals:coach"),
        {"wording": "Llamar a mi hermano", "coach_goal": walk_goal.pk, "coach_offer": "wording"},
        headers={"HX-Request": "true"},
    )
    text = unescape(tips.text)
    assert "“Llamar a mi hermano esta semana.”" in text
    assert "Todavía no tiene día, fecha límite ni horario." in text


def test_choosing_a_wording_puts_it_in_the_field_and_saves_nothing(
    as_maria: Client, walk_goal: Goal
) -> None:
    fragment = as_maria.post(
        reverse("goals:use_wording"),
        {"field": "smart_wording", "use": "I will call my brother this week."},
        headers={"HX-Request": "true"},
    )
    assert 'id="field-smart_wording"' in fragment.text
    assert ">I will call my brother this week.</textarea>" in fragment.text
    assert 'hx-trigger="load, input changed delay:400ms"' in fragment.text
    # Without JavaScript the button submits the form: the wording shows, still unsaved.
    page = as_maria.post(
        reverse("goals:smart", args=[walk_goal.pk]),
        {"version": walk_goal.version, "smart_wording": "mine", "use": "I will call my brother."},
    )
    assert ">I will call my brother.</textarea>" in page.text
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording == "I will walk for 10 minutes every morning this week"


def test_a_chosen_wording_that_is_no_wording_leaves_what_was_typed(
    as_maria: Client, walk_goal: Goal
) -> None:
    # Found by the fuzz test: a control character (or nothing) sent as the chosen wording
    # replaced the peer's typed text.
    for junk in ("\x00", "   "):
        page = as_maria.post(
            reverse("goals:smart", args=[walk_goal.pk]),
            {"version": walk_goal.version, "smart_wording": "Walk with my sister", "use": junk},
        )
        assert ">Walk with my sister</textarea>" in page.text
        steps = as_maria.post(
            reverse("goals:breakdown", args=[walk_goal.pk]),
            {"wording": "Buy walking shoes", "use": junk},
        )
        assert ">Buy walking shoes</textarea>" in steps.text
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording == "I will walk for 10 minutes every morning this week"


def test_the_smart_field_asks_the_coach_as_the_peer_types(
    as_maria: Client, walk_goal: Goal
) -> None:
    page = as_maria.get(reverse("goals:smart", args=[walk_goal.pk]))
    assert 'hx-trigger="input changed delay:400ms"' in page.text
    assert f'hx-post="{reverse("goals:coach")}"' in page.text


def test_a_smart_wording_changed_meanwhile_is_not_overwritten(
    as_maria: Client, walk_goal: Goal
) -> None:
    page = as_maria.post(
        reverse("goals:smart", args=[walk_goal.pk]),
        {"version": walk_goal.version - 1 or 99, "smart_wording": "My new words"},
    )
    assert page.status_code == 409
    assert "My new words</textarea>" in page.text


# Break it down ---------------------------------------------------------------------------------


def test_it_fills_in_the_steps_details_from_its_words_and_the_peer_can_change_them(
    as_maria: Client, walk_goal: Goal
) -> None:
    url = reverse("goals:breakdown", args=[walk_goal.pk])
    details = as_maria.post(url, {"wording": "Walk 10 minutes every morning this week"})
    assert details.status_code == 200
    sunday = end_of_week(timezone.localdate())
    assert f'value="{sunday.isoformat()}"' in details.text
    assert 'name="target_quantity" value="10"' in details.text
    assert '<option value="day" selected>' in details.text
    assert re.search(r'value="amount"[^>]*checked', details.text)
    later = sunday + datetime.timedelta(days=7)
    added = as_maria.post(
        url,
        {
            "stage": "details",
            "wording": "Walk 10 minutes every morning this week",
            "target_kind": "amount",
            "target_quantity": "10",
            "target_unit": "minutes",
            "target_per": "day",
            "due_on": later.isoformat(),
        },
    )
    assert added["Location"] == url
    step = Step.objects.get(goal=walk_goal)
    assert (step.target_kind, step.target_quantity, step.target_per, step.due_on) == (
        "amount",
        Decimal("10"),
        "day",
        later,
    )
    listed = unescape(as_maria.get(url).text)
    assert "Walk 10 minutes every morning this week" in listed
    assert "10 minutes a day" in listed


def test_it_reads_a_total_and_a_deadline_from_a_step(as_maria: Client, walk_goal: Goal) -> None:
    details = as_maria.post(
        reverse("goals:breakdown", args=[walk_goal.pk]),
        {"wording": "Apply to three jobs this month"},
    )
    assert 'name="target_quantity" value="3"' in details.text
    assert 'name="target_unit" value="jobs"' in details.text


def test_it_keeps_the_step_and_says_why_when_details_are_refused(
    as_maria: Client, walk_goal: Goal
) -> None:
    page = as_maria.post(
        reverse("goals:breakdown", args=[walk_goal.pk]),
        {"stage": "details", "wording": "Walk", "target_kind": "count", "target_quantity": ""},
    )
    assert page.status_code == 400
    assert "Please say how many or how much" in unescape(page.text)
    assert "Walk</textarea>" in page.text


def test_the_peer_reorders_steps_and_stays_on_the_breakdown(
    as_maria: Client, walk_goal: Goal
) -> None:
    url = reverse("goals:breakdown", args=[walk_goal.pk])
    for wording in ("Buy shoes", "Walk to the corner"):
        as_maria.post(url, {"stage": "details", "wording": wording, "target_kind": "once"})
    second = Step.objects.get(wording="Walk to the corner")
    moved = as_maria.post(
        reverse("goals:move_step", args=[second.pk]), {"direction": "up", "next": url}
    )
    assert moved["Location"] == url
    page = as_maria.get(url).text
    assert page.index("Walk to the corner") < page.index("Buy shoes")


def test_a_specialists_step_from_the_breakdown_waits_for_the_peer(
    as_sam: Client, walk_goal: Goal
) -> None:
    as_sam.post(
        reverse("goals:breakdown", args=[walk_goal.pk]),
        {"stage": "details", "wording": "Call the gym", "target_kind": "once"},
    )
    assert Step.objects.get().status == Status.PROPOSED


def test_another_peer_gets_not_found_on_the_flow_pages(as_jordan: Client, walk_goal: Goal) -> None:
    assert as_jordan.get(reverse("goals:smart", args=[walk_goal.pk])).status_code == 404
    assert as_jordan.get(reverse("goals:breakdown", args=[walk_goal.pk])).status_code == 404


ODD_INPUTS = ["", " ", "\x00", "💥" * 600, "<script>alert(1)</script>", "x" * 5000, "-1", "11"]


def test_no_input_to_the_flow_gives_a_server_error(as_maria: Client, walk_goal: Goal) -> None:
    posts = [
        (screen(name), field)
        for name in ("start", "picture", "goal", "small-start", "looks-like", "why", "strengths")
        for field in ("answer", "unsure")
    ]
    posts += [(screen("area"), "life_area"), (screen("ready"), "importance")]
    posts += [(screen("ready"), "confidence"), (screen("not-yet"), "choice")]
    smart = reverse("goals:smart", args=[walk_goal.pk])
    breakdown = reverse("goals:breakdown", args=[walk_goal.pk])
    posts += [(smart, "smart_wording"), (smart, "use"), (smart, "version")]
    posts += [(breakdown, "wording"), (breakdown, "use"), (breakdown, "due_on")]
    posts += [(reverse("goals:use_wording"), "use"), (reverse("goals:use_wording"), "field")]
    for url, field in posts:
        for value in ODD_INPUTS:
            data = {field: value, "stage": "details"} if field == "due_on" else {field: value}
            page = as_maria.post(url, data, headers={"HX-Request": "true"})
            assert page.status_code < 500, (url, field, value)
            assert "<script>alert(1)</script>" not in page.text, (url, field)


def test_it_keeps_every_exploration_answer_with_the_goal_and_shows_them(
    as_maria: Client, people: People
) -> None:
    explore_to_readiness(as_maria)
    as_maria.post(screen("ready"), {"importance": "8", "confidence": "7"})
    goal = Goal.objects.get(peer=people.maria)
    assert goal.exploration == [
        {
            "question": "What's something you've always wanted to do but haven't started yet?",
            "answer": "Go hiking",
        },
        {
            "question": "If things were going really well for you in six months, "
            "what would that look like?",
            "answer": "I'd be outside more",
        },
    ]
    page = unescape(as_maria.get(reverse("goals:detail", args=[goal.pk])).text)
    assert "What you said while exploring" in page
    assert "Go hiking" in page
    assert "I'd be outside more" in page


def test_it_keeps_the_hesitant_paths_answers_word_for_word(
    as_maria: Client, people: People, as_sam: Client
) -> None:
    answer(as_maria, "start", answer="  Run a marathon, someday maybe  ")
    answer(as_maria, "picture", answer="Working again")
    answer(as_maria, "goal", answer="Get my life together", unsure="1")
    answer(as_maria, "small-start", answer="Make a cup of tea and sit outside")
    answer(as_maria, "area", life_area="emotional")
    answer(as_maria, "why", answer="")
    answer(as_maria, "strengths", answer="")
    as_maria.post(screen("ready"), {})
    goal = Goal.objects.get(peer=people.maria)
    assert [item["answer"] for item in goal.exploration] == [
        "Run a marathon, someday maybe",
        "Working again",
        "Get my life together",
        "Make a cup of tea and sit outside",
    ]
    assert goal.own_words == "Make a cup of tea and sit outside"
    # Her specialist reads them too, in the third person.
    page = unescape(as_sam.get(reverse("goals:detail", args=[goal.pk])).text)
    assert "What Maria said while exploring" in page
    assert "Get my life together" in page


def test_what_a_vague_wish_would_look_like_is_kept_with_its_question(
    as_maria: Client, people: People
) -> None:
    answer(as_maria, "start", answer="")
    answer(as_maria, "picture", answer="")
    answer(as_maria, "goal", answer="I want to feel better")
    answer(as_maria, "looks-like", answer="Seeing friends again")
    answer(as_maria, "area", life_area="social")
    answer(as_maria, "why", answer="")
    answer(as_maria, "strengths", answer="")
    as_maria.post(screen("ready"), {})
    goal = Goal.objects.get(peer=people.maria)
    assert [item["answer"] for item in goal.exploration] == ["Seeing friends again"]
    assert goal.exploration[0]["question"].startswith("What would that look like for you?")
