"""The FHIR endpoints, under /api/v1/fhir/: a peer's plan as a Bundle ($everything) and a
Bundle (or a Goal or CarePlan) imported as proposals. Signed in as on the pages (the session,
with CSRF for the import); answers are FHIR JSON, refusals an OperationOutcome."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from peergoals import access
from peergoals.access import Action
from peergoals.errors import NotAllowed, NotFound
from peergoals.fhir import exchange
from peergoals.privacy.actions import ExportRefused
from peergoals.web import Request

FHIR_JSON = "application/fhir+json"


def _outcome(status: int, code: str, message: str) -> JsonResponse:
    body = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": message}],
    }
    return JsonResponse(body, status=status, content_type=FHIR_JSON)


@login_required
@require_GET
@never_cache
def everything(request: Request, peer_id: int) -> HttpResponse:
    """The peer's plan as a Bundle: the peer's own, or staff's under the download's rule."""
    peer = access.get_peer_or_not_sharing_for(request.user, peer_id)
    try:
        bundle = exchange.export_plan(peer, by=request.user)
    except ExportRefused as refusal:
        return _outcome(403, "forbidden", str(refusal))
    return JsonResponse(bundle, content_type=FHIR_JSON, json_dumps_params={"ensure_ascii": False})


@login_required
@require_POST
@never_cache
def import_bundle(request: Request) -> HttpResponse:
    """Goals and CarePlans for the peer `?patient=<id>`, proposed to them."""
    try:
        peer_id = int(request.GET.get("patient", ""))
    except ValueError:
        return _outcome(400, "required", "Name the peer: ?patient=<their id>.")
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _outcome(400, "structure", "The body is not JSON.")
    if not isinstance(data, dict):
        return _outcome(400, "structure", "The body is not a FHIR resource.")
    peer = access.get_peer_for(request.user, peer_id, Action.CREATE)
    try:
        made = exchange.import_resources(data, peer=peer, by=request.user)
    except NotAllowed as refusal:
        return _outcome(422, "invalid", str(refusal))
    except NotFound:
        return _outcome(404, "not-found", "No such peer.")
    return JsonResponse(made.summary(), status=201)
