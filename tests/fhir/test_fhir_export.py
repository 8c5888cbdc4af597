"""A peer's plan as a FHIR R4 Bundle: valid, in the peer's words, with the codes R4 allows."""

from __future__ import annotations

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from peergoals.audit.models import AuditAction
from peergoals.fhir import codes
from peergoals.fhir.export import InvalidResource, check
from peergoals.goals.models import Goal
from peergoals.privacy.models import Consent
from tests.audit_helpers import new_entries
from tests.personas import People
from tests.web.conftest import browser_for


def everything(peer_id: int) -> str:
    return f"/api/v1/fhir/Patient/{peer_id}/$everything"


def by_type(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_peer_exports_their_plan(as_maria: Client, people: People, marias_plan: Goal) -> None:
    answer = as_maria.get(everything(people.maria.pk))
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/fhir+json"
    bundle = json.loads(answer.content)
    check(bundle)
    [patient] = by_type(bundle, "Patient")
    assert patient["identifier"] == [{"system": codes.PEER_SYSTEM, "value": str(people.maria.pk)}]
    walk, suggested = by_type(bundle, "Goal")
    assert walk["description"]["text"] == "I want to get healthier"
    assert {"url": codes.SMART_WORDING, "valueString": marias_plan.smart_wording} in walk[
        "extension"
    ]
    assert walk["expressedBy"] == {"reference": f"Patient/{patient['id']}"}
    assert walk["lifecycleStatus"] == "active"
    assert walk["achievementStatus"]["coding"][0]["code"] == "in-progress"
    assert walk["category"][0]["coding"][0] == {
        "system": codes.LIFE_AREA_SYSTEM,
        "code": "physical",
        "display": "Body and health",
    }
    levels = [e for e in walk["extension"] if e["url"] == codes.GAS_LEVEL]
    assert [lv["extension"][0]["valueInteger"] for lv in levels] == [-1, 0, 1]
    assert walk["target"] == [
        {"measure": {"text": "Walk 10 minutes after breakfast"}, "detailQuantity": {"value": 1}},
        {
            "measure": {"text": "Walk 60 minutes at the weekend"},
            "detailQuantity": {"value": 60, "unit": "minutes"},
        },
    ]
    # Sam's suggestion is not Maria's goal: no expressedBy, and it waits for her answer.
    assert "expressedBy" not in suggested and "achievementStatus" not in suggested
    acceptance = [e for e in suggested["extension"] if e["url"] == codes.GOAL_ACCEPTANCE]
    assert acceptance[0]["extension"][1] == {"url": "status", "valueCode": "pending"}
    [plan] = by_type(bundle, "CarePlan")
    daily, weekly = plan["activity"]
    assert daily["detail"]["scheduledTiming"]["repeat"] | {"boundsPeriod": None} == {
        "boundsPeriod": None,
        "frequency": 1,
        "period": 1,
        "periodUnit": "d",
    }
    assert weekly["detail"]["quantity"] == {"value": 60, "unit": "minutes"}
    assert weekly["detail"]["scheduledTiming"]["repeat"]["periodUnit"] == "wk"
    readings = {
        o["code"]["coding"][0]["code"]: o["valueInteger"] for o in by_type(bundle, "Observation")
    }
    # LOINC 112296-9 baseline, 107334-5 the patient's follow-up score (PCO IG value set).
    assert readings == {"importance": 8, "confidence": 6, "112296-9": -1, "107334-5": 1}


def test_staff_export_is_audited_and_carries_the_part_2_notice(
    as_sam: Client, people: People, marias_plan: Goal
) -> None:
    with new_entries() as written:
        answer = as_sam.get(everything(people.maria.pk))
    assert answer.status_code == 200
    bundle = json.loads(answer.content)
    assert bundle["meta"]["security"][0]["code"] == "42CFRPart2"
    assert "42 CFR part 2" in bundle["meta"]["extension"][0]["valueString"]
    exports = [e for e in written if e.action == AuditAction.EXPORT]
    assert [(e.peer_id, e.detail) for e in exports] == [(people.maria.pk, "plan as FHIR Bundle")]


def test_staff_export_is_refused_without_a_consent_covering_substance_use(
    as_sam: Client, people: People, marias_plan: Goal
) -> None:
    Consent.objects.filter(peer=people.maria).update(covers_substance_use=False)
    with new_entries() as written:
        answer = as_sam.get(everything(people.maria.pk))
    assert answer.status_code == 403
    assert (
        "doesn't cover records about alcohol or drug use"
        in answer.json()["issue"][0]["diagnostics"]
    )
    assert [e.action for e in written] == [AuditAction.DENIED]


def test_another_peer_and_other_staff_get_404(people: People, marias_plan: Goal) -> None:
    for person in (people.jordan, people.alex, people.quinn):
        assert browser_for(person).get(everything(people.maria.pk)).status_code == 404


def test_a_code_outside_its_list_is_refused(people: People) -> None:
    goal = {
        "resourceType": "Goal",
        "id": "x",
        "lifecycleStatus": "done",
        "description": {"text": "Walk"},
        "subject": {"reference": "Patient/1"},
    }
    with pytest.raises(InvalidResource, match="lifecycleStatus 'done'"):
        check(goal)
    goal["lifecycleStatus"] = "active"
    goal["achievementStatus"] = {"coding": [{"system": codes.ACHIEVEMENT_SYSTEM, "code": "won"}]}
    with pytest.raises(InvalidResource, match="achievementStatus 'won'"):
        check(goal)
    plan = {
        "resourceType": "CarePlan",
        "status": "going",
        "intent": "plan",
        "subject": {"reference": "Patient/1"},
    }
    with pytest.raises(InvalidResource, match="status 'going'"):
        check(plan)


def test_every_status_exports_valid_codes(people: People, marias_plan: Goal) -> None:
    from peergoals.fhir.export import bundle, plan_of
    from peergoals.goals.models import Status

    for status in Status:
        if status != Status.WITHDRAWN:
            Goal.objects.filter(pk=marias_plan.pk).update(status=status)
            check(bundle(people.maria, plan_of(people.maria)))


def test_a_count_typed_with_a_fraction_exports_as_whole_times(
    people: People, marias_plan: Goal
) -> None:
    from peergoals.fhir.export import bundle, plan_of
    from peergoals.goals import actions

    # The step form takes "0.5 times a day" or "2.5 times" as typed; FHIR's Timing counts in
    # whole times, at least one.
    for quantity, per in (("0.5", "day"), ("2.5", "")):
        actions.add_step(
            marias_plan,
            by=people.maria,
            wording=f"Stretch {quantity} {per}",
            target_kind="count",
            target_quantity=Decimal(quantity),
            target_per=per,
        )
    exported = bundle(people.maria, plan_of(people.maria))
    check(exported)
    timings = {
        activity["detail"]["description"]: activity["detail"]["scheduledTiming"]["repeat"]
        for entry in exported["entry"]
        if entry["resource"]["resourceType"] == "CarePlan"
        for activity in entry["resource"]["activity"]
    }
    assert timings["Stretch 0.5 day"]["frequency"] == 1
    assert timings["Stretch 2.5"]["count"] == 3


def test_the_export_command(people: People, marias_plan: Goal) -> None:
    out = StringIO()
    call_command("fhir_export", "maria", by="sam", stdout=out)
    bundle = json.loads(out.getvalue())
    assert len(by_type(bundle, "Goal")) == 2
    with pytest.raises(CommandError, match="No such peer"):
        call_command("fhir_export", "maria", by="alex", stdout=StringIO())
