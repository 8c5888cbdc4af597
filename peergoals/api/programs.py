"""The specialist's caseload and the program report's figures, from the same read-side
functions as their pages (people/caseload.py, outcomes/report.py), audited as they are."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from peergoals import access
from peergoals.api.auth import acting_person
from peergoals.api.schemas import READ_REFUSALS, CaseloadPeer, Count, ReportFigures
from peergoals.errors import NotFound
from peergoals.outcomes.forms import ReportForm
from peergoals.outcomes.report import Figure, build_report
from peergoals.people import caseload
from peergoals.people.caseload import CaseloadFigures

router = Router(tags=["caseload and report"])


def _rows(request: HttpRequest, specialist_id: int) -> list[CaseloadFigures]:
    person = acting_person(request)
    if specialist_id == person.pk and access.keeps_a_caseload(person):
        specialist = person
    else:
        specialist = access.get_specialist_for(person, specialist_id)
    rows = caseload.caseload_figures(specialist)
    # The whole list is handed out: one read per listed peer, as the page records its page.
    access.record_caseload_seen(person, [row.peer for row in rows])
    return rows


@router.get(
    "/specialists/{specialist_id}/caseload",
    response={200: list[CaseloadPeer], **READ_REFUSALS},
    summary="A specialist's caseload (their own, or read-only for their supervisor)",
)
def specialist_caseload(request: HttpRequest, specialist_id: int) -> list[CaseloadFigures]:
    return _rows(request, specialist_id)


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
