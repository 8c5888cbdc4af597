"""Promises to the peer, in a real browser: her words are kept, and a hard day is heard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from peergoals.goals.models import Goal
from tests.browser.browsing import PHONE, OpenBrowser, sign_in
from tests.browser.test_browser_journey import explore_goal
from tests.browser.test_browser_pages import walking_goal
from tests.personas import People

pytestmark = pytest.mark.browser


def test_the_answers_given_while_exploring_are_on_the_goal_page(
    open_browser: OpenBrowser, people: People
) -> None:
    maria = open_browser(PHONE)
    sign_in(maria, people.maria)
    explore_goal(maria, "I want to get healthier", "Body and health")
    goal = Goal.objects.get(peer=people.maria)
    page = maria.go(f"/goals/{goal.pk}/")
    answers = page.get_by_role("region", name="What you said while exploring")
    for words in [
        "Walk by the river with my sister",
        "I feel strong and sleep well",
        "Moving more, feeling stronger",
    ]:
        expect(answers).to_contain_text(words)
    expect(answers).to_contain_text("If things were going really well for you in six months")
    maria.check("(the goal with the exploration's answers)")


def test_an_overwhelmed_check_in_is_heard(open_browser: OpenBrowser, people: People) -> None:
    _goal, step = walking_goal(people)
    maria = open_browser(PHONE)
    sign_in(maria, people.maria)
    page = maria.page
    card = page.locator("article.step-card")
    card.get_by_text("Add how it felt or a note (optional)").click()
    card.get_by_label("Overwhelmed").check()
    card.get_by_role("button", name="Done").click()
    offer = card.get_by_role("region", name="That sounds like a lot.")
    expect(offer).to_be_visible()
    expect(offer.get_by_role("link", name="Make this step smaller")).to_be_visible()
    expect(offer.get_by_role("link", name="Talk to someone")).to_be_visible()
    maria.check("(an overwhelmed check-in, heard)")
    offer.get_by_role("button", name="Pause this step for now").click()
    expect(page.get_by_text("Saved. This step is now: Paused.")).to_be_visible()
    step.refresh_from_db()
    assert step.status == "on-hold"
    maria.check("(the step paused)")

    sam = open_browser(PHONE)
    sign_in(sam, people.sam)
    needs = sam.page.get_by_role("region", name="May need support")
    expect(needs.get_by_role("link", name="Maria")).to_be_visible()
    sam.check("(the caseload: Maria may need support)")
