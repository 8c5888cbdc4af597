"""The printable plan and the calendar page in a real browser: accessible (axe), no sideways
scrolling on the narrowest phone, and on paper only the plan."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from peergoals.goals import actions
from tests.browser.browsing import PHONE, OpenBrowser, sign_in
from tests.personas import People

pytestmark = pytest.mark.browser

NARROWEST = {"width": 320, "height": 640}


def marias_plan(people: People) -> None:
    goal = actions.create_goal(
        people.maria,
        by=people.maria,
        own_words="I want to get healthier",
        smart_wording="I will walk for 10 minutes every morning this week",
        why_it_matters="To keep up with my kids",
        strengths="My sister walks with me",
        life_area="physical",
    )
    actions.add_step(
        goal,
        by=people.maria,
        wording="Walk 10 minutes after breakfast",
        target_kind="count",
        target_quantity=1,
        target_per="day",
    )


def test_the_plan_fits_a_phone_and_prints_alone(open_browser: OpenBrowser, people: People) -> None:
    marias_plan(people)
    maria = open_browser(NARROWEST)
    sign_in(maria, people.maria)
    page = maria.go(f"/peers/{people.maria.pk}/plan/")
    expect(page.get_by_role("heading", name="Maria's plan")).to_be_visible()
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the plan scrolls sideways: {widths}"
    maria.check("(the plan, 320 px wide)")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("link", name="Download as PDF")).to_be_hidden()
    expect(page.get_by_text("Walk 10 minutes after breakfast")).to_be_visible()


def test_a_specialist_reads_the_plan_and_a_peer_sets_up_her_calendar(
    open_browser: OpenBrowser, people: People
) -> None:
    marias_plan(people)
    sam = open_browser(PHONE)
    sign_in(sam, people.sam)
    sam.go(f"/peers/{people.maria.pk}/")
    sam.page.get_by_role("link", name="Plan to print").click()
    expect(sam.page.get_by_text("To keep up with my kids")).to_be_visible()
    sam.check("(Maria's plan, for Sam)")
    maria = open_browser(PHONE)
    sign_in(maria, people.maria)
    maria.go("/my-data/")
    maria.page.get_by_role("link", name="Set up your calendar").click()
    maria.check("(no calendar address yet)")
    maria.page.get_by_role("button", name="Make my calendar address").click()
    address = maria.page.get_by_role("textbox", name="Calendar address").input_value()
    assert "/calendar/peergoals.ics?token=" in address
    maria.check("(the new address, shown once)")
