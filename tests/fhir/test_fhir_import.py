"""Goals and CarePlans from another system arrive as proposals the peer answers; HL7's own R4
examples import; a re-import makes nothing twice; the round trip gives the same plan."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from peergoals.audit.models import AuditAction
from peergoals.errors import NotAllowed
from peergoals.fhir import exchange
from peergoals.fhir.export import bundle, plan_of
from peergoals.fhir.importing import key_of
from peergoals.fhir.models import ImportedResource
from peergoals.goals import actions
from peergoals.goals.models import Goal, Status, Step
from tests.audit_helpers import new_entries
from tests.personas import People

EXAMPLES = Path(__file__).resolve().parents[2] / "node_modules" / "hl7.fhir.r4.examples"
HL7 = sorted(EXAMPLES.glob("Goal-*.json")) + sorted(EXAMPLES.glob("CarePlan-*.json"))
IMPORT = "/api/v1/fhir/"

needs_examples = pytest.mark.skipif(not HL7, reason="npm ci installs hl7.fhir.r4.examples")


def test_the_hl7_examples_are_installed() -> None:
    # 2 Goals and 11 CarePlans in hl7.fhir.r4.examples 4.0.1; `make install` runs npm ci.
    assert len(HL7) == 13


@needs_examples
@pytest.mark.parametrize("path", HL7, ids=lambda p: p.stem)
def test_every_hl7_goal_and_care_plan_imports_as_proposals(path: Path, people: People) -> None:
    resource = json.loads(path.read_text())
    made = exchange.import_resources(resource, peer=people.maria, by=people.sam)
    assert made.goals or made.steps
    for goal in made.goals:
        assert goal.status == Status.PROPOSED and goal.created_by == people.sam
    for step in made.steps:
        assert step.status == Status.PROPOSED
    # Kept whole, as it came: nothing it said is lost.
    kept = ImportedResource.objects.get(peer=people.maria, key=key_of(resource))
    assert kept.resource == resource
    again = exchange.import_resources(resource, peer=people.maria, by=people.sam)
    assert (again.goals, again.steps) == ([], [])
    assert again.already_imported >= 1


@needs_examples
def test_what_the_hl7_examples_become(people: People) -> None:
    made = {
        path.stem: exchange.import_resources(
            json.loads(path.read_text()), peer=people.maria, by=people.sam
        )
        for path in HL7
    }
    smoking = made["Goal-stop-smoking"]
    assert [g.own_words for g in smoking.goals] == ["Stop smoking"]
    # Its status (completed) and outcome are kept, not applied: the peer decides.
    assert "lifecycleStatus" in smoking.unmapped[next(iter(smoking.unmapped))]
    integrate = made["CarePlan-integrate"]
    assert "Eve will reduce her intake of coffee and chocolate" in [
        s.wording for s in integrate.steps
    ]
    goals = sum(len(m.goals) for m in made.values())
    steps = sum(len(m.steps) for m in made.values())
    assert (goals, steps) == (
        Goal.objects.filter(peer=people.maria).count(),
        Step.objects.filter(goal__peer=people.maria).count(),
    )


def test_the_peer_answers_an_imported_goal(people: People) -> None:
    goal = {
        "resourceType": "Goal",
        "identifier": [{"system": "urn:ehr:goals", "value": "77"}],
        "lifecycleStatus": "active",
        "description": {"text": "Lower my blood pressure"},
        "subject": {"reference": "Patient/1"},
        "priority": {"text": "high"},
        "unknownExtraThing": {"kept": True},
    }
    with pytest.raises(Exception):  # noqa: B017 - the models refuse what R4 has not got
        exchange.import_resources(goal, peer=people.maria, by=people.sam)
    del goal["unknownExtraThing"]
    made = exchange.import_resources(goal, peer=people.maria, by=people.sam)
    [proposal] = made.goals
    assert made.unmapped == {"identifier|urn:ehr:goals|77": ["lifecycleStatus", "priority"]}
    reworded = actions.accept_goal(proposal, by=people.maria, own_words="Get my pressure down")
    assert reworded.status == Status.ACTIVE and reworded.own_words == "Get my pressure down"
    # Imported again after she reworded it: still one goal, in her words.
    exchange.import_resources(goal, peer=people.maria, by=people.sam)
    assert list(Goal.objects.filter(peer=people.maria).values_list("own_words", flat=True)) == [
        "Get my pressure down"
    ]


def test_only_staff_who_reach_the_peer_import(people: People) -> None:
    goal = {
        "resourceType": "Goal",
        "lifecycleStatus": "proposed",
        "description": {"text": "x"},
        "subject": {"reference": "Patient/1"},
    }
    with pytest.raises(NotAllowed):
        exchange.import_resources(goal, peer=people.maria, by=people.maria)
    with pytest.raises(Exception, match="No such peer"):
        exchange.import_resources(goal, peer=people.maria, by=people.alex)
    assert not Goal.objects.filter(peer=people.maria).exists()


def test_the_import_endpoint(as_sam: Client, as_alex: Client, people: People) -> None:
    body = json.dumps(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [
                {
                    "resource": {
                        "resourceType": "Goal",
                        "id": "g1",
                        "lifecycleStatus": "proposed",
                        "description": {"text": "Sleep before midnight"},
                        "subject": {"reference": "Patient/1"},
                    }
                }
            ],
        }
    )
    url = f"{IMPORT}?patient={people.maria.pk}"
    with new_entries() as written:
        answer = as_sam.post(url, body, content_type="application/fhir+json")
    assert answer.status_code == 201, answer.content
    [goal_id] = answer.json()["goals_proposed"]
    assert Goal.objects.get(pk=goal_id).status == Status.PROPOSED
    assert [e.action for e in written] == [AuditAction.CREATE, AuditAction.CREATE]
    assert "FHIR import" in written[-1].detail
    assert as_alex.post(url, body, content_type="application/json").status_code == 404
    bad = as_sam.post(url, '{"resourceType": "Goal"}', content_type="application/json")
    assert bad.status_code == 422 and bad.json()["resourceType"] == "OperationOutcome"
    # A NUL anywhere, even in an extension kept as sent: refused whole (PostgreSQL's jsonb
    # could not keep it), never a server error.
    nul = body.replace("Sleep before midnight", "Sleep\\u0000").replace('"g1"', '"g2"')
    refused = as_sam.post(url, nul, content_type="application/json")
    assert refused.status_code == 422, refused.content
    assert "can't be saved" in refused.content.decode()


def comparable(exported: dict[str, Any]) -> list[dict[str, Any]]:
    """The Goals and CarePlans of an export, with PeerGoals' own ids numbered in order of
    appearance: "the same" is the same resources whatever rows hold them."""
    text = json.dumps(
        [
            e["resource"]
            for e in exported["entry"]
            if e["resource"]["resourceType"] in {"Goal", "CarePlan"}
        ]
    )
    numbers: dict[str, str] = {}
    text = re.sub(
        r'(?:peer|goal|care-plan)-\d+|(?<="value": ")\d+(?=")',
        lambda m: numbers.setdefault(m.group(0), f"id{len(numbers)}"),
        text,
    )
    return json.loads(text)


def test_round_trip_export_import_accept_export(people: People, marias_plan: Goal) -> None:
    first = bundle(people.maria, plan_of(people.maria))
    # Into an empty plan: Jordan's, by his specialist. Jordan answers as Maria did: he takes
    # on the walking goal and its steps, and leaves the group suggestion waiting.
    exchange.import_resources(first, peer=people.jordan, by=people.alex)
    for proposal in Goal.objects.filter(peer=people.jordan).exclude(life_area="social"):
        actions.accept_goal(proposal, by=people.jordan)
        for step in proposal.steps.all():
            actions.accept_step(step, by=people.jordan)
    second = bundle(people.jordan, plan_of(people.jordan))
    assert len(comparable(first)) == 3  # two Goals, one CarePlan
    assert comparable(second) == comparable(first)


def test_the_import_command(people: People, tmp_path: Path) -> None:
    source = tmp_path / "goal.json"
    source.write_text(
        json.dumps(
            {
                "resourceType": "Goal",
                "id": "a",
                "lifecycleStatus": "active",
                "description": {"text": "Call my sister"},
                "subject": {"reference": "Patient/1"},
            }
        )
    )
    out = StringIO()
    call_command("fhir_import", str(source), peer="maria", by="sam", stdout=out)
    assert len(json.loads(out.getvalue())["goals_proposed"]) == 1
    call_command("fhir_import", str(source), peer="maria", by="sam", stdout=out)
    assert Goal.objects.filter(peer=people.maria, own_words="Call my sister").count() == 1
