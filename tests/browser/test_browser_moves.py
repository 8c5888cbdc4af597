"""The peer's own moves, in a real browser on a phone and without a script of ours: a pause
says why and until when, finishing a repeating step asks first, and Sam takes back a
suggestion in one tap. Every page is checked by axe-core."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import formats, timezone
from playwright.sync_api import expect

from peergoals.goals import actions
from peergoals.goals.models import Answer, Status
from tests.browser.browsing import PHONE, OpenBrowser, sign_in
from tests.browser.test_browser_pages import walking_goal
from tests.personas import People

pytestmark = pytest.mark.browser


def test_maria_pauses_her_goal_saying_why_and_until_when(
    open_browser: OpenBrowser, people: People
) -> None:
    goal, _step = walking_goal(people)
    maria = open_browser(PHONE)
    sign_in(maria, people.maria)
    page = maria.go(f"/goals/{goal.pk}/")
    page.get_by_role("button", name=re.compile(r"^Pause\W+I want to get healthier")).click()
    expect(page.get_by_role("heading", name="Pause for now")).to_be_visible()
    maria.check("(pausing: why and until when)")
    page.get_by_label("Why are you pausing? (optional)").fill("looking after my mum")
    page.get_by_label("When do you think you'll pick it back up? (optional)").fill("2020-01-01")
    page.get_by_role("button", name="Pause it").click()
    expect(page.get_by_text("Pick a day from today on, or leave it empty.")).to_be_visible()
    expect(page.get_by_label("Why are you pausing? (optional)")).to_have_value(
        "looking after my mum"
    )
    maria.expect_console_errors("status of 400")  # the refused form answers 400, on purpose
    maria.check("(a resume date in the past, refused beside the field)")
    back_on = timezone.localdate() + datetime.timedelta(days=12)
    page.get_by_label("When do you think you'll pick it back up? (optional)").fill(
        back_on.isoformat()
    )
    page.get_by_role("button", name="Pause it").click()
    day = formats.date_format(back_on, "MONTH_DAY_FORMAT")
    expect(page.get_by_text(f"Paused until {day} — “looking after my mum”")).to_be_visible()
    maria.check("(the goal paused, with why and until when)")


def test_finishing_a_repeating_step_for_good_asks_first(
    open_browser: OpenBrowser, people: People
) -> None:
    goal, step = walking_goal(people)
    maria = open_browser(PHONE)
    sign_in(maria, people.maria)
    page = maria.go(f"/goals/{goal.pk}/")
    finish = re.compile(r"^Finish this step for good\W+Walk 10 minutes after breakfast")
    page.get_by_role("button", name=finish).click()
    expect(page.get_by_role("heading", name="Finish this step for good?")).to_be_visible()
    maria.check("(finish this step for good?)")
    page.get_by_role("link", name="No, keep going").click()
    step.refresh_from_db()
    assert step.status == Status.ACTIVE
    page.get_by_role("button", name=finish).click()
    page.get_by_role("button", name="Yes, finish it for good").click()
    expect(page.locator(".messages")).to_be_visible()
    step.refresh_from_db()
    assert step.status == Status.COMPLETED


def test_sam_withdraws_his_suggestion_in_one_tap(open_browser: OpenBrowser, people: People) -> None:
    goal, _step = walking_goal(people)
    suggestion = actions.suggest_change(
        goal, by=people.sam, version=None, smart_wording="Walk 20 minutes a day"
    )
    sam = open_browser(PHONE)
    sign_in(sam, people.sam)
    page = sam.go(f"/goals/{goal.pk}/")
    page.get_by_role("button", name="Withdraw this suggestion").click()
    expect(page.locator(".messages")).to_contain_text("Your suggestion is withdrawn.")
    expect(page.get_by_text("Suggested, waiting for Maria's answer")).to_have_count(0)
    sam.check("(the suggestion withdrawn)")
    suggestion.refresh_from_db()
    assert suggestion.answer == Answer.WITHDRAWN
