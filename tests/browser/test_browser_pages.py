"""Pages in a real browser: a check-in by keyboard alone, no sideways scrolling at 320 px, and
the checks themselves (axe, console, CSP) catching what they are meant to catch."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from peergoals.goals import actions
from peergoals.goals.models import CheckIn, Goal, Step
from tests.browser.browsing import DESKTOP, PHONE, Browser, OpenBrowser, sign_in
from tests.personas import PASSWORD, People

pytestmark = pytest.mark.browser

NARROWEST = {"width": 320, "height": 640}


def walking_goal(people: People) -> tuple[Goal, Step]:
    goal = actions.create_goal(
        people.maria,
        by=people.maria,
        own_words="I want to get healthier",
        smart_wording="I will walk for 10 minutes every morning this week",
        life_area="physical",
    )
    step = actions.add_step(
        goal,
        by=people.maria,
        wording="Walk 10 minutes after breakfast",
        target_kind="count",
        target_quantity=1,
        target_per="day",
    )
    return goal, step


@pytest.fixture
def maria_at_home(open_browser: OpenBrowser, people: People) -> Browser:
    """Maria signed in on her phone, at home, with one daily step to check in."""
    walking_goal(people)
    maria = open_browser(PHONE)
    sign_in(maria, people.maria)
    return maria


def test_it_checks_in_by_keyboard_alone(maria_at_home: Browser) -> None:
    maria = maria_at_home
    page = maria.page
    done = page.locator("article.step-card").get_by_role("button", name="Done")
    for _ in range(30):
        page.keyboard.press("Tab")
        if done.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the Done button")
    # The focused button shows where the keyboard is.
    assert done.evaluate("button => getComputedStyle(button).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page.locator(".celebrate")).to_contain_text("You did it!")
    expect(page.locator(".saved")).to_contain_text("Check-in saved")
    expect(page.locator(".today-entry")).to_contain_text("Today so far: Done")
    # The card was replaced in place; the keyboard is still on the same button, not lost.
    expect(done).to_be_focused()
    maria.check("(checked in by keyboard)")


def test_it_never_scrolls_sideways_at_320_pixels(open_browser: OpenBrowser, people: People) -> None:
    goal, step = walking_goal(people)
    actions.record_check_in(step, by=people.maria, outcome="done")
    suggested = actions.create_goal(
        people.maria,
        by=people.sam,
        own_words="Go to one peer support meeting each week",
        life_area="social",
    )
    actions.add_step(goal, by=people.sam, wording="Ask my sister to walk with me on Sunday")
    pages = {
        people.maria: [
            "/me/",
            "/goals/new/",
            "/wins/",
            f"/goals/{goal.pk}/",
            f"/goals/{suggested.pk}/",
            f"/goals/{goal.pk}/edit/",
            f"/goals/{goal.pk}/review/",
            f"/goals/{goal.pk}/steps/new/",
            f"/steps/{step.pk}/edit/",
        ],
        people.sam: ["/caseload/", f"/peers/{people.maria.pk}/", f"/goals/{goal.pk}/"],
        people.pat: ["/team/", f"/specialists/{people.sam.pk}/"],
    }
    for person, paths in pages.items():
        browser = open_browser(NARROWEST)
        sign_in(browser, person)
        for path in paths:
            page = browser.go(path)
            for summary in page.locator("details > summary").all():
                summary.click()  # what is folded away must fit too
            widths = page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1], f"{path} as {person} scrolls sideways: {widths}"
            browser.check(f"(as {person}, 320 px wide)")


def test_a_tap_after_the_session_ended_is_shown_back_after_logging_in(
    maria_at_home: Browser, people: People
) -> None:
    maria = maria_at_home
    page = maria.page
    Session.objects.all().delete()  # 30 minutes without use went by
    page.locator("article.step-card").get_by_role("button", name="Done").click()
    # The whole page moves to the login form; no login form inside the step card.
    page.wait_for_url("**/login/?next=/steps/*/check-in/")
    expect(page.get_by_text("Please log in again to go on")).to_be_visible()
    maria.check("(logged out, back at the login form)")
    page.get_by_label("Username").fill(people.maria.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/steps/*/check-in/")
    # Nothing was saved behind her back: the tap is shown back, one more tap saves it.
    expect(page.get_by_text("wasn't saved, because you had been logged out")).to_be_visible()
    assert not CheckIn.objects.exists()
    maria.check("(the tap shown back)")
    card = page.locator("article.step-card")
    card.get_by_role("button", name="Done").click()
    expect(card.locator(".saved")).to_contain_text("Check-in saved")
    assert CheckIn.objects.count() == 1


def test_a_tap_with_no_connection_is_kept_on_the_phone_and_sent_once_back_online(
    maria_at_home: Browser,
) -> None:
    maria = maria_at_home
    page = maria.page
    card = page.locator("article.step-card")
    card.get_by_text("Add how it felt or a note (optional)").click()
    card.get_by_label("Note").fill("Walked with my sister")
    maria.context.set_offline(True)
    card.get_by_role("button", name="Done").click()
    expect(card.locator(".saved-on-phone")).to_have_text(
        "Saved on this phone. It will be sent when you're back online."
    )
    maria.check("(offline, the tap kept on the phone)")
    maria.context.set_offline(False)
    expect(card.locator(".saved-on-phone")).to_contain_text("is sent")
    page.wait_for_function("async () => (await self.PeerGoalsQueue.count()) === 0")
    assert CheckIn.objects.get().note == "Walked with my sister"


def test_a_refused_tap_asks_to_reload_the_page(maria_at_home: Browser) -> None:
    maria = maria_at_home
    page = maria.page
    # The step went away in another tab, say: the server answers 404 to the tap.
    page.route("**/check-in/", lambda route: route.fulfill(status=404, body="Not found"))
    card = page.locator("article.step-card")
    card.get_by_role("button", name="Done").click()
    expect(card.get_by_role("alert")).to_contain_text("Please reload the page and try again.")
    maria.expect_console_errors("status of 404", "Response Status Error Code 404")
    maria.check("(a tap refused by the server)")


def test_a_tap_left_unanswered_is_kept_on_the_phone(maria_at_home: Browser) -> None:
    maria = maria_at_home
    page = maria.page
    page.evaluate("() => { htmx.config.timeout = 500; }")  # 20 s on a real phone
    page.route("**/check-in/", lambda route: None)  # a weak signal: no answer ever comes
    card = page.locator("article.step-card")
    card.get_by_role("button", name="Done").click()
    # Kept on the phone, to be sent again with the same id (one check-in even if the first
    # arrived); the service worker's Background Sync may already have sent it.
    expect(card.locator(".saved-on-phone")).to_contain_text("this phone")
    expect(card.get_by_role("alert")).to_have_count(0)
    maria.expect_console_errors("htmx:timeout", "htmx:afterRequest")
    maria.check("(a tap that timed out)")


# The checks themselves -----------------------------------------------------------------------

BROKEN_PAGE = """<!doctype html>
<html lang="en"><head><title>Broken</title>
<meta http-equiv="Content-Security-Policy" content="script-src 'self'">
</head><body><main><img src="/static/peergoals/favicon.svg">
<script>console.log("inline code ran")</script></main></body></html>"""


def test_it_reports_what_axe_console_and_csp_find(
    open_browser: OpenBrowser, people: People
) -> None:
    browser = open_browser(DESKTOP)
    browser.page.route(
        "**/broken/", lambda route: route.fulfill(body=BROKEN_PAGE, content_type="text/html")
    )
    browser.go("/broken/")
    with pytest.raises(AssertionError) as axe_found:
        browser.check()
    assert "image-alt (critical): Images must have alternative text" in str(axe_found.value)
    assert "at img" in str(axe_found.value)

    browser.go("/broken/")
    browser.page.evaluate("() => console.error('something broke')")
    with pytest.raises(AssertionError) as found:
        browser.assert_no_problems("the broken page")
    assert "console error: something broke" in str(found.value)
    assert "CSP violation: script-src-elem blocked inline at" in str(found.value)
