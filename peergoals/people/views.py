"""Where each person lands, the specialist's caseload and the supervisor's team."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_htmx.middleware import HtmxDetails

from peergoals import access
from peergoals.goals.models import CheckIn, Goal, Status, Step, Win
from peergoals.people.models import Assignment, Role, User

# A peer with no check-in for this long gets a friendly "reach out", never an alarm.
QUIET_AFTER = datetime.timedelta(days=14)
# Wins this recent are shown for the specialist to celebrate with the peer.
RECENT_WINS = datetime.timedelta(days=14)


class Request(HttpRequest):
    """A request from someone signed in (every view here is behind login_required)."""

    user: User
    htmx: HtmxDetails


class SubqueryCount(Subquery):
    """How many rows a correlated queryset has, as one column of the outer query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS _counted)"
    output_field = IntegerField()

    def __init__(self, queryset: QuerySet[Any]) -> None:
        super().__init__(queryset.order_by().values("pk"))


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
    recent_wins: list[Win]

    @property
    def went_quiet(self) -> bool:
        return self.last_check_in is None or timezone.now() - self.last_check_in > QUIET_AFTER


def caseload_of(specialist: User) -> list[CaseloadRow]:
    """The specialist's current peers, in a fixed number of queries whatever the caseload size."""
    today = timezone.localdate()
    goals = Goal.objects.filter(peer=OuterRef("pk"))
    active = goals.filter(status=Status.ACTIVE)
    last_check_in = (
        CheckIn.objects.filter(peer=OuterRef("pk")).order_by("-recorded_at").values("recorded_at")
    )
    next_review = (
        active.filter(next_review_on__isnull=False)
        .order_by("next_review_on")
        .values("next_review_on")
    )
    recent_wins = Win.objects.filter(created_at__gte=timezone.now() - RECENT_WINS)
    peers = (
        access.peers_for(specialist)
        .annotate(
            last_check_in=Subquery(last_check_in[:1]),
            reviews_due=SubqueryCount(active.filter(next_review_on__lte=today)),
            reviews_overdue=SubqueryCount(active.filter(next_review_on__lt=today)),
            next_review_on=Subquery(next_review[:1]),
            active_goals=SubqueryCount(active),
            proposed_goals=SubqueryCount(goals.filter(status=Status.PROPOSED)),
            proposed_steps=SubqueryCount(
                Step.objects.filter(goal__peer=OuterRef("pk"), status=Status.PROPOSED)
            ),
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
            recent_wins=peer.recent,
        )
        for peer in peers
    ]


def _render_caseload(
    request: Request, specialist: User, *, read_only: bool, status: int = 200
) -> HttpResponse:
    rows = caseload_of(specialist)
    access.record_caseload_seen(request.user, [row.peer for row in rows])
    context = {
        "specialist": specialist,
        "rows": rows,
        "read_only": read_only,
        "reviews_due": [row for row in rows if row.reviews_due],
        "quiet": [row for row in rows if row.went_quiet],
        "with_wins": [row for row in rows if row.recent_wins],
        "waiting": [row for row in rows if row.waiting_for_answer],
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
    on_caseload = Assignment.objects.current().filter(
        specialist=OuterRef(OuterRef("pk")), peer__is_active=True
    )
    specialists = (
        access.specialists_for(request.user)
        .annotate(
            caseload_size=SubqueryCount(
                Assignment.objects.current().filter(specialist=OuterRef("pk"), peer__is_active=True)
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
