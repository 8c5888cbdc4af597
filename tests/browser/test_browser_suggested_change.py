"""A staff edit arrives as a suggestion, in a real browser: Sam changes Maria's step, the step
stays as it was, Maria sees his suggestion beside it on her home page and takes it on in her own
words. Every page is checked by axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from peergoals.goals.models import Goal, Step
from tests.browser.browsing import SIZES, OpenBrowser, sign_in
from tests.personas import People

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_a_staff_edit_arrives_as_a_suggestion_and_maria_accepts_it_reworded(
    open_browser: OpenBrowser, people: People, walk_goal: Goal, walk_step: Step, size: str
) -> None:
    sam = open_browser(SIZES[size])
    sign_in(sam, people.sam)
    sam.go(f"/goals/{walk_goal.pk}/")
    sam.check("(Maria's goal, as Sam sees it)")
    expect(sam.page.get_by_role("button", name=re.compile("^Let it go"))).to_have_count(0)
    sam.page.get_by_role(
        "link", name=re.compile(r"^Suggest a change\W+Walk 10 minutes after breakfast")
    ).click()
    sam.check("(suggesting a change to the step)")
    sam.page.get_by_label("What is the step?").fill("Walk 20 minutes after breakfast")
    sam.page.get_by_role("button", name="Suggest this change").click()
    expect(sam.page.locator(".messages")).to_contain_text("Nothing changes until Maria says yes")
    waiting = sam.page.locator(".suggested-change")
    expect(waiting).to_contain_text("Suggested, waiting for Maria's answer")
    expect(sam.page.get_by_role("heading", name="Walk 10 minutes after breakfast")).to_be_visible()
    sam.check("(the suggestion waiting)")

    maria = open_browser(SIZES[size])
    sign_in(maria, people.maria)
    page = maria.page
    changes = page.locator("section", has=page.get_by_role("heading", name="Changes waiting"))
    expect(changes).to_contain_text("A change suggested by Sam")
    expect(changes).to_contain_text("Walk 10 minutes after breakfast")  # as it is now
    expect(changes).to_contain_text("Walk 20 minutes after breakfast")  # as suggested
    maria.check("(a change waiting for her answer)")
    maria.screenshot(f"suggested-change-{size}")
    changes.get_by_label("Want to say it your own way? (optional)").fill(
        "Walk 15 minutes after breakfast"
    )
    changes.get_by_role("button", name="Yes, change it").click()
    expect(page.locator(".messages")).to_contain_text("Your plan now has this change")
    expect(page.get_by_text("Changes waiting for your answer")).to_have_count(0)
    maria.check("(after accepting)")
    walk_step.refresh_from_db()
    assert walk_step.wording == "Walk 15 minutes after breakfast"
