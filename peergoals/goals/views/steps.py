"""A step's pages and buttons: add, edit, answer, reorder, status, check in."""

from __future__ import annotations

import functools
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import model_to_dict
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peergoals import access
from peergoals.access import Action
from peergoals.goals import actions, plans
from peergoals.goals.forms import (
    AcceptStepForm,
    CheckInForm,
    MoveForm,
    StepEditForm,
    StepForm,
)
from peergoals.goals.models import (
    Goal,
    Outcome,
    Status,
    Step,
)
from peergoals.goals.moves import (
    step_moves,
)
from peergoals.goals.steps import step_view
from peergoals.goals.views.common import (
    _accept,
    _back,
    _celebrate,
    _clash_rows,
    _decline,
    _next,
    _save_changes,
    _saved_from,
    _status_change,
    _suggestion_saved,
    _withdraw,
)
from peergoals.people import typed_text
from peergoals.web import Request, attempt, domain_errors, form_page, refused


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


@form_page
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


@form_page
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
def withdraw_step(request: Request, step_id: int) -> HttpResponse:
    """Take back a step you suggested, before the peer answers it."""
    step = access.get_step_for(request.user, step_id, Action.CHANGE)
    here = reverse("goals:detail", args=[step.goal.pk])
    withdraw = functools.partial(actions.withdraw_step, step, by=request.user)
    return _withdraw(request, withdraw, here, here)


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
    moves = step_moves(step, request.user)
    saved = _("Saved. This step is now: %(status)s.")
    return _status_change(request, here, step, moves, change, saved)


@form_page
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
