"""Promises to the peer, in a real browser: her words are kept, and a hard day is heard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from peergoals.goals.models import Goal
from tests.browser.browsing import PHONE, OpenBrowser, sign_in
from tests.browser.test_browser_journey import explore_goal
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
