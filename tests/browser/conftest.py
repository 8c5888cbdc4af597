"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Without Chromium or axe-core (`make install` runs `npm ci`) the tests skip with the reason; in
CI (CI=true) they fail instead, so nothing is skipped silently there. What the tests share
(window sizes, the checked browser tab, `sign_in`) lives in tests/browser/browsing.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.browsing import (
    AXE,
    CHROMIUM,
    SCREENSHOTS,
    TIMEOUT_MS,
    WATCH_CSP,
    Browser,
    OpenBrowser,
    Problems,
)


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: run `make install`"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM}: run `apt-get install -y chromium`"
    if not AXE.exists():
        return f"no axe-core at {AXE}: run `make install` (it runs `npm ci`)"
    return None


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless Chromium per test module (Debian's; Playwright never downloads one)."""
    reason = _missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests are mandatory in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)

    # Playwright's sync API keeps an event loop running in this thread; Django would then
    # refuse the ORM calls the tests make to set up data. The live server's own thread is
    # unaffected, and this module's tests use no async code.
    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
            yield browser
            browser.close()
    finally:
        if saved is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved


@pytest.fixture
def open_browser(
    chromium: Any, live_server: Any, tmp_path: Path, audit_log_emptied_at_teardown: None
) -> Iterator[OpenBrowser]:
    """Opens a fresh browser (no cookies) at a window size; checks for problems at the end."""
    opened: list[Browser] = []
    screenshots = SCREENSHOTS if os.environ.get("PEERGOALS_SCREENSHOTS") == "1" else tmp_path

    def open_at(size: dict[str, int]) -> Browser:
        problems = Problems()
        # axe is injected by the browser itself, not as a page script, so it runs under the
        # app's strict CSP and CSP stays enforced for the page's own code.
        context = chromium.new_context(viewport=size, locale="en-US")
        context.add_init_script(path=str(AXE))
        context.add_init_script(WATCH_CSP)
        context.expose_binding(
            "reportCspViolation", lambda _source, text: problems.csp.append(text)
        )
        browser = Browser(context, live_server.url, problems, screenshots)
        browser.page.on(
            "console",
            lambda message: (
                problems.console.append(f"{message.text} ({message.location.get('url', '')})")
                if message.type == "error"
                else None
            ),
        )
        browser.page.on("pageerror", lambda error: problems.console.append(str(error)))
        opened.append(browser)
        return browser

    yield open_at
    for browser in opened:
        browser.assert_no_problems("the end of the test")
        browser.context.close()
