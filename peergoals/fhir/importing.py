"""Goals and CarePlans from another system (an EHR, another program) come in as proposals:
each Goal becomes a suggested goal and each CarePlan activity a suggested step, which the peer
accepts, rewords or declines like any suggestion from their staff. An EHR never sets a peer's
goal.

Each resource is kept whole as it arrived (`ImportedResource.resource`), with the list of
what PeerGoals did not apply (`unmapped`), so nothing it said is lost; a re-import finds what
was made before by the resource's identifier (or its id) and makes nothing twice.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from peergoals import access, audit
from peergoals.access import Action
from peergoals.audit.models import AuditAction, RecordType
from peergoals.errors import NotAllowed, NotFound
from peergoals.fhir import codes
from peergoals.fhir.export import InvalidResource, check
from peergoals.fhir.models import ImportedResource
from peergoals.goals import actions
from peergoals.goals.models import Goal, LifeArea, Step, TargetKind
from peergoals.people.models import User

Resource = dict[str, Any]

# An EHR's goal rarely says which of the eight life areas it belongs to; most are about health.
# The peer (or their specialist, while it waits) changes it.
DEFAULT_LIFE_AREA = LifeArea.PHYSICAL
# What a Goal's fields become; everything else is kept in the stored resource and listed.
APPLIED_GOAL_FIELDS = frozenset({"resourceType", "id", "identifier", "description", "subject"})
APPLIED_CARE_PLAN_FIELDS = frozenset(
    {"resourceType", "id", "identifier", "subject", "goal", "activity", "contained"}
)
OUR_GOAL_EXTENSIONS = frozenset(
    {codes.SMART_WORDING, codes.GAS_LEVEL, codes.GAS_BASELINE_LEVEL, codes.GOAL_ACCEPTANCE}
)
SCALE_FIELD_OF_LEVEL = dict(zip(range(-2, 3), Goal.SCALE_LEVEL_FIELDS, strict=True))


@dataclass
class Imported:
    """What an import made, what it had already made before, and what it left aside."""

    goals: list[Goal] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    already_imported: int = 0
    # "Patient/example", ...: resources of kinds PeerGoals does not import.
    not_imported: list[str] = field(default_factory=list)
    # key -> the fields kept but not applied.
    unmapped: dict[str, list[str]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "goals_proposed": [goal.pk for goal in self.goals],
            "steps_proposed": [step.pk for step in self.steps],
            "already_imported": self.already_imported,
            "not_imported": self.not_imported,
            "kept_not_applied": self.unmapped,
        }


def resources_in(data: Resource) -> list[tuple[str, Resource]]:
    """(fullUrl or "", resource) for a Bundle's entries, or the one resource given."""
    if data.get("resourceType") == "Bundle":
        return [
            (entry.get("fullUrl", ""), entry["resource"])
            for entry in data.get("entry", [])
            if isinstance(entry.get("resource"), dict)
        ]
    return [("", data)]


def key_of(resource: Resource) -> str:
    """The key a resource is found by on a re-import: an identifier with its system, else its
    id, else a digest of its content."""
    for identifier in resource.get("identifier", []):
        if identifier.get("system") and identifier.get("value"):
            return f"identifier|{identifier['system']}|{identifier['value']}"
    if resource.get("id"):
        return f"id|{resource['resourceType']}/{resource['id']}"
    content = json.dumps(resource, sort_keys=True).encode()
    return f"sha256|{resource['resourceType']}/{hashlib.sha256(content).hexdigest()}"


def _text(concept: Resource | None) -> str:
    """A CodeableConcept's words: its text, else its first coding's display or code."""
    if not concept:
        return ""
    if concept.get("text"):
        return str(concept["text"])
    for coding in concept.get("coding", []):
        if coding.get("display") or coding.get("code"):
            return str(coding.get("display") or coding.get("code"))
    return ""


def _life_area(resource: Resource) -> tuple[str, bool]:
    for category in resource.get("category", []):
        for coding in category.get("coding", []):
            if coding.get("system") == codes.LIFE_AREA_SYSTEM:
                return coding["code"], True
    return DEFAULT_LIFE_AREA, False


def _extension(resource: Resource, url: str) -> list[Resource]:
    return [e for e in resource.get("extension", []) if e.get("url") == url]


def _scale(resource: Resource) -> dict[str, Any]:
    scale: dict[str, Any] = {}
    for level in _extension(resource, codes.GAS_LEVEL):
        parts = {part["url"]: part for part in level.get("extension", [])}
        number = parts.get("level", {}).get("valueInteger")
        if number in SCALE_FIELD_OF_LEVEL:
            scale[SCALE_FIELD_OF_LEVEL[number]] = parts.get("description", {}).get(
                "valueString", ""
            )
    for baseline in _extension(resource, codes.GAS_BASELINE_LEVEL):
        scale["scale_baseline"] = baseline.get("valueInteger")
    return scale


class _Import:
    def __init__(self, peer: User, by: User, at: datetime.datetime | None) -> None:
        self.peer, self.by, self.at = peer, by, at
        self.result = Imported()
        # "Goal/<id>" and fullUrls of this import's goals, and their keys, to their proposals.
        self.goals_by_reference: dict[str, Goal] = {}

    def _seen(self, key: str) -> ImportedResource | None:
        found = ImportedResource.objects.filter(peer=self.peer, key=key).first()
        if found is not None:
            self.result.already_imported += 1
        return found

    def _keep(self, key: str, resource: Resource, unmapped: list[str], **made: Any) -> None:
        ImportedResource.objects.create(
            peer=self.peer,
            key=key,
            resource_type=resource["resourceType"],
            resource=resource,
            unmapped=unmapped,
            imported_by=self.by,
            imported_at=self.at or timezone.now(),
            **made,
        )
        if unmapped:
            self.result.unmapped[key] = unmapped

    def goal(self, resource: Resource, key: str, full_url: str = "") -> Goal | None:
        seen = self._seen(key)
        goal = seen.goal if seen is not None else self._new_goal(resource, key)
        if goal is not None:
            for reference in (f"Goal/{resource.get('id')}", full_url, key):
                self.goals_by_reference[reference] = goal
        return goal

    def _new_goal(self, resource: Resource, key: str) -> Goal | None:
        own_words = _text(resource.get("description"))
        life_area, coded = _life_area(resource)
        unmapped = sorted(set(resource) - APPLIED_GOAL_FIELDS - ({"category"} if coded else set()))
        if not own_words:
            self._keep(key, resource, [*unmapped, "description (no words to propose)"])
            return None
        smart = [e.get("valueString", "") for e in _extension(resource, codes.SMART_WORDING)]
        goal = actions.create_goal(
            self.peer,
            by=self.by,
            own_words=own_words,
            life_area=life_area,
            smart_wording=smart[0] if smart else "",
            at=self.at,
        )
        scale = _scale(resource)
        if scale:
            goal = actions.change_goal(goal, by=self.by, version=goal.version, at=self.at, **scale)
        self.result.goals.append(goal)
        self._keep(key, resource, unmapped, goal=goal)
        return goal

    def care_plan(self, resource: Resource, key: str) -> None:
        contained = {
            f"#{c.get('id')}": c for c in resource.get("contained", []) if c.get("resourceType")
        }
        goals: list[Goal] = []
        for reference in resource.get("goal", []):
            target = reference.get("reference", "")
            goal = self.goals_by_reference.get(target) or self._earlier_goal(target)
            if goal is None and contained.get(target, {}).get("resourceType") == "Goal":
                goal = self.goal(contained[target], f"{key}{target}")
            if goal is not None:
                goals.append(goal)
        if not goals:
            goal = self._goal_of_plan(resource, key)
            if goal is not None:
                goals.append(goal)
        unmapped = sorted(set(resource) - APPLIED_CARE_PLAN_FIELDS)
        if self._seen(key) is None:
            self._keep(key, resource, unmapped, goal=goals[0] if goals else None)
        for number, activity in enumerate(resource.get("activity", []), start=1):
            self.activity(activity, f"{key}#activity-{number}", resource, goals)

    def _earlier_goal(self, reference: str) -> Goal | None:
        kind, _slash, resource_id = reference.partition("/")
        if kind != "Goal" or not resource_id:
            return None
        earlier = (
            ImportedResource.objects.filter(
                peer=self.peer, resource_type="Goal", resource__id=resource_id, goal__isnull=False
            )
            .select_related("goal")
            .first()
        )
        return earlier.goal if earlier else None

    def _goal_of_plan(self, resource: Resource, key: str) -> Goal | None:
        """A CarePlan that names no goal PeerGoals can find is proposed as a goal itself."""
        words = (
            resource.get("title")
            or resource.get("description")
            or next((_text(c) for c in resource.get("category", []) if _text(c)), "")
            or next(
                (a.get("display") for a in resource.get("addresses", []) if a.get("display")), ""
            )
            # Last, its narrative: a plan written only as text is still a plan someone wrote.
            or " ".join(strip_tags(resource.get("text", {}).get("div", "")).split())[:1000]
        )
        if not words:
            return None
        as_goal = {"resourceType": "Goal", "id": resource.get("id"), "description": {"text": words}}
        return self.goal(as_goal, f"{key}#goal")

    def activity(self, activity: Resource, key: str, plan: Resource, goals: list[Goal]) -> None:
        if self._seen(key) is not None:
            return
        stored = {"resourceType": "CarePlan", "id": plan.get("id"), "activity": [activity]}
        detail = activity.get("detail", {})
        wording = (
            detail.get("description")
            or _text(detail.get("code"))
            or activity.get("reference", {}).get("display", "")
        )
        if not wording or not goals:
            why = "no words to propose as a step" if not wording else "no goal to put it under"
            self._keep(key, stored, [f"activity ({why})"])
            return
        target, unmapped = _target(detail)
        unmapped += sorted(set(detail) - {"description", "code", "scheduledTiming", "quantity"})
        unmapped += sorted(set(activity) - {"detail"})
        try:
            step = actions.add_step(
                goals[0], by=self.by, wording=str(wording), at=self.at, **target
            )
        except NotAllowed as refusal:
            self._keep(key, stored, [*unmapped, f"activity ({refusal})"])
            return
        self.result.steps.append(step)
        self._keep(key, stored, unmapped, goal=goals[0], step=step)


def _date(value: Any) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _target(detail: Resource) -> tuple[dict[str, Any], list[str]]:
    """A step's target and dates from an activity's timing and quantity, and what of them did
    not fit PeerGoals' targets (once, N times in total or a period, an amount a period)."""
    repeat = detail.get("scheduledTiming", {}).get("repeat", {})
    quantity = detail.get("quantity", {}).get("value")
    per = ""
    if repeat.get("period", 1) == 1 and repeat.get("periodUnit") in codes.PERIOD_OF_UNIT:
        per = codes.PERIOD_OF_UNIT[repeat["periodUnit"]]
    target: dict[str, Any] = {}
    unmapped = []
    if quantity is not None and Decimal(str(quantity)) > 0:
        target = {
            "target_kind": TargetKind.AMOUNT,
            "target_quantity": Decimal(str(quantity)),
            "target_unit": str(detail["quantity"].get("unit", ""))[:40],
            "target_per": per,
        }
    elif per and int(repeat.get("frequency", 1)) >= 1:
        target = {
            "target_kind": TargetKind.COUNT,
            "target_quantity": int(repeat.get("frequency", 1)),
            "target_unit": "",
            "target_per": per,
        }
    elif int(repeat.get("count", 1)) > 1:
        target = {"target_kind": TargetKind.COUNT, "target_quantity": int(repeat["count"])}
    elif repeat.get("periodUnit") or repeat.get("frequency"):
        unmapped.append("scheduledTiming (not once, a number of times, or each day/week/month)")
    bounds = repeat.get("boundsPeriod", {})
    starts_on, due_on = _date(bounds.get("start")), _date(bounds.get("end"))
    if starts_on is not None:
        target["starts_on"] = starts_on
    if due_on is not None and (starts_on is None or due_on >= starts_on):
        target["due_on"] = due_on
    return target, unmapped


def _holds_a_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_a_nul(key) or _holds_a_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_holds_a_nul(item) for item in value)
    return False


@transaction.atomic
def import_resources(
    data: Resource, *, peer: User, by: User, at: datetime.datetime | None = None
) -> Imported:
    """Import the Goals and CarePlans of `data` (a Bundle, a Goal or a CarePlan) for `peer` as
    proposals from staff `by`. Invalid FHIR is refused whole (NotAllowed, saying where);
    a peer `by` may not reach is NotFound; the peer cannot import into their own plan."""
    if by.pk == peer.pk:
        raise NotAllowed(
            _("Goals from another system come in as suggestions from your peer specialist.")
        )
    if not access.may(by, Action.CREATE, peer):
        raise NotFound(_("No such peer."))
    if data.get("resourceType") not in {"Bundle", "Goal", "CarePlan"}:
        raise NotAllowed(_("Send a FHIR Bundle, Goal or CarePlan."))
    if _holds_a_nul(data):
        # Kept whole as sent (ImportedResource), and PostgreSQL's jsonb cannot hold \u0000.
        raise NotAllowed(_("This has a character that can't be saved."))
    entries = resources_in(data)
    for _url, resource in entries:
        if resource.get("resourceType") in {"Goal", "CarePlan"}:
            try:
                check(resource)
            except InvalidResource as problem:
                raise NotAllowed(
                    _("This is not valid FHIR R4: %(problem)s") % {"problem": problem}
                ) from problem
    work = _Import(peer, by, at)
    for full_url, resource in entries:
        if resource["resourceType"] == "Goal":
            work.goal(resource, key_of(resource), full_url)
    for _url, resource in entries:
        if resource["resourceType"] == "CarePlan":
            work.care_plan(resource, key_of(resource))
        elif resource["resourceType"] != "Goal":
            work.result.not_imported.append(f"{resource['resourceType']}/{resource.get('id')}")
    made = work.result
    audit.record(
        AuditAction.CREATE,
        by=by,
        peer_id=peer.pk,
        record_type=RecordType.PLAN,
        record_id=peer.pk,
        detail=f"FHIR import: {len(made.goals)} goals and {len(made.steps)} steps proposed, "
        f"{made.already_imported} already imported",
    )
    return made
