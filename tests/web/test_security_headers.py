"""Headers every page sends, a strict CSP the pages (admin included) live with, and a plain 500."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.test import Client

from peergoals.goals.models import Goal, Step
from tests.personas import People
from tests.web.conftest import browser_for
from tests.web.raising_urls import SECRET_SQL
from tests.web.test_two_factor import every_page

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)


def directives(header: str) -> set[str]:
    return {part.strip() for part in header.split(";")}


class InlineCode(HTMLParser):
    """Collects anything a CSP without 'unsafe-inline' would block."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and "src" not in names:
            self.found.append("inline <script>")
        self.found += [f"{tag} {name}=" for name in names if name == "style" or name[:2] == "on"]
        self.found += [
            f"{tag} javascript: link"
            for _, value in attrs
            if (value or "").startswith("javascript:")
        ]


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def test_it_sends_the_strict_policy_and_no_store_on_every_page_a_signed_in_person_sees(
    people: People, walk_goal: Goal, walk_step: Step
) -> None:
    pages = [url for url in every_page(walk_goal, walk_step, people) if url != "/logout/"]
    checked = 0
    for person in (people.maria, people.sam):
        browser = browser_for(person)
        for url in pages:
            response = browser.get(url)
            assert directives(response["Content-Security-Policy"]) == directives(CSP), url
            assert "no-store" in response.get("Cache-Control", ""), (url, response.status_code)
            assert response["X-Frame-Options"] == "DENY", url
            assert response["X-Content-Type-Options"] == "nosniff", url
            if response.status_code == 200 and "text/html" in response["Content-Type"]:
                assert inline_code(response.content.decode()) == [], url
                checked += 1
    assert checked >= 8


def test_it_runs_the_django_admin_without_inline_script_or_style(
    people: People, walk_goal: Goal, walk_step: Step
) -> None:
    morgan = browser_for(people.morgan)
    pages = [
        "/admin/",
        "/admin/people/user/",
        f"/admin/people/user/{people.maria.id}/change/",
        "/admin/people/user/add/",
        "/admin/people/assignment/",
        "/admin/goals/goal/",
        f"/admin/goals/goal/{walk_goal.id}/change/",
        "/admin/goals/step/",
        "/admin/axes/accessattempt/",
        "/admin/otp_totp/totpdevice/",
    ]
    for url in pages:
        response = morgan.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert directives(response["Content-Security-Policy"]) == directives(CSP), url
        assert inline_code(response.content.decode()) == [], url


def test_it_sends_the_policy_to_people_not_signed_in_too(db: None) -> None:
    response = Client().get("/login/")
    assert directives(response["Content-Security-Policy"]) == directives(CSP)
    assert inline_code(response.content.decode()) == []


@pytest.mark.urls("tests.web.raising_urls")
def test_it_shows_plain_words_and_no_details_when_a_page_fails(people: People) -> None:
    browser = browser_for(people.maria)
    browser.raise_request_exception = False
    response = browser.get("/fails/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in page
    for detail in ("Traceback", "SELECT", "private_note_text", "table_that_is_not_there"):
        assert detail not in page
    assert settings.SECRET_KEY not in page
    assert SECRET_SQL not in page
    assert "no-store" in response["Cache-Control"]


PRODUCTION_PROBE = """
import json
import django
from django.conf import settings
from django.core.management import call_command
django.setup()
call_command("check", deploy=True, fail_level="WARNING")
print(json.dumps({name: str(getattr(settings, name)) for name in (
    "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "SECURE_HSTS_SECONDS",
    "SECURE_CONTENT_TYPE_NOSNIFF", "X_FRAME_OPTIONS", "SECURE_SSL_REDIRECT", "DEBUG",
    "SESSION_COOKIE_AGE",
)}))
"""


def test_it_passes_the_deployment_check_with_secure_cookies_and_a_year_of_hsts(
    tmp_path: object,
) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "peergoals.settings_production",
        "SECRET_KEY": "k" * 20 + "-production-secret-for-the-deploy-check-0123456789",
        "DATABASE_URL": f"sqlite:///{tmp_path}/probe.sqlite3",
        "ALLOWED_HOSTS": "goals.example.org",
        "DEBUG": "",
    }
    probe = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE], env=env, capture_output=True, text=True
    )
    assert probe.returncode == 0, probe.stderr
    values = json.loads(probe.stdout.strip().splitlines()[-1])
    assert values["SESSION_COOKIE_SECURE"] == values["CSRF_COOKIE_SECURE"] == "True"
    assert values["SESSION_COOKIE_HTTPONLY"] == values["CSRF_COOKIE_HTTPONLY"] == "True"
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert int(values["SECURE_HSTS_SECONDS"]) >= 365 * 24 * 60 * 60
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_SSL_REDIRECT"] == "True" and values["DEBUG"] == "False"
    assert values["SESSION_COOKIE_AGE"] == str(30 * 60)


def test_it_marks_the_session_cookie_http_only_and_same_site(people: People) -> None:
    client = Client()
    client.post("/login/", {"username": "maria", "password": "a-long-test-password-9"})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 30 * 60


def test_it_explains_a_stale_form_in_plain_words_without_inline_style(people: People) -> None:
    browser = browser_for(people.maria)
    browser.handler.enforce_csrf_checks = True
    response = browser.post("/goals/new/", {"own_words": "Walk more"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Please try that again" in page and "CSRF verification failed" not in page
    assert inline_code(page) == []
