"""A phone's narrow screen: pasted links wrap, chart dates stay apart, the 0-10 rulers fit a row."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from peergoals.goals import actions
from tests.browser.browsing import PHONE, OpenBrowser, sign_in
from tests.personas import People

pytestmark = pytest.mark.browser

NARROWEST = {"width": 320, "height": 640}
PASTED = "https://www.example.org/recovery/meetings/find-a-meeting-near-you?zip=10001"


def test_a_pasted_link_wraps_instead_of_scrolling_sideways_at_320_pixels(
    open_browser: OpenBrowser, people: People
) -> None:
    goal = actions.create_goal(
        people.maria,
        by=people.maria,
        own_words=f"Find a meeting near me: {PASTED}",
        smart_wording=f"I will go to one meeting from {PASTED} this week",
        why_it_matters=f"My sister sent me {PASTED}",
        life_area="social",
    )
    step = actions.add_step(goal, by=people.maria, wording=f"Look at {PASTED}")
    actions.record_check_in(step, by=people.maria, outcome="not_done", note=f"Read {PASTED}")
    pages = {
        people.maria: [
            "/me/",
            f"/goals/{goal.pk}/",
            f"/goals/{goal.pk}/edit/",
            f"/goals/{goal.pk}/history/",
            f"/steps/{step.pk}/edit/",
        ],
        people.sam: [f"/peers/{people.maria.pk}/", f"/goals/{goal.pk}/"],
    }
    for person, paths in pages.items():
        browser = open_browser(NARROWEST)
        sign_in(browser, person)
        for path in paths:
            page = browser.go(path)
            for summary in page.locator("details > summary").all():
                summary.click()
            assert PASTED in page.content(), f"{path} does not show the pasted link"
            widths = page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1], f"{path} as {person} scrolls sideways: {widths}"
            browser.check(f"(as {person}, 320 px wide, a pasted link)")


# The boxes of a chart's date labels, as drawn, and of the chart itself.
LABEL_BOXES = """
(svg) => {
  const frame = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll("text")];
  const labels = texts.filter((text) => /[A-Za-z]/.test(text.textContent));
  return {
    frame: [frame.left, frame.right],
    labels: labels.map((text) => {
      const box = text.getBoundingClientRect();
      return [text.textContent, box.left, box.right];
    }),
  };
}
"""


def test_chart_dates_never_overlap_on_a_phone(open_browser: OpenBrowser, people: People) -> None:
    today = timezone.localdate()
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Move more", life_area="physical"
    )
    daily = actions.add_step(
        goal,
        by=people.maria,
        wording="Walk 20 minutes a day",
        target_kind="amount",
        target_quantity=Decimal(20),
        target_unit="minutes",
        target_per="day",
        starts_on=today - datetime.timedelta(days=70),
    )
    weekly = actions.add_step(
        goal,
        by=people.maria,
        wording="Swim twice a week",
        target_kind="count",
        target_quantity=2,
        target_per="week",
        starts_on=today - datetime.timedelta(days=70),
    )
    for back in range(0, 60, 3):
        day = today - datetime.timedelta(days=back)
        actions.record_check_in(daily, by=people.maria, outcome="done", amount=20, for_date=day)
        actions.record_check_in(weekly, by=people.maria, outcome="done", for_date=day)
    maria = open_browser(PHONE)
    sign_in(maria, people.maria)
    page = maria.go(f"/goals/{goal.pk}/")
    charts = page.locator(".chart svg[role=img]")
    assert charts.count() >= 2
    for index in range(charts.count()):
        drawn = charts.nth(index).evaluate(LABEL_BOXES)
        labels = drawn["labels"]
        assert len(labels) >= 3, f"chart {index} names too few dates: {labels}"
        left, right = drawn["frame"]
        for text, start, end in labels:
            assert left <= start and end <= right, f"{text!r} is cut off in chart {index}"
        ordered = sorted(labels, key=lambda label: label[1])
        for (first, _s, first_end), (second, second_start, _e) in itertools.pairwise(ordered):
            # Closer than a few pixels, two dates read as one ("Nov 16Nov 23").
            assert first_end + 3 <= second_start, f"{first!r} and {second!r} touch in chart {index}"
    maria.check("(charts on a phone)")


def test_the_0_to_10_rulers_fit_one_row_on_a_phone(
    open_browser: OpenBrowser, people: People
) -> None:
    maria = open_browser(PHONE)
    sign_in(maria, people.maria)
    page = maria.go("/goals/explore/ready/")
    rulers = page.locator(".ruler-choices")
    assert rulers.count() == 2
    for index in range(2):
        boxes = (
            rulers.nth(index)
            .locator(".ruler-choice")
            .evaluate_all(
                "(choices) => choices.map((c) => { const b = c.getBoundingClientRect();"
                " return [b.top, b.width, b.height]; })"
            )
        )
        assert len(boxes) == 11
        assert len({round(top) for top, _w, _h in boxes}) == 1, f"ruler {index} wraps: {boxes}"
        # Each number is still an easy target for a thumb (WCAG 2.2: 24 by 24 px at least).
        assert all(width >= 24 and height >= 44 for _t, width, height in boxes), boxes
    page.locator(".ruler-choice", has_text="7").first.click()
    assert page.locator(".ruler-choice input:checked").count() == 1
    maria.check("(the rulers on a phone)")


def test_help_is_one_tap_from_the_login_page_and_fits_a_phone(
    open_browser: OpenBrowser, people: People
) -> None:
    browser = open_browser(NARROWEST)
    page = browser.go("/login/")
    page.get_by_role("link", name="Help").click()
    page.wait_for_url("**/help/")
    expect(page.get_by_role("link", name="Call 988")).to_have_attribute("href", "tel:988")
    expect(page.get_by_role("link", name="Text 988")).to_have_attribute("href", "sms:988")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the help page scrolls sideways: {widths}"
    browser.check("(help, signed out, 320 px wide)")
    browser.screenshot("help-phone")
