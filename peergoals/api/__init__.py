"""The JSON API under /api/v1/ (django-ninja, OpenAPI 3.1): the same actions, the same access
policy and the same audit log as the pages.

Who is asking (`auth.py`): the site's own session, whose writes need the CSRF token as a form's
do, or a personal access token sent as `Authorization: Bearer pg_...` (`people/tokens.py`: kept
hashed, with a scope and an expiry, made and revoked by its owner on /account/tokens/).

Adding a router (the FHIR exchange does this)::

    # peergoals/fhir/api.py
    from ninja import Router
    router = Router(tags=["fhir"])

    # here, beside the others, before `urls` is read by peergoals/urls.py
    api.add_router("/fhir", fhir_router)

An endpoint gets the acting person and checks the scope like this::

    from peergoals.api.auth import acting_person, require_write
    from peergoals.api.schemas import READ_REFUSALS, WRITE_REFUSALS

    @router.get("/goals/{goal_id}", response={200: GoalOut, **READ_REFUSALS})
    def goal(request, goal_id: int):
        return access.get_goal_for(acting_person(request), goal_id)   # 404 if not theirs

    @router.post("/steps/{step_id}/check-ins", response={201: ..., **WRITE_REFUSALS})
    def check_in(request, step_id: int, sent: CheckInIn):
        person = require_write(request)          # 403 for a read-only token
        step = access.get_step_for(person, step_id, Action.CREATE)
        ...actions.record_check_in(step, by=person, ...)

Every record comes from `peergoals.access` as that person (a token never does what its owner
cannot), every write is an action, and no module here queries the ORM itself (the house rule
for views, tests/test_architecture.py). Refusals map in one place (below): `NotFound` 404 (the
same for missing and forbidden), `NotAllowed` 403 with the practice's reason (only ever raised
once the record was handed to this person, so it tells them nothing new), `Conflict` 409 with
the version saved now, a bad body 422, a read-only token's write 403, too many requests 429.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from peergoals.api import goals, programs
from peergoals.api.auth import PersonalToken, ReadOnlyToken, SignedIn, TooManyRequests
from peergoals.errors import Conflict, NotAllowed, NotFound
from peergoals.fhir.api import router as fhir_router

api = NinjaAPI(
    title="PeerGoals API",
    version="1",
    description=(
        "Goals, steps, check-ins, reviews, wins, the caseload and the program report, as the "
        "pages show them. Authenticate with a personal access token: "
        "`Authorization: Bearer pg_...`."
    ),
    auth=[PersonalToken(), SignedIn()],
    urls_namespace="api",
    # The schema is rendered by our own page (no CDN script under the strict CSP).
    docs_url=None,
)
api.add_router("/", goals.router)
api.add_router("/", programs.router)
api.add_router("/fhir", fhir_router)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, refusal: AuthenticationError) -> HttpResponse:
    detail = _("Send a personal access token (Authorization: Bearer pg_...) or sign in.")
    return api.create_response(request, {"detail": detail}, status=401)


@api.exception_handler(NotFound)
def not_found(request: HttpRequest, refusal: NotFound) -> HttpResponse:
    return api.create_response(request, {"detail": str(refusal)}, status=404)


@api.exception_handler(NotAllowed)
def not_allowed(request: HttpRequest, refusal: NotAllowed) -> HttpResponse:
    return api.create_response(request, {"detail": str(refusal)}, status=403)


@api.exception_handler(ReadOnlyToken)
def read_only(request: HttpRequest, refusal: ReadOnlyToken) -> HttpResponse:
    detail = _("This access token may only read.")
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(TooManyRequests)
def too_many(request: HttpRequest, refusal: TooManyRequests) -> HttpResponse:
    response = api.create_response(
        request, {"detail": _("Too many requests. Please wait a minute.")}, status=429
    )
    response["Retry-After"] = "60"
    return response


@api.exception_handler(Conflict)
def conflict(request: HttpRequest, refusal: Conflict) -> HttpResponse:
    answer = {"detail": str(refusal), "version": refusal.version, "by": refusal.by}
    return api.create_response(request, answer, status=409)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    # A model's own check (full_clean in an action): said like a schema's 422, field by field.
    fields = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
    detail = [{"loc": [field], "msg": " ".join(msgs)} for field, msgs in fields.items()]
    return api.create_response(request, {"detail": detail}, status=422)
