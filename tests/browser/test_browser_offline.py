"""The installable app in a real browser: taps with no connection are saved on the phone and
sent when it returns, exactly once each; the service worker and the manifest; a reminder's
"Done"; signing out leaves nothing behind. Pages are checked by axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from peergoals.goals import actions
from peergoals.goals.models import CheckIn, Step
from tests.browser.browsing import SIZES, Browser, OpenBrowser, sign_in
from tests.personas import People

pytestmark = pytest.mark.browser

WORKER_READY = "async () => (await navigator.serviceWorker.ready).active.scriptURL"


def water_step(walk_step: Step, people: People) -> Step:
    return actions.add_step(
        walk_step.goal,
        by=people.maria,
        wording="Drink a glass of water",
        target_kind="count",
        target_quantity=1,
        target_per="day",
    )


def wait_until_sent(browser: Browser) -> None:
    """Nothing waits on the phone any more (read only then: the test's in-memory SQLite would
    refuse the server's write while the test reads)."""
    browser.page.wait_for_function("async () => (await self.PeerGoalsQueue.count()) === 0")
    browser.page.wait_for_timeout(500)  # a second sender (Background Sync) finds nothing


def test_two_taps_without_a_connection_are_sent_when_it_returns(
    open_browser: OpenBrowser, people: People, walk_step: Step
) -> None:
    water = water_step(walk_step, people)
    maria = open_browser(SIZES["phone"])
    sign_in(maria, people.maria)
    maria.go("/me/").evaluate(WORKER_READY)
    page = maria.go("/me/")  # now through the service worker, which keeps this page

    maria.context.set_offline(True)
    page.reload()  # the kept today page opens with no connection
    expect(page.locator(f"#step-{water.pk}")).to_be_visible()
    page.locator(f"#check-in-{walk_step.pk}-done").click()
    page.locator(f"#check-in-{water.pk}-done").click()

    saved = page.locator(".saved-on-phone")
    expect(saved).to_have_count(2)
    expect(saved.first).to_have_text(
        "Saved on this phone. It will be sent when you're back online."
    )
    assert not CheckIn.objects.exists()
    maria.check("(two taps saved on the phone)")

    maria.context.set_offline(False)
    expect(saved.first).to_have_text("You're back online: what was saved on this phone is sent.")
    wait_until_sent(maria)
    assert sorted(CheckIn.objects.values_list("step_id", flat=True)) == sorted(
        [walk_step.pk, water.pk]
    )
    assert CheckIn.objects.filter(client_id__isnull=True).count() == 0
    maria.check("(sent)")


def test_the_app_installs_takes_a_reminders_done_and_leaves_nothing_at_sign_out(
    open_browser: OpenBrowser, people: People, walk_step: Step
) -> None:
    maria = open_browser(SIZES["phone"])
    sign_in(maria, people.maria)
    page = maria.go("/me/")
    assert page.evaluate(WORKER_READY).endswith("/sw.js")

    manifest = page.evaluate(
        """async () => {
            const link = document.querySelector('link[rel="manifest"]');
            const manifest = await (await fetch(link.href)).json();
            const icons = [];
            for (const icon of manifest.icons) {
              const bitmap = await createImageBitmap(await (await fetch(icon.src)).blob());
              icons.push([icon.sizes, `${bitmap.width}x${bitmap.height}`]);
            }
            return {manifest, icons};
        }"""
    )
    fields = manifest["manifest"]
    assert {"name", "short_name", "start_url", "display", "icons", "theme_color", "lang"} <= set(
        fields
    )
    assert fields["display"] == "standalone"
    assert all(declared == drawn for declared, drawn in manifest["icons"])

    # A reminder's "Done" button, by the same code path as the notification's click.
    answer = page.evaluate(
        """([step, url]) => new Promise((resolve) => {
            navigator.serviceWorker.addEventListener("message", (event) => resolve(event.data));
            navigator.serviceWorker.ready.then((registration) => registration.active.postMessage(
              {type: "check-in-from-notification", checkIn: {step, url}, action: "done"}));
        })""",
        [walk_step.pk, f"/steps/{walk_step.pk}/check-in/"],
    )
    assert answer["result"]["sent"] == 1
    wait_until_sent(maria)
    check_in = CheckIn.objects.get()
    assert (check_in.step_id, check_in.outcome, check_in.recorded_by_id) == (
        walk_step.pk,
        "done",
        people.maria.pk,
    )
    assert page.evaluate("async () => (await caches.keys()).length") > 0

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login/")
    page.wait_for_function(
        """async () => (await caches.keys()).length === 0
            && (await navigator.serviceWorker.getRegistrations()).length === 0"""
    )
    maria.check("(signed out)")
    # Signing in again on this phone works as before.
    sign_in(maria, people.maria)
    expect(maria.go("/me/").locator(f"#step-{walk_step.pk}")).to_be_visible()
