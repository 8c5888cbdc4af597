"""A person's own password: changed, reset from a one-time link (e-mailed, or made by an admin),
never set by staff; every change is in the audit log."""

from __future__ import annotations

import re
from html import unescape
from io import StringIO

from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from peergoals.people.models import Role, User
from peergoals.privacy.actions import request_deletion
from tests.audit_helpers import new_entries
from tests.personas import PASSWORD, People
from tests.web.conftest import browser_for

NEW_PASSWORD = "walking by the river every morning"
LINK = re.compile(r"https?://[^/\s]+(/account/password/reset/[^/\s]+/[^/\s]+/)")


def signs_in(username: str, password: str) -> bool:
    answer = Client().post(reverse("login"), {"username": username, "password": password})
    return answer.status_code == 302


def set_password_from(link_path: str, password: str = NEW_PASSWORD) -> Client:
    """Open a one-time link, as the person does, and choose a new password."""
    browser = Client()
    form = browser.get(link_path, follow=True)
    assert form.status_code == 200 and "Choose a new password" in form.text
    done = browser.post(
        form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )
    assert done.status_code == 302 and done.url == reverse("login")
    return browser


def test_a_peer_changes_their_password_and_other_sessions_end(
    as_maria: Client, people: People
) -> None:
    on_the_phone = browser_for(people.maria)
    key_before = as_maria.session.session_key
    with new_entries() as entries:
        answer = as_maria.post(
            reverse("account:password_change"),
            {
                "old_password": PASSWORD,
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
            follow=True,
        )
    assert "Your password is changed." in answer.text
    assert as_maria.session.session_key != key_before
    assert not Session.objects.filter(session_key=key_before).exists()
    assert on_the_phone.get(reverse("goals:today")).status_code == 302  # signed out there
    assert signs_in("maria", NEW_PASSWORD) and not signs_in("maria", PASSWORD)
    assert [(e.action, e.username, e.record_type, e.record_id) for e in entries] == [
        ("password_change", "maria", "account", people.maria.pk)
    ]


def test_a_wrong_current_password_is_said_beside_the_field(as_maria: Client) -> None:
    answer = as_maria.post(
        reverse("account:password_change"),
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert answer.status_code == 400
    assert 'aria-invalid="true"' in answer.text
    assert "Your old password was entered incorrectly" in unescape(answer.text)


def test_a_forgotten_password_is_reset_from_an_emailed_link_that_works_once(
    people: People,
) -> None:
    people.maria.email = "maria@example.org"
    people.maria.save(update_fields=["email"])
    asked = Client().post(reverse("account:password_reset"), {"email": "maria@example.org"})
    assert asked.status_code == 302 and asked.url == reverse("account:password_reset_done")
    (email,) = mail.outbox
    assert email.to == ["maria@example.org"]
    link = LINK.search(email.body)
    assert link is not None
    with new_entries() as entries:
        set_password_from(link.group(1))
    assert signs_in("maria", NEW_PASSWORD)
    assert [(e.action, e.username) for e in entries] == [("password_reset", "maria")]
    spent = Client().get(link.group(1), follow=True)
    assert spent.status_code == 404 and "This link doesn't work any more" in unescape(spent.text)


def test_the_reset_page_says_the_same_for_an_address_nobody_has(people: People) -> None:
    asked = Client().post(
        reverse("account:password_reset"), {"email": "nobody@example.org"}, follow=True
    )
    assert "If an account has that address" in asked.text
    assert mail.outbox == []


def test_staff_cannot_set_a_peers_password_in_the_admin(people: People) -> None:
    morgan = browser_for(people.morgan)
    url = reverse("admin:auth_user_password_change", args=[people.maria.pk])
    change_page = morgan.get(reverse("admin:people_user_change", args=[people.maria.pk])).text
    assert "password/" not in change_page
    attempt = morgan.post(
        url,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
        follow=True,
    )
    assert "Only the person sets their own password." in unescape(attempt.text)
    assert signs_in("maria", PASSWORD) and not signs_in("maria", NEW_PASSWORD)


def test_an_admin_makes_a_one_time_link_that_the_peer_uses_and_sees(people: People) -> None:
    morgan = browser_for(people.morgan)
    with new_entries() as entries:
        answer = morgan.post(
            reverse("admin:people_user_changelist"),
            {"action": "make_password_link", "_selected_action": [people.maria.pk]},
            follow=True,
        )
    link = LINK.search(unescape(answer.text))
    assert link is not None and "give it to them yourself" in unescape(answer.text)
    assert [(e.action, e.username, e.peer_id) for e in entries] == [
        ("reset_link", "morgan", people.maria.pk)
    ]
    maria = set_password_from(link.group(1))
    assert maria.post(reverse("login"), {"username": "maria", "password": NEW_PASSWORD}).url == "/"
    seen = maria.get(reverse("audit:seen")).text
    assert "Morgan made a one-time password link for your account" in seen


def test_a_new_account_from_the_admin_has_no_password_until_its_person_sets_one(
    people: People,
) -> None:
    morgan = browser_for(people.morgan)
    with new_entries() as entries:
        made = morgan.post(
            reverse("admin:people_user_add"),
            {
                "username": "casey",
                "role": Role.PEER,
                "preferred_name": "Casey",
                "email": "",
                "assignments-TOTAL_FORMS": "0",
                "assignments-INITIAL_FORMS": "0",
            },
            follow=True,
        )
    assert made.status_code == 200
    casey = User.objects.get(username="casey")
    assert not casey.has_usable_password()
    assert [(e.action, e.record_type, e.record_id) for e in entries] == [
        ("create", "account", casey.pk),
        ("reset_link", "account", casey.pk),
    ]
    link = LINK.search(unescape(made.text))
    assert link is not None
    set_password_from(link.group(1))
    assert signs_in("casey", NEW_PASSWORD)


def test_every_admin_change_to_an_account_is_audited(people: People) -> None:
    morgan = browser_for(people.morgan)
    url = reverse("admin:people_user_change", args=[people.maria.pk])
    with new_entries() as entries:
        morgan.post(
            url,
            {
                "username": "maria",
                "email": "someone-else@example.org",
                "role": Role.PEER,
                "preferred_name": "Maria",
                "is_active": "on",
                "date_joined_0": "2026-01-01",
                "date_joined_1": "00:00:00",
                "assignments-TOTAL_FORMS": "0",
                "assignments-INITIAL_FORMS": "0",
            },
        )
    assert User.objects.get(pk=people.maria.pk).email == "someone-else@example.org"
    changes = [(e.action, e.username, e.peer_id, e.detail) for e in entries]
    assert ("change", "morgan", people.maria.pk, "changed: email, date_joined") in changes


def test_the_password_link_command_prints_a_link_and_records_it(people: People) -> None:
    out = StringIO()
    with new_entries() as entries:
        call_command("password_link", "maria", stdout=out)
    link = LINK.search(out.getvalue())
    assert link is not None and out.getvalue().startswith("A one-time link for maria")
    assert [(e.action, e.peer_id, e.path) for e in entries] == [
        ("reset_link", people.maria.pk, "peergoals password-link")
    ]
    set_password_from(link.group(1))
    assert signs_in("maria", NEW_PASSWORD)


def test_a_peer_who_asked_to_be_deleted_is_told_why_they_cannot_sign_in(
    people: People,
) -> None:
    request_deletion(people.maria, by=people.maria)
    answer = Client().post(reverse("login"), {"username": "maria", "password": PASSWORD})
    assert answer.status_code == 200
    text = unescape(answer.text)
    assert "You asked for your data to be deleted, so this account is closed." in text
    assert "don't match" not in text
    wrong = Client().post(reverse("login"), {"username": "maria", "password": "not-hers-at-all"})
    assert "That username and password don't match." in unescape(wrong.text)
    assert "deleted" not in wrong.text


def test_the_password_page_is_linked_from_the_privacy_and_two_step_pages(
    as_maria: Client, as_sam: Client
) -> None:
    link = f'href="{reverse("account:password_change")}"'
    assert link in as_maria.get(reverse("privacy:sharing")).text
    assert link in as_sam.get(reverse("people:two_factor")).text
