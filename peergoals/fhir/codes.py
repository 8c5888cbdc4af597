"""The code systems, extensions and code lists of the FHIR exchange, and the checks of them
that fhir.resources does not make (its models check shapes and types, not bound codes)."""

from __future__ import annotations

from typing import Any

from peergoals.goals.models import LifeArea, Status

# PeerGoals' own names. They identify; nothing is fetched from them.
BASE = "https://peergoals.org/fhir"
PEER_SYSTEM = f"{BASE}/peer"
GOAL_SYSTEM = f"{BASE}/goal"
CARE_PLAN_SYSTEM = f"{BASE}/care-plan"
LIFE_AREA_SYSTEM = f"{BASE}/CodeSystem/life-area"
READINESS_SYSTEM = f"{BASE}/CodeSystem/readiness"
SMART_WORDING = f"{BASE}/StructureDefinition/smart-wording"
# The Person-Centered Outcomes IG describes the scale's levels on the Goal; its extension was
# not in a package we could install, so the levels travel in PeerGoals' own extension: one
# per level, with the level (-2..+2) and the peer's description.
GAS_LEVEL = f"{BASE}/StructureDefinition/goal-attainment-level"
GAS_BASELINE_LEVEL = f"{BASE}/StructureDefinition/goal-attainment-baseline"
# Core R4 extension: whether the patient agrees with a goal (agree | disagree | pending).
GOAL_ACCEPTANCE = "http://hl7.org/fhir/StructureDefinition/goal-acceptance"

LOINC = "http://loinc.org"
# LOINC codes of the PCO IG's value set "Goal Attainment Scaling (GAS) Score"
# (http://hl7.org/fhir/us/pco/ValueSet/goal-attainment-scaling-score, STU1 1.0.0).
GAS_BASELINE = ("112296-9", "Goal attainment scale GAS baseline")
GAS_PRACTITIONER = ("107333-7", "Practitioner follow-up goal attainment scaling score")
GAS_PATIENT = ("107334-5", "Patient follow-up goal attainment scaling score")

ACHIEVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-achievement"

# R4 value sets (required bindings), which the models do not enforce.
LIFECYCLE_STATUSES = frozenset(
    {
        "proposed",
        "planned",
        "accepted",
        "active",
        "on-hold",
        "completed",
        "cancelled",
        "entered-in-error",
        "rejected",
    }
)
ACHIEVEMENT_STATUSES = frozenset(
    {
        "in-progress",
        "improving",
        "worsening",
        "no-change",
        "achieved",
        "sustaining",
        "not-achieved",
        "no-progress",
        "not-attainable",
    }
)
ACCEPTANCE_STATUSES = frozenset({"agree", "disagree", "pending"})
CARE_PLAN_STATUSES = frozenset(
    {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
)
CARE_PLAN_INTENTS = frozenset({"proposal", "plan", "order", "option"})
ACTIVITY_STATUSES = frozenset(
    {
        "not-started",
        "scheduled",
        "in-progress",
        "on-hold",
        "completed",
        "cancelled",
        "stopped",
        "unknown",
        "entered-in-error",
    }
)
OBSERVATION_STATUSES = frozenset(
    {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error"}
)
PERIOD_UNITS = frozenset({"s", "min", "h", "d", "wk", "mo", "a"})

# A goal's state as its achievement: only what the state says for sure.
ACHIEVEMENT_OF = {
    Status.ACTIVE: "in-progress",
    Status.ON_HOLD: "in-progress",
    Status.COMPLETED: "achieved",
    Status.CANCELLED: "not-achieved",
}
# The peer's answer to a suggested goal, in goal-acceptance's words. A goal the peer made
# theirs carries none: it is simply their goal.
ACCEPTANCE_OF = {Status.PROPOSED: "pending", Status.REJECTED: "disagree"}
CARE_PLAN_STATUS_OF = {
    Status.PROPOSED: "draft",
    Status.PLANNED: "draft",
    Status.ACTIVE: "active",
    Status.ON_HOLD: "on-hold",
    Status.COMPLETED: "completed",
    Status.CANCELLED: "revoked",
    Status.REJECTED: "revoked",
}
ACTIVITY_STATUS_OF = {
    Status.PROPOSED: "not-started",
    Status.PLANNED: "not-started",
    Status.ACTIVE: "in-progress",
    Status.ON_HOLD: "on-hold",
    Status.COMPLETED: "completed",
    Status.CANCELLED: "stopped",
    Status.REJECTED: "cancelled",
}
PERIOD_UNIT_OF = {"day": "d", "week": "wk", "month": "mo"}
PERIOD_OF_UNIT = {unit: period for period, unit in PERIOD_UNIT_OF.items()}
LIFE_AREAS = frozenset(LifeArea.values)


def code_problems(resource: dict[str, Any]) -> list[str]:
    """Where `resource` uses a code outside the list its element is bound to; [] if none."""
    problems: list[str] = []
    kind = resource.get("resourceType")

    def check(where: str, code: Any, allowed: frozenset[str]) -> None:
        if code is not None and code not in allowed:
            problems.append(f"{kind}/{resource.get('id')}: {where} {code!r} is not a valid code")

    if kind == "Goal":
        check("lifecycleStatus", resource.get("lifecycleStatus"), LIFECYCLE_STATUSES)
        for coding in resource.get("achievementStatus", {}).get("coding", []):
            if coding.get("system") == ACHIEVEMENT_SYSTEM:
                check("achievementStatus", coding.get("code"), ACHIEVEMENT_STATUSES)
        for category in resource.get("category", []):
            for coding in category.get("coding", []):
                if coding.get("system") == LIFE_AREA_SYSTEM:
                    check("category", coding.get("code"), LIFE_AREAS)
        for extension in resource.get("extension", []):
            if extension.get("url") == GOAL_ACCEPTANCE:
                for part in extension.get("extension", []):
                    if part.get("url") == "status":
                        check("goal-acceptance status", part.get("valueCode"), ACCEPTANCE_STATUSES)
    elif kind == "CarePlan":
        check("status", resource.get("status"), CARE_PLAN_STATUSES)
        check("intent", resource.get("intent"), CARE_PLAN_INTENTS)
        for activity in resource.get("activity", []):
            detail = activity.get("detail", {})
            check("activity status", detail.get("status"), ACTIVITY_STATUSES)
            repeat = detail.get("scheduledTiming", {}).get("repeat", {})
            check("periodUnit", repeat.get("periodUnit"), PERIOD_UNITS)
    elif kind == "Observation":
        check("status", resource.get("status"), OBSERVATION_STATUSES)
    return problems
