"""The peer's "who has seen my plan" page and the admins' audit log download."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from peergoals import access
from peergoals.audit.actions import export_audit_log
from peergoals.audit.forms import ExportForm
from peergoals.web import Request, page, peer_page

PER_PAGE = 25


@peer_page
def seen(request: Request) -> HttpResponse:
    """Who looked at or changed the peer's records, newest first."""
    entries = access.seen_by_others_for(request.user)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "audit/seen.html", {"page": page})


@page
def export(request: Request) -> HttpResponse | StreamingHttpResponse:
    """A program admin downloads the audit log for a range of days, as CSV."""
    entries = access.audit_log_for(request.user)
    form = ExportForm(request.GET or None, initial=ExportForm.last_month())
    if not form.is_bound or not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(request, "audit/export.html", {"form": form}, status=status)
    since, until = form.cleaned_data["since"], form.cleaned_data["until"]
    lines = export_audit_log(entries, by=request.user, since=since, until=until, fmt="csv")
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"peergoals-audit-{since.isoformat()}-to-{until.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
