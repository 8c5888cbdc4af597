"""Two-step sign-in: required for staff before any peer data or the admin, optional for peers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_otp.plugins.otp_totp.models import TOTPDevice

from peergoals.audit.models import AuditEntry
from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from peergoals.people import tokens
from peergoals.people.models import User
from tests.personas import PASSWORD, People, confirmed_device, current_code, totp_code
from tests.web.conftest import browser_for

SET_UP = "/account/two-factor/set-up/"
CODE = "/account/two-factor/code/"


def signed_in_with_password(person: User) -> Client:
    client = Client()
    response = client.post("/login/", {"username": person.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def every_page(goal: Goal, step: Step, people: People) -> Iterator[str]:
    """Every page of the app (the admin aside) with real ids of Maria's records filled in."""
    ids = {"goal_id": goal.id, "step_id": step.id, "peer_id": people.maria.id}
    ids["specialist_id"] = people.sam.id
    # A change Sam suggested to the step, waiting for Maria's answer.
    suggestion = actions.suggest_change(step, by=people.sam, version=None, wording="Walk further")
    ids["change_id"] = suggestion.id
    # One of Maria's API access tokens (the page that revokes it).
    ids["token_id"] = tokens.create_token(people.maria, name="app", scope="read", days=9)[0].pk

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> Iterator[str]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if not route.startswith("admin/"):
                    yield from walk(pattern.url_patterns, route)
            else:
                yield "/" + re.sub(r"<int:(\w+)>", lambda m: str(ids[m.group(1)]), route)

    yield from walk(get_resolver().url_patterns, "")


ADMIN_PAGES = ["/admin/", "/admin/people/user/", "/admin/goals/goal/", "/admin/goals/checkin/"]


def test_it_shows_an_unverified_specialist_no_peer_data_and_no_admin(
    people: People, walk_goal: Goal, walk_step: Step
) -> None:
    people.sam.is_staff = True
    people.sam.save(update_fields=["is_staff"])
    confirmed_device(people.sam)
    sam = signed_in_with_password(people.sam)
    # Logging out is open to everyone, so it is left out: it would end this session.
    pages = [url for url in every_page(walk_goal, walk_step, people) if url != "/logout/"]
    pages += ADMIN_PAGES
    assert len(pages) > 25
    # Choosing a language is open too: it saves a preference and shows nothing; help when it's
    # hard holds no peer data and never waits for a code; the installable app's manifest and
    # service worker read no record (a browser refuses a service worker behind a redirect).
    open_pages = {SET_UP, CODE, "/login/", "/language/", "/help/"}
    open_pages |= {"/manifest.webmanifest", "/sw.js"}
    for url in pages:
        for method in (sam.get, sam.post):
            response = method(url)
            body = response.content.decode()
            assert "walk" not in body.lower(), url
            assert "Maria" not in body, url
            if url not in open_pages and response.status_code != 405:
                assert response.status_code == 302, url
                assert response["Location"].startswith(CODE), url


def test_it_sends_a_new_specialist_to_set_up_with_a_qr_code_and_the_key_as_text(
    people: People,
) -> None:
    sam = signed_in_with_password(people.sam)
    response = sam.get("/caseload/")
    assert response["Location"] == SET_UP
    page = sam.get(SET_UP).content.decode()
    assert "Enter the 6-digit code from your authenticator app" in page
    assert 'src="data:image/svg+xml;base64,' in page
    device = TOTPDevice.objects.get(user=people.sam, confirmed=False)
    key = re.search(r'id="secret-key">([A-Z2-7 ]+)<', page)
    assert key and key.group(1).replace(" ", "") in device.config_url


def test_it_turns_on_two_step_sign_in_with_a_code_from_the_app(people: People) -> None:
    sam = signed_in_with_password(people.sam)
    sam.get(SET_UP)
    device = TOTPDevice.objects.get(user=people.sam)
    code = current_code(device)
    response = sam.post(SET_UP, {"code": code[:3] + " " + code[3:]}, follow=True)
    assert response.redirect_chain[-1][0] == "/caseload/"
    assert "Two-step sign-in is on" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed


def test_it_explains_a_wrong_code_and_slows_down_guessing(people: People, settings: object) -> None:
    # A minute's wait after one wrong code, so the test does not depend on how fast it runs.
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # type: ignore[attr-defined]
    device = confirmed_device(people.pat)
    pat = signed_in_with_password(people.pat)
    response = pat.post(CODE, {"code": "000000" if totp_code(people.pat) != "000000" else "111111"})
    assert response.status_code == 400
    assert "That code didn&#x27;t work" in response.content.decode()
    response = pat.post(CODE, {"code": totp_code(people.pat)})
    assert response.status_code == 400
    assert re.search(
        r"Too many wrong codes. Please wait (59|60) seconds", response.content.decode()
    )
    assert pat.get("/team/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_it_asks_for_six_digits_when_the_code_is_not_a_code(people: People) -> None:
    confirmed_device(people.pat)
    pat = signed_in_with_password(people.pat)
    response = pat.post(CODE, {"code": "12ab"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "The code has 6 digits, like 123456" in page and 'value="12ab"' in page


def test_it_lets_staff_in_after_the_code_and_back_to_the_page_they_asked_for(
    people: People, walk_goal: Goal
) -> None:
    sam = signed_in_with_password(people.sam)
    confirmed_device(people.sam)
    response = sam.get(f"/peers/{people.maria.id}/")
    assert response["Location"] == f"{CODE}?next=%2Fpeers%2F{people.maria.id}%2F"
    response = sam.post(response["Location"], {"code": totp_code(people.sam)}, follow=True)
    assert response.redirect_chain[-1][0] == f"/peers/{people.maria.id}/"
    assert walk_goal.smart_wording in response.content.decode()


def test_it_does_not_let_a_password_alone_replace_a_confirmed_phone(people: People) -> None:
    device = confirmed_device(people.sam)
    sam = signed_in_with_password(people.sam)
    assert sam.get(SET_UP)["Location"] == CODE
    assert list(TOTPDevice.objects.filter(user=people.sam)) == [device]


def test_it_leaves_two_step_sign_in_optional_for_a_peer_until_they_turn_it_on(
    people: People,
) -> None:
    maria = signed_in_with_password(people.maria)
    assert maria.get("/me/").status_code == 200
    assert "Two-step sign-in is off" in maria.get("/account/two-factor/").content.decode()
    maria.get(SET_UP)
    device = TOTPDevice.objects.get(user=people.maria)
    maria.post(SET_UP, {"code": current_code(device)})
    assert maria.get("/me/").status_code == 200
    again = signed_in_with_password(people.maria)
    assert again.get("/me/")["Location"].startswith(CODE)
    again.post(CODE, {"code": totp_code(people.maria)})
    assert again.get("/me/").status_code == 200


OFF = "/account/two-factor/off/"


def test_a_peer_turns_two_step_sign_in_off_with_a_code_from_the_app(people: People) -> None:
    confirmed_device(people.maria)
    maria = browser_for(people.maria)
    page = maria.get("/account/two-factor/").content.decode()
    assert "Turn off two-step sign-in" in page
    wrong = maria.post(OFF, {"code": "000000"})
    assert wrong.status_code == 400
    assert "That code didn&#x27;t work" in wrong.content.decode()
    assert TOTPDevice.objects.filter(user=people.maria).exists()

    off = maria.post(OFF, {"code": totp_code(people.maria)}, follow=True)
    assert "Two-step sign-in is off. Your password alone lets you in." in off.content.decode()
    assert "Two-step sign-in is off." in off.content.decode()
    assert not TOTPDevice.objects.filter(user=people.maria).exists()
    assert maria.get("/me/").status_code == 200
    assert signed_in_with_password(people.maria).get("/me/").status_code == 200


def test_staff_cannot_turn_two_step_sign_in_off(people: People) -> None:
    sam = browser_for(people.sam)
    assert "Turn off two-step sign-in" not in sam.get("/account/two-factor/").content.decode()
    response = sam.post(OFF, {"code": totp_code(people.sam)})
    assert response.status_code == 302 and response["Location"] == "/account/two-factor/"
    assert TOTPDevice.objects.filter(user=people.sam, confirmed=True).exists()


def test_it_resets_a_lost_phone_with_the_operator_command(people: People) -> None:
    confirmed_device(people.sam)
    output = call_and_capture("reset_two_factor", "sam")
    assert "Removed sam's authenticator app" in output
    assert not TOTPDevice.objects.filter(user=people.sam).exists()
    assert signed_in_with_password(people.sam).get("/caseload/")["Location"] == SET_UP
    assert "had no authenticator app" in call_and_capture("reset_two_factor", "sam")


def call_and_capture(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_it_signs_staff_in_verified_through_browser_for(people: People) -> None:
    for person in (people.sam, people.pat, people.quinn, people.morgan):
        home = browser_for(person).get("/", follow=True)
        assert home.status_code == 200
        assert not home.redirect_chain[-1][0].startswith("/account/"), person.username
    assert browser_for(people.morgan).get("/admin/").status_code == 200


def test_it_gives_the_session_a_new_key_when_the_code_is_accepted(people: People) -> None:
    device = confirmed_device(people.sam)
    sam = signed_in_with_password(people.sam)
    before_code = sam.session.session_key
    assert sam.post(CODE, {"code": current_code(device)}).status_code == 302
    after_code = sam.session.session_key
    assert after_code != before_code
    assert not Session.objects.filter(session_key=before_code).exists()
    assert sam.get("/caseload/").status_code == 200


def test_a_password_alone_shows_no_new_key_to_staff_who_signed_in_before(
    people: People,
) -> None:
    # A new account's first sign-in sets up the phone, as before.
    assert "secret-key" in signed_in_with_password(people.sam).get(SET_UP).text
    # Sam left without finishing; whoever signs in with his password later sees no key.
    later = signed_in_with_password(people.sam)
    assert later.get("/caseload/")["Location"] == SET_UP
    refused = later.get(SET_UP)
    assert refused.status_code == 403
    assert "Ask your program admin for a reset" in refused.text
    assert "secret-key" not in refused.text and "data:image" not in refused.text
    assert later.post(SET_UP, {"code": "123456"}).status_code == 403
    # After an admin resets his two-step sign-in, he sets up his phone with his password.
    call_and_capture("reset_two_factor", "sam")
    assert "secret-key" in signed_in_with_password(people.sam).get(SET_UP).text


def test_after_a_phone_is_set_up_only_a_reset_opens_set_up_again(people: People) -> None:
    sam = signed_in_with_password(people.sam)
    sam.get(SET_UP)
    device = TOTPDevice.objects.get(user=people.sam)
    assert sam.post(SET_UP, {"code": current_code(device)}).status_code == 302
    # The phone is lost and its device removed in the admin: a reset, recorded.
    morgan = browser_for(people.morgan)
    morgan.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert not TOTPDevice.objects.filter(user=people.sam).exists()
    assert signed_in_with_password(people.sam).get(SET_UP).status_code == 200
    entries = AuditEntry.objects.filter(record_type="account", record_id=people.sam.pk)
    assert list(entries.order_by("id").values_list("action", "username")) == [
        ("two_factor_on", "sam"),
        ("two_factor_reset", "morgan"),
    ]
