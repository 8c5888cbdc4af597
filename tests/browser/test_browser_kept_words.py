"""No lost words, in a real browser: an edit that meets another tab's change is merged, with a
field both changed shown side by side to choose; a review saved after the session ended comes
back, typed, after signing in again. Every page is checked by axe-core."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from peergoals.goals import actions
from peergoals.goals.models import Goal, Review
from tests.browser.browsing import SIZES, OpenBrowser, sign_in
from tests.personas import PASSWORD, People

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_two_tabs_editing_one_goal_lose_nothing(
    open_browser: OpenBrowser, people: People, walk_goal: Goal, size: str
) -> None:
    maria = open_browser(SIZES[size])
    sign_in(maria, people.maria)
    page = maria.go(f"/goals/{walk_goal.pk}/edit/")
    # Meanwhile, in another tab, Maria saves a clearer wording.
    actions.change_goal(
        walk_goal, by=people.maria, version=walk_goal.version, smart_wording="Walk 15 minutes"
    )
    page.get_by_label("Clear wording: what, how much, by when").fill("Swim twice a week")
    page.get_by_label("Strengths to draw on").fill("I love water")
    page.get_by_role("button", name="Save changes").click()

    clash = page.locator(".clashes")
    expect(clash).to_contain_text("Keep the saved one: Walk 15 minutes")
    expect(clash).to_contain_text("Keep mine (as in the form below): Swim twice a week")
    expect(page.get_by_label("Strengths to draw on")).to_have_value("I love water")
    # The page answers 409 (a conflict), which the browser logs.
    maria.expect_console_errors("status of 409")
    maria.check("(both tabs changed the clear wording)")
    clash.get_by_label("Keep mine (as in the form below):").check()
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".messages")).to_contain_text("Your changes are saved")
    maria.check("(after choosing)")
    walk_goal.refresh_from_db()
    assert (walk_goal.smart_wording, walk_goal.strengths) == ("Swim twice a week", "I love water")


def test_a_review_saved_after_the_session_ended_comes_back_typed(
    open_browser: OpenBrowser, people: People, walk_goal: Goal
) -> None:
    maria = open_browser(SIZES["phone"])
    sign_in(maria, people.maria)
    page = maria.go(f"/goals/{walk_goal.pk}/review/")
    page.get_by_label("What's working?").fill("Walking with my sister on Sundays")
    page.get_by_label("Keep going as planned").check()
    Session.objects.all().delete()  # 30 idle minutes go by
    page.get_by_role("button", name="Save the review").click()

    expect(page.locator(".messages")).to_contain_text("you'll find what you typed")
    maria.check("(the login page, after the session ended)")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page.locator(".messages")).to_contain_text("We kept what you typed")
    expect(page.get_by_label("What's working?")).to_have_value("Walking with my sister on Sundays")
    maria.check("(the review, typed text back)")
    assert not Review.objects.exists()
    page.get_by_role("button", name="Save the review").click()
    page.wait_for_url(f"**/goals/{walk_goal.pk}/")
    assert Review.objects.get().whats_working == "Walking with my sister on Sundays"
