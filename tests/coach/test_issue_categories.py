"""What issue 14 found wrong, as general rules: each category with variants of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from peergoals.coach import judge
from tests.coach.helpers import said

MONDAY = dt.date(2026, 11, 23)


def criteria(statement: str, context: str | None = None) -> tuple[bool | None, ...]:
    c = judge(statement, context, MONDAY).criteria
    return (c.specific.met, c.measurable.met, c.achievable.met, c.time_bound.met)


@pytest.mark.parametrize(
    "weak",
    [
        "stress management",
        "Anger management",
        "Stop using",
        "I want to stop using",
        "never use again",
        "Client will improve medication adherence.",
        "Client will demonstrate improved coping skills.",
        "Pt will enhance self-esteem",
        "Participant will explore vocational options",
        "Client will maintain stable housing.",
        "Watch my portions",
    ],
)
def test_the_seeds_weak_examples_and_their_kin_are_neither_specific_nor_measurable(
    weak: str,
) -> None:
    specific, measurable, _, _ = criteria(weak)
    assert (specific, measurable) == (False, False)


@pytest.mark.parametrize(
    "wording", ["stress management", "Stop using", "get better at managing stress"]
)
def test_no_weak_wording_is_offered_as_a_better_one(wording: str) -> None:
    assert not any(f"{wording} this week" in s for s in said(judge(wording, today=MONDAY)))


@pytest.mark.parametrize(
    "ongoing",
    [
        "get back into my running routine",
        "log my blood sugar in the app",
        "look through the videos in the app",
        "I will go swimming",
        "go fishing",
        "walk the dog",
        "keep a gratitude journal",
        "use my CPAP machine",
        "look for an apartment",
        "track my spending",
    ],
)
def test_an_ongoing_activity_with_no_amount_is_not_measurable(ongoing: str) -> None:
    assert criteria(ongoing)[1] is False


@pytest.mark.parametrize(
    "counted",
    [
        "go swimming on Saturday",
        "walk the dog every morning",
        "log my blood sugar twice a day",
        "keep a gratitude journal for 14 days",
        "go for a walk",
        "look for an apartment for 30 minutes a day",
    ],
)
def test_the_same_activity_with_an_amount_a_frequency_or_one_day_is_measurable(
    counted: str,
) -> None:
    assert criteria(counted)[1] is True


@pytest.mark.parametrize(
    "outcome",
    [
        "become fluent in French in three weeks",
        "get my associate's degree in six weeks",
        "get my bachelor's degree in 3 months",
        "earn my CDL in 10 days",
        "pass the GED in two weeks",
    ],
)
def test_a_checkable_outcome_is_specific_and_measurable_even_when_too_large(
    outcome: str,
) -> None:
    judgement = judge(outcome, today=MONDAY)
    assert criteria(outcome) == (True, True, False, True)
    assert "too_large" in judgement.flags


@pytest.mark.parametrize("outcome", ["get my GED by June", "get my food handler's card this week"])
def test_a_checkable_outcome_with_time_enough_is_smart(outcome: str) -> None:
    assert judge(outcome, today=MONDAY).is_smart


@pytest.mark.parametrize(
    "leap",
    [
        "eat nothing but vegetables for the next 12 months",
        "only eat salads from now on",
        "I will repair every relationship I ever broke by New Year's",
        "make amends to everyone I have ever hurt this week",
        "save every penny I earn this year",
        "cut out all sugar for the next two months",
        "go to the gym every day for the rest of the year",
        "fast for 5 days with no food",
        "walk 25 miles a day",
        "apply to 80 jobs this week",
    ],
)
def test_absolutes_and_leaps_are_not_achievable(leap: str) -> None:
    assert criteria(leap)[2] is False


@pytest.mark.parametrize(
    "fine",
    [
        "I will only drink one cup of coffee a day",
        "track every dollar I spend for 2 weeks",
        "apply to 3 jobs today",
        "show up to every shift on time this week",
        "walk 3 miles a day",
    ],
)
def test_ordinary_goals_that_look_like_absolutes_stay_achievable(fine: str) -> None:
    assert criteria(fine)[2] is True


@pytest.mark.parametrize(
    "recovery",
    [
        "I will stay clean for 90 days",
        "stay sober for 30 days",
        "stay clean this weekend",
        "stay sober until my court date on December 15",
        "get through this week without drinking",
        "maintain sobriety for 60 days",
        "get to 30 days clean by Christmas",
        "I will not use today",
    ],
)
def test_staying_clean_or_sober_over_a_stated_time_is_specific_and_countable(
    recovery: str,
) -> None:
    specific, measurable, _, time_bound = criteria(recovery)
    assert (specific, measurable, time_bound) == (True, True, True)


@pytest.mark.parametrize(
    "recovery",
    [
        "go to an NA meeting on Tuesdays",
        "call my sponsor every night this week",
        "write my relapse prevention plan with my peer specialist by Friday",
        "take my Suboxone every morning",
        "check in with my probation officer every Friday",
        "go to 90 meetings in 90 days",
    ],
)
def test_the_language_of_recovery_reads_as_smart(recovery: str) -> None:
    assert judge(recovery, today=MONDAY).is_smart


@pytest.mark.parametrize("recovery", ["I will stay clean for 90 days", "stay sober this weekend"])
def test_no_idea_from_another_life_area_is_offered(recovery: str) -> None:
    text = " ".join(said(judge(recovery, today=MONDAY)))
    assert "housing" not in text and "job" not in text


@pytest.mark.parametrize("vague", ["I want to stay clean", "I will get clean", "be clean"])
def test_a_vague_recovery_wish_gets_a_recovery_example(vague: str) -> None:
    text = " ".join(said(judge(vague, today=MONDAY)))
    assert "housing" not in text
    assert "peer support meeting" in text


@pytest.mark.parametrize(
    ("step", "goal"),
    [
        ("walk my dog every morning", "Go outside for a bit, I'm stuck inside all day"),
        ("update my resume this week", "Find a job"),
        ("set aside $20 every week", "Save for a security deposit"),
        ("go fishing with my son on Saturday", "Be there for my son"),
    ],
)
def test_a_step_that_serves_the_goal_is_relevant(step: str, goal: str) -> None:
    assert judge(step, goal, MONDAY).criteria.relevant.met is True


@pytest.mark.parametrize(
    ("step", "goal"),
    [
        ("learn Spanish on Duolingo", "Walk my dog every day"),
        ("I will learn a new language", "Reconnect with my family"),
        ("watch a movie on Friday", "Get my GED"),
        ("buy a new video game this weekend", "Save money for a car"),
        ("repaint my bedroom this weekend", "Find a job"),
    ],
)
def test_a_clearly_unrelated_step_is_not_yet_relevant(step: str, goal: str) -> None:
    judgement = judge(step, goal, MONDAY)
    assert judgement.criteria.relevant.met is False
    assert "ask_relevance" not in judgement.flags


@pytest.mark.parametrize(
    ("step", "goal"),
    [
        ("call 3 friends this week", "Pay off my debt"),
        ("go to church on Sunday", "Find a job"),
        ("take a 10 minute walk at lunch", "Keep my apartment"),
        ("sit on the porch with coffee", "Stay sober"),
    ],
)
def test_when_unsure_the_coach_asks_how_it_helps(step: str, goal: str) -> None:
    judgement = judge(step, goal, MONDAY)
    assert judgement.criteria.relevant.met is None
    assert "ask_relevance" in judgement.flags
    assert f"How does this help with \u201c{goal}\u201d?" in said(judgement)


@pytest.mark.parametrize(
    ("statement", "kept"),
    [
        ("walk Luna around the block", "walk Luna around the block"),
        ("go to an NA meeting on Tuesdays", "go to an NA meeting"),
        ("call DSS about my SNAP benefits", "call DSS about your SNAP benefits"),
        ("walk 10 min", "walk 10 minutes"),
        ("I will create a daily routine and stick to it for one week", "create a daily routine"),
        ("take Bella to the vet on Friday", "take Bella to the vet"),
        ("send my friend Marcus a message this week", "send your friend Marcus a message"),
        ("go to the 7am AA meeting every weekday", "go to the 7 am AA meeting"),
        ("track every dollar I spend for 2 weeks", "track every dollar you spend"),
        ("write down 3 things I'm grateful for every night", "3 things you are grateful for."),
    ],
)
def test_the_coach_quotes_the_peers_words_as_written(statement: str, kept: str) -> None:
    why = judge(statement, today=MONDAY).to_dict()["criteria"]["specific"]["why"]  # type: ignore[index]
    assert kept in str(why)


@pytest.mark.parametrize(
    "statement",
    [
        "I will create a daily routine",
        "make a weekly budget",
        "start a nightly walk",
        "I will stay clean for 90 days",
        "walk in 10 days",
        "call my sister at 10 tonight",
    ],
)
def test_no_phrase_is_cut_mid_way(statement: str) -> None:
    why = str(judge(statement, today=MONDAY).to_dict()["criteria"]["specific"]["why"])  # type: ignore[index]
    assert not why.endswith((" a.", " an.", " the.", " my.", " your.", " for.", " in.", " at."))


@pytest.mark.parametrize(
    ("statement", "asked"),
    [("stress management", "stress management"), ("anger management", "anger management")],
)
def test_a_named_thing_is_asked_about_as_the_peer_put_it(statement: str, asked: str) -> None:
    assert (
        f"What would {asked} look like for you this week?"
        in said(judge(statement, today=MONDAY))[0]
    )


@pytest.mark.parametrize("statement", ["I will try harder with Luna", "be better", "do more"])
def test_a_question_is_never_built_on_a_word_that_is_no_action(statement: str) -> None:
    assert not any("ering " in s or "tering" in s for s in said(judge(statement, today=MONDAY)))


@pytest.mark.parametrize(
    "story",
    [
        "I used to walk all the time, so I will walk 20 minutes 3 times a week",
        "my application has been sitting there forever, so I will call the office on Monday",
        "my brother was always there for me, so I will call him on Sunday",
    ],
)
def test_an_absolute_in_the_story_around_a_goal_sets_no_standard(story: str) -> None:
    assert criteria(story)[2] is True


@pytest.mark.parametrize(
    "promise",
    ["I will always call my sponsor", "I used to drink, so I will never drink again"],
)
def test_an_absolute_in_the_promise_still_does(promise: str) -> None:
    assert criteria(promise)[2] is False


def test_getting_to_work_on_time_is_an_action_not_work_on_something() -> None:
    assert criteria("get to work on time every day next week")[:2] == (True, True)


@pytest.mark.parametrize(
    "rambling",
    [
        "I don't know, I just want things to be okay",
        "ok so basically I want stuff to be better",
        "honestly I just want things to work out",
    ],
)
def test_a_spoken_wish_after_filler_words_is_still_a_wish(rambling: str) -> None:
    assert criteria(rambling)[:2] == (False, False)


def test_filler_words_leave_a_clear_step_clear() -> None:
    assert judge("ok so basically I will call the housing office on Monday", today=MONDAY).is_smart
