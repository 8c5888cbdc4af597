"""A peer's plan as a FHIR R4 Bundle (type "collection"): the Patient, a Goal per goal, a
CarePlan per goal with steps, and Observations for readiness and Goal Attainment Scaling.

What maps to what:
- Goal.description.text is the peer's own words; the SMART wording rides in an extension.
- Goal.lifecycleStatus is the goal's status (PeerGoals' statuses are R4's codes already);
  achievementStatus says only what the status says for sure (`codes.ACHIEVEMENT_OF`).
- Goal.expressedBy is the Patient for a goal the peer made theirs; a suggestion still waiting
  (or declined) carries goal-acceptance "pending" (or "disagree") instead.
- the life area is Goal.category in PeerGoals' life-area code system; Goal.target holds each
  step's amount and date; the scale's levels are extensions on the Goal.
- CarePlan.activity.detail is a step: its wording, its status, `scheduledTiming` for how often
  (3 times a week: frequency 3, period 1 wk), `quantity` for how much, the dates as bounds.
- Observations: importance and confidence (0-10) and each review's GAS level, coded with the
  PCO IG's LOINC codes (`codes.GAS_*`), focused on the Goal.

Suggestions withdrawn by their author are left out: they were never part of the plan.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from peergoals.fhir import codes
from peergoals.goals.models import Goal, LifeArea, Review, Status, Step, TargetKind
from peergoals.people.models import User

Resource = dict[str, Any]


def plan_of(peer: User) -> list[Goal]:
    """The goals that go out, with their steps and reviews, oldest first."""
    return list(
        Goal.objects.filter(peer=peer)
        .exclude(status=Status.WITHDRAWN)
        .order_by("created_at", "id")
        .prefetch_related(
            Prefetch("steps", Step.objects.exclude(status=Status.WITHDRAWN).order_by("position")),
            Prefetch("reviews", Review.objects.select_related("recorded_by").order_by("held_on")),
        )
    )


def patient_id(peer: User) -> str:
    return f"peer-{peer.pk}"


def patient(peer: User) -> Resource:
    """As little as identifies the peer to the other system: one identifier and the name."""
    return {
        "resourceType": "Patient",
        "id": patient_id(peer),
        "identifier": [{"system": codes.PEER_SYSTEM, "value": str(peer.pk)}],
        "name": [{"text": peer.display_name}],
    }


def _amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _scale_extensions(goal: Goal) -> list[Resource]:
    extensions: list[Resource] = [
        {
            "url": codes.GAS_LEVEL,
            "extension": [
                {"url": "level", "valueInteger": level},
                {"url": "description", "valueString": description},
            ],
        }
        for level, _name, description in reversed(goal.scale_levels)
        if description
    ]
    if goal.scale_baseline is not None:
        extensions.append({"url": codes.GAS_BASELINE_LEVEL, "valueInteger": goal.scale_baseline})
    return extensions


def _targets(steps: Iterable[Step]) -> list[Resource]:
    targets = []
    for step in steps:
        if step.target_quantity is None and step.due_on is None:
            continue
        target: Resource = {"measure": {"text": step.wording}}
        if step.target_quantity is not None:
            target["detailQuantity"] = {
                "value": _amount(step.target_quantity),
                **({"unit": step.target_unit} if step.target_unit else {}),
            }
        if step.due_on is not None:
            target["dueDate"] = step.due_on.isoformat()
        targets.append(target)
    return targets


def goal_resource(goal: Goal) -> Resource:
    reference = {"reference": f"Patient/{patient_id(goal.peer)}"}
    extensions: list[Resource] = []
    if goal.smart_wording:
        extensions.append({"url": codes.SMART_WORDING, "valueString": goal.smart_wording})
    extensions += _scale_extensions(goal)
    if goal.status in codes.ACCEPTANCE_OF:
        extensions.append(
            {
                "url": codes.GOAL_ACCEPTANCE,
                "extension": [
                    {"url": "individual", "valueReference": reference},
                    {"url": "status", "valueCode": codes.ACCEPTANCE_OF[Status(goal.status)]},
                ],
            }
        )
    resource: Resource = {
        "resourceType": "Goal",
        "id": f"goal-{goal.pk}",
        **({"extension": extensions} if extensions else {}),
        "identifier": [{"system": codes.GOAL_SYSTEM, "value": str(goal.pk)}],
        "lifecycleStatus": goal.status,
    }
    achievement = codes.ACHIEVEMENT_OF.get(Status(goal.status))
    if achievement is not None:
        resource["achievementStatus"] = {
            "coding": [{"system": codes.ACHIEVEMENT_SYSTEM, "code": achievement}]
        }
    resource["category"] = [
        {
            "coding": [
                {
                    "system": codes.LIFE_AREA_SYSTEM,
                    "code": goal.life_area,
                    "display": str(LifeArea(goal.life_area).label),
                }
            ]
        }
    ]
    resource["description"] = {"text": goal.own_words}
    resource["subject"] = reference
    targets = _targets(goal.steps.all())
    if targets:
        resource["target"] = targets
    if goal.status not in codes.ACCEPTANCE_OF:
        resource["expressedBy"] = reference
    return resource


def _whole_times(times: Decimal | int | None) -> int:
    """A number of times as FHIR's Timing takes it (a positiveInt): a count typed with a
    fraction ("0.5 times a day") is rounded to the nearest whole time, and is at least once."""
    return max(1, int(Decimal(times or 1).to_integral_value(ROUND_HALF_UP)))


def _timing(step: Step) -> Resource:
    timing: Resource = {}
    bounds = {"start": step.starts_on.isoformat()}
    if step.due_on is not None:
        bounds["end"] = step.due_on.isoformat()
    repeat: Resource = {"boundsPeriod": bounds}
    if step.target_per:
        times = step.target_quantity if step.target_kind == TargetKind.COUNT else 1
        unit = codes.PERIOD_UNIT_OF[step.target_per]
        repeat.update(frequency=_whole_times(times), period=1, periodUnit=unit)
    elif step.target_kind == TargetKind.COUNT and step.target_quantity is not None:
        repeat["count"] = _whole_times(step.target_quantity)
    else:
        repeat["count"] = 1
    timing["repeat"] = repeat
    return timing


def activity(step: Step) -> Resource:
    detail: Resource = {
        "status": codes.ACTIVITY_STATUS_OF[Status(step.status)],
        "description": step.wording,
        "scheduledTiming": _timing(step),
    }
    if step.target_kind == TargetKind.AMOUNT and step.target_quantity is not None:
        detail["quantity"] = {
            "value": _amount(step.target_quantity),
            **({"unit": step.target_unit} if step.target_unit else {}),
        }
    return {"detail": detail}


def care_plan(goal: Goal) -> Resource:
    return {
        "resourceType": "CarePlan",
        "id": f"care-plan-{goal.pk}",
        "identifier": [{"system": codes.CARE_PLAN_SYSTEM, "value": str(goal.pk)}],
        "status": codes.CARE_PLAN_STATUS_OF[Status(goal.status)],
        "intent": "proposal" if goal.status == Status.PROPOSED else "plan",
        "subject": {"reference": f"Patient/{patient_id(goal.peer)}"},
        "goal": [{"reference": f"Goal/goal-{goal.pk}"}],
        "activity": [activity(step) for step in goal.steps.all()],
    }


def _observation(
    goal: Goal, key: str, code: Resource, value: int, on: datetime.date | datetime.datetime
) -> Resource:
    return {
        "resourceType": "Observation",
        "id": f"{key}-{goal.pk}",
        "status": "final",
        "code": code,
        "subject": {"reference": f"Patient/{patient_id(goal.peer)}"},
        "focus": [{"reference": f"Goal/goal-{goal.pk}"}],
        "effectiveDateTime": on.isoformat(),
        "valueInteger": value,
    }


def _loinc(code: tuple[str, str]) -> Resource:
    return {"coding": [{"system": codes.LOINC, "code": code[0], "display": code[1]}]}


def observations(goal: Goal) -> list[Resource]:
    """The peer's readiness (0-10) and each GAS level: the baseline, then every review's."""
    found = []
    for name in ("importance", "confidence"):
        value = getattr(goal, name)
        if value is not None:
            code = {"coding": [{"system": codes.READINESS_SYSTEM, "code": name}]}
            found.append(_observation(goal, name, code, value, goal.created_at))
    if goal.scale_baseline is not None:
        baseline = _loinc(codes.GAS_BASELINE)
        found.append(
            _observation(goal, "gas-baseline", baseline, goal.scale_baseline, goal.created_at)
        )
    for review in goal.reviews.all():
        if review.attainment is None:
            continue
        by_peer = review.recorded_by_id == goal.peer_id
        code = _loinc(codes.GAS_PATIENT if by_peer else codes.GAS_PRACTITIONER)
        observation = _observation(goal, "gas", code, review.attainment, review.held_on)
        observation["id"] = f"gas-{goal.pk}-{review.pk}"
        found.append(observation)
    return found


def bundle(peer: User, goals: Iterable[Goal]) -> Resource:
    """The Bundle of `peer`'s plan, checked (`check`) before it is returned."""
    resources = [patient(peer)]
    plans = []
    readings = []
    for goal in goals:
        resources.append(goal_resource(goal))
        if goal.steps.all():
            plans.append(care_plan(goal))
        readings += observations(goal)
    resources += plans + readings
    result: Resource = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timezone.now().isoformat(),
        "entry": [
            {"fullUrl": f"urn:peergoals:{r['resourceType']}/{r['id']}", "resource": r}
            for r in resources
        ],
    }
    check(result)
    return result


class InvalidResource(ValueError):
    """A resource that is not valid FHIR R4, or uses a code outside its list."""


def check(bundle_or_resource: Resource) -> None:
    """Raise InvalidResource unless every resource parses with the R4B models and its codes
    are in their lists."""
    try:
        kind = bundle_or_resource.get("resourceType")
        model = Bundle if kind == "Bundle" else get_fhir_model_class(str(kind))
        model.model_validate(bundle_or_resource)
    except (ValueError, KeyError) as problem:
        raise InvalidResource(str(problem)) from problem
    resources = [bundle_or_resource] + [
        entry.get("resource", {}) for entry in bundle_or_resource.get("entry", [])
    ]
    problems = [problem for r in resources for problem in codes.code_problems(r)]
    if problems:
        raise InvalidResource("; ".join(problems))
