"""The whole journey in a real browser, at phone and desktop sizes.

A peer explores a goal one question at a time, sees live coach tips as she makes it SMART, adds
two steps, checks in and sees the win; her specialist sees the win on the caseload and suggests
a step; the peer rewords and accepts it; a look-back changes a step and the goal's history
shows both wordings.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.browsing import SIZES, Browser, OpenBrowser, sign_in
from tests.personas import People

pytestmark = pytest.mark.browser


def explore_goal(browser: Browser, own_words: str, life_area: str) -> None:
    """The peer explores a goal one question at a time; ends on "Make it SMART".

    Her goal is vague ("get healthier"), so the flow asks what it would look like for her.
    """
    page = browser.page
    page.get_by_role("link", name="New goal").click()
    answers = [
        ("What's something you've always wanted to do", "Walk by the river with my sister"),
        ("If things were going really well for you", "I feel strong and sleep well"),
        ("So what is your goal?", own_words),
        ("What would that look like for you?", "Moving more, feeling stronger"),
    ]
    for question, answer in answers:
        browser.check()
        page.get_by_label(re.compile(re.escape(question))).fill(answer)
        page.get_by_role("button", name="Next", exact=True).click()
    browser.check("(life areas)")
    page.get_by_role("button", name=life_area).click()
    for question, answer in [
        ("Why does it matter to you?", "I want to keep up with my kids"),
        ("What strengths can you bring to it?", "I am stubborn in a good way"),
    ]:
        browser.check()
        page.get_by_label(question).fill(answer)
        page.get_by_role("button", name="Next", exact=True).click()
    browser.check("(readiness rulers)")
    for ruler, rating in [
        ("How important is this to you?", "8"),
        ("How sure are you that you can do it?", "6"),
    ]:
        page.get_by_role("group", name=ruler).get_by_label(rating, exact=True).check()
    page.get_by_role("button", name="Next", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("SMART")


def make_it_smart(browser: Browser, size: str, smart_wording: str) -> None:
    """Live coach tips as she types the clearer wording; her own words stay as they were."""
    page = browser.page
    browser.check()
    wording = page.get_by_label("Clear wording: what, how much, by when")
    wording.press_sequentially("I will walk more")
    coach = page.locator(".coach")
    # The coach answers as she types (htmx), without a page load.
    expect(coach).to_contain_text("not yet")
    browser.check("(with live coach tips)")
    wording.fill("")
    wording.press_sequentially(smart_wording)
    expect(coach).to_contain_text("This is clear, countable and has a when.")
    browser.check("(the SMART wording, coached)")
    browser.screenshot(f"smart-step-{size}")
    page.get_by_role("button", name="Save and go on").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Break it down")


def add_step(browser: Browser, wording: str, *, daily: bool) -> None:
    """Break the goal down: the step in her words, then the details the coach read from it."""
    page = browser.page
    page.get_by_label("What is the step?").fill(wording)
    page.get_by_role("button", name="Next: how much and by when").click()
    browser.check("(the step's details)")
    if daily:
        # The coach read "10 minutes" from her words; she says how often.
        expect(page.get_by_label("How many or how much")).to_have_value("10")
        page.get_by_label("Each").select_option("day")
    page.get_by_role("button", name="Add the step").click()
    expect(page.locator("section", has_text="Your steps, in order")).to_contain_text(wording)


@pytest.mark.parametrize("size", list(SIZES))
def test_it_takes_a_goal_from_words_to_a_win_and_a_review(
    open_browser: OpenBrowser, people: People, size: str
) -> None:
    maria = open_browser(SIZES[size])
    sign_in(maria, people.maria)
    page = maria.page
    expect(page).to_have_url(re.compile(r"/me/$"))
    maria.check("(before any goal)")

    explore_goal(maria, "I want to get healthier", "Body and health")
    make_it_smart(maria, size, "I will walk for 10 minutes every morning this week")
    add_step(maria, "Buy walking shoes", daily=False)
    maria.check("(one step)")
    add_step(maria, "Walk 10 minutes after breakfast", daily=True)
    maria.check("(two steps)")
    page.get_by_role("link", name="Finish: see my goal").click()
    # Her own words head the page; the SMART wording stands beside them.
    expect(page.get_by_role("heading", level=1)).to_have_text("I want to get healthier")
    expect(page.locator(".words").nth(1)).to_have_text(
        "I will walk for 10 minutes every morning this week"
    )
    maria.check("(the goal page)")

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
    sam.page.get_by_role("link", name="Suggest a step").click()
    sam.check()
    sam.page.get_by_label("What is the step?").fill("Call a friend to walk with you")
    sam.page.get_by_role("button", name="Next: how much and by when").click()
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
    # "Change the plan" leads straight to the steps, to pick the one to change.
    expect(page.get_by_role("heading", level=1)).to_have_text("Break it down")
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
