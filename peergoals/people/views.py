"""Where each person lands, the specialist's caseload and the supervisor's team."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails
from django_otp.plugins.otp_totp.models import TOTPDevice

from peergoals import access
from peergoals.db import SubqueryCount
from peergoals.goals.models import CheckIn, Goal, LifeArea, Status, Step, Win
from peergoals.help import call_link
from peergoals.people import actions
from peergoals.people.forms import CodeForm
from peergoals.people.models import Assignment, Role, User
from peergoals.people.two_factor import (
    has_confirmed_device,
    is_verified,
    must_use_two_factor,
    qr_code_data_uri,
    secret_key_text,
)

# A peer with no check-in for this long gets a friendly "reach out", never an alarm.
QUIET_AFTER = datetime.timedelta(days=14)
# Wins this recent are shown for the specialist to celebrate with the peer.
RECENT_WINS = datetime.timedelta(days=14)


class Request(HttpRequest):
    """A request from someone signed in (every view here is behind login_required)."""

    user: User
    htmx: HtmxDetails


@login_required
@require_GET
def home(request: Request) -> HttpResponse:
    """Send each person to the page they use most."""
    role = request.user.role
    if role == Role.PEER:
        return redirect("goals:today")
    if role == Role.SPECIALIST:
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


@dataclass
class CaseloadRow:
    """One peer on a caseload, with what the specialist may want to act on."""

    peer: User
    last_check_in: datetime.datetime | None
    reviews_due: int
    reviews_overdue: int
    next_review_on: datetime.date | None
    active_goals: int
    waiting_for_answer: int
    waiting_since: datetime.datetime | None
    recent_wins: list[Win]

    @property
    def went_quiet(self) -> bool:
        return self.last_check_in is None or timezone.now() - self.last_check_in > QUIET_AFTER


# Statuses a specialist filters a caseload by, in their words; declined goals are the peer's
# answer, not work to follow up.
CASELOAD_STATUSES = [
    (Status.ACTIVE, gettext_lazy("Working on it")),
    (Status.PROPOSED, gettext_lazy("Suggested, waiting for an answer")),
    (Status.PLANNED, gettext_lazy("An idea for now")),
    (Status.ON_HOLD, gettext_lazy("Paused")),
    (Status.COMPLETED, gettext_lazy("Done")),
    (Status.CANCELLED, gettext_lazy("Let go")),
]


class CaseloadFilters(forms.Form):
    """The caseload's filters, from the query string. A value that isn't a choice is ignored."""

    area = forms.ChoiceField(
        label=gettext_lazy("Life area"),
        choices=[("", gettext_lazy("Any life area")), *LifeArea.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Goal status"),
        choices=[("", gettext_lazy("Any status")), *CASELOAD_STATUSES],
        required=False,
    )


def parse_filters(query: QueryDict) -> tuple[dict[str, str], list[str]]:
    """The valid filters, and what was ignored (the field's name and the value given)."""
    form = CaseloadFilters(query)
    form.is_valid()
    chosen = {name: value for name, value in form.cleaned_data.items() if value}
    ignored = [
        _("%(field)s: “%(value)s”") % {"field": form.fields[name].label, "value": query[name][:40]}
        for name in form.errors
    ]
    return chosen, ignored


def caseload_of(
    specialist: User, *, area: str | None = None, status: str | None = None
) -> list[CaseloadRow]:
    """The specialist's current peers, in a fixed number of queries whatever the caseload size.

    With `area` or `status`, only peers with such a goal are listed, and what is counted for
    them (reviews, suggestions, wins) is about those goals.
    """
    today = timezone.localdate()
    goals = Goal.objects.filter(peer=OuterRef("pk"))
    steps = Step.objects.filter(goal__peer=OuterRef("pk"), status=Status.PROPOSED)
    recent_wins = Win.objects.filter(created_at__gte=timezone.now() - RECENT_WINS)
    if area:
        goals = goals.filter(life_area=area)
        steps = steps.filter(goal__life_area=area)
        recent_wins = recent_wins.filter(goal__life_area=area)
    if status:
        goals = goals.filter(status=status)
        steps = steps.filter(goal__status=status)
        recent_wins = recent_wins.filter(goal__status=status)
    active = goals.filter(status=Status.ACTIVE)
    proposed = goals.filter(status=Status.PROPOSED)
    last_check_in = (
        CheckIn.objects.filter(peer=OuterRef("pk")).order_by("-recorded_at").values("recorded_at")
    )
    next_review = (
        active.filter(next_review_on__isnull=False)
        .order_by("next_review_on")
        .values("next_review_on")
    )
    peers = access.peers_for(specialist)
    if area or status:
        peers = peers.filter(Exists(goals))
    peers = (
        peers.annotate(
            last_check_in=Subquery(last_check_in[:1]),
            reviews_due=SubqueryCount(active.filter(next_review_on__lte=today)),
            reviews_overdue=SubqueryCount(active.filter(next_review_on__lt=today)),
            next_review_on=Subquery(next_review[:1]),
            active_goals=SubqueryCount(active),
            proposed_goals=SubqueryCount(proposed),
            proposed_steps=SubqueryCount(steps),
            goal_waiting_since=Subquery(proposed.order_by("created_at").values("created_at")[:1]),
            step_waiting_since=Subquery(steps.order_by("created_at").values("created_at")[:1]),
        )
        .prefetch_related(
            Prefetch("wins", queryset=recent_wins.select_related("goal", "step"), to_attr="recent")
        )
        .order_by("preferred_name", "username")
    )
    return [
        CaseloadRow(
            peer=peer,
            last_check_in=peer.last_check_in,
            reviews_due=peer.reviews_due,
            reviews_overdue=peer.reviews_overdue,
            next_review_on=peer.next_review_on,
            active_goals=peer.active_goals,
            waiting_for_answer=peer.proposed_goals + peer.proposed_steps,
            waiting_since=min(
                filter(None, [peer.goal_waiting_since, peer.step_waiting_since]), default=None
            ),
            recent_wins=peer.recent,
        )
        for peer in peers
    ]


FAR_PAST = datetime.datetime.min.replace(tzinfo=datetime.UTC)
FAR_FUTURE = datetime.date.max


def needs_attention(rows: list[CaseloadRow]) -> dict[str, list[CaseloadRow]]:
    """Each list in the order it needs attention: the review longest past its date first, the
    peer quiet longest first (never checked in before that), the newest win first, and the
    suggestion waiting longest first."""
    return {
        "reviews_due": sorted(
            (row for row in rows if row.reviews_due),
            key=lambda row: row.next_review_on or FAR_FUTURE,
        ),
        "quiet": sorted(
            (row for row in rows if row.went_quiet),
            key=lambda row: row.last_check_in or FAR_PAST,
        ),
        "with_wins": sorted(
            (row for row in rows if row.recent_wins),
            key=lambda row: row.recent_wins[0].created_at,
            reverse=True,
        ),
        "waiting": sorted(
            (row for row in rows if row.waiting_for_answer),
            key=lambda row: row.waiting_since or FAR_PAST,
        ),
    }


def _render_caseload(
    request: Request, specialist: User, *, read_only: bool, status: int = 200
) -> HttpResponse:
    chosen, ignored = parse_filters(request.GET)
    rows = caseload_of(specialist, area=chosen.get("area"), status=chosen.get("status"))
    access.record_caseload_seen(request.user, [row.peer for row in rows])
    context = {
        "specialist": specialist,
        "rows": rows,
        "read_only": read_only,
        "filters": CaseloadFilters(initial=chosen),
        "filtered": bool(chosen),
        "ignored": ignored,
        **needs_attention(rows),
        # Names only: their records stay closed until they agree to share.
        "not_sharing": access.peers_not_sharing(specialist).order_by("preferred_name", "username"),
    }
    return render(request, "people/caseload.html", context, status=status)


@login_required
@require_GET
@never_cache
def caseload(request: Request) -> HttpResponse:
    """The specialist's own caseload: who to review, reach out to, and celebrate with."""
    if request.user.role != Role.SPECIALIST:
        return redirect("home")
    return _render_caseload(request, request.user, read_only=False)


@login_required
@require_GET
@never_cache
def specialist(request: Request, specialist_id: int) -> HttpResponse:
    """A specialist's caseload as their supervisor sees it: read-only."""
    person = access.get_specialist_for(request.user, specialist_id)
    if person.pk == request.user.pk:
        return redirect("people:caseload")
    return _render_caseload(request, person, read_only=True)


@login_required
@require_GET
@never_cache
def team(request: Request) -> HttpResponse:
    """The supervisor's team: each specialist's caseload size, overdue reviews and recent wins."""
    if request.user.role == Role.PEER:
        return redirect("goals:today")
    if request.user.role == Role.SPECIALIST:
        return redirect("people:caseload")
    today = timezone.localdate()
    # Counts drawn from records include only the peers whose records this person may reach:
    # a peer who has not agreed to share, or asked to be deleted, adds nothing.
    on_caseload = Assignment.objects.current().filter(
        specialist=OuterRef(OuterRef("pk")),
        peer__in=access.peers_for(request.user).values("id"),
    )
    specialists = (
        access.specialists_for(request.user)
        .annotate(
            caseload_size=SubqueryCount(
                Assignment.objects.current().filter(
                    specialist=OuterRef("pk"),
                    peer__is_active=True,
                    peer__deletion_requested_at__isnull=True,
                )
            ),
            reviews_overdue=SubqueryCount(
                Goal.objects.filter(
                    status=Status.ACTIVE,
                    next_review_on__lt=today,
                    peer__in=on_caseload.values("peer_id"),
                )
            ),
            recent_wins=SubqueryCount(
                Win.objects.filter(
                    created_at__gte=timezone.now() - RECENT_WINS,
                    peer__in=on_caseload.values("peer_id"),
                )
            ),
        )
        .select_related("team")
        .order_by("preferred_name", "username")
    )
    return render(request, "people/team.html", {"specialists": specialists})


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
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
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
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("people:two_factor_enroll")
    if is_verified(request.user):
        return redirect("home")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if _code_accepted(form, lambda code: actions.verify_code(request, device, code)):
        return redirect(_safe_next(request) or "home")
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


def _safe_next(request: HttpRequest) -> str | None:
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None
