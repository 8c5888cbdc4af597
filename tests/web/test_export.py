"""Downloads: the peer's copy of all their data, and the staff download refused without consent."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from peergoals.privacy import actions as privacy
from peergoals.privacy.models import Consent
from tests.audit_helpers import new_entries
from tests.personas import People
from tests.web.conftest import browser_for


@pytest.fixture
def marias_plan(people: People, walk_goal: Goal, walk_step: Step) -> Goal:
    """Maria's goal with a wording Sam suggested and she took on, a check-in with a note she
    shared, a review and a win."""
    suggestion = actions.suggest_change(
        walk_goal, by=people.sam, version=walk_goal.version, smart_wording="Walk 15 minutes daily"
    )
    actions.accept_change(suggestion, by=people.maria)
    actions.record_check_in(
        walk_step, by=people.maria, outcome="done", note="Felt lighter", share_note=True
    )
    actions.hold_review(walk_goal, by=people.maria, decision="keep", whats_working="Mornings")
    return walk_goal


def test_a_peer_downloads_all_their_data_as_json(as_maria: Client, marias_plan: Goal) -> None:
    answer = as_maria.get(reverse("privacy:download_my_data"))
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/json")
    assert "attachment" in answer["Content-Disposition"]
    data = json.loads(answer.content)
    assert data["profile"]["username"] == "maria"
    assert data["profile"]["assignments"][0]["specialist_name"] == "Sam"
    [goal] = data["goals"]
    assert goal["own_words"] == "I want to get healthier"
    assert goal["smart_wording"] == "Walk 15 minutes daily"
    assert [step["wording"] for step in data["steps"]] == ["Walk 10 minutes after breakfast"]
    assert [c["note"] for c in data["check_ins"]] == ["Felt lighter"]
    assert [r["whats_working"] for r in data["reviews"]] == ["Mornings"]
    assert {win["kind"] for win in data["wins"]} >= {"first_check_in", "review_held"}
    assert [c["signature"] for c in data["consents"]] == ["Maria"]
    wordings = [version["smart_wording"] for version in data["history"]["goals"]]
    assert wordings[0] == "I will walk for 10 minutes every morning this week"
    assert "Walk 15 minutes daily" in wordings
    assert data["history"]["goals"][-1]["changed_by"] == "maria"
    assert data["history"]["steps"][0]["wording"] == "Walk 10 minutes after breakfast"


def test_the_download_holds_nothing_of_anyone_else(
    as_maria: Client, people: People, marias_plan: Goal
) -> None:
    actions.create_goal(people.jordan, by=people.jordan, own_words="Jordan's", life_area="social")
    data = json.loads(as_maria.get(reverse("privacy:download_my_data")).content)
    assert "Jordan's" not in json.dumps(data)


def test_the_operator_command_writes_the_same_copy(people: People, marias_plan: Goal) -> None:
    out = StringIO()
    call_command("export_my_data", "maria", stdout=out)
    data = json.loads(out.getvalue())
    assert data["goals"][0]["own_words"] == "I want to get healthier"
    assert data["check_ins"][0]["note"] == "Felt lighter"


def test_the_specialist_downloads_the_plan_under_a_valid_consent(
    as_sam: Client, people: People, marias_plan: Goal
) -> None:
    page = as_sam.get(reverse("goals:peer", args=[people.maria.pk])).text
    assert reverse("privacy:peer_download", args=[people.maria.pk]) in page
    answer = as_sam.get(reverse("privacy:peer_download", args=[people.maria.pk]))
    assert answer.status_code == 200
    data = json.loads(answer.content)
    assert "42 CFR part 2" in data["notice"]
    assert data["check_ins"][0]["note"] == "Felt lighter"
    assert "consents" not in data and "profile" not in data


def test_the_download_is_refused_with_a_clear_message_without_consent(
    as_sam: Client, people: People, marias_plan: Goal
) -> None:
    privacy.revoke_consent(people.maria, by=people.maria)
    answer = as_sam.get(reverse("privacy:peer_download", args=[people.maria.pk]))
    assert answer.status_code == 403
    assert "Maria hasn&#x27;t agreed to share their records" in answer.text
    assert "Felt lighter" not in answer.text


def test_the_download_is_refused_when_the_consent_leaves_out_substance_use(
    people: People, marias_plan: Goal
) -> None:
    privacy.revoke_consent(people.maria, by=people.maria)
    consent = Consent.objects.filter(peer=people.maria).first()
    assert consent is not None
    Consent.objects.create(
        peer=people.maria,
        program_name=consent.program_name,
        information="Goals and steps only",
        covers_substance_use=False,
        shared_with=consent.shared_with,
        purpose=consent.purpose,
        revocation_statement=consent.revocation_statement,
        expiry_event=consent.expiry_event,
        signature="Maria",
        signed_at=consent.signed_at,
    )
    answer = browser_for(people.sam).get(reverse("privacy:peer_download", args=[people.maria.pk]))
    assert answer.status_code == 403
    assert "doesn&#x27;t cover records about alcohol or drug use" in answer.text


def test_anyone_unrelated_gets_not_found(people: People, marias_plan: Goal) -> None:
    url = reverse("privacy:peer_download", args=[people.maria.pk])
    for person in (people.alex, people.quinn, people.jordan, people.maria):
        assert browser_for(person).get(url).status_code == 404, person


def test_the_export_command_refuses_without_consent(people: People, marias_plan: Goal) -> None:
    out = StringIO()
    call_command("export_peer", "maria", "--by", "sam", stdout=out)
    assert json.loads(out.getvalue())["goals"][0]["own_words"] == "I want to get healthier"
    privacy.revoke_consent(people.maria, by=people.maria)
    with pytest.raises(CommandError, match="Maria hasn't agreed to share their records"):
        call_command("export_peer", "maria", "--by", "sam", stdout=StringIO())
    with pytest.raises(CommandError, match="can't reach a peer called maria"):
        call_command("export_peer", "maria", "--by", "alex", stdout=StringIO())


def test_every_download_and_every_refused_one_is_one_audit_entry(
    people: People, marias_plan: Goal
) -> None:
    url = reverse("privacy:peer_download", args=[people.maria.pk])
    sam, alex = browser_for(people.sam), browser_for(people.alex)
    with new_entries() as entries:
        assert sam.get(url).status_code == 200
    assert [(e.action, e.username, e.peer_id) for e in entries] == [
        ("export", "sam", people.maria.pk)
    ]
    with new_entries() as entries:
        assert alex.get(url).status_code == 404
    assert [(e.action, e.username) for e in entries] == [("denied", "alex")]
    privacy.revoke_consent(people.maria, by=people.maria)
    with new_entries() as entries:
        assert sam.get(url).status_code == 403
    assert [(e.action, e.username) for e in entries] == [("denied", "sam")]
    with new_entries() as entries:
        browser_for(people.maria).get(reverse("privacy:download_my_data"))
    assert [(e.action, e.username) for e in entries if e.action != "login"] == [("export", "maria")]


def test_maria_sees_that_sam_downloaded_her_plan(people: People, marias_plan: Goal) -> None:
    browser_for(people.sam).get(reverse("privacy:peer_download", args=[people.maria.pk]))
    seen = browser_for(people.maria).get(reverse("audit:seen")).text
    assert "Sam" in seen
    assert "exported" in seen


def test_the_download_keeps_the_answers_given_while_exploring(
    as_maria: Client, people: People
) -> None:
    for name, words in [("start", "Go hiking"), ("picture", "Outside every weekend")]:
        as_maria.post(reverse("goals:explore_screen", args=[name]), {"answer": words})
    as_maria.post(reverse("goals:explore_screen", args=["goal"]), {"answer": "Walk my dog daily"})
    as_maria.post(reverse("goals:explore_screen", args=["area"]), {"life_area": "physical"})
    as_maria.post(reverse("goals:explore_screen", args=["ready"]), {})
    answer = as_maria.get(reverse("privacy:download_my_data"))
    data = json.loads(b"".join(answer.streaming_content) if answer.streaming else answer.content)
    answers = [item["answer"] for item in data["goals"][0]["exploration"]]
    assert answers == ["Go hiking", "Outside every weekend"]
