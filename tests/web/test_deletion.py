"""A peer asks for their data to be deleted; an admin completes it after the retention window,
or cancels it when the peer changes their mind."""

from __future__ import annotations

import datetime
from html import unescape
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peergoals import access
from peergoals.db import AppendOnlyError
from peergoals.goals import actions
from peergoals.goals.models import CheckIn, Goal, Review, Step, Win
from peergoals.people.models import Assignment, User
from peergoals.privacy.models import Consent
from tests.audit_helpers import new_entries
from tests.personas import PASSWORD, People
from tests.web.conftest import browser_for


@pytest.fixture
def marias_plan(people: People, walk_goal: Goal, walk_step: Step) -> Goal:
    actions.record_check_in(walk_step, by=people.maria, outcome="done", note="Felt lighter")
    actions.hold_review(walk_goal, by=people.sam, decision="keep", whats_working="Mornings")
    return walk_goal


def ask_to_delete(client: Client) -> None:
    answer = client.post(reverse("privacy:delete"))
    assert answer.status_code == 302 and answer.url == reverse("privacy:deleted")


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def test_the_page_explains_what_deleting_means_before_asking(as_maria: Client) -> None:
    page = unescape(as_maria.get(reverse("privacy:delete")).text)
    assert "You are signed out, and you can't sign in again." in page
    assert "After 30 days, a program admin removes all of it for good." in page
    assert "Yes, delete my data" in page
    assert User.objects.get(username="maria").deletion_requested_at is None


def test_asking_signs_the_peer_out_everywhere_and_blocks_sign_in(people: People) -> None:
    phone, laptop = browser_for(people.maria), browser_for(people.maria)
    ask_to_delete(phone)
    assert "Your data will be deleted" in phone.get(reverse("privacy:deleted")).text
    for browser in (phone, laptop):
        assert browser.get(reverse("goals:today")).url.startswith(reverse("login"))
    sign_in = Client().post(reverse("login"), {"username": "maria", "password": PASSWORD})
    assert sign_in.status_code == 200  # the form again, not a redirect into the app
    assert "_auth_user_id" not in sign_in.client.session


def test_the_peer_disappears_from_every_staff_page_at_once(
    people: People, marias_plan: Goal
) -> None:
    as_sam, as_pat, as_morgan = (browser_for(p) for p in (people.sam, people.pat, people.morgan))
    assert "Maria" in as_sam.get(reverse("people:caseload")).text
    ask_to_delete(browser_for(people.maria))

    caseload = as_sam.get(reverse("people:caseload")).text
    assert "Maria" not in caseload
    assert "Maria" not in as_pat.get(reverse("people:specialist", args=[people.sam.pk])).text
    team = as_pat.get(reverse("people:team"))
    sam = next(s for s in team.context["specialists"] if s.display_name == "Sam")
    assert (sam.caseload_size, sam.reviews_overdue, sam.recent_wins) == (0, 0, 0)
    for browser in (as_sam, as_pat, as_morgan):
        assert browser.get(reverse("goals:peer", args=[people.maria.pk])).status_code == 404
        assert browser.get(reverse("goals:detail", args=[marias_plan.pk])).status_code == 404
    assert not access.peers_for(people.morgan).filter(id=people.maria.pk).exists()
    assert not access.peers_not_sharing(people.sam).filter(id=people.maria.pk).exists()


def test_the_command_completes_only_requests_past_the_window(
    people: People, marias_plan: Goal
) -> None:
    ask_to_delete(browser_for(people.maria))
    out = StringIO()
    call_command("complete_deletions", stdout=out)
    assert "Deleted 0 peer(s)." in out.getvalue()
    assert Goal.objects.filter(peer=people.maria).exists()

    User.objects.filter(id=people.maria.pk).update(deletion_requested_at=days_ago(31))
    dry = StringIO()
    call_command("complete_deletions", "--dry-run", stdout=dry)
    assert "Would delete maria" in dry.getvalue()
    assert Goal.objects.filter(peer=people.maria).exists()

    call_command("complete_deletions", stdout=out)
    assert "Deleted maria" in out.getvalue()


def test_purging_removes_every_record_of_the_peer_and_nobody_elses(
    people: People, marias_plan: Goal
) -> None:
    maria_id, goal_id = people.maria.pk, marias_plan.pk
    jordans = actions.create_goal(
        people.jordan, by=people.jordan, own_words="Mine", life_area="social"
    )
    ask_to_delete(browser_for(people.maria))
    User.objects.filter(id=maria_id).update(deletion_requested_at=days_ago(30))
    call_command("complete_deletions", stdout=StringIO())

    assert not User.objects.filter(id=maria_id).exists()
    assert not Goal.objects.filter(peer_id=maria_id).exists()
    assert not Step.objects.filter(goal_id=goal_id).exists()
    assert not CheckIn.objects.filter(peer_id=maria_id).exists()
    assert not Review.objects.filter(goal_id=goal_id).exists()
    assert not Win.objects.filter(peer_id=maria_id).exists()
    assert not Goal.history.filter(peer_id=maria_id).exists()
    assert not Step.history.filter(goal_id=goal_id).exists()
    assert not Consent.objects.filter(peer_id=maria_id).exists()
    assert not Assignment.objects.filter(peer_id=maria_id).exists()
    # Everyone else is untouched, and check-ins stay append-only for every other path.
    assert Goal.objects.filter(id=jordans.pk).exists()
    assert Consent.objects.filter(peer=people.jordan).exists()
    with pytest.raises(AppendOnlyError):
        CheckIn.objects.all().delete()


def test_an_admin_completes_a_deletion_from_the_admin_site(
    people: People, marias_plan: Goal
) -> None:
    as_morgan = browser_for(people.morgan)
    ask_to_delete(browser_for(people.maria))
    # Peers who asked are listed only under the filter "asked to be deleted".
    changelist = reverse("admin:people_user_changelist") + "?deletion_requested_at__isempty=0"
    form = {"action": "complete_deletion", "_selected_action": [people.maria.pk]}

    early = as_morgan.post(changelist, form, follow=True)
    assert "can&#x27;t be deleted yet" in early.text
    assert User.objects.filter(id=people.maria.pk).exists()

    User.objects.filter(id=people.maria.pk).update(deletion_requested_at=days_ago(31))
    done = as_morgan.post(changelist, form, follow=True)
    assert "Deleted 1 peers for good." in done.text
    assert not User.objects.filter(id=people.maria.pk).exists()
    assert not CheckIn.objects.filter(peer_id=people.maria.pk).exists()


def test_a_peer_who_has_not_asked_cannot_be_purged(people: People) -> None:
    from peergoals.privacy.actions import NotAllowed, complete_deletion

    with pytest.raises(NotAllowed):
        complete_deletion(people.riley, by=people.morgan)
    with pytest.raises(NotAllowed):
        complete_deletion(people.riley, by=people.sam)
    assert User.objects.filter(id=people.riley.pk).exists()


def test_a_program_admin_cancels_a_request_when_the_peer_changes_their_mind(
    people: People, marias_plan: Goal
) -> None:
    as_morgan = browser_for(people.morgan)
    ask_to_delete(browser_for(people.maria))
    # Peers who asked are listed only under the filter "asked to be deleted".
    changelist = reverse("admin:people_user_changelist") + "?deletion_requested_at__isempty=0"
    form = {"action": "cancel_deletion", "_selected_action": [people.maria.pk]}
    with new_entries() as entries:
        done = as_morgan.post(changelist, form, follow=True)
    assert "1 peers can sign in again; nothing was deleted." in done.text
    assert [(e.action, e.peer_id, e.username) for e in entries] == [
        ("change", people.maria.pk, "morgan")
    ]
    # Maria signs in and finds her plan as it was; Sam sees her on his caseload again.
    assert Client().post(reverse("login"), {"username": "maria", "password": PASSWORD}).url == "/"
    assert "I want to get healthier" in browser_for(people.maria).get(reverse("goals:today")).text
    assert "Maria" in browser_for(people.sam).get(reverse("people:caseload")).text
    # Nothing is left for the purge, however much later it runs.
    with mock.patch("django.utils.timezone.now", return_value=days_ago(-40)):
        call_command("complete_deletions", stdout=StringIO())
    assert Goal.objects.filter(peer=people.maria).exists()


def test_the_operator_cancels_a_request_with_the_command(people: People) -> None:
    ask_to_delete(browser_for(people.maria))
    out = StringIO()
    call_command("cancel_deletion", "maria", stdout=out)
    assert "maria can sign in again. Nothing of theirs was deleted." in out.getvalue()
    assert User.objects.get(id=people.maria.pk).is_active
    with pytest.raises(CommandError, match="hasn't asked for their data to be deleted"):
        call_command("cancel_deletion", "maria")
    with pytest.raises(CommandError, match="Nobody has the username 'nobody'"):
        call_command("cancel_deletion", "nobody")


def test_only_a_program_admin_cancels_a_request(people: People) -> None:
    from peergoals.privacy.actions import NotAllowed, cancel_deletion

    ask_to_delete(browser_for(people.maria))
    for someone in (people.sam, people.pat, people.jordan):
        with pytest.raises(NotAllowed):
            cancel_deletion(User.objects.get(id=people.maria.pk), by=someone)
    assert not User.objects.get(id=people.maria.pk).is_active


def test_completing_a_deletion_is_in_the_audit_log(people: People, marias_plan: Goal) -> None:
    ask_to_delete(browser_for(people.maria))
    User.objects.filter(id=people.maria.pk).update(deletion_requested_at=days_ago(31))
    with new_entries() as entries:
        call_command("complete_deletions", stdout=StringIO())
    assert [(e.action, e.peer_id, e.detail) for e in entries] == [
        ("delete", people.maria.pk, "all records, as the peer asked")
    ]
