"""The audit log as people meet it: pages that write entries, sign-ins, "who has seen my plan",
and the admins' download."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from peergoals.audit.models import AuditEntry
from peergoals.goals.models import Goal, Step
from peergoals.people.actions import assign_peer
from peergoals.people.models import Role
from tests.audit_helpers import new_entries
from tests.personas import PASSWORD, People, make_person, new_sharing_peers
from tests.web.conftest import browser_for


def test_it_records_one_read_when_the_specialist_opens_a_goal(
    as_sam: Client, people: People, walk_goal: Goal
) -> None:
    url = reverse("goals:detail", args=[walk_goal.pk])
    with new_entries() as entries:
        assert as_sam.get(url, REMOTE_ADDR="203.0.113.7").status_code == 200
    assert [(e.action, e.record_type, e.record_id, e.username, e.ip, e.path) for e in entries] == [
        ("view", "goal", walk_goal.pk, "sam", "203.0.113.7", url)
    ]


def test_it_records_one_read_of_the_whole_plan_on_the_peers_page(
    as_pat: Client, people: People, walk_step: Step
) -> None:
    with new_entries() as entries:
        assert as_pat.get(reverse("goals:peer", args=[people.maria.pk])).status_code == 200
    assert [(e.action, e.record_type, e.username) for e in entries] == [("view", "plan", "pat")]


def test_it_records_an_edit_form_as_a_read_and_the_save_as_one_change(
    as_sam: Client, people: People, walk_step: Step
) -> None:
    url = reverse("goals:edit_step", args=[walk_step.pk])
    with new_entries() as entries:
        assert as_sam.get(url).status_code == 200
    assert [e.action for e in entries] == ["view"]
    with new_entries() as entries:
        form = {
            "version": str(walk_step.version),
            "wording": "Walk 15 minutes",
            "target_kind": "once",
            "starts_on": walk_step.starts_on.isoformat(),
        }
        assert as_sam.post(url, form).status_code == 302
    assert [(e.action, e.record_type) for e in entries] == [("change", "step")]


def test_it_records_one_entry_for_a_check_in_by_the_specialist(
    as_sam: Client, people: People, walk_step: Step
) -> None:
    with new_entries() as entries:
        as_sam.post(
            reverse("goals:check_in", args=[walk_step.pk]), {f"step-{walk_step.pk}-outcome": "done"}
        )
    assert [(e.action, e.record_type, e.peer_id) for e in entries] == [
        ("create", "check-in", people.maria.pk)
    ]


def test_it_records_nothing_when_the_peer_uses_their_own_pages(
    as_maria: Client, walk_step: Step
) -> None:
    with new_entries() as entries:
        as_maria.get(reverse("goals:today"))
        as_maria.get(reverse("goals:detail", args=[walk_step.goal.pk]))
        as_maria.post(
            reverse("goals:check_in", args=[walk_step.pk]),
            {f"step-{walk_step.pk}-outcome": "done"},
        )
    assert entries == []


def test_it_records_a_denial_when_another_specialist_tries_a_goal(
    as_alex: Client, people: People, walk_goal: Goal
) -> None:
    with new_entries() as entries:
        assert as_alex.get(reverse("goals:detail", args=[walk_goal.pk])).status_code == 404
    assert [(e.action, e.username, e.peer_id) for e in entries] == [
        ("denied", "alex", people.maria.pk)
    ]


def test_it_records_a_role_redirect_as_no_denial(as_sam: Client) -> None:
    with new_entries() as entries:
        assert as_sam.get(reverse("goals:today")).status_code == 302
    assert entries == []


def test_the_caseload_records_one_read_per_listed_peer_in_one_insert(
    as_sam: Client, people: People
) -> None:
    extra = new_sharing_peers(3, people.sam, by=people.morgan)
    # Listed by name only, with no records shown: not a read of her records.
    not_sharing = make_person("casey", Role.PEER)
    assign_peer(not_sharing, people.sam, by=people.morgan)
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with new_entries() as entries, CaptureQueriesContext(connection) as queries:
        page = as_sam.get(reverse("people:caseload"))
    assert page.status_code == 200
    assert not_sharing.display_name in page.text
    listed = {people.maria.pk, *(peer.pk for peer in extra)}
    assert sorted(e.peer_id for e in entries) == sorted(listed)
    assert {(e.action, e.record_type, e.username) for e in entries} == {("view", "caseload", "sam")}
    # One statement for the whole list, sent once with a row per peer (Django logs it as
    # "4 times: INSERT ..."): a long caseload costs no more statements than a short one.
    inserts = [q["sql"] for q in queries if f"INSERT INTO {table}" in q["sql"]]
    assert inserts == [f"{len(listed)} times: {inserts[0].split(': ', 1)[1]}"]


def test_a_supervisor_looking_at_a_caseload_is_recorded_per_peer(
    as_pat: Client, people: People
) -> None:
    with new_entries() as entries:
        assert as_pat.get(reverse("people:specialist", args=[people.sam.pk])).status_code == 200
    assert [(e.action, e.username, e.peer_id) for e in entries] == [
        ("view", "pat", people.maria.pk)
    ]


# Sign-ins ------------------------------------------------------------------------------------


def test_it_records_one_entry_for_a_sign_in(people: People) -> None:
    with new_entries() as entries:
        page = Client().post(reverse("login"), {"username": "maria", "password": PASSWORD})
    assert page.status_code == 302
    assert [(e.action, e.username, e.ip, e.path) for e in entries] == [
        ("login", "maria", "127.0.0.1", reverse("login"))
    ]


def test_it_records_one_entry_for_a_failed_sign_in_with_the_name_typed(people: People) -> None:
    with new_entries() as entries:
        page = Client().post(reverse("login"), {"username": "maria", "password": "wrong"})
    assert page.status_code == 200
    assert [(e.action, e.username, e.user_id) for e in entries] == [("login_failed", "maria", None)]


def test_it_records_one_entry_for_a_sign_out(as_maria: Client) -> None:
    with new_entries() as entries:
        as_maria.post(reverse("logout"))
    assert [(e.action, e.username) for e in entries] == [("logout", "maria")]


def test_it_ignores_a_forwarded_address_unless_a_proxy_header_is_trusted(
    people: People, settings: object
) -> None:
    form = {"username": "maria", "password": PASSWORD}
    with new_entries() as entries:
        Client().post(
            reverse("login"), form, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6"
        )
    assert [e.ip for e in entries] == ["10.0.0.2"]
    settings.TRUSTED_PROXY_COUNT = 1  # type: ignore[attr-defined]
    with new_entries() as entries:
        Client().post(
            reverse("login"),
            form,
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4",
        )
    assert [e.ip for e in entries] == ["198.51.100.4"]


# Who has seen my plan ------------------------------------------------------------------------


def test_the_peer_sees_who_looked_at_their_plan_newest_first(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    browser_for(people.pat).get(reverse("goals:peer", args=[people.maria.pk]))
    browser_for(people.sam).get(reverse("goals:detail", args=[walk_goal.pk]))
    browser_for(people.jordan).get(reverse("goals:detail", args=[walk_goal.pk]))
    page = as_maria.get(reverse("audit:seen"))
    assert page.status_code == 200
    text = page.text
    assert "Sam looked at a goal" in text
    assert "Peer specialist" in text
    assert "Pat looked at your goals and steps" in text
    assert text.index("Sam looked at") < text.index("Pat looked at")
    # Jordan typed a link of Maria's: she is told, but not who (tested below).
    assert "Someone tried a link that isn't theirs" in text
    # Her own sign-in and her specialist's assignment history are not "seen by others" lines.
    assert "signed in" not in text


def test_another_peers_refused_link_is_shown_without_their_name_but_kept_for_admins(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    as_jordan = browser_for(people.jordan)
    with new_entries() as entries:
        assert as_jordan.get(reverse("goals:detail", args=[walk_goal.pk])).status_code == 404
    page = as_maria.get(reverse("audit:seen")).text
    assert "Someone tried a link that isn't theirs. They saw nothing of yours." in page
    assert "Jordan" not in page and "Peer ·" not in page
    # The log keeps who it was for the program's admins.
    assert [(e.action, e.username, e.name, e.role) for e in entries] == [
        ("denied", "jordan", "Jordan", "peer")
    ]


def test_the_peer_sees_only_their_own_plans_entries(
    as_jordan: Client, people: People, walk_goal: Goal
) -> None:
    browser_for(people.sam).get(reverse("goals:detail", args=[walk_goal.pk]))
    page = as_jordan.get(reverse("audit:seen"))
    assert "Sam" not in page.text
    # Morgan put Jordan on Alex's caseload in the `people` fixture.
    assert "Morgan changed who your peer specialist is" in page.text


def test_a_peer_nobody_looked_at_is_told_so(people: People) -> None:
    page = browser_for(people.riley).get(reverse("audit:seen"))
    assert "Nobody else has looked at your plan yet." in page.text


def test_the_seen_page_comes_in_pages(as_maria: Client, people: People, walk_goal: Goal) -> None:
    sam = browser_for(people.sam)
    for _ in range(26):
        sam.get(reverse("goals:detail", args=[walk_goal.pk]))
    first = as_maria.get(reverse("audit:seen"))
    assert first.text.count("Sam looked at a goal") == 25
    assert "Page 1 of 2" in first.text
    second = as_maria.get(reverse("audit:seen"), {"page": "2"})
    assert second.text.count("Sam looked at a goal") == 1
    assert as_maria.get(reverse("audit:seen"), {"page": "zzz"}).status_code == 200


def test_the_seen_page_is_for_peers(as_sam: Client) -> None:
    assert as_sam.get(reverse("audit:seen")).url == reverse("home")


# The admins' download ------------------------------------------------------------------------


@pytest.fixture
def as_morgan(people: People) -> Client:
    return browser_for(people.morgan)


def test_an_admin_downloads_the_audit_log_and_the_download_is_recorded(
    as_morgan: Client, people: People, walk_goal: Goal
) -> None:
    browser_for(people.sam).get(reverse("goals:detail", args=[walk_goal.pk]))
    assert as_morgan.get(reverse("audit:export")).status_code == 200
    with new_entries() as entries:
        page = as_morgan.get(
            reverse("audit:export"), {"since": "2020-01-01", "until": "2099-01-01"}
        )
        body = b"".join(page.streaming_content).decode()  # type: ignore[attr-defined]
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/csv")
    assert "attachment" in page["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body)))
    assert any(r["username"] == "sam" and r["record_type"] == "goal" for r in rows)
    assert rows[-1]["action"] == "export" and rows[-1]["username"] == "morgan"
    assert [(e.action, e.record_type, e.username) for e in entries] == [
        ("export", "audit-log", "morgan")
    ]


def test_the_download_says_what_is_wrong_with_the_dates(as_morgan: Client) -> None:
    with new_entries() as entries:
        page = as_morgan.get(
            reverse("audit:export"), {"since": "2026-02-01", "until": "2026-01-01"}
        )
    assert page.status_code == 400
    assert "The last day must be on or after the first day." in page.text
    assert 'value="2026-02-01"' in page.text
    assert entries == []


@pytest.mark.parametrize(
    ("since", "until", "field"),
    [("2026-01-01", "9999-12-31", "until"), ("0001-01-01", "2026-01-01", "since")],
)
def test_the_download_refuses_days_out_of_range_beside_the_field(
    as_morgan: Client, since: str, until: str, field: str
) -> None:
    with new_entries() as entries:
        page = as_morgan.get(reverse("audit:export"), {"since": since, "until": until})
    assert page.status_code == 400
    assert "Choose a day from 2000-01-01 to 2999-12-31." in page.text
    assert entries == []


@pytest.mark.parametrize("persona", ["maria", "sam", "pat"])
def test_only_program_admins_can_download_the_audit_log(people: People, persona: str) -> None:
    browser = browser_for(getattr(people, persona))
    page = browser.get(reverse("audit:export"), {"since": "2020-01-01", "until": "2099-01-01"})
    assert page.status_code == 404


def test_audit_entries_are_read_only_in_the_admin(as_morgan: Client, people: People) -> None:
    entry = AuditEntry.objects.latest("id")
    assert as_morgan.get(reverse("admin:audit_auditentry_changelist")).status_code == 200
    change = as_morgan.get(reverse("admin:audit_auditentry_change", args=[entry.pk]))
    assert change.status_code == 200
    assert 'name="_save"' not in change.text
    assert as_morgan.get(reverse("admin:audit_auditentry_add")).status_code == 403
    assert (
        as_morgan.post(reverse("admin:audit_auditentry_delete", args=[entry.pk])).status_code == 403
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_a_refusal_is_written_after_its_response_is_sent(people: People, walk_goal: Goal) -> None:
    """Forbidden and missing must take the same time to answer: the refusal's entry waits until
    the server has sent the 404 and closes the response."""
    as_jordan = browser_for(people.jordan)
    cookie = f"sessionid={as_jordan.cookies['sessionid'].value}"
    environ = RequestFactory()._base_environ(
        PATH_INFO=reverse("goals:detail", args=[walk_goal.pk]), HTTP_COOKIE=cookie
    )
    # As the test client does: a request's start and end must not close the test's database
    # connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with new_entries() as entries:
            response = WSGIHandler()(environ, lambda status, headers: None)
            assert response.status_code == 404
            assert not AuditEntry.objects.filter(action="denied").exists()
            response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert [(e.action, e.username, e.record_id) for e in entries] == [
        ("denied", "jordan", walk_goal.pk)
    ]
