"""What a specialist's caseload and a supervisor's team show: the read side of those pages.

Pure functions over QuerySets, a fixed number of queries whatever the caseload size; the pages,
and later the API, the outcomes report and the reminders, all ask these.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from peergoals import access
from peergoals.db import SubqueryCount
from peergoals.goals.models import CheckIn, Feeling, Goal, GoalQuerySet, LifeArea, Status, Step, Win
from peergoals.people.models import Assignment, Outreach, User
from peergoals.privacy.models import Consent

# A peer with no check-in for this long gets a friendly "reach out", never an alarm.
QUIET_AFTER = datetime.timedelta(days=14)
# Wins this recent are shown for the specialist to celebrate with the peer.
RECENT_WINS = datetime.timedelta(days=14)
# A check-in that said "Overwhelmed" this recently shows the peer as "may need support".
SUPPORT_AFTER_OVERWHELMED = datetime.timedelta(days=7)

# A long caseload is shown this many peers a page, and each list of who needs attention shows
# at most this many (the rest are counted and are in the list of everyone), so a page costs
# the same whether the caseload holds 50 peers or 500. The API hands out a caseload as many
# peers at a time.
PAGE_SIZE = 100


def recent_wins_of_all() -> QuerySet[Win]:
    """Every win recent enough to celebrate, whoever's: narrow it to the peers a page shows."""
    return Win.objects.filter(created_at__gte=timezone.now() - RECENT_WINS)


@dataclass
class CaseloadFigures:
    """One peer on a caseload, in figures (what the API sends for each peer)."""

    peer: User
    last_check_in: datetime.datetime | None
    reviews_due: int
    reviews_overdue: int
    next_review_on: datetime.date | None
    active_goals: int
    waiting_for_answer: int
    may_need_support: bool

    @property
    def went_quiet(self) -> bool:
        return self.last_check_in is None or timezone.now() - self.last_check_in > QUIET_AFTER


@dataclass
class CaseloadRow(CaseloadFigures):
    """One peer on the caseload page, with what the specialist may want to act on."""

    waiting_since: datetime.datetime | None
    recent_wins: int
    latest_win: Win | None
    last_outreach: datetime.datetime | None = None

    # What the page says about the peer, worked out here once per row: a caseload draws each
    # row in up to five lists, and these cost the template far more as tags than here.

    @functools.cached_property
    def name(self) -> str:
        return self.peer.display_name

    @functools.cached_property
    def url(self) -> str:
        return reverse("goals:peer", args=[self.peer.pk])

    @functools.cached_property
    def link(self) -> str:
        """The peer's name linking to their page: one piece of markup for every list it is in."""
        return format_html('<a href="{}">{}</a>', self.url, self.name)

    @functools.cached_property
    def summary(self) -> str:
        """Goals in progress, the next look back and the last check-in (the list of everyone)."""
        n = self.active_goals
        parts = [ngettext("%(n)s goal in progress", "%(n)s goals in progress", n) % {"n": n}]
        if self.next_review_on:
            parts.append(_("next look back %(day)s") % {"day": _day(self.next_review_on)})
        if self.last_check_in:
            parts.append(_("last check-in %(day)s") % {"day": _day(self.last_check_in)})
        return " · ".join(parts)

    @functools.cached_property
    def reviews_text(self) -> str:
        n = self.reviews_due
        text = ngettext("%(n)s goal", "%(n)s goals", n) % {"n": n}
        if self.reviews_overdue and self.next_review_on:
            since = _("some are past their date (since %(day)s)")
            text += " · " + since % {"day": _day(self.next_review_on)}
        return text

    @functools.cached_property
    def quiet_text(self) -> str:
        if self.last_check_in:
            last = _("last check-in %(day)s") % {"day": _day(self.last_check_in)}
        else:
            last = _("no check-ins yet")
        # Whole sentences for the translators (xgettext reads no call inside an f-string).
        return _("%(last)s · reach out and say hello") % {"last": last}

    @functools.cached_property
    def wins_text(self) -> str:
        assert self.latest_win is not None  # only rows with recent wins say this
        n = self.recent_wins
        wins = ngettext("%(n)s win", "%(n)s wins", n) % {"n": n}
        return _("%(wins)s. Latest: %(win)s") % {
            "wins": wins,
            "win": self.latest_win.message_about_peer,
        }

    @functools.cached_property
    def waiting_text(self) -> str:
        if self.waiting_since:
            since = _("waiting since %(day)s") % {"day": _day(self.waiting_since)}
            return f"{self.waiting_for_answer} · {since}"
        return str(self.waiting_for_answer)


def _day(value: datetime.date) -> str:
    """A day as the caseload writes it ("Mar 4"), a moment on the program's calendar."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return _day_in(value, get_language())


# A caseload writes a few hundred days, most of them the same few: each is formatted once per
# language (the format only reads the date and the language's own words).
@functools.lru_cache(maxsize=1024)
def _day_in(day: datetime.date, language: str | None) -> str:
    return date_format(day, "MONTH_DAY_FORMAT")


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
    scope = _Scope.of(area, status)
    peers = _with_figures(specialist, scope).annotate(
        goal_waiting_since=Subquery(
            scope.proposed_goals.order_by("created_at").values("created_at")[:1]
        ),
        step_waiting_since=Subquery(
            scope.proposed_steps.order_by("created_at").values("created_at")[:1]
        ),
        recent_wins=SubqueryCount(scope.recent_wins.filter(peer=OuterRef("pk"))),
        latest_win_id=Subquery(
            scope.recent_wins.filter(peer=OuterRef("pk")).order_by("-created_at").values("id")[:1]
        ),
        last_outreach=Subquery(
            Outreach.objects.filter(peer=OuterRef("pk")).order_by("-at").values("at")[:1]
        ),
    )
    # Only each peer's latest win is shown (with how many there were): those alone are loaded,
    # not every win of the last two weeks with its goal and step.
    listed = list(peers)
    whose_win = {peer.latest_win_id: peer for peer in listed if peer.latest_win_id}
    latest_wins = Win.objects.worded().in_bulk(list(whose_win))
    for win in latest_wins.values():
        win.peer = whose_win[win.pk]
    return [
        CaseloadRow(
            **_figures(peer),
            waiting_since=min(
                filter(None, [peer.goal_waiting_since, peer.step_waiting_since]), default=None
            ),
            recent_wins=peer.recent_wins,
            latest_win=latest_wins.get(peer.latest_win_id),
            last_outreach=peer.last_outreach,
        )
        for peer in listed
    ]


def caseload_figures(specialist: User, *, skip: int = 0, take: int = PAGE_SIZE) -> CaseloadPage:
    """`take` of the specialist's current peers from the `skip`th on, in figures alone, as
    caseload_of counts them (without the page's lists of wins, outreach and how long
    suggestions have waited), and how many peers the whole caseload holds.

    Only the peers of the part asked for are counted up, so a part costs the same whatever the
    caseload's size (the total is one count of its peers).
    """
    peers = _with_figures(specialist, _Scope.of(None, None))[skip : skip + take]
    return CaseloadPage(
        rows=[CaseloadFigures(**_figures(peer)) for peer in peers],
        total=access.peers_for(specialist).count(),
    )


@dataclass
class CaseloadPage:
    """Some of a caseload's rows in figures, and how many peers the caseload holds in all."""

    rows: list[CaseloadFigures]
    total: int


@dataclass(frozen=True)
class _Scope:
    """A caseload's goals, suggested goals and steps and recent wins, each relative to the
    peer of the row (OuterRef), narrowed to a life area or a goal status when one is chosen."""

    goals: GoalQuerySet
    proposed_goals: GoalQuerySet
    proposed_steps: QuerySet[Step]
    recent_wins: QuerySet[Win]
    narrowed: bool

    @classmethod
    def of(cls, area: str | None, status: str | None) -> _Scope:
        goals = Goal.objects.filter(peer=OuterRef("pk"))
        steps = Step.objects.filter(goal__peer=OuterRef("pk"), status=Status.PROPOSED)
        recent_wins = recent_wins_of_all()
        if area:
            goals = goals.filter(life_area=area)
            steps = steps.filter(goal__life_area=area)
            recent_wins = recent_wins.filter(goal__life_area=area)
        if status:
            goals = goals.filter(status=status)
            steps = steps.filter(goal__status=status)
            recent_wins = recent_wins.filter(goal__status=status)
        proposed = goals.filter(status=Status.PROPOSED)
        return cls(goals, proposed, steps, recent_wins, narrowed=bool(area or status))


def _with_figures(specialist: User, scope: _Scope) -> QuerySet[User]:
    today = timezone.localdate()
    goals = scope.goals
    last_check_in = (
        CheckIn.objects.filter(peer=OuterRef("pk")).order_by("-recorded_at").values("recorded_at")
    )
    overwhelmed = CheckIn.objects.current().filter(
        peer=OuterRef("pk"),
        feeling=Feeling.OVERWHELMED,
        recorded_at__gte=timezone.now() - SUPPORT_AFTER_OVERWHELMED,
    )
    next_review = (
        goals.active()
        .filter(next_review_on__isnull=False)
        .order_by("next_review_on")
        .values("next_review_on")
    )
    peers = access.peers_for(specialist)
    if scope.narrowed:
        peers = peers.filter(Exists(goals))
    return peers.annotate(
        last_check_in=Subquery(last_check_in[:1]),
        reviews_due=SubqueryCount(goals.review_due(today)),
        reviews_overdue=SubqueryCount(goals.review_overdue(today)),
        next_review_on=Subquery(next_review[:1]),
        active_goals=SubqueryCount(goals.active()),
        proposed_goals=SubqueryCount(scope.proposed_goals),
        proposed_steps=SubqueryCount(scope.proposed_steps),
        may_need_support=Exists(overwhelmed),
    ).order_by("preferred_name", "username")


def _figures(peer: User) -> dict[str, Any]:
    """A row's figures, from a peer annotated by _with_figures."""
    return {
        "peer": peer,
        "last_check_in": peer.last_check_in,  # type: ignore[attr-defined]
        "reviews_due": peer.reviews_due,  # type: ignore[attr-defined]
        "reviews_overdue": peer.reviews_overdue,  # type: ignore[attr-defined]
        "next_review_on": peer.next_review_on,  # type: ignore[attr-defined]
        "active_goals": peer.active_goals,  # type: ignore[attr-defined]
        "waiting_for_answer": peer.proposed_goals + peer.proposed_steps,  # type: ignore[attr-defined]
        "may_need_support": peer.may_need_support,  # type: ignore[attr-defined]
    }


@dataclass
class Shortlist:
    """The first rows of a list that needs attention, and how many more it holds."""

    shown: list[CaseloadRow]
    more: int

    def __bool__(self) -> bool:
        return bool(self.shown)


def _shortlist(rows: list[CaseloadRow]) -> Shortlist:
    return Shortlist(rows[:PAGE_SIZE], max(0, len(rows) - PAGE_SIZE))


def page_of(rows: list[CaseloadRow], number: str | None) -> Page:
    """One page of everyone on the caseload; a page number that isn't one shows the first
    (or, past the end, the last) page."""
    return Paginator(rows, PAGE_SIZE).get_page(number)


def peers_shown(page: Page, attention: dict[str, Shortlist]) -> list[User]:
    """Every peer whose records the page shows: its page of everyone and the lists."""
    rows = [*page, *(row for shortlist in attention.values() for row in shortlist.shown)]
    return [row.peer for row in rows]


def last_contact(peer: User) -> dict[str, CheckIn | Outreach | None]:
    """The peer's last check-in and the last time their specialist reached out, for their page."""
    return {
        "last_check_in": CheckIn.objects.filter(peer=peer).order_by("-recorded_at").first(),
        "last_outreach": Outreach.objects.filter(peer=peer).select_related("by").first(),
    }


FAR_PAST = datetime.datetime.min.replace(tzinfo=datetime.UTC)
FAR_FUTURE = datetime.date.max


def needs_attention(rows: list[CaseloadRow]) -> dict[str, Shortlist]:
    """Each list in the order it needs attention: the review longest past its date first, the
    peer quiet longest first (never checked in before that), the newest win first, and the
    suggestion waiting longest first. Each shows at most PAGE_SIZE rows."""
    lists = {
        "support": [row for row in rows if row.may_need_support],
        "reviews_due": sorted(
            (row for row in rows if row.reviews_due),
            key=lambda row: row.next_review_on or FAR_FUTURE,
        ),
        "quiet": sorted(
            (row for row in rows if row.went_quiet),
            key=lambda row: row.last_check_in or FAR_PAST,
        ),
        "with_wins": sorted(
            (row for row in rows if row.latest_win),
            key=lambda row: row.latest_win.created_at if row.latest_win else FAR_PAST,
            reverse=True,
        ),
        "waiting": sorted(
            (row for row in rows if row.waiting_for_answer),
            key=lambda row: row.waiting_since or FAR_PAST,
        ),
    }
    return {name: _shortlist(rows) for name, rows in lists.items()}


def not_sharing_on_caseload_of(specialist: User) -> QuerySet[User]:
    """Peers on the caseload who do not share (their names only, no records), each with
    `stopped_sharing_at`: when they took their latest consent back, or None when they have
    not agreed to share (or their consent ran out)."""
    latest = Consent.objects.filter(peer=OuterRef("pk")).order_by("-signed_at", "-id")
    return (
        access.peers_not_sharing(specialist)
        .annotate(stopped_sharing_at=Subquery(latest.values("revoked_at")[:1]))
        .order_by("preferred_name", "username")
    )


def team_of(user: User) -> QuerySet[User]:
    """The specialists `user` oversees, each with `caseload_size`, `reviews_overdue` and
    `recent_wins`.

    Counts drawn from records include only the peers whose records `user` may reach: a peer
    who has not agreed to share, or asked to be deleted, adds nothing.
    """
    # The rows are the caseloads `user` may look at; each counts the peers of its own that
    # `user` may reach (access.sharing_caseload_of says why those are the same).
    on_caseload = access.sharing_caseload_of(OuterRef(OuterRef("pk")))
    return (
        access.specialists_for(user)
        .annotate(
            caseload_size=SubqueryCount(
                Assignment.objects.current().filter(
                    specialist=OuterRef("pk"),
                    peer__is_active=True,
                    peer__deletion_requested_at__isnull=True,
                )
            ),
            reviews_overdue=SubqueryCount(
                Goal.objects.review_overdue().filter(peer__in=on_caseload.values("peer_id"))
            ),
            recent_wins=SubqueryCount(
                recent_wins_of_all().filter(peer__in=on_caseload.values("peer_id"))
            ),
        )
        .select_related("team")
        .order_by("preferred_name", "username")
    )
