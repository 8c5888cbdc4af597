"""The FHIR exchange as the endpoints and commands use it: a peer's plan out under the staff
download's rule, and resources in as proposals."""

from __future__ import annotations

import json
from typing import Any

from peergoals.fhir import codes, export
from peergoals.fhir.importing import Imported, import_resources
from peergoals.people.models import User
from peergoals.privacy import actions as privacy

__all__ = ["Imported", "as_json", "export_plan", "import_resources"]

# HL7 v3 ActCode for records under 42 CFR Part 2: the receiver must not redisclose them.
PART_2 = {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "42CFRPart2"}
NOTICE = f"{codes.BASE}/StructureDefinition/redisclosure-notice"


def export_plan(peer: User, *, by: User) -> dict[str, Any]:
    """`peer`'s plan as a Bundle, for the peer or for staff under the staff download's rule
    (a valid consent covering alcohol and drug use records; `privacy.ExportRefused` if not),
    audited as one export. What leaves for staff carries the 42 CFR 2.32 notice and label."""
    notices = privacy.export_plan(peer, by=by, detail="plan as FHIR Bundle")
    result = export.bundle(peer, export.plan_of(peer))
    if notices:
        result["meta"] = {
            "extension": [{"url": NOTICE, "valueString": text} for text in notices.values()],
            "security": [PART_2],
        }
        export.check(result)
    return result


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
