"""What the browser tests share: window sizes, a checked browser tab, and signing in.

Every page a test checks is run through axe-core (WCAG 2.2 AA) and must have logged no console
error and no Content-Security-Policy violation. Signing in goes through the real login form,
in `sign_in` only.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django_otp.plugins.otp_totp.models import TOTPDevice

from peergoals.people.models import Role, User
from tests.personas import PASSWORD, confirmed_device, totp_code

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("PEERGOALS_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# `make screenshots` refreshes the committed ones; other runs write theirs to a temporary folder,
# so a test run leaves the work tree as it was.
SCREENSHOTS = ROOT / "docs" / "screenshots"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

TIMEOUT_MS = 10_000
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE, "desktop": DESKTOP}

# Runs in every page before its own scripts: reports CSP violations to the test.
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI}` +
    ` at ${event.sourceFile || document.location.pathname}:${event.lineNumber}`
  );
});
"""

# axe's findings, trimmed to what a person needs to fix them.
RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(" ")),
  }));
}
"""


@dataclass
class Problems:
    """What went wrong in a page beyond the test's own assertions."""

    console: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)


class Browser:
    """A browser tab on the live server that checks every page it is asked to check."""

    def __init__(self, context: Any, base_url: str, problems: Problems, screenshots: Path) -> None:
        self.context = context
        self.base_url = base_url
        self.problems = problems
        self.screenshots = screenshots
        self.page = context.new_page()
        # Pages answer in well under a second; a missing element should fail fast, with room
        # for a busy two-core CI machine.
        self.page.set_default_timeout(TIMEOUT_MS)
        self.checked: list[str] = []

    def go(self, path: str) -> Any:
        self.page.goto(self.base_url + path)
        return self.page

    def check(self, what: str = "") -> None:
        """axe-core finds no WCAG 2.2 AA violation here, and nothing went wrong so far."""
        page = self.page
        page.wait_for_load_state("load")
        where = f"{page.url.removeprefix(self.base_url)} {what}".strip()
        self.checked.append(where)
        violations = page.evaluate(RUN_AXE, WCAG_22_AA)
        assert not violations, f"axe found accessibility problems on {where}:\n" + "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']}\n    at " + "\n    at ".join(v["targets"])
            for v in violations
        )
        self.assert_no_problems(where)

    def assert_no_problems(self, where: str) -> None:
        # Each problem is reported once, by the first check that sees it.
        console, self.problems.console = self.problems.console, []
        csp, self.problems.csp = self.problems.csp, []
        report = [f"console error: {text}" for text in console]
        report += [f"CSP violation: {text}" for text in csp]
        assert not report, f"problems by {where}:\n" + "\n".join(report)

    def expect_console_errors(self, *expected: str) -> None:
        """The console errors a test caused on purpose: each must be there; it is then dropped,
        and any other error still fails the next check."""
        for text in expected:
            assert any(text in line for line in self.problems.console), (
                f"no console error with {text!r} in {self.problems.console}"
            )
        self.problems.console = [
            line for line in self.problems.console if not any(text in line for text in expected)
        ]

    def screenshot(self, name: str) -> None:
        self.page.screenshot(path=str(self.screenshots / f"{name}.png"), full_page=True)


OpenBrowser = Callable[[dict[str, int]], Browser]


def sign_in(browser: Browser, person: User) -> None:
    """Log in as `person` through the real login form, and land on their home page.

    The one place that knows how signing in works: staff (and peers who turned it on) type the
    6-digit code from their authenticator app on the second page.
    """
    needs_code = person.role != Role.PEER or TOTPDevice.objects.filter(user=person).exists()
    if needs_code:
        confirmed_device(person)  # their authenticator app, set up on an earlier day
    page = browser.go("/login/")
    browser.check("(the login form)")
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/login/" not in url)
    if needs_code:
        browser.check("(the code page)")
        page.get_by_label("Enter the 6-digit code from your authenticator app").fill(
            totp_code(person)
        )
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url(lambda url: "/two-factor/" not in url)
