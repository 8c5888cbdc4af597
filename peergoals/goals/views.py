"""Pages for goals, steps, check-ins, reviews and wins.

Each view parses a form, gets the record through `peergoals.access` (a record someone may not
reach is a 404, like a missing one), calls one action, and renders. A refusal from the practice
(`NotAllowed`, `Conflict`) is shown on the page with everything the person typed kept.
"""

from __future__ import annotations

import datetime
import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model, Prefetch, QuerySet
from django.forms import Form, model_to_dict
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peergoals import access
from peergoals.access import Action
from peergoals.coach import judge
from peergoals.db import id_from_text
from peergoals.goals import actions
from peergoals.goals.actions import GOAL_MOVES, STEP_MOVES, Conflict, NotAllowed
from peergoals.goals.charts import Chart, bar_chart
from peergoals.goals.forms import (
    AcceptGoalForm,
    AcceptStepForm,
    CheckInForm,
    GoalEditForm,
    GoalForm,
    MoveForm,
    ProposalForm,
    ReviewForm,
    StatusForm,
    StepEditForm,
    StepForm,
)
from peergoals.goals.models import (
    CheckIn,
    Decision,
    Goal,
    Review,
    ReviewFeeling,
    Status,
    Step,
    Win,
)
from peergoals.goals.progress import (
    StepProgress,
    best_streak,
    chart_period,
    format_quantity,
    goal_series,
    period_bounds,
    step_progress,
    step_series,
)
from peergoals.goals.suggestions import suggested_wordings
from peergoals.people.views import Request

Done = TypeVar("Done")
logger = logging.getLogger(__name__)

# The words on each status button, by the status it moves to.
GOAL_BUTTONS = {
    Status.ACTIVE: gettext_lazy("Work on it"),
    Status.PLANNED: gettext_lazy("Keep it as an idea for now"),
    Status.ON_HOLD: gettext_lazy("Pause"),
    Status.COMPLETED: gettext_lazy("I reached it"),
    Status.CANCELLED: gettext_lazy("Let it go"),
}
STEP_BUTTONS = {
    Status.ACTIVE: gettext_lazy("Work on it"),
    Status.ON_HOLD: gettext_lazy("Pause"),
    Status.COMPLETED: gettext_lazy("Mark as done"),
    Status.CANCELLED: gettext_lazy("Let it go"),
}
# Fields whose changes the history leaves out: bookkeeping, not something a person changed.
HISTORY_SKIPS = ["version", "completed_at"]


# Loading -------------------------------------------------------------------------------------


def with_check_ins(steps: QuerySet[Step]) -> QuerySet[Step]:
    """Steps with their current check-ins loaded in one query, for progress without N+1."""
    current = CheckIn.objects.current().order_by("-for_date", "-recorded_at")
    return steps.prefetch_related(Prefetch("check_ins", queryset=current, to_attr="current"))


@dataclass
class StepView:
    """A step as a page shows it: where it stands today and its check-in form."""

    step: Step
    progress: StepProgress
    today_entry: CheckIn | None
    given_form: CheckInForm | None = None
    recent: list[CheckIn] = field(default_factory=list)
    entries: list[CheckIn] = field(default_factory=list)
    today: datetime.date | None = None

    @functools.cached_property
    def form(self) -> CheckInForm:
        """The form as it was posted, else a fresh one; built only by a page that shows it."""
        if self.given_form is not None:
            return self.given_form
        return CheckInForm(prefix=f"step-{self.step.pk}")

    @functools.cached_property
    def chart(self) -> Chart:
        """Progress per period against the step's repeating target (drawn on the goal page)."""
        points = step_series(self.step, self.entries, self.today or timezone.localdate())
        target = self.step.target_quantity if self.step.target_per else None
        return bar_chart(points, target, self.chart_period)

    @property
    def chart_period(self) -> str:
        return chart_period(self.step)

    @functools.cached_property
    def best_streak(self) -> int:
        return best_streak(self.entries)


def step_view(step: Step, today: datetime.date, form: CheckInForm | None = None) -> StepView:
    entries: list[CheckIn] | None = getattr(step, "current", None)
    if entries is None:
        entries = list(step.check_ins.current())
    return StepView(
        step=step,
        progress=step_progress(step, entries, today),
        today_entry=next((entry for entry in entries if entry.for_date == today), None),
        given_form=form,
        recent=entries[:5],
        entries=entries,
        today=today,
    )


def step_views(steps: Iterable[Step]) -> list[StepView]:
    today = timezone.localdate()
    return [step_view(step, today) for step in steps]


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    """One saved version: who, when, why, and what changed since the version before."""

    subject: str
    who: str
    when: datetime.datetime
    why: str
    created: bool
    changes: list[Change]


@functools.cache
def _choices(model: type[Model], name: str) -> dict[Any, Any]:
    return dict(model._meta.get_field(name).flatchoices)  # type: ignore[union-attr]


def _shown(model: type[Model], name: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal):
        return format_quantity(value)
    return str(_choices(model, name).get(value, value))


def _label(model: type[Model], name: str) -> str:
    if name == "position":
        return _("place in the list")
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


@functools.cache
def _compared(model: type[Model]) -> tuple[tuple[str, str], ...]:
    """(name, attribute) of each field a version is compared on, by name: the fields history
    tracks and a person edits (as simple-history's diff_against), less HISTORY_SKIPS.

    Worked out once per model: comparing attribute by attribute is what keeps a long history
    cheap to show.
    """
    tracked = model.history.model.tracked_fields  # type: ignore[attr-defined]
    return tuple(
        sorted(
            (field.name, field.attname)
            for field in tracked
            if field.editable and field.name not in HISTORY_SKIPS
        )
    )


def history_of(model: type[Goal] | type[Step], records: Iterable[Any]) -> list[HistoryEntry]:
    """Versions in order, each compared with the one before it (records oldest first)."""
    compared = _compared(model)
    previous: dict[int, Any] = {}
    entries = []
    for record in records:
        before = previous.get(record.id)
        changes = []
        if before is not None:
            changes = [
                Change(
                    _label(model, name),
                    _shown(model, name, getattr(before, attname)),
                    _shown(model, name, getattr(record, attname)),
                )
                for name, attname in compared
                if getattr(before, attname) != getattr(record, attname)
            ]
        previous[record.id] = record
        entries.append(
            HistoryEntry(
                subject=_("Goal")
                if model is Goal
                else _("Step: %(step)s") % {"step": record.wording},
                who=str(record.history_user) if record.history_user else _("The system"),
                when=record.history_date,
                why=record.history_change_reason or "",
                created=record.history_type == "+",
                changes=changes,
            )
        )
    return entries


def goal_history(goal: Goal) -> list[HistoryEntry]:
    order = ("history_date", "history_id")
    goal_records = goal.history.select_related("history_user").order_by(*order)
    step_records = (
        Step.history.filter(goal_id=goal.pk).select_related("history_user").order_by(*order)
    )
    entries = history_of(Goal, goal_records) + history_of(Step, step_records)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


# Helpers -------------------------------------------------------------------------------------


def _next(request: Request, default: str) -> str:
    """The page the form was on, when it is one of ours; otherwise `default`.

    Only a path on this site counts: anything else (a bare word, another host) is ignored.
    """
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _back(request: Request, default: str) -> HttpResponseRedirect:
    # Not `redirect()`: it would try a bare word in "next" as a URL name and fail with a 500.
    return HttpResponseRedirect(_next(request, default))


def _refused(request: Request, message: str, back: str, status: int = 400) -> HttpResponse:
    """A page that says plainly why the practice said no, with a way back."""
    context = {"message": message, "back": back}
    return render(request, "goals/refused.html", context, status=status)


def _answer_again(
    request: Request,
    form: Form,
    status: int,
    *,
    suggestion: str,
    accept: str,
    decline: str,
    yes: str,
) -> HttpResponse:
    """The answer to a suggestion again, with why it didn't go through and the words kept."""
    context = {
        "form": form,
        "suggestion": suggestion,
        "accept_url": accept,
        "decline_url": decline,
        "yes": yes,
        "next": _next(request, ""),
    }
    return render(request, "goals/answer.html", context, status=status)


def _attempt(form: Form, action: Callable[[], Done]) -> tuple[Done | None, int]:
    """Run an action; a refusal becomes an error at the top of the form, the typed text kept.

    Returns the action's result (None when refused) and the status code to answer with.
    """
    try:
        return action(), 200
    except Conflict as conflict:
        form.add_error(None, str(conflict))
        return None, 409
    except NotAllowed as refusal:
        form.add_error(None, str(refusal))
    except ValidationError as error:
        form.add_error(None, error.messages)
    return None, 400


def _celebrate(request: Request, wins: Iterable[Win]) -> None:
    """Show each win now: said to the peer, or about them to whoever recorded it for them."""
    for win in wins:
        said = win.message if win.peer_id == request.user.pk else win.message_about_peer
        messages.success(request, said, extra_tags="win")


def _is_peer(request: Request, goal: Goal) -> bool:
    return request.user.pk == goal.peer_id


def _goal_buttons(request: Request, goal: Goal, may_change: bool) -> list[tuple[str, str]]:
    if not may_change:
        return []
    moves = GOAL_MOVES.get(goal.status, set())
    if not _is_peer(request, goal):
        moves = moves - {Status.ACTIVE, Status.PLANNED}
    return [(status, str(label)) for status, label in GOAL_BUTTONS.items() if status in moves]


def _step_buttons(request: Request, step: Step, may_change: bool) -> list[tuple[str, str]]:
    if not may_change:
        return []
    moves = STEP_MOVES.get(step.status, set())
    if request.user.pk != step.goal.peer_id:
        moves = moves - {Status.ACTIVE}
    return [(status, str(label)) for status, label in STEP_BUTTONS.items() if status in moves]


# The peer's pages ----------------------------------------------------------------------------


@login_required
@require_GET
@never_cache
def today(request: Request) -> HttpResponse:
    """The peer's home: today's steps, answers waiting, ideas kept for later, recent wins."""
    if not request.user.is_peer:
        return redirect("home")
    peer = access.get_peer_for(request.user, request.user.pk)
    steps = with_check_ins(Step.objects.active().filter(goal__peer=peer).select_related("goal"))
    week_began, _week_ends = period_bounds("week", timezone.localdate())
    goals = list(
        Goal.objects.for_peer(peer)
        .open()
        .with_progress(since=week_began)
        .prefetch_related(
            Prefetch(
                "steps", queryset=Step.objects.filter(status=Status.PROPOSED), to_attr="proposed"
            )
        )
        .order_by("created_at")
    )
    context = {
        "steps": step_views(steps),
        "active_goals": [goal for goal in goals if goal.status == Status.ACTIVE],
        "proposals": [goal for goal in goals if goal.status == Status.PROPOSED],
        "proposed_steps": [
            step
            for goal in goals
            if goal.status != Status.PROPOSED
            for step in goal.proposed  # type: ignore[attr-defined]
        ],
        "ideas": [goal for goal in goals if goal.status == Status.PLANNED],
        "paused": [goal for goal in goals if goal.status == Status.ON_HOLD],
        "wins": Win.objects.filter(peer=peer).select_related("peer", "goal", "step")[:5],
    }
    return render(request, "goals/today.html", context)


@login_required
@require_GET
@never_cache
def wins(request: Request) -> HttpResponse:
    """Every win the peer has had, newest first."""
    if not request.user.is_peer:
        return redirect("home")
    peer = access.get_peer_for(request.user, request.user.pk)
    all_wins = Win.objects.filter(peer=peer).select_related("peer", "goal", "step")
    return render(request, "goals/wins.html", {"wins": all_wins[:200]})


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def new_goal(request: Request) -> HttpResponse:
    """The peer sets a goal of their own: active now, or kept as an idea."""
    peer = access.get_peer_for(request.user, request.user.pk, Action.CREATE)
    form = GoalForm(request.POST or None)
    if form.is_bound and form.is_valid():
        goal, _status = _attempt(
            form, lambda: actions.create_goal(peer, by=request.user, **form.cleaned_data)
        )
        if goal is not None:
            messages.success(request, _("Your goal is saved. It's yours!"))
            return redirect("goals:detail", goal_id=goal.pk)
    status = 400 if form.is_bound else 200
    return render(request, "goals/goal_form.html", {"form": form, "peer": peer}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def propose_goal(request: Request, peer_id: int) -> HttpResponse:
    """A specialist suggests a goal; it stays suggested until the peer answers."""
    peer = access.get_peer_for(request.user, peer_id, Action.CREATE)
    if peer.pk == request.user.pk:
        return redirect("goals:new")
    form = ProposalForm(request.POST or None)
    if form.is_bound and form.is_valid():
        goal, _status = _attempt(
            form, lambda: actions.create_goal(peer, by=request.user, **form.cleaned_data)
        )
        if goal is not None:
            messages.success(
                request,
                _("Your suggestion is saved. It waits for %(name)s to answer.") % {"name": peer},
            )
            return redirect("goals:peer", peer_id=peer.pk)
    status = 400 if form.is_bound else 200
    context = {"form": form, "peer": peer, "proposal": True}
    return render(request, "goals/goal_form.html", context, status=status)


@login_required
@require_POST
def accept_goal(request: Request, goal_id: int) -> HttpResponse:
    """The peer makes a suggested goal theirs, maybe in their own words."""
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    form = AcceptGoalForm(request.POST)
    status = 400
    if form.is_valid():
        own_words = form.cleaned_data["own_words"]
        accepted, status = _attempt(
            form, lambda: actions.accept_goal(goal, by=request.user, own_words=own_words)
        )
        if accepted is not None:
            messages.success(request, _("It's your goal now."))
            return _back(request, reverse("goals:detail", args=[goal.pk]))
    return _answer_again(
        request,
        form,
        status,
        suggestion=goal.own_words,
        accept=reverse("goals:accept", args=[goal.pk]),
        decline=reverse("goals:decline", args=[goal.pk]),
        yes=_("Yes, make it my goal"),
    )


@login_required
@require_POST
def decline_goal(request: Request, goal_id: int) -> HttpResponse:
    """The peer says no to a suggested goal, no reason needed."""
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    try:
        actions.decline_goal(goal, by=request.user)
    except NotAllowed as refusal:
        return _refused(request, str(refusal), reverse("goals:detail", args=[goal.pk]))
    messages.success(request, _("Okay, you said no to that one. No reason needed."))
    return _back(request, reverse("goals:today"))


# A goal --------------------------------------------------------------------------------------


@login_required
@require_GET
@never_cache
def detail(request: Request, goal_id: int) -> HttpResponse:
    """A goal: both wordings, its steps and progress, reviews, and a way into its history."""
    goal = access.get_goal_for(request.user, goal_id)
    may_change = access.may(request.user, Action.CHANGE, goal.peer)
    steps = with_check_ins(goal.steps.exclude(status=Status.REJECTED).select_related("goal"))
    views = step_views(steps)
    every_entry = [entry for view in views for entry in view.entries]
    context = {
        "goal": goal,
        "goal_chart": bar_chart(goal_series(every_entry, timezone.localdate())),
        "goal_chart_shown": bool(every_entry),
        "is_peer": _is_peer(request, goal),
        "may_change": may_change,
        "goal_buttons": _goal_buttons(request, goal, may_change),
        "steps": [(view, _step_buttons(request, view.step, may_change)) for view in views],
        "reviews": goal.reviews.select_related("recorded_by").prefetch_related("participants"),
        "review_due": goal.review_is_due(),
    }
    return render(request, "goals/detail.html", context)


@login_required
@require_GET
@never_cache
def history(request: Request, goal_id: int) -> HttpResponse:
    """Every version of a goal and its steps: who changed what, when and why.

    The goal page loads it (htmx) only when the person opens "Show every change": most visits
    never do, and it is the longest part of the page to draw.
    """
    goal = access.get_goal_for(request.user, goal_id)
    context = {"goal": goal, "history": goal_history(goal)}
    template = "goals/_history.html" if request.htmx else "goals/history.html"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def edit_goal(request: Request, goal_id: int) -> HttpResponse:
    """Change a goal; if someone else changed it first, say so and keep what was typed."""
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    is_peer = _is_peer(request, goal)
    if request.method == "GET":
        form = GoalEditForm(initial=model_to_dict(goal), peer_is_editing=is_peer)
        context = {"form": form, "goal": goal, "is_peer": is_peer}
        return render(request, "goals/goal_edit.html", context)
    data = request.POST.copy()
    form = GoalEditForm(data, peer_is_editing=is_peer)
    status = 400
    if form.is_valid():
        version = form.cleaned_data["version"]
        changed, status = _attempt(
            form,
            lambda: actions.change_goal(goal, by=request.user, version=version, **form.changes()),
        )
        if changed is not None:
            messages.success(request, _("Your changes are saved."))
            return redirect("goals:detail", goal_id=goal.pk)
        if status == 409:
            # Saving again is a choice made with the latest version in view.
            goal.refresh_from_db()
            data["version"] = str(goal.version)
    context = {"form": form, "goal": goal, "is_peer": is_peer, "conflict": status == 409}
    return render(request, "goals/goal_edit.html", context, status=status)


@login_required
@require_POST
def goal_status(request: Request, goal_id: int) -> HttpResponse:
    """Start, pause, finish or let go of a goal."""
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    here = reverse("goals:detail", args=[goal.pk])
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _refused(request, _("Please pick one of the buttons."), here)
    try:
        change = actions.set_goal_status(goal, by=request.user, **form.cleaned_data)
    except NotAllowed as refusal:
        return _refused(request, str(refusal), here)
    goal = change.record
    if change.wins:
        _celebrate(request, change.wins)
    else:
        messages.success(
            request,
            _("Saved. This goal is now: %(status)s.") % {"status": goal.get_status_display()},
        )
    return _back(request, here)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def review(request: Request, goal_id: int) -> HttpResponse:
    """Look back at a goal together: what works, what doesn't, how it feels, what next.

    Choosing to change the plan leads straight to changing a step; the change is a new
    version that the goal's history shows.
    """
    goal = access.get_goal_for(request.user, goal_id, Action.CREATE)
    is_peer = _is_peer(request, goal)
    form = ReviewForm(request.POST or None, peer=None if is_peer else goal.peer)
    if form.is_bound and form.is_valid():
        fields = form.review_fields()
        held, _status = _attempt(form, lambda: actions.hold_review(goal, by=request.user, **fields))
        if held is not None:
            _celebrate(request, held.wins)
            overwhelmed = form.cleaned_data["feeling"] == ReviewFeeling.OVERWHELMED
            if overwhelmed:
                messages.info(
                    request,
                    _(
                        "Feeling overwhelmed is normal. You can make your steps smaller: "
                        "change a step below, or pause one for now."
                    ),
                )
            if form.cleaned_data["decision"] == Decision.ADJUST:
                return _to_a_step_to_change(request, goal)
            if overwhelmed:
                return redirect(reverse("goals:detail", args=[goal.pk]) + "#steps")
            return redirect("goals:detail", goal_id=goal.pk)
    reviewable = goal.status in (Status.ACTIVE, Status.ON_HOLD)
    context = {"form": form, "goal": goal, "reviewable": reviewable, "is_peer": is_peer}
    return render(request, "goals/review_form.html", context, status=400 if form.is_bound else 200)


def _to_a_step_to_change(request: Request, goal: Goal) -> HttpResponse:
    """After "change the plan": the one open step's edit page, or the steps to pick from."""
    open_steps = list(goal.steps.filter(status__in=[Status.ACTIVE, Status.ON_HOLD])[:2])
    if len(open_steps) == 1:
        messages.info(
            request, _("Change the step the way you want. The old version is kept in the history.")
        )
        return redirect("goals:edit_step", step_id=open_steps[0].pk)
    messages.info(request, _("Pick a step to change, or add a new, smaller one."))
    return redirect("goals:breakdown", goal_id=goal.pk)


# Steps ---------------------------------------------------------------------------------------


def save_step(request: Request, goal: Goal, form: StepForm, added: str) -> Step | None:
    """Add the step of a valid form and say so; a refusal goes onto the form instead.

    A specialist's step is saved as a suggestion, and told as one; the peer's is `added`.
    """
    step, _status = _attempt(
        form, lambda: actions.add_step(goal, by=request.user, **form.step_fields())
    )
    if step is not None:
        if step.status == Status.PROPOSED:
            messages.success(request, _("Your suggestion is saved. It waits for an answer."))
        else:
            messages.success(request, added)
    return step


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def add_step(request: Request, goal_id: int) -> HttpResponse:
    """Add a step to a goal; a specialist's step waits for the peer to accept it."""
    goal = access.get_goal_for(request.user, goal_id, Action.CREATE)
    form = StepForm(request.POST or None)
    added = _("Step added. One step at a time!")
    if form.is_bound and form.is_valid() and save_step(request, goal, form, added):
        return redirect("goals:detail", goal_id=goal.pk)
    context = {"form": form, "goal": goal}
    return render(request, "goals/step_form.html", context, status=400 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def edit_step(request: Request, step_id: int) -> HttpResponse:
    """Change a step, often to make it smaller; a change made meanwhile is never overwritten."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    if request.method == "GET":
        form = StepEditForm(initial=model_to_dict(step))
        return render(
            request, "goals/step_form.html", {"form": form, "goal": step.goal, "step": step}
        )
    data = request.POST.copy()
    form = StepEditForm(data)
    status = 400
    if form.is_valid():
        version = form.cleaned_data["version"]
        changed, status = _attempt(
            form,
            lambda: actions.change_step(
                step, by=request.user, version=version, **form.step_fields()
            ),
        )
        if changed is not None:
            messages.success(request, _("Your changes are saved."))
            return redirect("goals:detail", goal_id=step.goal.pk)
        if status == 409:
            step.refresh_from_db()
            data["version"] = str(step.version)
    context = {"form": form, "goal": step.goal, "step": step, "conflict": status == 409}
    return render(request, "goals/step_form.html", context, status=status)


@login_required
@require_POST
def accept_step(request: Request, step_id: int) -> HttpResponse:
    """The peer takes on a suggested step, maybe in their own words."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    here = reverse("goals:detail", args=[step.goal.pk])
    form = AcceptStepForm(request.POST)
    status = 400
    if form.is_valid():
        wording = form.cleaned_data["wording"]
        accepted, status = _attempt(
            form, lambda: actions.accept_step(step, by=request.user, wording=wording)
        )
        if accepted is not None:
            messages.success(request, _("It's your step now."))
            return _back(request, here)
    return _answer_again(
        request,
        form,
        status,
        suggestion=step.wording,
        accept=reverse("goals:accept_step", args=[step.pk]),
        decline=reverse("goals:decline_step", args=[step.pk]),
        yes=_("Yes, I'll take this step"),
    )


@login_required
@require_POST
def decline_step(request: Request, step_id: int) -> HttpResponse:
    """The peer says no to a suggested step, no reason needed."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    here = reverse("goals:detail", args=[step.goal.pk])
    try:
        actions.decline_step(step, by=request.user)
    except NotAllowed as refusal:
        return _refused(request, str(refusal), here)
    messages.success(request, _("Okay, you said no to that one. No reason needed."))
    return _back(request, here)


@login_required
@require_POST
def move_step(request: Request, step_id: int) -> HttpResponse:
    """Move a step up or down its goal's list."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    here = reverse("goals:detail", args=[step.goal.pk]) + "#steps"
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _refused(request, _("Please pick up or down."), here)
    actions.move_step(step, by=request.user, offset=form.offset)
    return _back(request, here)


@login_required
@require_POST
def step_status(request: Request, step_id: int) -> HttpResponse:
    """Pause, finish, let go of or restart a step."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    here = reverse("goals:detail", args=[step.goal.pk])
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _refused(request, _("Please pick one of the buttons."), here)
    try:
        change = actions.set_step_status(step, by=request.user, **form.cleaned_data)
    except NotAllowed as refusal:
        return _refused(request, str(refusal), here)
    step = change.record
    if change.wins:
        _celebrate(request, change.wins)
    else:
        messages.success(
            request,
            _("Saved. This step is now: %(status)s.") % {"status": step.get_status_display()},
        )
    return _back(request, here)


@login_required
@require_POST
@never_cache
def check_in(request: Request, step_id: int) -> HttpResponse:
    """One tap on a step: done, not today, or skip. The wins it brings are celebrated."""
    step = access.get_step_for(request.user, step_id, Action.CREATE)
    form = CheckInForm(request.POST, prefix=f"step-{step.pk}")
    result, status = None, 400
    if form.is_valid():
        result, status = _attempt(
            form, lambda: actions.record_check_in(step, by=request.user, **form.cleaned_data)
        )
    saved = result is not None
    new_wins = result.wins if result else []
    if saved and not request.htmx:
        messages.success(request, _("Check-in saved. Thank you for showing up for yourself."))
        _celebrate(request, new_wins)
        return _back(request, reverse("goals:today"))
    step.refresh_from_db()
    view = step_view(step, timezone.localdate(), None if saved else form)
    context = {
        "item": view,
        "new_wins": new_wins,
        "saved": saved,
        "next_url": _next(request, reverse("goals:today")),
    }
    template = "goals/_step_card.html" if request.htmx else "goals/check_in.html"
    return render(request, template, context, status=status)


# A peer, as their specialist or supervisor sees them -----------------------------------------


@login_required
@require_GET
@never_cache
def peer(request: Request, peer_id: int) -> HttpResponse:
    """A peer's goals, steps, progress and reviews, for the people who support them."""
    person = access.get_peer_for(request.user, peer_id)
    if person.pk == request.user.pk:
        return redirect("goals:today")
    steps = with_check_ins(Step.objects.exclude(status=Status.REJECTED).select_related("goal"))
    today_date = timezone.localdate()
    week_began, _week_ends = period_bounds("week", today_date)
    goals = list(
        Goal.objects.for_peer(person)
        .exclude(status=Status.REJECTED)
        .with_progress(since=week_began)
        .prefetch_related(Prefetch("steps", queryset=steps, to_attr="step_list"))
        .order_by("created_at")
    )
    context = {
        "person": person,
        "may_change": access.may(request.user, Action.CHANGE, person),
        "goals": [
            (goal, [step_view(step, today_date) for step in goal.step_list])  # type: ignore[attr-defined]
            for goal in goals
        ],
        "reviews": Review.objects.filter(goal__peer=person).select_related("goal")[:10],
        "wins": Win.objects.filter(peer=person).select_related("peer", "goal", "step")[:5],
    }
    return render(request, "goals/peer.html", context)


# The SMART coach, live beside the wording being typed -----------------------------------------

# What each criterion means, in the words a peer sees.
CRITERIA = {
    "specific": gettext_lazy("A clear action"),
    "measurable": gettext_lazy("Easy to count or check off"),
    "achievable": gettext_lazy("Doable in the time"),
    "time_bound": gettext_lazy("Has a when"),
    "relevant": gettext_lazy("Fits what matters to you"),
}


def _coach_goal(request: Request) -> Goal | None:
    """The goal a wording is for, when the person may see it."""
    goal_id = id_from_text(request.POST.get("coach_goal", ""))
    if goal_id is None:
        return None
    return Goal.objects.filter(peer__in=access.peers_for(request.user), pk=goal_id).first()


def coach_tips(
    statement: str, *, context: str | None, goal: Goal | None = None, offer: str = ""
) -> dict[str, Any]:
    """The coach's tips on `statement` for the `_coach.html` fragment; `offer` names the
    field ("smart_wording" or "wording") whose wording ideas may be put in with one tap."""
    statement = statement.strip()
    if not statement:
        return {}
    today = timezone.localdate()
    try:
        judgement = judge(statement, context=context, today=today)
    except Exception:
        # Tips are a help, not a gate: a coach problem must never stop someone writing a goal.
        logger.exception("The coach could not judge a statement")
        return {}
    result = judgement.to_dict()
    criteria = result["criteria"]
    assert isinstance(criteria, dict)
    wordings = []
    if offer in ("smart_wording", "wording"):
        wordings = suggested_wordings(statement, result, goal.life_area if goal else "", today)
    return {
        "criteria": [(CRITERIA[name], criteria[name]) for name in CRITERIA if name in criteria],
        "suggestions": result["suggestions"],
        "is_smart": judgement.is_smart and judgement.can_judge,
        "wordings": wordings,
        "offer": offer,
    }


def goal_context(goal: Goal | None, *, for_step: bool = True) -> str | None:
    """What a wording should serve: for a step, the goal; for the goal's clear wording, the
    peer's own words."""
    if goal is None:
        return None
    if for_step:
        return goal.smart_wording or goal.own_words
    return goal.own_words


@login_required
@require_POST
@never_cache
def coach(request: Request) -> HttpResponse:
    """Tips on the wording being typed (htmx enhancement; the forms work without it).

    The coach suggests; it never rewrites the peer's words. A wording idea goes into the field
    only when the peer presses its button.
    """
    fields = ("wording", "smart_wording", "own_words")
    statement = next(
        (request.POST[f].strip() for f in fields if request.POST.get(f, "").strip()), ""
    )
    goal = _coach_goal(request)
    context = goal_context(goal, for_step="wording" in request.POST)
    context = context or request.POST.get("why_it_matters", "").strip() or None
    offer = request.POST.get("coach_offer", "")
    tips = coach_tips(statement, context=context, goal=goal, offer=offer)
    return render(request, "goals/_coach.html", tips)
