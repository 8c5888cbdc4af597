"""The program's outcome report for supervisors (their team) and program admins (the whole
program): the page, its CSV and its PDF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from peergoals import access
from peergoals.errors import NotFound
from peergoals.outcomes import downloads
from peergoals.outcomes.charts import bar_chart
from peergoals.outcomes.forms import ReportForm
from peergoals.outcomes.report import ProgramReport, build_report
from peergoals.web import Request, page


def _report(request: Request) -> tuple[ReportForm, ProgramReport | None]:
    """The form as sent (or its defaults) and, when it holds, the report it asks for."""
    if not access.may_read_program_report(request.user):
        raise NotFound(_("No such page."))
    form = ReportForm(request.user, request.GET or None)
    if not form.is_valid():
        return form, None
    return form, build_report(request.user, form.scope())


def _context(form: ReportForm, report: ProgramReport | None) -> dict[str, Any]:
    context: dict[str, Any] = {"form": form, "report": report}
    if report is not None and not report.too_few and report.gas is not None:
        context["gas_chart"] = bar_chart(
            [(name, (before, after)) for name, before, after in report.gas.bands],
            [_("At the start"), _("Latest")],
        )
        context["review_chart"] = bar_chart(
            [
                (_("On time"), (report.reviews_on_time,)),
                (_("Late"), (report.reviews_late,)),
            ],
            [_("Reviews")],
        )
    return context


@page
def report(request: Request) -> HttpResponse:
    """The report for a period, a team or the whole program, and a life area."""
    form, built = _report(request)
    status = 200 if form.is_valid() else 400
    return render(request, "outcomes/report.html", _context(form, built), status=status)


def _filename(built: ProgramReport, extension: str) -> str:
    scope = built.scope
    team = f"team-{scope.team.pk}" if scope.team else "program"
    return f"peergoals-report-{team}-{scope.start.isoformat()}-{scope.end.isoformat()}.{extension}"


@page
def report_csv(request: Request) -> HttpResponse:
    """One row per peer, goal and period, formula-safe, UTF-8 with a byte order mark."""
    return _download(
        request, "csv", "text/csv; charset=utf-8", lambda _form, built: downloads.report_csv(built)
    )


@page
def report_pdf(request: Request) -> HttpResponse:
    """The report's page, with its charts and tables, as a PDF."""

    def pdf(form: ReportForm, built: ProgramReport) -> bytes:
        html = render_to_string("outcomes/report_pdf.html", _context(form, built), request=request)
        return downloads.report_pdf(html)

    return _download(request, "pdf", "application/pdf", pdf)


def _download(
    request: Request,
    extension: str,
    content_type: str,
    content: Callable[[ReportForm, ProgramReport], str | bytes],
) -> HttpResponse:
    """The report as a file to download (its downloading recorded), or the page saying why
    there is none (bad choices, too few peers)."""
    form, built = _report(request)
    if built is None or built.too_few:
        return render(request, "outcomes/report.html", _context(form, built), status=400)
    access.record_report_downloaded(request.user, built.scope.for_audit())
    response = HttpResponse(content(form, built), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(built, extension)}"'
    return response
