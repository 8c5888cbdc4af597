"""A form sent after the session ended keeps what was typed: after signing in again (staff with
their 6-digit code too) the person is back on the form with their words in it, to check and
save. Only they get them back, and only once."""

from __future__ import annotations

import re
from html import unescape

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from peergoals.goals.models import CheckIn, Goal, Review, Step, SuggestedChange
from peergoals.people.models import User
from peergoals.people.typed_text import FINGERPRINT_COOKIE, KEPT
from tests.personas import PASSWORD, People, confirmed_device, totp_code

KEPT_SAID = "We kept what you typed. Check it and save."
NOT_SAVED_YET = "You had been logged out, so this isn&#x27;t saved yet."


def signed_in(person: User, client: Client | None = None, then: str = "") -> Client:
    """`person` signed in through the sign-in page (and the code page, for staff)."""
    client = client or Client()
    if not person.is_peer:
        confirmed_device(person)  # their authenticator app, set up at an earlier sign-in
    response = client.post("/login/", {"username": person.username, "password": PASSWORD})
    assert response.status_code == 302
    if person.is_peer:
        return client
    code_page = client.get(then or "/")
    assert code_page["Location"].startswith("/account/two-factor/code/")
    assert client.post(code_page["Location"], {"code": totp_code(person)}).status_code == 302
    return client


def session_ends() -> None:
    """30 idle minutes go by: the server forgets every session."""
    Session.objects.all().delete()


def textarea(page: str, name: str) -> str:
    found = re.search(rf'<textarea name="{name}"[^>]*>\n?([^<]*)</textarea>', page)
    assert found, f"no {name} on the page"
    return unescape(found.group(1))


def sign_in_again(client: Client, person: User, response: object) -> str:
    """Sign in from where the expired form sent the person; the page they land on."""
    location = response["Location"]  # type: ignore[index]
    assert location.startswith("/login/?next=")
    landing = client.post(
        location, {"username": person.username, "password": PASSWORD}, follow=False
    )
    target = landing["Location"]
    if not person.is_peer:
        code_page = client.get(target)
        code = {"code": totp_code(person)}
        target = client.post(code_page["Location"], code)["Location"]
    return target


def test_a_goal_change_sent_after_the_session_ended_is_back_in_the_form_after_signing_in(
    people: People, walk_goal: Goal
) -> None:
    maria = signed_in(people.maria)
    url = reverse("goals:edit", args=[walk_goal.pk])
    assert maria.get(url).status_code == 200
    session_ends()
    typed = {
        "version": str(walk_goal.version),
        "own_words": "I want to get healthier",
        "smart_wording": "I will walk 20 minutes every morning, rain or shine",
        "life_area": "physical",
        "review_every_days": "14",
    }
    sent = maria.post(url, typed)
    assert sent.status_code == 302
    assert sent["Location"] == f"/login/?next={url}"
    assert NOT_SAVED_YET in maria.get(sent["Location"]).text

    landed = sign_in_again(maria, people.maria, sent)
    assert landed == url
    page = maria.get(landed).text
    assert KEPT_SAID in page
    assert textarea(page, "smart_wording") == typed["smart_wording"]
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording == "I will walk for 10 minutes every morning this week"

    # Shown once: opened again, the form shows the goal as saved.
    again = maria.get(url).text
    assert KEPT_SAID not in again
    assert textarea(again, "smart_wording") == walk_goal.smart_wording


def test_a_review_keeps_its_notes_and_choices_through_signing_in_again(
    people: People, walk_goal: Goal
) -> None:
    maria = signed_in(people.maria)
    url = reverse("goals:review", args=[walk_goal.pk])
    maria.get(url)
    session_ends()
    sent = maria.post(
        url,
        {
            "whats_working": "Walking with my sister on Sundays",
            "whats_not_working": "Mornings are hard after a bad night",
            "decision": "adjust",
            "feeling": "hopeful",
        },
    )
    page = maria.get(sign_in_again(maria, people.maria, sent)).text
    assert textarea(page, "whats_working") == "Walking with my sister on Sundays"
    assert textarea(page, "whats_not_working") == "Mornings are hard after a bad night"
    assert re.search(r'value="adjust"[^>]*checked', page)
    assert not Review.objects.exists()


def test_a_specialist_is_back_on_the_form_after_the_password_and_the_code(
    people: People, walk_goal: Goal, walk_step: Step
) -> None:
    sam = signed_in(people.sam)
    url = reverse("goals:edit_step", args=[walk_step.pk])
    assert sam.get(url).status_code == 200
    session_ends()
    sent = sam.post(
        url,
        {
            "version": str(walk_step.version),
            "wording": "Walk 10 minutes after breakfast with Maria's sister",
            "target_kind": "count",
            "target_quantity": "1",
            "target_per": "day",
            "starts_on": walk_step.starts_on.isoformat(),
        },
    )
    landed = sign_in_again(sam, people.sam, sent)
    assert landed == url
    page = sam.get(landed).text
    assert KEPT_SAID in page
    assert textarea(page, "wording") == "Walk 10 minutes after breakfast with Maria's sister"
    assert not SuggestedChange.objects.exists()


def test_a_check_in_tap_after_the_session_ended_is_shown_back_to_tap_once_more(
    people: People, walk_step: Step
) -> None:
    maria = signed_in(people.maria)
    maria.get(reverse("goals:today"))
    session_ends()
    url = reverse("goals:check_in", args=[walk_step.pk])
    prefix = f"step-{walk_step.pk}-"
    tapped = maria.post(
        url,
        {f"{prefix}outcome": "done", f"{prefix}note": "Felt good in the sun", "next": "/me/"},
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/me/"},
    )
    # The whole page goes to sign in (nothing swapped into the card), and comes back here.
    assert tapped.status_code == 200
    assert tapped["HX-Redirect"] == f"/login/?next={url}"
    assert not CheckIn.objects.exists()

    landing = maria.post(tapped["HX-Redirect"], {"username": "maria", "password": PASSWORD})
    page = maria.get(landing["Location"]).text
    assert (
        "Your tap on “Walk 10 minutes after breakfast” (Done) wasn&#x27;t saved, because you "
        "had been logged out. Tap it again below to save it."
    ) in page
    assert textarea(page, f"{prefix}note") == "Felt good in the sun"
    assert not CheckIn.objects.exists()

    form = {f"{prefix}outcome": "done", f"{prefix}note": "Felt good in the sun"}
    assert maria.post(url, form).status_code == 302  # one tap saves it
    assert CheckIn.objects.get().note == "Felt good in the sun"


def test_words_typed_before_someone_else_signs_in_on_that_browser_are_dropped(
    people: People, walk_goal: Goal
) -> None:
    browser = signed_in(people.maria)
    url = reverse("goals:new")
    browser.get(url)
    session_ends()
    sent = browser.post(url, {"own_words": "Call my brother about Sunday", "life_area": "social"})
    assert sent.status_code == 302
    browser.post(sent["Location"], {"username": "jordan", "password": PASSWORD})
    assert "Call my brother" not in browser.get(url).text
    assert KEPT not in browser.session
    # Nor does Maria find them when she signs in after Jordan left.
    browser.post("/logout/")
    signed_in(people.maria, browser)
    assert "Call my brother" not in browser.get(url).text


def test_signing_out_drops_the_words_and_a_form_sent_after_it_is_not_kept(
    people: People, walk_goal: Goal
) -> None:
    browser = signed_in(people.maria)
    url = reverse("goals:new")
    browser.get(url)
    session_ends()
    sent = browser.post(url, {"own_words": "Call my brother about Sunday", "life_area": "social"})
    assert sent.status_code == 302
    # She signs in from another page, never opens the form, and signs out.
    browser.post("/login/", {"username": "maria", "password": PASSWORD})
    assert KEPT in browser.session
    browser.post("/logout/")
    assert not browser.cookies[FINGERPRINT_COOKIE].value  # the browser forgets who it was
    signed_in(people.maria, browser)
    assert "Call my brother" not in browser.get(url).text

    browser.post("/logout/")
    browser.post(url, {"own_words": "Sent from a tab left open", "life_area": "social"})
    assert KEPT not in browser.session


def test_it_keeps_no_password_and_no_csrf_token_and_the_usual_idle_limit_after_sign_in(
    people: People, walk_goal: Goal
) -> None:
    browser = signed_in(people.maria)
    url = reverse("goals:new")
    browser.get(url)
    session_ends()
    browser.post(
        url,
        {
            "own_words": "Walk",
            "life_area": "physical",
            "csrfmiddlewaretoken": "a-token",
            "password": "a-long-test-password-9",
        },
    )
    kept = browser.session[KEPT]["fields"]
    assert kept["own_words"] == ["Walk"]
    assert "csrfmiddlewaretoken" not in kept and "password" not in kept
    signed_in(people.maria, browser)
    assert browser.session.get_expiry_age() == 30 * 60


def test_the_coachs_tips_after_the_session_ended_keep_the_form_they_came_from(
    people: People, walk_goal: Goal
) -> None:
    maria = signed_in(people.maria)
    page = reverse("goals:new")
    maria.get(page)
    session_ends()
    response = maria.post(
        reverse("goals:coach"),
        {"own_words": "I will call my brother this week", "life_area": "social"},
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{page}"},
    )
    assert response["HX-Redirect"] == f"/login/?next={page}"
    maria.post(response["HX-Redirect"], {"username": "maria", "password": PASSWORD})
    assert textarea(maria.get(page).text, "own_words") == "I will call my brother this week"


def test_nothing_is_kept_for_a_browser_nobody_signed_in_on(people: People, walk_goal: Goal) -> None:
    stranger = Client()
    response = stranger.post(reverse("goals:new"), {"own_words": "Anything"})
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert KEPT not in stranger.session


def test_reminder_times_chosen_after_the_session_ended_are_back_in_their_forms(
    people: People, walk_step: Step
) -> None:
    maria = signed_in(people.maria)
    step_url = reverse("reminders:step", args=[walk_step.pk])
    settings_url = reverse("reminders:settings")
    maria.get(step_url)
    session_ends()
    sent = maria.post(step_url, {"at": "07:45", "weekdays": ["0", "2", "4"]})
    assert sent["Location"] == f"/login/?next={step_url}"
    page = maria.get(sign_in_again(maria, people.maria, sent)).text
    assert KEPT_SAID in page
    assert 'value="07:45"' in page
    assert re.search(r'value="2"[^>]*checked', page)
    assert not re.search(r'value="1"[^>]*checked', page)
    assert "No reminders for this step." in page  # nothing saved for her

    session_ends()
    sent = maria.post(settings_url, {"time_zone": "America/Chicago", "quiet_from": "21:30"})
    page = maria.get(sign_in_again(maria, people.maria, sent)).text
    assert KEPT_SAID in page
    assert 'value="21:30"' in page
    assert re.search(r'value="America/Chicago"[^>]*selected', page)
