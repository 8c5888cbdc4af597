"""The FHIR endpoints, mounted on the JSON API at /api/v1/fhir/ (same session or token auth,
same access policy): a peer's plan as a Bundle (`$everything`) and a Bundle (or a Goal or
CarePlan) imported as proposals. Answers are FHIR JSON; a refusal of the exchange's own (no
consent for staff, invalid FHIR) is an OperationOutcome."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Body, Router

from peergoals import access
from peergoals.access import Action
from peergoals.api.auth import acting_person, require_write
from peergoals.api.schemas import READ_REFUSALS, WRITE_REFUSALS
from peergoals.errors import NotAllowed
from peergoals.fhir import exchange
from peergoals.privacy.actions import ExportRefused

router = Router(tags=["fhir"])

FHIR_JSON = "application/fhir+json"


def _outcome(status: int, code: str, message: str) -> JsonResponse:
    # Sent as application/json, the type the API's schema declares for its refusals (FHIR
    # reads JSON under either name).
    body = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": message}],
    }
    return JsonResponse(body, status=status)


@router.get(
    "/Patient/{peer_id}/$everything",
    response={200: dict[str, Any], 403: dict[str, Any], **READ_REFUSALS},
    summary="A peer's plan as a FHIR R4 Bundle",
    # The Bundle is sent as FHIR's own media type, which the schema must name beside JSON
    # (django-ninja keys its answers by number: the same key merges into the same answer).
    openapi_extra={"responses": {200: {"content": {FHIR_JSON: {"schema": {"type": "object"}}}}}},
)
def everything(request: HttpRequest, peer_id: int) -> HttpResponse:
    """The peer's own plan, or for staff under the staff download's rule: a valid consent
    covering alcohol and drug use records (403 OperationOutcome when it does not); audited."""
    person = acting_person(request)
    peer = access.get_peer_or_not_sharing_for(person, peer_id)
    try:
        bundle = exchange.export_plan(peer, by=person)
    except ExportRefused as refusal:
        return _outcome(403, "forbidden", str(refusal))
    return JsonResponse(bundle, content_type=FHIR_JSON, json_dumps_params={"ensure_ascii": False})


@router.post(
    "/",
    response={201: dict[str, Any], **WRITE_REFUSALS},
    summary="Import FHIR Goals and CarePlans as proposals to a peer",
)
def import_bundle(
    request: HttpRequest,
    patient: int,
    resource: dict[str, Any] = Body(...),  # noqa: B008 (django-ninja reads the body so)
) -> HttpResponse:
    """The body (a Bundle, a Goal or a CarePlan, as a JSON object) for the peer
    `?patient=<id>`: each Goal a suggested goal and each CarePlan activity a suggested step,
    for the peer to answer."""
    person = require_write(request)
    data = resource
    peer = access.get_peer_for(person, patient, Action.CREATE)
    try:
        made = exchange.import_resources(data, peer=peer, by=person)
    except NotAllowed as refusal:
        return _outcome(422, "invalid", str(refusal))
    return JsonResponse(made.summary(), status=201)
