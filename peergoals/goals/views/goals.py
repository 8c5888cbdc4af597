"""The peer's pages (today, wins, past goals), a goal's pages, reviews, a peer's page for
staff, and the coach's tips.
"""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import model_to_dict
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from peergoals import access
from peergoals.access import Action
from peergoals.db import id_from_text
from peergoals.goals import actions, coaching, plans
from peergoals.goals.forms import (
    AcceptGoalForm,
    CoachForm,
    GoalEditForm,
    GoalForm,
    ProposalForm,
    ReviewForm,
)
from peergoals.goals.history import goal_history
from peergoals.goals.models import (
    Decision,
    Goal,
    ReviewFeeling,
    Status,
)
from peergoals.goals.moves import (
    GOAL_BUTTONS,
    goal_moves,
)
from peergoals.goals.views.common import (
    _accept,
    _celebrate,
    _clash_rows,
    _decline,
    _is_peer,
    _save_changes,
    _saved_from,
    _status_change,
    _suggestion_saved,
    _with_moves,
    _withdraw,
)
from peergoals.goals.views.steps import _to_a_step_to_change
from peergoals.people import caseload, typed_text
from peergoals.people.models import User
from peergoals.web import Request, attempt, form_page, page, peer_page

# The peer's pages ----------------------------------------------------------------------------


@peer_page
def today(request: Request) -> HttpResponse:
    """The peer's home: today's steps, answers waiting, ideas kept for later, recent wins."""
    peer = access.get_peer_for(request.user, request.user.pk)
    context = plans.today_for(peer)
    return render(request, "goals/today.html", context)


@peer_page
def wins(request: Request) -> HttpResponse:
    """Every win the peer has had, newest first."""
    peer = access.get_peer_for(request.user, request.user.pk)
    return render(request, "goals/wins.html", {"wins": plans.wins_of(peer)[:200]})


@peer_page
def past_goals(request: Request) -> HttpResponse:
    """What the peer has done and the goals they let go, each one theirs to bring back."""
    peer = access.get_peer_for(request.user, request.user.pk)
    past = plans.past_goals_of(peer)
    context = {
        name: [(goal, Status.ACTIVE in goal_moves(goal, peer).statuses) for goal in goals]
        for name, goals in past.items()
    }
    return render(request, "goals/past.html", context)


@form_page
def new_goal(request: Request) -> HttpResponse:
    """The peer sets a goal of their own: active now, or kept as an idea."""
    peer = access.get_peer_for(request.user, request.user.pk, Action.CREATE)
    form = GoalForm(request.POST or None)
    goal = _created_goal(request, peer, form)
    if goal is not None:
        messages.success(request, _("Your goal is saved. It's yours!"))
        return redirect("goals:detail", goal_id=goal.pk)
    status = 400 if form.is_bound else 200
    return render(request, "goals/goal_form.html", {"form": form, "peer": peer}, status=status)


@form_page
def propose_goal(request: Request, peer_id: int) -> HttpResponse:
    """A specialist suggests a goal; it stays suggested until the peer answers."""
    peer = access.get_peer_for(request.user, peer_id, Action.CREATE)
    if peer.pk == request.user.pk:
        return redirect("goals:new")
    form = ProposalForm(request.POST or None)
    goal = _created_goal(request, peer, form)
    if goal is not None:
        messages.success(
            request,
            _("Your suggestion is saved. It waits for %(name)s to answer.") % {"name": peer},
        )
        return redirect("goals:peer", peer_id=peer.pk)
    status = 400 if form.is_bound else 200
    context = {"form": form, "peer": peer, "proposal": True}
    return render(request, "goals/goal_form.html", context, status=status)


def _created_goal(request: Request, peer: User, form: GoalForm | ProposalForm) -> Goal | None:
    """The goal saved from the form sent (the peer's own, or a specialist's suggestion); None
    while nothing is sent yet (text typed before a logout is put back) or when the form or the
    practice said no (the form then says why)."""
    if not form.is_bound:
        typed_text.restore(request, form)
        return None
    if not form.is_valid():
        return None
    goal, _status = attempt(
        form, lambda: actions.create_goal(peer, by=request.user, **form.cleaned_data)
    )
    return goal


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


@page
def detail(request: Request, goal_id: int) -> HttpResponse:
    """A goal: both wordings, its steps and progress, reviews, and a way into its history."""
    goal = access.get_goal_for(request.user, goal_id)
    # The goal was reached through the policy just above: its peer is one `user` reaches.
    may_change = access.grants(request.user, Action.CHANGE)
    moves = goal_moves(goal, request.user)
    views, chart = plans.steps_of(goal)
    suggestions = plans.suggestions_of(goal)
    # One more than is shown, to know whether to offer the older ones.
    reviews = list(plans.reviews_of(goal)[: plans.RECENT_REVIEWS + 1])
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
        "withdrawable": plans.withdrawable_by(request.user, suggestions),
        "reviews": reviews[: plans.RECENT_REVIEWS],
        "older_reviews": len(reviews) > plans.RECENT_REVIEWS,
        "review_due": goal.review_is_due(),
    }
    return render(request, "goals/detail.html", context)


@page
def history(request: Request, goal_id: int) -> HttpResponse:
    """Every version of a goal and its steps: who changed what, when and why.

    The goal page loads it (htmx) only when the person opens "Show every change": most visits
    never do, and it is the longest part of the page to draw.
    """
    goal = access.get_goal_for(request.user, goal_id)
    context = {"goal": goal, "history": goal_history(goal)}
    template = "goals/_history.html" if request.htmx else "goals/history.html"
    return render(request, template, context)


@page
def reviews(request: Request, goal_id: int) -> HttpResponse:
    """Every look-back at a goal, newest first. The goal page shows the latest few and loads
    the older ones here (htmx) when the person opens them; without JavaScript, its own page."""
    goal = access.get_goal_for(request.user, goal_id)
    if request.htmx:
        shown = plans.reviews_of(goal)[plans.RECENT_REVIEWS :]
        return render(request, "goals/_reviews.html", {"goal": goal, "reviews": shown})
    return render(request, "goals/reviews.html", {"goal": goal, "reviews": plans.reviews_of(goal)})


@form_page
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
    moves = goal_moves(goal, request.user)
    saved = _("Saved. This goal is now: %(status)s.")
    return _status_change(request, here, goal, moves, change, saved)


@login_required
@require_POST
def withdraw_goal(request: Request, goal_id: int) -> HttpResponse:
    """Take back a goal you suggested, before the peer answers it."""
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    here = reverse("goals:detail", args=[goal.pk])
    withdraw = functools.partial(actions.withdraw_goal, goal, by=request.user)
    return _withdraw(request, withdraw, here, reverse("goals:peer", args=[goal.peer_id]))


@form_page
def review(request: Request, goal_id: int) -> HttpResponse:
    """Look back at a goal together: what works, what doesn't, how it feels, what next.

    Choosing to change the plan leads straight to changing a step; the change is a new
    version that the goal's history shows.
    """
    goal = access.get_goal_for(request.user, goal_id, Action.CREATE)
    is_peer = _is_peer(request, goal)
    form = ReviewForm(request.POST or None, peer=None if is_peer else goal.peer, goal=goal)
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


# A peer, as their specialist or supervisor sees them -----------------------------------------


@page
def peer(request: Request, peer_id: int) -> HttpResponse:
    """A peer's goals, steps, progress and reviews, for the people who support them."""
    person = access.get_peer_for(request.user, peer_id)
    if person.pk == request.user.pk:
        return redirect("goals:today")
    may_change = access.grants(request.user, Action.CHANGE)
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
