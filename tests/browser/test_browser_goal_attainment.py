"""Goal Attainment Scaling in a real browser: Maria describes what to expect of her goal in her
own words, says where she starts, looks back twice choosing the level reached beside her own
descriptions, and reads how it went in words, then as a T-score. Every page is checked by
axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from peergoals.goals.models import Goal, Review
from tests.browser.browsing import SIZES, OpenBrowser, sign_in
from tests.personas import People
from tests.web.test_outcomes_report import counted_peers

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_a_goal_goes_from_scale_to_baseline_to_two_looks_back_and_a_t_score(
    open_browser: OpenBrowser, people: People, walk_goal: Goal, size: str
) -> None:
    maria = open_browser(SIZES[size])
    sign_in(maria, people.maria)
    page = maria.go(f"/goals/{walk_goal.pk}/")
    expect(page.get_by_text("Not described yet.")).to_be_visible()
    page.get_by_role("link", name="Describe what to expect").click()
    maria.check("(describing what to expect)")
    page.get_by_label("Much more than expected (+2)").fill("Walk every morning and some evenings")
    page.get_by_label("Somewhat more than expected (+1)").fill("Walk five mornings")
    page.get_by_label("As expected (0)").fill("Walk three mornings a week")
    page.get_by_label("Somewhat less than expected (-1)").fill("Walk once a week")
    page.get_by_label("Much less than expected (-2)").fill("Not walk at all")
    page.get_by_role("radio", name="Somewhat less than expected").check()
    page.get_by_role("button", name="Save").click()

    scale = page.locator("section.gas-scale")
    expect(scale).to_contain_text("Walk three mornings a week")
    expect(
        scale.get_by_role("row", name=re.compile("Somewhat less than expected"))
    ).to_contain_text("(where you started)")
    maria.check("(the goal with its scale)")

    for level, words in (
        ("Somewhat more than expected", "Walk five mornings"),
        ("Much more than expected", "Walk every morning and some evenings"),
    ):
        page.get_by_role("link", name="Look back at it").click()
        levels = page.locator("fieldset.gas-levels")
        expect(levels).to_contain_text("Which of the levels you described did you reach?")
        choice = levels.get_by_role("radio", name=re.compile("^" + level))
        # The peer's own words for each level are beside its choice.
        radio = page.get_by_role("radio", name=re.compile("^" + level))
        expect(levels.locator("li", has=radio)).to_contain_text(words)
        maria.check("(looking back against the scale)")
        choice.check()
        page.get_by_role("radio", name="Keep going as planned").check()
        page.get_by_role("button", name="Save the review").click()
        page.wait_for_url(lambda url: "/review/" not in url)

    assert list(Review.objects.filter(goal=walk_goal).values_list("attainment", flat=True)) == [
        2,
        1,
    ]
    page = maria.go("/me/")
    summary = page.locator("section.gas-summary")
    expect(summary).to_contain_text("You did better than you expected on 1 of 1 goal.")
    # One goal at +2: T = 50 + 10 x 2.
    expect(summary.locator(".t-score")).to_contain_text("Your score across these goals is 70.00")
    words = summary.get_by_text("You did better than you expected")
    number = summary.locator(".t-score")
    assert words.bounding_box()["y"] < number.bounding_box()["y"]  # type: ignore[index]
    maria.check("(her home, with how her goals went)")


@pytest.mark.parametrize("size", list(SIZES))
def test_a_program_admin_reads_the_outcome_report(
    open_browser: OpenBrowser, people: People, size: str
) -> None:
    counted_peers(people, 5, level=1)
    morgan = open_browser(SIZES[size])
    sign_in(morgan, people.morgan)
    page = morgan.page
    page.get_by_role("link", name="Outcomes").click()
    expect(page.get_by_role("heading", name="Outcomes report")).to_be_visible()
    expect(page.get_by_text("Peers served and counted: 5.")).to_be_visible()
    gas = page.locator("section", has=page.get_by_role("heading", name="Goal Attainment Scaling"))
    expect(gas.get_by_role("img", name=re.compile("Peers by T-score"))).to_be_visible()
    expect(gas.get_by_role("row", name=re.compile("Average change"))).to_contain_text("20.0")
    morgan.check("(the outcome report)")
    page.get_by_label("Life area").select_option(label="Money")
    page.get_by_role("button", name="Show the report").click()
    expect(page.get_by_text("Goals set by the peer")).to_be_visible()
    morgan.check("(the report for one life area)")
