"""Pages for goals, steps, check-ins, reviews and wins.

Each view parses a form, gets the record through `peergoals.access` (a record someone may not
reach is a 404, like a missing one), calls one action, and renders. A refusal from the practice
(`NotAllowed`, `Conflict`) is shown on the page with everything the person typed kept.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form, model_to_dict
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from peergoals import access
from peergoals.access import Action
from peergoals.db import id_from_text
from peergoals.errors import Conflict, NotAllowed
from peergoals.goals import actions, coaching, plans
from peergoals.goals.actions import StatusChange
from peergoals.goals.forms import (
    AcceptChangeForm,
    AcceptGoalForm,
    AcceptStepForm,
    CheckInForm,
    CoachForm,
    FromVersion,
    GoalEditForm,
    GoalForm,
    MoveForm,
    ProposalForm,
    ReviewForm,
    StatusForm,
    StepEditForm,
    StepForm,
)
from peergoals.goals.history import goal_history, shown, suggested_beside_now
from peergoals.goals.history import label as field_label
from peergoals.goals.models import (
    Decision,
    Goal,
    Outcome,
    ReviewFeeling,
    Status,
    Step,
    Win,
)
from peergoals.goals.moves import (
    GOAL_BUTTONS,
    STEP_BUTTONS,
    Moves,
    goal_moves,
    step_moves,
)
from peergoals.goals.progress import as_written
from peergoals.goals.steps import StepView, step_view
from peergoals.people import caseload, typed_text
from peergoals.web import Request, attempt, domain_errors, peer_required, refused, safe_next

Done = TypeVar("Done")

# Helpers -------------------------------------------------------------------------------------


def _next(request: Request, default: str) -> str:
    """The page the form was on, when it is one of ours; otherwise `default`."""
    return safe_next(request, request.POST.get("next", "")) or default


def _back(request: Request, default: str) -> HttpResponseRedirect:
    # Not `redirect()`: it would try a bare word in "next" as a URL name and fail with a 500.
    return HttpResponseRedirect(_next(request, default))


def _celebrate(request: Request, wins: Iterable[Win]) -> None:
    """Show each win now: said to the peer, or about them to whoever recorded it for them."""
    for win in wins:
        said = win.message if win.peer_id == request.user.pk else win.message_about_peer
        messages.success(request, said, extra_tags="win")


def _is_peer(request: Request, goal: Goal) -> bool:
    return request.user.pk == goal.peer_id


def _with_moves(
    request: Request, view: StepView, may_change: bool, suggestion: plans.Suggestion | None
) -> tuple[StepView, Moves, list[tuple[str, str]], plans.Suggestion | None]:
    moves = step_moves(view.step, request.user)
    return view, moves, moves.buttons(STEP_BUTTONS) if may_change else [], suggestion


def _suggestion_saved(request: Request, record: Goal | Step) -> None:
    peer = record.peer if isinstance(record, Goal) else record.goal.peer
    messages.success(
        request,
        _("Your suggestion is saved. Nothing changes until %(name)s says yes.")
        % {"name": peer.display_name},
    )


def _status_change(
    request: Request, here: str, change: Callable[..., StatusChange[Any]], saved: str
) -> HttpResponse:
    """A status button pressed on a goal or a step: the wins it brings, or `saved`."""
    form = StatusForm(request.POST)
    if not form.is_valid():
        return refused(request, _("Please pick one of the buttons."), here)
    try:
        changed = change(by=request.user, **form.cleaned_data)
    except NotAllowed as refusal:
        return refused(request, str(refusal), here)
    if changed.wins:
        _celebrate(request, changed.wins)
    else:
        messages.success(request, saved % {"status": changed.record.get_status_display()})
    return _back(request, here)


def _accept(
    request: Request,
    form: Form,
    accept: Callable[[], object],
    here: str,
    saved: str,
    *,
    suggestion: str,
    urls: tuple[str, str],
    yes: str,
) -> HttpResponse:
    """A suggestion taken on; refused, the answer is asked again with the words kept."""
    status = 400
    if form.is_valid():
        accepted, status = attempt(form, accept)
        if accepted is not None:
            messages.success(request, saved)
            return _back(request, here)
    accept_url, decline_url = urls
    context = {
        "form": form,
        "suggestion": suggestion,
        "accept_url": accept_url,
        "decline_url": decline_url,
        "yes": yes,
        "next": _next(request, ""),
    }
    # Asked again, with why it didn't go through and the words kept.
    return render(request, "goals/answer.html", context, status=status)


def _decline(request: Request, decline: Callable[[], object], here: str, then: str) -> HttpResponse:
    """A suggested goal or step said no to; no reason needed."""
    try:
        decline()
    except NotAllowed as refusal:
        return refused(request, str(refusal), here)
    messages.success(request, _("Okay, you said no to that one. No reason needed."))
    return _back(request, then)


@dataclass(frozen=True)
class ClashRow:
    """A field both people changed, side by side: the value saved, what this person typed,
    and which of the two they chose (if they did)."""

    name: str
    label: str
    saved: str
    mine: str
    choice: str


def _form_value(value: Any) -> str:
    """A saved value as a form field sends it."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(as_written(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _save_changes(
    data: QueryDict, form: FromVersion, record: Goal | Step, change: Callable[[int], Done]
) -> tuple[Done | None, int]:
    """Save an edit of `record` made from the version the form carries.

    The action merges it with what was saved since. When both changed the same field (409),
    the form is shown again based on the latest version: the fields only the others changed
    show their values, the person's own changes stay as typed, and each field both changed
    asks which to keep. Saving again never undoes the others' changes.
    """
    conflict: Conflict | None = None

    def save() -> Done:
        nonlocal conflict
        try:
            return change(form.cleaned_data["version"])
        except Conflict as raised:
            conflict = raised
            raise

    changed, status = attempt(form, save)
    if conflict is not None and conflict.version is not None:
        record.refresh_from_db()
        for name, value in conflict.theirs.items():
            data[name] = _form_value(value)
        data["version"] = str(conflict.version)
        data.setlist("clash", [clash.field for clash in conflict.clashes])
    return changed, status


def _clash_rows(form: FromVersion, record: Goal | Step) -> list[ClashRow]:
    """The fields the person is asked to choose for, each with the value saved and theirs."""
    model = type(record)
    cleaned = getattr(form, "cleaned_data", {})
    return [
        ClashRow(
            name=name,
            label=str(form.fields[name].label or field_label(model, name)),
            saved=shown(model, name, getattr(record, name)),
            mine=shown(model, name, cleaned.get(name, form.data.get(name))),
            choice=form.choice(name),
        )
        for name in form.clashed()
    ]


def _saved_from(request: Request, version: int, record: Goal | Step) -> None:
    """Say the changes are saved, and when they were merged with others' saved meanwhile."""
    if record.version == version + 1:
        messages.success(request, _("Your changes are saved."))
    else:
        messages.success(
            request, _("Your changes are saved, beside the ones made meanwhile by someone else.")
        )


# The peer's pages ----------------------------------------------------------------------------


@login_required
@require_GET
@never_cache
@peer_required
def today(request: Request) -> HttpResponse:
    """The peer's home: today's steps, answers waiting, ideas kept for later, recent wins."""
    peer = access.get_peer_for(request.user, request.user.pk)
    context = plans.today_for(peer)
    return render(request, "goals/today.html", context)


@login_required
@require_GET
@never_cache
@peer_required
def wins(request: Request) -> HttpResponse:
    """Every win the peer has had, newest first."""
    peer = access.get_peer_for(request.user, request.user.pk)
    return render(request, "goals/wins.html", {"wins": plans.wins_of(peer)[:200]})


@login_required
@require_GET
@never_cache
@peer_required
def past_goals(request: Request) -> HttpResponse:
    """What the peer has done and the goals they let go, each one theirs to bring back."""
    peer = access.get_peer_for(request.user, request.user.pk)
    past = plans.past_goals_of(peer)
    context = {
        name: [(goal, Status.ACTIVE in goal_moves(goal, peer).statuses) for goal in goals]
        for name, goals in past.items()
    }
    return render(request, "goals/past.html", context)


@typed_text.keeps_typed_text
@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def new_goal(request: Request) -> HttpResponse:
    """The peer sets a goal of their own: active now, or kept as an idea."""
    peer = access.get_peer_for(request.user, request.user.pk, Action.CREATE)
    form = GoalForm(request.POST or None)
    if not form.is_bound:
        typed_text.restore(request, form)
    if form.is_bound and form.is_valid():
        goal, _status = attempt(
            form, lambda: actions.create_goal(peer, by=request.user, **form.cleaned_data)
        )
        if goal is not None:
            messages.success(request, _("Your goal is saved. It's yours!"))
            return redirect("goals:detail", goal_id=goal.pk)
    status = 400 if form.is_bound else 200
    return render(request, "goals/goal_form.html", {"form": form, "peer": peer}, status=status)


@typed_text.keeps_typed_text
@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def propose_goal(request: Request, peer_id: int) -> HttpResponse:
    """A specialist suggests a goal; it stays suggested until the peer answers."""
    peer = access.get_peer_for(request.user, peer_id, Action.CREATE)
    if peer.pk == request.user.pk:
        return redirect("goals:new")
    form = ProposalForm(request.POST or None)
    if not form.is_bound:
        typed_text.restore(request, form)
    if form.is_bound and form.is_valid():
        goal, _status = attempt(
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
    return _accept(
        request,
        form,
        lambda: actions.accept_goal(goal, by=request.user, **form.cleaned_data),
        reverse("goals:detail", args=[goal.pk]),
        _("It's your goal now."),
        suggestion=goal.own_words,
        urls=(reverse("goals:accept", args=[goal.pk]), reverse("goals:decline", args=[goal.pk])),
        yes=_("Yes, make it my goal"),
    )


@login_required
@require_POST
def decline_goal(request: Request, goal_id: int) -> HttpResponse:
    """The peer says no to a suggested goal, no reason needed."""
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    here = reverse("goals:detail", args=[goal.pk])
    decline = functools.partial(actions.decline_goal, goal, by=request.user)
    return _decline(request, decline, here, reverse("goals:today"))


# A goal --------------------------------------------------------------------------------------


@login_required
@require_GET
@never_cache
def detail(request: Request, goal_id: int) -> HttpResponse:
    """A goal: both wordings, its steps and progress, reviews, and a way into its history."""
    goal = access.get_goal_for(request.user, goal_id)
    may_change = access.may(request.user, Action.CHANGE, goal.peer)
    moves = goal_moves(goal, request.user)
    views, chart = plans.steps_of(goal)
    suggestions = plans.suggestions_of(goal)
    steps = [
        _with_moves(request, view, may_change, suggestions.get(view.step.pk)) for view in views
    ]
    context = {
        "goal": goal,
        "goal_chart": chart,
        "goal_chart_shown": chart is not None,
        "is_peer": _is_peer(request, goal),
        "may_change": may_change,
        "goal_moves": moves,
        "goal_buttons": moves.buttons(GOAL_BUTTONS) if may_change else [],
        "steps": steps,
        "suggestion": suggestions.get(None),
        "reviews": plans.reviews_of(goal),
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


@typed_text.keeps_typed_text
@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def edit_goal(request: Request, goal_id: int) -> HttpResponse:
    """Change a goal; if someone else changed it first, say so and keep what was typed.

    The peer changes it; anyone else suggests the change, and nothing changes until the peer
    says yes (the goal they suggested themself they may still change until it is answered).
    """
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    is_peer = _is_peer(request, goal)
    edit = goal_moves(goal, request.user).edit
    change = actions.change_goal if edit else actions.suggest_change
    if request.method == "GET":
        form = GoalEditForm(initial=model_to_dict(goal), peer_is_editing=is_peer)
        typed_text.restore(request, form)
        context = {"form": form, "goal": goal, "is_peer": is_peer, "suggesting": not edit}
        return render(request, "goals/goal_edit.html", context)
    data = request.POST.copy()
    form = GoalEditForm(data, peer_is_editing=is_peer)
    status = 400
    if form.is_valid():
        based_on = form.cleaned_data["version"]
        changed, status = _save_changes(
            data,
            form,
            goal,
            lambda version: change(goal, by=request.user, version=version, **form.changes()),
        )
        if isinstance(changed, Goal):
            _saved_from(request, based_on, changed)
            return redirect("goals:detail", goal_id=goal.pk)
        if changed is not None:
            _suggestion_saved(request, goal)
            return redirect("goals:detail", goal_id=goal.pk)
    context = {
        "form": form,
        "goal": goal,
        "is_peer": is_peer,
        "suggesting": not edit,
        "clashes": _clash_rows(form, goal),
    }
    return render(request, "goals/goal_edit.html", context, status=status)


@login_required
@require_POST
def goal_status(request: Request, goal_id: int) -> HttpResponse:
    """Start, pause, finish or let go of a goal."""
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    here = reverse("goals:detail", args=[goal.pk])
    change = functools.partial(actions.set_goal_status, goal)
    return _status_change(request, here, change, _("Saved. This goal is now: %(status)s."))


@typed_text.keeps_typed_text
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
    if not form.is_bound:
        typed_text.restore(request, form)
    if form.is_bound and form.is_valid():
        fields = form.review_fields()
        held, _status = attempt(form, lambda: actions.hold_review(goal, by=request.user, **fields))
        if held is not None:
            _celebrate(request, held.wins)
            if held.pending is not None:
                messages.success(
                    request,
                    _(
                        "The look-back is saved. What happens next waits for %(name)s to "
                        "confirm it; nothing about the goal changes until then."
                    )
                    % {"name": goal.peer.display_name},
                )
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
    context = {"form": form, "goal": goal, "is_peer": is_peer}
    return render(request, "goals/review_form.html", context, status=400 if form.is_bound else 200)


def _to_a_step_to_change(request: Request, goal: Goal) -> HttpResponse:
    """After "change the plan": the one open step's edit page, or the steps to pick from."""
    open_steps = plans.open_steps(goal, limit=2)
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
    step, _status = attempt(
        form, lambda: actions.add_step(goal, by=request.user, **form.step_fields())
    )
    if step is not None:
        if step.status == Status.PROPOSED:
            messages.success(request, _("Your suggestion is saved. It waits for an answer."))
        else:
            messages.success(request, added)
    return step


@typed_text.keeps_typed_text
@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def add_step(request: Request, goal_id: int) -> HttpResponse:
    """Add a step to a goal; a specialist's step waits for the peer to accept it."""
    goal = access.get_goal_for(request.user, goal_id, Action.CREATE)
    form = StepForm(request.POST or None)
    if not form.is_bound:
        typed_text.restore(request, form)
    added = _("Step added. One step at a time!")
    if form.is_bound and form.is_valid() and save_step(request, goal, form, added):
        return redirect("goals:detail", goal_id=goal.pk)
    context = {"form": form, "goal": goal}
    return render(request, "goals/step_form.html", context, status=400 if form.is_bound else 200)


@typed_text.keeps_typed_text
@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def edit_step(request: Request, step_id: int) -> HttpResponse:
    """Change a step, often to make it smaller; a change made meanwhile is never overwritten.

    As with a goal, anyone but the peer suggests the change and the peer answers it.
    """
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    edit = step_moves(step, request.user).edit
    change = actions.change_step if edit else actions.suggest_change
    context: dict[str, Any] = {"goal": step.goal, "step": step, "suggesting": not edit}
    if request.method == "GET":
        form = StepEditForm(initial=model_to_dict(step))
        typed_text.restore(request, form)
        return render(request, "goals/step_form.html", {"form": form, **context})
    data = request.POST.copy()
    form = StepEditForm(data)
    status = 400
    if form.is_valid():
        based_on = form.cleaned_data["version"]
        changed, status = _save_changes(
            data,
            form,
            step,
            lambda version: change(step, by=request.user, version=version, **form.step_fields()),
        )
        if isinstance(changed, Step):
            _saved_from(request, based_on, changed)
            return redirect("goals:detail", goal_id=step.goal.pk)
        if changed is not None:
            _suggestion_saved(request, step)
            return redirect("goals:detail", goal_id=step.goal.pk)
    context.update(form=form, clashes=_clash_rows(form, step))
    return render(request, "goals/step_form.html", context, status=status)


@login_required
@require_POST
def accept_step(request: Request, step_id: int) -> HttpResponse:
    """The peer takes on a suggested step, maybe in their own words."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    form = AcceptStepForm(request.POST)
    return _accept(
        request,
        form,
        lambda: actions.accept_step(step, by=request.user, **form.cleaned_data),
        reverse("goals:detail", args=[step.goal.pk]),
        _("It's your step now."),
        suggestion=step.wording,
        urls=(
            reverse("goals:accept_step", args=[step.pk]),
            reverse("goals:decline_step", args=[step.pk]),
        ),
        yes=_("Yes, I'll take this step"),
    )


@login_required
@require_POST
def decline_step(request: Request, step_id: int) -> HttpResponse:
    """The peer says no to a suggested step, no reason needed."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    here = reverse("goals:detail", args=[step.goal.pk])
    decline = functools.partial(actions.decline_step, step, by=request.user)
    return _decline(request, decline, here, here)


@login_required
@require_POST
def accept_change(request: Request, change_id: int) -> HttpResponse:
    """The peer takes on a suggested change (or confirms a review's decision), maybe with the
    suggested wording put their own way."""
    suggestion = access.get_suggested_change_for(request.user, change_id, Action.CHANGE)
    here = reverse("goals:detail", args=[suggestion.goal.pk])
    form = AcceptChangeForm(request.POST)

    def accept() -> StatusChange[Any]:
        accepted = actions.accept_change(suggestion, by=request.user, **form.cleaned_data)
        _celebrate(request, accepted.wins)
        return accepted

    described = "; ".join(f"{row.label}: {row.new}" for row in suggested_beside_now(suggestion))
    if suggestion.review is not None:
        described = suggestion.review.get_decision_display()
    return _accept(
        request,
        form,
        accept,
        here,
        _("Done. Your plan now has this change."),
        suggestion=described,
        urls=(
            reverse("goals:accept_change", args=[suggestion.pk]),
            reverse("goals:decline_change", args=[suggestion.pk]),
        ),
        yes=_("Yes, change it"),
    )


@login_required
@require_POST
def decline_change(request: Request, change_id: int) -> HttpResponse:
    """The peer says no to a suggested change, no reason needed; the plan stays as it is."""
    suggestion = access.get_suggested_change_for(request.user, change_id, Action.CHANGE)
    here = reverse("goals:detail", args=[suggestion.goal.pk])
    decline = functools.partial(actions.decline_change, suggestion, by=request.user)
    return _decline(request, decline, here, here)


@login_required
@require_POST
@domain_errors
def move_step(request: Request, step_id: int) -> HttpResponse:
    """Move a step up or down its goal's list."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    here = reverse("goals:detail", args=[step.goal.pk]) + "#steps"
    form = MoveForm(request.POST)
    if not form.is_valid():
        return refused(request, _("Please pick up or down."), here)
    actions.move_step(step, by=request.user, offset=form.offset)
    return _back(request, here)


@login_required
@require_POST
def step_status(request: Request, step_id: int) -> HttpResponse:
    """Pause, finish, let go of or restart a step."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    here = reverse("goals:detail", args=[step.goal.pk])
    change = functools.partial(actions.set_step_status, step)
    return _status_change(request, here, change, _("Saved. This step is now: %(status)s."))


@typed_text.keeps_typed_text
@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def check_in(request: Request, step_id: int) -> HttpResponse:
    """One tap on a step: done, not today, or skip. The wins it brings are celebrated.

    Its page (GET) is the step's card alone: a tap sent after the session ended comes back
    there after signing in, not saved, to be tapped again.
    """
    step = access.get_step_for(request.user, step_id, Action.CREATE)
    if request.method == "GET":
        return _check_in_again(request, step)
    form = CheckInForm(request.POST, prefix=f"step-{step.pk}")
    result, status = None, 400
    if form.is_valid():
        result, status = attempt(
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


def _check_in_again(request: Request, step: Step) -> HttpResponse:
    """The step's card, with a tap kept from before signing in put back, and said so."""
    form = CheckInForm(prefix=f"step-{step.pk}")

    def untapped(kept: dict[str, Any]) -> str:
        outcome = kept.get("outcome")
        return _(
            "Your tap on “%(step)s” (%(outcome)s) wasn't saved, because you had been logged "
            "out. Tap it again below to save it."
        ) % {
            "step": step.wording,
            "outcome": Outcome(outcome).label if outcome in Outcome.values else _("a check-in"),
        }

    typed_text.restore(request, form, said=untapped)
    context = {
        "item": step_view(step, timezone.localdate(), form),
        "saved": False,
        "next_url": reverse("goals:today"),
    }
    return render(request, "goals/check_in.html", context)


# A peer, as their specialist or supervisor sees them -----------------------------------------


@login_required
@require_GET
@never_cache
def peer(request: Request, peer_id: int) -> HttpResponse:
    """A peer's goals, steps, progress and reviews, for the people who support them."""
    person = access.get_peer_for(request.user, peer_id)
    if person.pk == request.user.pk:
        return redirect("goals:today")
    may_change = access.may(request.user, Action.CHANGE, person)
    context = {
        "person": person,
        "may_change": may_change,
        **plans.plan_of(person),
        **caseload.last_contact(person),
    }
    return render(request, "goals/peer.html", context)


# The SMART coach, live beside the wording being typed -----------------------------------------


@typed_text.keeps_typed_text(page=typed_text.posted_from)
@login_required
@require_POST
@never_cache
def coach(request: Request) -> HttpResponse:
    """Tips on the wording being typed (htmx enhancement; the forms work without it).

    The coach suggests; it never rewrites the peer's words. A wording idea goes into the field
    only when the peer presses its button. The goal a wording serves is read through the access
    policy like on any page: recorded, and 404 when it isn't this person's to see.
    """
    form = CoachForm(request.POST)
    if not form.is_valid():
        # Longer than any form allows: no tips; saving the form itself says what is too long.
        return render(request, "goals/_coach.html", {})
    typed = form.cleaned_data
    statement = next((typed[f] for f in ("wording", "smart_wording", "own_words") if typed[f]), "")
    goal_id = id_from_text(request.POST.get("coach_goal", ""))
    goal = access.read_goal_for(request.user, goal_id) if goal_id is not None else None
    context = coaching.goal_context(goal, for_step="wording" in request.POST)
    context = context or typed["why_it_matters"] or None
    offer = typed["coach_offer"]
    tips = coaching.tips(statement, context=context, goal=goal, offer=offer)
    return render(request, "goals/_coach.html", tips)
