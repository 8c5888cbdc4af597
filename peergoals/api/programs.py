"""The specialist's caseload and the program report's figures, from the same read-side
functions as their pages (people/caseload.py, outcomes/report.py), audited as they are."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from peergoals import access
from peergoals.api.auth import acting_person
from peergoals.api.schemas import READ_REFUSALS, CaseloadPeers, Count, ReportFigures
from peergoals.errors import NotFound
from peergoals.outcomes.forms import ReportForm
from peergoals.outcomes.report import Figure, build_report
from peergoals.people import caseload

router = Router(tags=["caseload and report"])

# Past any caseload: a bigger offset is a mistake (and SQLite takes no offset past 2**63).
MOST_PEERS = 100_000


class CaseloadSlice(Schema):
    """Which part of a caseload to hand out, in the order of the caseload page."""

    offset: int = Field(0, ge=0, le=MOST_PEERS, description="How many peers to skip.")
    limit: int = Field(
        caseload.PAGE_SIZE,
        ge=1,
        le=caseload.PAGE_SIZE,
        description=f"How many peers to send, {caseload.PAGE_SIZE} at the most.",
    )


@router.get(
    "/specialists/{specialist_id}/caseload",
    response={200: CaseloadPeers, **READ_REFUSALS},
    summary="A specialist's caseload (their own, or read-only for their supervisor)",
)
def specialist_caseload(
    request: HttpRequest, specialist_id: int, part: Query[CaseloadSlice]
) -> dict[str, object]:
    person = acting_person(request)
    if specialist_id == person.pk and access.keeps_a_caseload(person):
        specialist = person
    else:
        specialist = access.get_specialist_for(person, specialist_id)
    page = caseload.caseload_figures(specialist, skip=part.offset, take=part.limit)
    # What is handed out is read: one read per peer sent, as the page records its page.
    access.record_caseload_seen(person, [row.peer for row in page.rows])
    return {"count": page.total, "items": page.rows}


class ReportChoice(Schema):
    start: datetime.date | None = None
    end: datetime.date | None = None
    team: int | None = None
    life_area: str = ""


def _count(figure: Figure) -> Count:
    return Count(value=figure.value, hidden=figure.hidden)


@router.get(
    "/report",
    response={200: ReportFigures, **READ_REFUSALS},
    summary="The program report's figures (a supervisor's team, or the whole program)",
)
def report(request: HttpRequest, choice: Query[ReportChoice]) -> ReportFigures:
    person = acting_person(request)
    if not access.may_read_program_report(person):
        raise NotFound(_("No such page."))
    sent = {name: value for name, value in choice.model_dump().items() if value not in (None, "")}
    form = ReportForm(person, sent or None)
    if not form.is_valid():
        raise ValidationError({name: list(problems) for name, problems in form.errors.items()})
    built = build_report(person, form.scope())
    return ReportFigures(
        team=built.scope.team_name,
        start=built.scope.start,
        end=built.scope.end,
        too_few=built.too_few,
        **{
            name: _count(getattr(built, name))
            for name in ReportFigures.model_fields
            if name not in ("team", "start", "end", "too_few")
        },
    )
