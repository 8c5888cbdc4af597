"""The peer's Sharing and Your data pages, and the staff download of a peer's plan.

Parse, ask the access policy, call one action from `peergoals.privacy.actions`, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from peergoals import access
from peergoals.goals.calendar import calendar_of
from peergoals.privacy import actions, calendar_feeds
from peergoals.privacy.forms import CalendarFeedForm, ConsentForm
from peergoals.privacy.models import consents_of
from peergoals.web import Request, domain_errors, page, peer_page, peer_required


def _attachment(data: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _with_retention_days(request: Request, template: str) -> HttpResponse:
    """A page that tells the peer how many days a deletion waits before it is for good."""
    return render(request, template, {"days": actions.retention_window().days})


@peer_page
def sharing(request: Request) -> HttpResponse:
    """What the peer agreed to share, with whom, and their past consents."""
    current, past = consents_of(request.user)
    return render(request, "privacy/sharing.html", {"current": current, "past": past})


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
@peer_required
def give_consent(request: Request) -> HttpResponse:
    """Every element of the consent in plain words, signed by typing one's name."""
    form = ConsentForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                actions.give_consent(
                    request.user,
                    by=request.user,
                    signature=form.cleaned_data["signature"],
                    expires_on=(
                        form.cleaned_data["expires_on"]
                        if form.cleaned_data["ends"] == "date"
                        else None
                    ),
                    until_event=form.cleaned_data["ends"] == "event",
                    program_reports=form.cleaned_data["program_reports"],
                )
            except actions.NotAllowed as refusal:
                form.add_error(None, str(refusal))
            else:
                return redirect("privacy:sharing")
    context = {"form": form, "terms": actions.consent_terms()}
    return render(request, "privacy/give.html", context, status=status)


@login_required
@require_POST
@peer_required
@domain_errors
def revoke_consent(request: Request) -> HttpResponse:
    """Stop sharing with one tap; the next page explains what that means."""
    actions.revoke_consent(request.user, by=request.user)
    return redirect("privacy:stopped")


@login_required
@require_GET
@peer_required
def stopped(request: Request) -> HttpResponse:
    """What happens now that the peer stopped sharing."""
    return render(request, "privacy/stopped.html", {"program": actions.program_name()})


@peer_page
def my_data(request: Request) -> HttpResponse:
    """Download all of one's data, or ask for it to be deleted."""
    return _with_retention_days(request, "privacy/my_data.html")


@peer_page
def download_my_data(request: Request) -> HttpResponse:
    """All the peer's data as one JSON file."""
    data = actions.export_my_data(request.user, by=request.user)
    day = timezone.localdate().isoformat()
    return _attachment(actions.as_json(data), f"peergoals-my-data-{day}.json")


@peer_page
def download_my_check_ins(request: Request) -> HttpResponse:
    """The peer's check-ins as a CSV file for a spreadsheet."""
    data = actions.export_my_check_ins(request.user, by=request.user)
    response = HttpResponse(data.encode("utf-8"), content_type="text/csv; charset=utf-8")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="peergoals-my-check-ins-{day}.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
@peer_required
def delete_my_data(request: Request) -> HttpResponse:
    """Explain what deleting means; on confirmation, sign the peer out for good."""
    if request.method == "GET":
        return _with_retention_days(request, "privacy/delete.html")
    actions.request_deletion(request.user, by=request.user)
    logout(request)
    return redirect("privacy:deleted")


@require_GET
def deleted(request: Request) -> HttpResponse:
    """Shown once the peer is signed out after asking for deletion."""
    return _with_retention_days(request, "privacy/deleted.html")


@page
def download_peer_records(request: Request, peer_id: int) -> HttpResponse:
    """A peer's plan and records for their staff; refused without a valid consent."""
    peer = access.get_peer_or_not_sharing_for(request.user, peer_id)
    try:
        data = actions.export_peer_records(peer, by=request.user)
    except actions.ExportRefused as refusal:
        return render(request, "privacy/refused.html", {"message": str(refusal)}, status=403)
    day = timezone.localdate().isoformat()
    return _attachment(actions.as_json(data), f"peergoals-{peer.username}-{day}.json")


# The calendar feed ---------------------------------------------------------------------------


def _calendar_page(request: Request, *, address: str = "", status: int = 200) -> HttpResponse:
    context = {
        "feed": calendar_feeds.live_calendar_feed(request.user),
        "address": address,
        # The same address for a phone's calendar to subscribe to in one tap.
        "subscribe": "webcal://" + address.split("://", 1)[-1] if address else "",
        "form": CalendarFeedForm(),
    }
    return render(request, "privacy/calendar.html", context, status=status)


def _full_titles(request: Request) -> bool:
    """Whether the calendar is to show the steps' own words; a form that cannot be read asks
    for the neutral titles, the private choice."""
    form = CalendarFeedForm(request.POST)
    return bool(form.is_valid() and form.cleaned_data["full_titles"])


@peer_page
def calendar(request: Request) -> HttpResponse:
    """The peer's calendar address: make one, choose what it shows, stop it."""
    return _calendar_page(request)


@login_required
@require_POST
@never_cache
@peer_required
def start_calendar(request: Request) -> HttpResponse:
    """Make a new address and show it, this once: only its hash is kept."""
    _feed, secret = calendar_feeds.start_calendar_feed(
        request.user, by=request.user, full_titles=_full_titles(request)
    )
    address = request.build_absolute_uri(reverse("privacy:calendar_feed")) + f"?token={secret}"
    return _calendar_page(request, address=address)


@login_required
@require_POST
@peer_required
@domain_errors
def calendar_titles(request: Request) -> HttpResponse:
    """Show the steps' own words in the calendar, or neutral titles."""
    calendar_feeds.show_full_titles(
        request.user, by=request.user, full_titles=_full_titles(request)
    )
    messages.success(request, _("Saved. Your calendar app shows it the next time it updates."))
    return redirect("privacy:calendar")


@login_required
@require_POST
@peer_required
def stop_calendar(request: Request) -> HttpResponse:
    """Stop the address: the calendar app gets nothing new from it."""
    if calendar_feeds.stop_calendar_feed(request.user, by=request.user) is not None:
        messages.success(request, _("Your calendar address is stopped. It shows nothing new."))
    return redirect("privacy:calendar")


@require_safe
@never_cache
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """The calendar a calendar app reads, with no sign-in: the secret in the address is the
    key. An unknown or stopped address is a plain 404. The secret travels in the query string,
    which the audit log's path and Django's request log leave out."""
    feed = calendar_feeds.read_calendar_feed(request.GET.get("token", ""))
    link = request.build_absolute_uri(reverse("goals:today"))
    body = calendar_of(feed.peer, full_titles=feed.full_titles, link=link)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="peergoals.ics"'
    # Search engines never list it, even if the address leaks into a page somewhere.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
