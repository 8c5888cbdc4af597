"""Where each person lands, the specialist's caseload and the supervisor's team."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peergoals import access
from peergoals.errors import NotAllowed
from peergoals.help import call_link
from peergoals.people import actions, caseload
from peergoals.people.forms import CodeForm, LanguageForm, OutreachForm
from peergoals.people.models import OutreachKind, User
from peergoals.people.two_factor import (
    confirmed_device,
    has_confirmed_device,
    is_verified,
    must_use_two_factor,
    qr_code_data_uri,
    secret_key_text,
)
from peergoals.web import Request, page, refused, safe_next


@login_required
@require_GET
def home(request: Request) -> HttpResponse:
    """Send each person to the page they use most."""
    if request.user.is_peer:
        return redirect("goals:today")
    if access.keeps_a_caseload(request.user):
        return redirect("people:caseload")
    return redirect("people:team")


@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    """Crisis lines and the program's own contact, for everyone, signed in or not."""
    context = {
        "crisis_lines": settings.PEERGOALS_CRISIS_LINES,
        "emergency_number": settings.PEERGOALS_EMERGENCY_NUMBER,
        "emergency_link": call_link(settings.PEERGOALS_EMERGENCY_NUMBER),
        "program_name": settings.PEERGOALS_PROGRAM_NAME,
        "program_phone": settings.PEERGOALS_PROGRAM_PHONE,
        "program_phone_link": call_link(settings.PEERGOALS_PROGRAM_PHONE),
        "program_email": settings.PEERGOALS_PROGRAM_EMAIL,
        "program_hours": settings.PEERGOALS_PROGRAM_HOURS,
    }
    return render(request, "people/help.html", context)


def _render_caseload(
    request: Request, specialist: User, *, read_only: bool, status: int = 200
) -> HttpResponse:
    chosen, ignored = caseload.parse_filters(request.GET)
    rows = caseload.caseload_of(specialist, area=chosen.get("area"), status=chosen.get("status"))
    page = caseload.page_of(rows, request.GET.get("page"))
    attention = caseload.needs_attention(rows)
    access.record_caseload_seen(request.user, caseload.peers_shown(page, attention))
    context = {
        "specialist": specialist,
        "page": page,
        "read_only": read_only,
        "outreach_kinds": OutreachKind.choices,
        "filters": caseload.CaseloadFilters(initial=chosen),
        "filtered": bool(chosen),
        "ignored": ignored,
        **attention,
        # Names only: their records stay closed until they agree to share.
        "not_sharing": caseload.not_sharing_on_caseload_of(specialist),
    }
    return render(request, "people/caseload.html", context, status=status)


@page
def own_caseload(request: Request) -> HttpResponse:
    """The specialist's own caseload: who to review, reach out to, and celebrate with."""
    if not access.keeps_a_caseload(request.user):
        return redirect("home")
    return _render_caseload(request, request.user, read_only=False)


@page
def specialist(request: Request, specialist_id: int) -> HttpResponse:
    """A specialist's caseload as their supervisor sees it: read-only."""
    person = access.get_specialist_for(request.user, specialist_id)
    if person.pk == request.user.pk:
        return redirect("people:caseload")
    return _render_caseload(request, person, read_only=True)


@page
def team(request: Request) -> HttpResponse:
    """The supervisor's team: each specialist's caseload size, overdue reviews and recent wins."""
    if not access.may_see_a_team(request.user):
        return home(request)
    return render(request, "people/team.html", {"specialists": caseload.team_of(request.user)})


@login_required
@require_GET
def two_factor(request: Request) -> HttpResponse:
    """The person's two-step sign-in: on or off, and a way to turn it on, off or change phones."""
    return _render_two_factor(request, CodeForm())


def _render_two_factor(request: Request, off_form: CodeForm) -> HttpResponse:
    context = {
        "is_on": has_confirmed_device(request.user),
        "required": must_use_two_factor(request.user),
        "off_form": off_form,
    }
    return render(request, "people/two_factor.html", context, status=_status(off_form))


@login_required
@require_POST
def two_factor_off(request: Request) -> HttpResponse:
    """A peer turns their two-step sign-in off with a code from the app (staff can't)."""
    device = confirmed_device(request.user)
    if device is None or must_use_two_factor(request.user):
        return redirect("people:two_factor")
    form = CodeForm(request.POST)
    if _code_accepted(form, lambda code: actions.stop_two_factor(request, device, code)):
        messages.success(request, _("Two-step sign-in is off. Your password alone lets you in."))
        return redirect("people:two_factor")
    return _render_two_factor(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_enroll(request: Request) -> HttpResponse:
    """Set up an authenticator app: scan the QR code (or type the key), then type a code."""
    if has_confirmed_device(request.user) and not is_verified(request.user):
        # Replacing a phone needs the old one first; a lost phone is an operator's reset.
        return redirect("people:two_factor_verify")
    device = actions.start_two_factor(request.user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if _code_accepted(form, lambda code: actions.confirm_two_factor(request, device, code)):
        messages.success(request, _("Two-step sign-in is on. You'll need your app each time."))
        return redirect("home")
    context = {
        "form": form,
        "qr_code": qr_code_data_uri(device),
        "secret_key": secret_key_text(device),
    }
    return render(request, "people/two_factor_enroll.html", context, status=_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: Request) -> HttpResponse:
    """Ask for the 6-digit code before anything else, once per sign-in."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect("people:two_factor_enroll")
    if is_verified(request.user):
        return redirect("home")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if _code_accepted(form, lambda code: actions.verify_code(request, device, code)):
        return redirect(safe_next(request, request.GET.get("next", "")) or "home")
    return render(request, "people/two_factor_verify.html", {"form": form}, status=_status(form))


def _code_accepted(form: CodeForm, check: Callable[[str], None]) -> bool:
    """Whether a code was posted and `check` took it; a refusal is shown beside the field."""
    if not form.is_valid():
        return False
    try:
        check(form.cleaned_data["code"])
    except actions.WrongCode as refusal:
        form.add_error("code", str(refusal))
        return False
    return True


def _status(form: CodeForm) -> int:
    return 400 if form.is_bound and form.errors else 200


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """Speak the chosen language from now on: saved on the profile of someone signed in, and in
    a cookie, so the sign-in page after they log out speaks it too."""
    form = LanguageForm(request.POST)
    if not form.is_valid():
        # Only a tampered form sends an unknown language: nothing changes.
        return redirect("home")
    language = form.cleaned_data["language"]
    if isinstance(request.user, User):
        actions.choose_language(request.user, language)
    response = redirect(safe_next(request, form.cleaned_data["next"]) or "home")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


@login_required
@require_POST
def outreach(request: Request, peer_id: int) -> HttpResponse:
    """The specialist records reaching out to a peer (a call, a text, a visit or a note)."""
    peer = access.get_peer_for(request.user, peer_id, access.Action.CREATE)
    back = safe_next(request, request.POST.get("next", "")) or reverse("people:caseload")
    form = OutreachForm(request.POST)
    if not form.is_valid():
        return refused(request, _("Please say how you reached out."), back)
    try:
        done = actions.record_outreach(peer, by=request.user, **form.cleaned_data)
    except NotAllowed as refusal:
        return refused(request, str(refusal), back)
    messages.success(
        request,
        _("Saved: %(kind)s to %(name)s.")
        % {"kind": done.get_kind_display().lower(), "name": peer.display_name},
    )
    return redirect(back)
