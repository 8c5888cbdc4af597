"""A goal's Goal Attainment Scale: what each level would look like by the next look back, in
the peer's own words. The peer writes it; anyone else who may change the goal suggests it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import model_to_dict
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from peergoals import access
from peergoals.access import Action
from peergoals.goals import actions
from peergoals.goals.forms import ScaleForm
from peergoals.goals.moves import goal_moves
from peergoals.goals.views.common import _save_changes, _suggestion_saved
from peergoals.web import Request


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def scale(request: Request, goal_id: int) -> HttpResponse:
    """Describe each level of the goal and where the peer starts from; if someone else changed
    the goal first, say so and keep what was typed.

    As for any change to the goal, the peer changes it and anyone else suggests it: nothing
    changes until the peer says yes.
    """
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    edit = goal_moves(goal, request.user).edit
    change = actions.change_goal if edit else actions.suggest_change
    if request.method == "GET":
        context = {"form": ScaleForm(initial=model_to_dict(goal)), "goal": goal}
        return render(request, "goals/scale.html", {**context, "suggesting": not edit})
    data = request.POST.copy()
    form = ScaleForm(data)
    status = 400
    if form.is_valid():
        changed, status = _save_changes(
            data,
            form,
            goal,
            lambda version: change(goal, by=request.user, version=version, **form.changes()),
        )
        if changed is not None:
            if edit:
                messages.success(request, _("Saved. Each look back can now say how it went."))
            else:
                _suggestion_saved(request, goal)
            return redirect("goals:detail", goal_id=goal.pk)
    context = {"form": form, "goal": goal, "suggesting": not edit, "conflict": status == 409}
    return render(request, "goals/scale.html", context, status=status)
