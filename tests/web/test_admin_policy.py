"""The admin asks the access policy: peer records are read-only there, every look is audited,
and caseload changes go through the same actions as everywhere."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peergoals.goals.models import Goal
from peergoals.people.models import Assignment, Role
from peergoals.privacy.actions import request_deletion
from peergoals.privacy.models import Consent
from tests.audit_helpers import new_entries
from tests.personas import People, make_person
from tests.web.conftest import browser_for


@pytest.fixture
def as_morgan(people: People) -> Client:
    return browser_for(people.morgan)


def test_an_admin_reads_a_goal_without_a_way_to_change_it(
    as_morgan: Client, people: People, walk_goal: Goal
) -> None:
    url = reverse("admin:goals_goal_change", args=[walk_goal.pk])
    with new_entries() as entries:
        page = as_morgan.get(url)
    assert page.status_code == 200
    assert "I want to get healthier" in page.text
    assert 'name="_save"' not in page.text
    assert [(e.action, e.record_type, e.username) for e in entries] == [("view", "goal", "morgan")]
    assert as_morgan.post(url, {"smart_wording": "changed"}).status_code == 403
    assert as_morgan.get(reverse("admin:goals_goal_add")).status_code == 403
    delete = reverse("admin:goals_goal_delete", args=[walk_goal.pk])
    assert as_morgan.post(delete).status_code == 403
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording.startswith("I will walk")


def test_an_admin_list_records_one_read_per_listed_peer(
    as_morgan: Client, people: People, walk_goal: Goal
) -> None:
    with new_entries() as entries:
        page = as_morgan.get(reverse("admin:goals_goal_changelist"))
    assert "I want to get healthier" in page.text
    assert [(e.action, e.record_type, e.peer_id) for e in entries] == [
        ("view", "list", people.maria.pk)
    ]


def test_a_superuser_outside_the_policy_finds_peer_records_missing(
    people: People, walk_goal: Goal
) -> None:
    stray = make_person("stray", Role.PEER)
    stray.is_staff = stray.is_superuser = True
    stray.save()
    browser = browser_for(stray)
    page = browser.get(reverse("admin:goals_goal_changelist"))
    assert "I want to get healthier" not in page.text
    forbidden = browser.get(reverse("admin:goals_goal_change", args=[walk_goal.pk]))
    missing = browser.get(reverse("admin:goals_goal_change", args=[walk_goal.pk + 1000]))
    assert forbidden.status_code == missing.status_code == 302
    assert browser.get(reverse("admin:goals_goal_history", args=[walk_goal.pk])).status_code == 404


def test_an_admin_assigns_a_peer_through_the_caseload_action(
    as_morgan: Client, people: People
) -> None:
    today = timezone.localdate().isoformat()
    form = {"peer": people.maria.pk, "specialist": people.alex.pk, "started_on": today}
    with new_entries() as entries:
        page = as_morgan.post(reverse("admin:people_assignment_add"), form)
    assert page.status_code == 302
    current = Assignment.objects.current().get(peer=people.maria)
    assert current.specialist == people.alex
    assert [(e.action, e.record_type, e.username) for e in entries] == [
        ("change", "assignment", "morgan")
    ]


def test_an_admin_cannot_put_a_specialist_on_a_caseload_as_a_peer(
    as_morgan: Client, people: People
) -> None:
    today = timezone.localdate().isoformat()
    form = {"peer": people.alex.pk, "specialist": people.sam.pk, "started_on": today}
    page = as_morgan.post(reverse("admin:people_assignment_add"), form)
    assert page.status_code == 200
    assert "Choose a peer." in page.text


def test_an_admin_ends_an_assignment_through_the_caseload_action(
    as_morgan: Client, people: People
) -> None:
    assignment = Assignment.objects.current().get(peer=people.maria)
    today = timezone.localdate().isoformat()
    url = reverse("admin:people_assignment_change", args=[assignment.pk])
    with new_entries() as entries:
        page = as_morgan.post(url, {"ended_on": today})
    assert page.status_code == 302
    assert not Assignment.objects.current().filter(peer=people.maria).exists()
    assert [(e.action, e.record_type) for e in entries] == [("change", "assignment")]
    delete = reverse("admin:people_assignment_delete", args=[assignment.pk])
    assert as_morgan.post(delete).status_code == 403


def test_an_old_version_cannot_be_posted_back_from_the_admin(
    as_morgan: Client, people: People, walk_goal: Goal
) -> None:
    version = walk_goal.history.earliest("history_date").history_id
    url = reverse("admin:goals_goal_simple_history", args=[walk_goal.pk, version])
    assert as_morgan.get(url).status_code == 200
    form = {"smart_wording": "Reverted", "life_area": "physical", "review_every_days": 14}
    assert as_morgan.post(url, form).status_code == 403
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording.startswith("I will walk")


def date_filters() -> list[str]:
    """For every admin list with dates: its drill-down and a date filter, with impossible days."""
    urls = []
    for model, model_admin in admin.site._registry.items():
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        if model_admin.date_hierarchy:
            hierarchy = model_admin.date_hierarchy
            urls.append(f"{changelist}?{hierarchy}__year=99999999999999999")
            urls.append(f"{changelist}?{hierarchy}__year=9999")
            urls.append(
                f"{changelist}?{hierarchy}__year=2026&{hierarchy}__month=1&{hierarchy}__day=99"
            )
        for field in model._meta.get_fields():
            if isinstance(field, models.DateField):
                urls.append(f"{changelist}?{field.name}__gte=9999-12-31T23:59:59")
    return urls


def test_no_admin_date_filter_breaks_the_list(as_morgan: Client) -> None:
    urls = date_filters()
    assert any("checkin/?for_date__year=99999999999999999" in url for url in urls)
    for url in urls:
        page = as_morgan.get(url, follow=True)
        assert page.status_code == 200, url
        assert "is not a date this list can show" in page.text, url


def test_the_admin_hides_a_peer_who_asked_to_be_deleted(as_morgan: Client, people: People) -> None:
    request_deletion(people.maria, by=people.maria)
    lists = [
        reverse("admin:people_user_changelist"),
        reverse("admin:people_assignment_changelist"),
        reverse("admin:privacy_consent_changelist"),
        "/admin/autocomplete/?app_label=people&model_name=assignment&field_name=peer&term=mar",
    ]
    for url in lists:
        page = as_morgan.get(url)
        assert page.status_code == 200, url
        assert "maria" not in page.text.lower(), url
    # Only the list filtered to those who asked shows her, to complete or cancel the request.
    asked = as_morgan.get(
        reverse("admin:people_user_changelist") + "?deletion_requested_at__isempty=0"
    )
    assert "maria" in asked.text


def test_reading_a_consent_in_the_admin_is_audited(as_morgan: Client, people: People) -> None:
    consent = Consent.objects.get(peer=people.maria)
    with new_entries() as entries:
        page = as_morgan.get(reverse("admin:privacy_consent_change", args=[consent.pk]))
    assert page.status_code == 200
    assert [(e.action, e.username, e.peer_id, e.record_type, e.record_id) for e in entries] == [
        ("view", "morgan", people.maria.pk, "consent", consent.pk)
    ]
