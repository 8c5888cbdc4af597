"""The whole journey in a real browser, at phone and desktop sizes.

A peer writes a goal and sees live coach tips, makes it SMART, adds two steps, checks in and
sees the win; her specialist sees the win on the caseload and suggests a step; the peer rewords
and accepts it; a look-back changes a step and the goal's history shows both wordings.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.browsing import SIZES, Browser, OpenBrowser, sign_in
from tests.personas import People

pytestmark = pytest.mark.browser


def create_goal(browser: Browser, own_words: str, life_area: str) -> Page:
    """The peer writes a goal in her own words, with live coach tips; ends on the goal's page.

    The one place that knows how a goal is started, so a new start (such as a guided
    exploration) changes only this function.
    """
    page = browser.go("/goals/new/")
    browser.check()
    page.get_by_label("Your goal, in your own words").press_sequentially(own_words)
    coach = page.locator(".coach")
    # The coach answers as she types (htmx), without a page load.
    expect(coach).to_contain_text("Coach tips")
    expect(coach).to_contain_text("not yet")
    browser.check("(with live coach tips)")
    page.get_by_label("Which part of life is this about?").select_option(life_area)
    page.get_by_role("button", name="Save my goal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(own_words)
    expect(page.locator(".messages")).to_contain_text("Your goal is saved")
    return page


def make_it_smart(browser: Browser, size: str, smart_wording: str) -> None:
    page = browser.page
    page.get_by_role("link", name="Change the goal").click()
    browser.check()
    page.get_by_label("Clear wording: what, how much, by when").press_sequentially(smart_wording)
    expect(page.locator(".coach")).to_contain_text("This is clear, countable and has a when.")
    browser.check("(the SMART wording, coached)")
    browser.screenshot(f"smart-step-{size}")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".words").nth(1)).to_have_text(smart_wording)
    browser.check()


def add_step(page: Page, wording: str, *, daily: bool) -> None:
    summary = page.locator("summary", has_text="Add a step")
    if not page.locator("details", has=summary).evaluate("details => details.open"):
        summary.click()
    page.get_by_label("What is the step?").fill(wording)
    if daily:
        page.get_by_label("A number of times").check()
        page.get_by_label("How many or how much").fill("1")
        page.get_by_label("Each").select_option("day")
    page.get_by_role("button", name="Add the step").click()
    expect(page.locator(".messages")).to_contain_text("Step added")
    expect(page.get_by_role("heading", name=wording, level=3)).to_be_visible()


@pytest.mark.parametrize("size", list(SIZES))
def test_it_takes_a_goal_from_words_to_a_win_and_a_review(
    open_browser: OpenBrowser, people: People, size: str
) -> None:
    maria = open_browser(SIZES[size])
    sign_in(maria, people.maria)
    page = maria.page
    expect(page).to_have_url(re.compile(r"/me/$"))
    maria.check("(before any goal)")

    create_goal(maria, "I want to get healthier", "physical")
    maria.check()
    make_it_smart(maria, size, "I will walk for 10 minutes every morning this week")
    add_step(page, "Buy walking shoes", daily=False)
    maria.check("(one step)")
    add_step(page, "Walk 10 minutes after breakfast", daily=True)
    maria.check("(two steps)")

    page.get_by_role("link", name="Today").click()
    maria.check()
    card = page.locator("article.step-card", has_text="Buy walking shoes")
    card.get_by_role("button", name="Done").click()
    # The check-in is saved in place (htmx) and the win is celebrated right there.
    celebration = page.locator("article.step-card", has_text="Buy walking shoes").locator(
        ".celebrate"
    )
    expect(celebration).to_contain_text("You did it!")
    expect(celebration).to_contain_text("first check-in")
    maria.check("(a win celebrated)")
    page.reload()
    expect(page.locator("section", has_text="Your recent wins")).to_contain_text("first check-in")
    maria.check("(wins listed)")
    maria.screenshot(f"peer-home-{size}")

    sam = open_browser(SIZES[size])
    sign_in(sam, people.sam)
    wins = sam.page.locator(
        "section", has=sam.page.get_by_role("heading", name="Wins to celebrate")
    )
    expect(wins).to_contain_text("Maria")
    sam.check()
    sam.screenshot(f"caseload-{size}")
    wins.get_by_role("link", name="Maria").click()
    sam.check()
    sam.page.get_by_role("link", name="I want to get healthier").first.click()
    sam.check()
    sam.page.locator("summary", has_text="Suggest a step").click()
    sam.page.get_by_label("What is the step?").fill("Call a friend to walk with you")
    sam.page.get_by_role("button", name="Save the suggestion").click()
    expect(sam.page.locator(".messages")).to_contain_text("It waits for an answer")
    sam.check()

    page.get_by_role("link", name="Today").click()
    waiting = page.locator("article.proposal", has_text="Call a friend to walk with you")
    expect(waiting).to_be_visible()
    maria.check("(a suggestion waiting)")
    waiting.get_by_label("Want to say it your own way? (optional)").fill(
        "Ask my sister to walk with me on Sunday"
    )
    waiting.get_by_role("button", name="Yes, I'll take this step").click()
    expect(page.locator(".messages")).to_contain_text("It's your step now")
    expect(
        page.locator("article.step-card", has_text="Ask my sister to walk with me on Sunday")
    ).to_be_visible()
    expect(page.get_by_text("Call a friend to walk with you")).to_have_count(0)
    maria.check()

    page.get_by_role("link", name="See the goal").first.click()
    page.get_by_role("link", name="Look back at it").click()
    maria.check()
    page.get_by_label("What isn't working?").fill("Mornings are rushed.")
    page.get_by_label("Change the plan").check()
    page.get_by_role("button", name="Save the review").click()
    expect(page.get_by_role("heading", name=re.compile("Change the plan"))).to_be_visible()
    maria.check("(after the look-back)")
    page.get_by_role("link", name=re.compile(r"^Change\W+Walk 10 minutes after breakfast")).click()
    maria.check()
    page.get_by_label("What is the step?").fill("Walk 10 minutes after lunch")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="Walk 10 minutes after lunch")).to_be_visible()

    page.locator("summary", has_text="Show every change").click()
    history = page.locator("ol.history")
    expect(history).to_contain_text(
        "“Walk 10 minutes after breakfast” → “Walk 10 minutes after lunch”"
    )
    maria.check("(history open)")
