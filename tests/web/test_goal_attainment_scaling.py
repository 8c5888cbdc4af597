"""Goal Attainment Scaling on a goal's pages: the peer writes the scale in their own words (a
specialist only suggests), a baseline is kept, each look back chooses the level reached with
the peer's descriptions beside the choices, and the peer reads words first, the score second."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, SuggestedChange
from peergoals.outcomes.attainment import attainment_of
from tests.personas import People

SCALE = {
    "scale_much_more": "Walk every morning and some evenings",
    "scale_more": "Walk five mornings",
    "scale_expected": "Walk three mornings a week",
    "scale_less": "Walk once a week",
    "scale_much_less": "Not walk at all",
    "scale_baseline": "-1",
    "scale_importance": "",
    "scale_difficulty": "",
}


def scale_form(goal: Goal, **changes: str) -> dict[str, str]:
    return {"version": str(goal.version), **SCALE, **changes}


def scaled(goal: Goal, **extra: object) -> Goal:
    values: dict[str, object] = {
        name: value for name, value in SCALE.items() if name.startswith("scale_") and value
    }
    values["scale_baseline"] = -1
    values.update(extra)
    return actions.change_goal(goal, by=goal.peer, version=goal.version, **values)


def test_the_peer_describes_each_level_and_where_they_start(
    as_maria: Client, walk_goal: Goal
) -> None:
    page = as_maria.post(
        reverse("goals:scale", args=[walk_goal.pk]), scale_form(walk_goal), follow=True
    )
    walk_goal.refresh_from_db()
    assert walk_goal.scale_expected == "Walk three mornings a week"
    assert walk_goal.scale_baseline == -1
    text = unescape(page.text)
    assert "What to expect by the next look back" in text
    assert "Walk three mornings a week" in text
    assert "(where you started)" in text
    assert walk_goal.history.first().history_change_reason == "Goal changed"  # type: ignore[union-attr]


def test_levels_without_what_is_expected_are_refused_beside_the_field(
    as_maria: Client, walk_goal: Goal
) -> None:
    page = as_maria.post(
        reverse("goals:scale", args=[walk_goal.pk]), scale_form(walk_goal, scale_expected="")
    )
    assert page.status_code == 400
    text = unescape(page.text)
    assert "Please say what “as expected” looks like" in text
    assert "Walk five mornings" in text  # what was typed is kept
    walk_goal.refresh_from_db()
    assert not walk_goal.has_scale


def test_junk_in_the_scale_form_is_answered_beside_the_fields(
    as_maria: Client, walk_goal: Goal
) -> None:
    page = as_maria.post(
        reverse("goals:scale", args=[walk_goal.pk]),
        scale_form(
            walk_goal,
            scale_baseline="7",
            scale_importance="nine",
            scale_more="x" * 600,
            version="abc",
        ),
    )
    assert page.status_code == 400
    assert "Please pick one of the choices." in unescape(page.text)
    assert "Please make this shorter" in unescape(page.text)


def test_a_specialist_only_suggests_the_scale_and_the_peer_decides(
    as_sam: Client, people: People, walk_goal: Goal
) -> None:
    page = as_sam.get(reverse("goals:scale", args=[walk_goal.pk]))
    assert "These are Maria's words to write." in unescape(page.text)
    as_sam.post(reverse("goals:scale", args=[walk_goal.pk]), scale_form(walk_goal))
    walk_goal.refresh_from_db()
    assert not walk_goal.has_scale  # nothing changes until Maria says yes
    suggestion = SuggestedChange.objects.get(goal=walk_goal)
    assert suggestion.changes["scale_expected"] == "Walk three mornings a week"
    actions.accept_change(suggestion, by=people.maria)
    walk_goal.refresh_from_db()
    assert walk_goal.scale_expected == "Walk three mornings a week"


def test_a_supervisor_cannot_open_the_scale(people: People, walk_goal: Goal) -> None:
    from tests.web.conftest import browser_for

    assert (
        browser_for(people.pat).get(reverse("goals:scale", args=[walk_goal.pk])).status_code == 404
    )


def test_the_review_shows_each_level_beside_the_peers_words(
    as_maria: Client, walk_goal: Goal
) -> None:
    scaled(walk_goal)
    text = unescape(as_maria.get(reverse("goals:review", args=[walk_goal.pk])).text)
    assert "Which of the levels you described did you reach?" in text
    more = text.index("Somewhat more than expected")
    assert text.index("Walk five mornings", more) < text.index("As expected", more)


def test_the_peer_reads_words_first_and_the_score_second(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    scaled(walk_goal)
    second = actions.create_goal(
        people.maria, by=people.maria, own_words="Sleep", life_area="physical"
    )
    scaled(second)
    third = actions.create_goal(
        people.maria, by=people.maria, own_words="Read", life_area="intellectual"
    )
    scaled(third)
    for goal, level in ((walk_goal, 2), (second, 1), (third, -1)):
        actions.hold_review(goal, by=people.maria, decision="keep", attainment=level)
    text = unescape(as_maria.get(reverse("goals:today")).text)
    words = text.index("You did better than you expected on 2 of 3 goals.")
    # Kiresuk-Sherman over +2, +1, -1: 50 + 10 * 2 / sqrt(0.7 * 3 + 0.3 * 9) = 59.13.
    assert text.index("Your score across these goals is 59.13", words) > words
    assert "It went less well than you expected on 1 of 3 goals" in text


def test_the_specialist_reads_it_about_the_peer(
    as_sam: Client, people: People, walk_goal: Goal
) -> None:
    scaled(walk_goal)
    actions.hold_review(walk_goal, by=people.maria, decision="keep", attainment=0)
    text = unescape(as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text)
    assert "It went as Maria expected on 1 of 1 goal." in text
    assert "Goal Attainment Scaling T-score: 50.00" in text


def test_a_goal_without_a_scale_has_no_score(people: People, walk_goal: Goal) -> None:
    actions.hold_review(walk_goal, by=people.maria, decision="keep", attainment=2)
    assert attainment_of(people.maria) is None


def test_weights_count_in_the_peers_score(people: People, walk_goal: Goal) -> None:
    scaled(walk_goal, scale_importance=3, scale_difficulty=2)
    other = actions.create_goal(
        people.maria, by=people.maria, own_words="Sleep", life_area="physical"
    )
    scaled(other)
    actions.hold_review(walk_goal, by=people.maria, decision="keep", attainment=2)
    actions.hold_review(other, by=people.maria, decision="keep", attainment=-2)
    summary = attainment_of(people.maria)
    assert summary is not None and summary.t_score_text == "65.69"
