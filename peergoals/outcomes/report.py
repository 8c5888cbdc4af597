"""The program's outcome report: what a team or the whole program did over a period.

Counts, never names: every figure counted over fewer than SMALL peers is shown as "fewer than
5", and a distribution never leaves exactly one cell hidden (it could be worked out from the
total). Only peers whose valid consent covers program reports are counted; how many others
were left out is said (`access.report_peers_for`, `access.report_left_out_for`).

The report is built by a fixed number of queries, whatever the program's size: the peers, the
peers left out, their goals (with steps, readiness at the start), the goals' reviews, the wins,
and the check-in days by goal and by peer. Everything else is arithmetic here and in `gas`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peergoals import access
from peergoals.db import SubqueryCount
from peergoals.goals.models import (
    TAKEN_ON_STATUSES,
    CheckIn,
    Goal,
    LifeArea,
    Review,
    Status,
    Step,
    Win,
    WinKind,
)
from peergoals.outcomes import gas
from peergoals.people.models import Assignment, Team, User

# Fewer peers than this behind a figure and the figure is not shown.
SMALL = 5
# Goals a peer said yes to: a suggestion still waiting, or declined, is nobody's goal yet.
SET_STATUSES = (*TAKEN_ON_STATUSES, Status.CANCELLED)

BAND_NAMES = (
    gettext_lazy("below 40"),
    gettext_lazy("40 to 49"),
    gettext_lazy("50 to 59"),
    gettext_lazy("60 or more"),
)


@dataclass(frozen=True)
class Scope:
    """What a report is about: a period, a team (None: the whole program), a life area."""

    start: datetime.date
    end: datetime.date
    team: Team | None = None
    life_area: str = ""

    @property
    def weeks(self) -> float:
        return ((self.end - self.start).days + 1) / 7

    @property
    def team_name(self) -> str:
        return self.team.name if self.team else str(_("The whole program"))

    @property
    def life_area_name(self) -> str:
        return str(LifeArea(self.life_area).label) if self.life_area else ""

    def for_audit(self) -> str:
        """The scope in the audit log's words: plain, the same in every language."""
        team = f"team {self.team.pk} ({self.team.name})" if self.team else "whole program"
        area = f", life area {self.life_area}" if self.life_area else ""
        return f"{team}, {self.start.isoformat()} to {self.end.isoformat()}{area}"[:200]


@dataclass(frozen=True)
class Figure:
    """A count as the report shows it: the number, or "fewer than 5" when too few are behind
    it to show without pointing at someone."""

    value: int | float | None
    hidden: bool = False

    def __str__(self) -> str:
        if self.hidden:
            return str(_("fewer than 5"))
        if self.value is None:
            return str(_("no data"))
        decimals = 1 if isinstance(self.value, float) else 0
        return number_format(self.value, decimals, use_l10n=True, force_grouping=True)


def count_of(value: int) -> Figure:
    """A count of peers, goals or events among the report's peers; small ones hidden."""
    return Figure(None, hidden=True) if 0 < value < SMALL else Figure(value)


def mean_over(values: Sequence[float], peers: int) -> Figure:
    """A mean over `values`, which come from `peers` peers; hidden when they are too few."""
    if not values:
        return Figure(None)
    if peers < SMALL:
        return Figure(None, hidden=True)
    return Figure(round(mean(values), 1))


def distribution(counts: Sequence[int]) -> list[Figure]:
    """Each cell of a distribution, small ones hidden, and never exactly one hidden: a lone
    hidden cell is the total minus the others, so the next smallest is hidden with it."""
    figures = [count_of(value) for value in counts]
    hidden = [i for i, figure in enumerate(figures) if figure.hidden]
    if len(hidden) == 1:
        others = [i for i, value in enumerate(counts) if i not in hidden and value > 0]
        if others:
            smallest = min(others, key=lambda i: counts[i])
            figures[smallest] = Figure(None, hidden=True)
    return figures


@dataclass
class GoalRow:
    """One peer's goal over the period: a row of the CSV download. Peers and goals are named
    by references that mean nothing outside this installation."""

    peer_id: int
    goal_id: int
    team: str
    life_area: str
    set_by: str
    status: str
    steps_taken_on: int
    steps_done: int
    step_check_ins: int
    reviews_on_time: int = 0
    reviews_late: int = 0
    wins: int = 0
    reached: bool = False
    importance_start: int | None = None
    importance_latest: int | None = None
    confidence_start: int | None = None
    confidence_latest: int | None = None
    gas_weight: float | None = None
    gas_baseline: int | None = None
    gas_latest: int | None = None
    created_in_period: bool = False


@dataclass
class PeerScore:
    """One peer's GAS T-scores: at the start and at the latest review of the period."""

    baseline: float
    latest: float

    @property
    def change(self) -> float:
        return self.latest - self.baseline


@dataclass
class GasSummary:
    peers: Figure
    baseline: Figure
    latest: Figure
    change: Figure
    baseline_bands: list[Figure]
    latest_bands: list[Figure]
    better: Figure
    as_expected: Figure
    less: Figure

    @property
    def bands(self) -> list[tuple[str, Figure, Figure]]:
        return [
            (str(name), before, after)
            for name, before, after in zip(
                BAND_NAMES, self.baseline_bands, self.latest_bands, strict=True
            )
        ]


@dataclass
class ProgramReport:
    scope: Scope
    peers_served: Figure
    left_out: Figure
    too_few: bool
    goals_by_peer: Figure = field(default_factory=lambda: Figure(None))
    goals_suggested_accepted: Figure = field(default_factory=lambda: Figure(None))
    steps_taken_on: Figure = field(default_factory=lambda: Figure(None))
    steps_done: Figure = field(default_factory=lambda: Figure(None))
    peers_checking_in: Figure = field(default_factory=lambda: Figure(None))
    share_checking_in: Figure = field(default_factory=lambda: Figure(None))
    active_days_per_week: Figure = field(default_factory=lambda: Figure(None))
    reviews_on_time: Figure = field(default_factory=lambda: Figure(None))
    reviews_late: Figure = field(default_factory=lambda: Figure(None))
    wins: Figure = field(default_factory=lambda: Figure(None))
    goals_reached: Figure = field(default_factory=lambda: Figure(None))
    gas: GasSummary | None = None
    importance_start: Figure = field(default_factory=lambda: Figure(None))
    importance_latest: Figure = field(default_factory=lambda: Figure(None))
    confidence_start: Figure = field(default_factory=lambda: Figure(None))
    confidence_latest: Figure = field(default_factory=lambda: Figure(None))
    rows: list[GoalRow] = field(default_factory=list)


def reference(kind: str, record_id: int) -> str:
    """A stable reference for a peer or goal that names nobody: a keyed hash of its id, so a
    download can be joined period to period without holding a name or a database id."""
    digest = salted_hmac(
        "peergoals.outcomes.reference", f"{kind}:{record_id}", algorithm="sha256"
    ).hexdigest()
    return f"{kind[0].upper()}-{digest[:10]}"


def _day_bounds(scope: Scope) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(scope.start, datetime.time.min, tzinfo=tz)
    after = datetime.datetime.combine(scope.end + datetime.timedelta(days=1), datetime.time.min)
    return start, after.replace(tzinfo=tz)


def served_in(scope: Scope) -> Exists:
    """Whether the outer peer was on a caseload at some time in the period."""
    return Exists(
        Assignment.objects.filter(peer_id=OuterRef("pk"), started_on__lte=scope.end).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=scope.start)
        )
    )


def _team_names() -> Subquery:
    current = Assignment.objects.current().filter(peer_id=OuterRef("pk"))
    return Subquery(current.order_by("-started_on").values("specialist__team__name")[:1])


def _goals(peers: QuerySet[User], scope: Scope) -> QuerySet[Goal, tuple[Any, ...]]:
    start, after = _day_bounds(scope)
    goals = Goal.objects.filter(
        peer_id__in=peers.values("id"), status__in=SET_STATUSES, created_at__lt=after
    )
    # A goal reached or let go before the period began is not part of it.
    goals = goals.exclude(status__in=(Status.COMPLETED, Status.CANCELLED), updated_at__lt=start)
    if scope.life_area:
        goals = goals.filter(life_area=scope.life_area)
    steps = Step.objects.filter(goal_id=OuterRef("pk"), created_at__lt=after)
    first_version = Goal.history.filter(id=OuterRef("pk")).order_by("history_date", "history_id")
    return goals.annotate(
        steps_taken_on=SubqueryCount(steps.filter(status__in=TAKEN_ON_STATUSES)),
        steps_done=SubqueryCount(
            steps.filter(status=Status.COMPLETED, completed_at__gte=start, completed_at__lt=after)
        ),
        importance_start=Subquery(
            first_version.values("importance")[:1], output_field=IntegerField()
        ),
        confidence_start=Subquery(
            first_version.values("confidence")[:1], output_field=IntegerField()
        ),
    ).values_list(
        "id",
        "peer_id",
        "life_area",
        "created_by_id",
        "status",
        "created_at",
        "review_every_days",
        "importance",
        "confidence",
        "importance_start",
        "confidence_start",
        "scale_expected",
        "scale_baseline",
        "scale_importance",
        "scale_difficulty",
        "steps_taken_on",
        "steps_done",
    )


def _check_in_days(peers: QuerySet[User], scope: Scope) -> tuple[dict[int, int], dict[int, int]]:
    """Check-ins on each goal's steps (one per step a day), and the days with a check-in of
    each peer, in the period.

    Counted over every entry, corrections included: a correction is always of the same step and
    day as the entry it replaces (`record_check_in`), so the days are the same as over current
    entries, without joining each entry to its correction.
    """
    steps = Step.objects.filter(goal__peer_id__in=peers.values("id"))
    if scope.life_area:
        steps = steps.filter(goal__life_area=scope.life_area)
    in_period = CheckIn.objects.filter(for_date__gte=scope.start, for_date__lte=scope.end)
    by_step = (
        in_period.filter(step_id__in=steps.values("id"))
        .values_list("step_id")
        .order_by()
        .annotate(days=Count("for_date", distinct=True))
    )
    # By peer, over the (peer, for_date) index; a life area asks for the area's steps instead.
    counted = (
        in_period.filter(step_id__in=steps.values("id"))
        if scope.life_area
        else in_period.filter(peer_id__in=peers.values("id"))
    )
    by_peer = (
        counted.values_list("peer_id").order_by().annotate(days=Count("for_date", distinct=True))
    )
    goal_of = dict(steps.values_list("id", "goal_id"))
    by_goal: dict[int, int] = defaultdict(int)
    for step_id, days in by_step:
        by_goal[goal_of[step_id]] += days
    return by_goal, dict(by_peer)


def _reviews_by_goal(
    goal_ids: Iterable[int], peers: QuerySet[User], scope: Scope
) -> dict[int, list[tuple[datetime.date, int | None]]]:
    wanted = set(goal_ids)
    reviews = (
        Review.objects.filter(goal__peer_id__in=peers.values("id"), held_on__lte=scope.end)
        .order_by("goal_id", "held_on", "created_at")
        .values_list("goal_id", "held_on", "attainment")
    )
    by_goal: dict[int, list[tuple[datetime.date, int | None]]] = defaultdict(list)
    for goal_id, held_on, attainment in reviews:
        if goal_id in wanted:
            by_goal[goal_id].append((held_on, attainment))
    return by_goal


def build_report(user: User, scope: Scope) -> ProgramReport:
    """The outcome report `user` may read for `scope`; 404 (NotFound) when they may not."""
    counted = access.report_peers_for(user, scope.team).filter(served_in(scope))
    left_out = access.report_left_out_for(user, scope.team).filter(served_in(scope)).count()
    peer_teams = dict(counted.annotate(team_name=_team_names()).values_list("id", "team_name"))
    report = ProgramReport(
        scope=scope,
        peers_served=count_of(len(peer_teams)),
        left_out=count_of(left_out),
        too_few=len(peer_teams) < SMALL,
    )
    if report.too_few:
        return report
    peers = User.objects.filter(id__in=counted.values("id"))
    start, after = _day_bounds(scope)
    goals = list(_goals(peers, scope))
    reviews = _reviews_by_goal((row[0] for row in goals), peers, scope)
    wins = Win.objects.filter(
        peer_id__in=peers.values("id"), created_at__gte=start, created_at__lt=after
    )
    if scope.life_area:
        wins = wins.filter(goal__life_area=scope.life_area)
    wins_by_goal: dict[int | None, int] = defaultdict(int)
    reached: set[int] = set()
    for goal_id, kind, number in wins.values_list("goal_id", "kind").annotate(n=Count("id")):
        wins_by_goal[goal_id] += number
        if kind == WinKind.GOAL_COMPLETED and goal_id is not None:
            reached.add(goal_id)
    days_by_goal, days_by_peer = _check_in_days(peers, scope)
    report.rows = _rows(goals, reviews, wins_by_goal, reached, days_by_goal, peer_teams, scope)
    _fill(report, days_by_peer, sum(wins_by_goal.values()), len(peer_teams))
    return report


def _rows(
    goals: list[tuple[Any, ...]],
    reviews: dict[int, list[tuple[datetime.date, int | None]]],
    wins_by_goal: dict[int | None, int],
    reached: set[int],
    days_by_goal: dict[int, int],
    peer_teams: dict[int, str | None],
    scope: Scope,
) -> list[GoalRow]:
    start, _after = _day_bounds(scope)
    here = timezone.get_current_timezone()
    rows = []
    for (
        goal_id,
        peer_id,
        life_area,
        created_by_id,
        status,
        created_at,
        review_every_days,
        importance,
        confidence,
        importance_start,
        confidence_start,
        scale_expected,
        scale_baseline,
        scale_importance,
        scale_difficulty,
        steps_taken_on,
        steps_done,
    ) in goals:
        row = GoalRow(
            peer_id=peer_id,
            goal_id=goal_id,
            team=peer_teams.get(peer_id) or "",
            life_area=life_area,
            set_by="peer" if created_by_id == peer_id else "suggested and accepted",
            status=status,
            steps_taken_on=steps_taken_on,
            steps_done=steps_done,
            step_check_ins=days_by_goal.get(goal_id, 0),
            wins=wins_by_goal.get(goal_id, 0),
            reached=goal_id in reached,
            importance_start=importance_start if importance_start is not None else importance,
            importance_latest=importance,
            confidence_start=confidence_start if confidence_start is not None else confidence,
            confidence_latest=confidence,
            created_in_period=created_at >= start,
        )
        # A review is on time when held by the day it was due: the goal's cadence after the
        # review before it (or after the goal was set).
        last = created_at.astimezone(here).date()
        latest_level = None
        for held_on, attainment in reviews.get(goal_id, []):
            if held_on >= scope.start:
                due = last + datetime.timedelta(days=review_every_days)
                if held_on <= due:
                    row.reviews_on_time += 1
                else:
                    row.reviews_late += 1
                if attainment is not None:
                    latest_level = attainment
            last = held_on
        if scale_expected.strip() and scale_baseline is not None:
            row.gas_weight = gas.weight(scale_importance, scale_difficulty)
            row.gas_baseline = scale_baseline
            row.gas_latest = latest_level
        rows.append(row)
    return rows


def peer_scores(rows: Iterable[GoalRow]) -> dict[int, PeerScore]:
    """Each peer's T-scores over their goals with a scale, a baseline and a level this period."""
    scored: dict[int, list[GoalRow]] = defaultdict(list)
    for row in rows:
        if row.gas_latest is not None and row.gas_baseline is not None:
            scored[row.peer_id].append(row)
    scores = {}
    for peer_id, goals in scored.items():
        baseline = gas.t_score(gas.Scored(r.gas_baseline or 0, r.gas_weight or 1) for r in goals)
        latest = gas.t_score(gas.Scored(r.gas_latest or 0, r.gas_weight or 1) for r in goals)
        assert baseline is not None and latest is not None
        scores[peer_id] = PeerScore(baseline, latest)
    return scores


def _gas_summary(rows: list[GoalRow]) -> GasSummary:
    scores = peer_scores(rows)
    baseline_bands = [0] * len(gas.BANDS)
    latest_bands = [0] * len(gas.BANDS)
    for score in scores.values():
        baseline_bands[gas.band_of(score.baseline)] += 1
        latest_bands[gas.band_of(score.latest)] += 1
    levels = [row.gas_latest for row in rows if row.gas_latest is not None]
    compared = gas.compare(levels)
    better, as_expected, less = distribution([compared.better, compared.as_expected, compared.less])
    peers = len(scores)
    return GasSummary(
        peers=count_of(peers),
        baseline=mean_over([s.baseline for s in scores.values()], peers),
        latest=mean_over([s.latest for s in scores.values()], peers),
        change=mean_over([s.change for s in scores.values()], peers),
        baseline_bands=distribution(baseline_bands),
        latest_bands=distribution(latest_bands),
        better=better,
        as_expected=as_expected,
        less=less,
    )


def _peers_behind(rows: Iterable[GoalRow]) -> int:
    return len({row.peer_id for row in rows})


def _start_and_latest(
    rows: list[GoalRow], scale: Callable[[GoalRow], tuple[int | None, int | None]]
) -> tuple[Figure, Figure]:
    """A readiness scale's mean at the start and lately (`scale` reads both off a row), over
    the goals rated lately: a goal never rated again says nothing about a change."""
    rated = [row for row in rows if scale(row)[1] is not None]
    peers = _peers_behind(rated)
    starts = [start for start, _latest in map(scale, rated) if start is not None]
    latest = [latest for _start, latest in map(scale, rated) if latest is not None]
    return mean_over(starts, peers), mean_over(latest, peers)


def _fill(
    report: ProgramReport, days_by_peer: dict[int, int], wins: int, peers_served: int
) -> None:
    rows = report.rows
    new = [row for row in rows if row.created_in_period]
    report.goals_by_peer = count_of(sum(1 for row in new if row.set_by == "peer"))
    report.goals_suggested_accepted = count_of(sum(1 for row in new if row.set_by != "peer"))
    report.steps_taken_on = count_of(sum(row.steps_taken_on for row in rows))
    report.steps_done = count_of(sum(row.steps_done for row in rows))
    checking_in = [days for days in days_by_peer.values() if days]
    report.peers_checking_in = count_of(len(checking_in))
    report.share_checking_in = (
        Figure(round(100 * len(checking_in) / peers_served, 1))
        if len(checking_in) >= SMALL
        else Figure(None, hidden=bool(checking_in))
    )
    report.active_days_per_week = mean_over(
        [days / report.scope.weeks for days in checking_in], len(checking_in)
    )
    report.reviews_on_time = count_of(sum(row.reviews_on_time for row in rows))
    report.reviews_late = count_of(sum(row.reviews_late for row in rows))
    report.wins = count_of(wins)
    report.goals_reached = count_of(sum(1 for row in rows if row.reached))
    report.gas = _gas_summary(rows)
    report.importance_start, report.importance_latest = _start_and_latest(
        rows, lambda row: (row.importance_start, row.importance_latest)
    )
    report.confidence_start, report.confidence_latest = _start_and_latest(
        rows, lambda row: (row.confidence_start, row.confidence_latest)
    )
