"""Consent (42 CFR 2.31): its elements, when it is valid, and that staff access follows it."""

from __future__ import annotations

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from peergoals import access
from peergoals.access import Action
from peergoals.goals import actions as goal_actions
from peergoals.people.actions import assign_peer
from peergoals.privacy import actions
from peergoals.privacy.models import Consent, SignedConsentError
from tests.personas import People

STAFF = ("sam", "pat", "morgan")


def test_it_keeps_every_element_of_the_consent_as_signed(people: People, settings: object) -> None:
    settings.PEERGOALS_PROGRAM_NAME = "Eastside Recovery"  # type: ignore[attr-defined]
    ends = timezone.localdate() + datetime.timedelta(days=90)
    consent = actions.give_consent(
        people.riley, by=people.riley, signature="Riley R", expires_on=ends
    )
    assert consent.peer == people.riley
    assert consent.program_name == "Eastside Recovery"
    assert "goals and steps" in consent.information
    assert "check-ins and the notes" in consent.information
    assert "reviews" in consent.information
    assert "alcohol or drugs" in consent.information and consent.covers_substance_use
    assert "peer specialist at Eastside Recovery" in consent.shared_with
    assert "supervisor" in consent.shared_with and "program admins" in consent.shared_with
    assert consent.purpose
    assert "stop sharing at any time" in consent.revocation_statement
    assert "does not undo what was already shared" in consent.revocation_statement
    assert consent.expires_on == ends and consent.expiry_event == ""
    assert consent.signature == "Riley R" and consent.signed_at is not None
    assert consent.is_valid()


def test_it_opens_staff_access_only_while_the_consent_is_valid(people: People) -> None:
    assert all(access.may(getattr(people, who), Action.VIEW, people.maria) for who in STAFF)
    actions.revoke_consent(people.maria, by=people.maria)
    assert not any(access.may(getattr(people, who), Action.VIEW, people.maria) for who in STAFF)
    # The peer always reaches her own records.
    assert access.may(people.maria, Action.DELETE, people.maria)


def test_it_closes_access_the_day_after_the_end_date(people: People) -> None:
    today = timezone.localdate()
    actions.give_consent(people.maria, by=people.maria, signature="Maria", expires_on=today)
    assert access.may(people.sam, Action.VIEW, people.maria)
    consent = Consent.objects.valid().get(peer=people.maria)
    assert not consent.is_valid(today + datetime.timedelta(days=1))
    assert (
        not Consent.objects.valid(today + datetime.timedelta(days=1))
        .filter(peer=people.maria)
        .exists()
    )


def test_it_closes_access_when_the_end_event_is_recorded(people: People) -> None:
    consent = Consent.objects.valid().get(peer=people.maria)
    with pytest.raises(actions.NotAllowed):
        actions.record_expiry_event(consent, by=people.sam)
    actions.record_expiry_event(consent, by=people.morgan)
    assert not access.may(people.sam, Action.VIEW, people.maria)


def test_staff_cannot_act_on_the_records_of_a_peer_who_has_not_agreed(people: People) -> None:
    actions.revoke_consent(people.maria, by=people.maria)
    with pytest.raises(Http404):
        goal_actions.create_goal(
            people.maria, by=people.sam, own_words="Walk", life_area="physical"
        )


def test_a_new_consent_replaces_the_old_one_which_is_kept_unchanged(people: People) -> None:
    old = Consent.objects.get(peer=people.maria)
    new = actions.give_consent(people.maria, by=people.maria, signature="Maria G", until_event=True)
    old.refresh_from_db()
    assert old.replaced_at is not None and not old.is_valid()
    assert old.signature == "Maria"
    assert list(Consent.objects.valid().filter(peer=people.maria)) == [new]
    assert Consent.objects.filter(peer=people.maria).count() == 2


def test_a_signed_consent_is_never_edited(people: People) -> None:
    consent = Consent.objects.get(peer=people.maria)
    consent.purpose = "Anything at all"
    with pytest.raises(SignedConsentError):
        consent.save()
    with pytest.raises(SignedConsentError):
        consent.save(update_fields=["purpose"])


def test_only_the_peer_gives_or_stops_their_consent(people: People) -> None:
    with pytest.raises(actions.NotAllowed):
        actions.give_consent(people.riley, by=people.morgan, signature="Riley", until_event=True)
    with pytest.raises(actions.NotAllowed):
        actions.revoke_consent(people.maria, by=people.sam)
    assert access.may(people.sam, Action.VIEW, people.maria)


@pytest.mark.parametrize(
    ("signature", "days", "until_event"),
    [("  ", 30, False), ("Riley", -1, False), ("Riley", None, False), ("Riley", 30, True)],
)
def test_it_refuses_a_consent_with_a_missing_or_wrong_element(
    people: People, signature: str, days: int | None, until_event: bool
) -> None:
    ends = None if days is None else timezone.localdate() + datetime.timedelta(days=days)
    with pytest.raises(actions.NotAllowed):
        actions.give_consent(
            people.riley,
            by=people.riley,
            signature=signature,
            expires_on=ends,
            until_event=until_event,
        )
    assert not Consent.objects.filter(peer=people.riley).exists()


def test_a_peer_put_on_a_caseload_without_consent_is_a_name_only(people: People) -> None:
    assign_peer(people.riley, people.sam, by=people.morgan)
    for who in STAFF:
        staff = getattr(people, who)
        assert not access.may(staff, Action.VIEW, people.riley)
        assert access.peers_not_sharing(staff).filter(id=people.riley.pk).exists()
    assert not access.peers_not_sharing(people.alex).filter(id=people.riley.pk).exists()
    assert not access.peers_not_sharing(people.riley).exists()
    actions.give_consent(people.riley, by=people.riley, signature="Riley", until_event=True)
    assert access.may(people.sam, Action.CHANGE, people.riley)
    assert not access.peers_not_sharing(people.sam).filter(id=people.riley.pk).exists()
