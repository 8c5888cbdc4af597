"""A suggested change to a goal or step answered by the peer, or withdrawn by its author."""

from __future__ import annotations

import functools
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peergoals import access
from peergoals.access import Action
from peergoals.goals import actions
from peergoals.goals.actions import StatusChange
from peergoals.goals.forms import (
    AcceptChangeForm,
)
from peergoals.goals.history import suggested_beside_now
from peergoals.goals.views.common import _accept, _celebrate, _decline, _withdraw
from peergoals.web import Request


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
def withdraw_change(request: Request, change_id: int) -> HttpResponse:
    """Take back a change you suggested, while it waits for the peer's answer."""
    suggestion = access.get_suggested_change_for(request.user, change_id, Action.CHANGE)
    here = reverse("goals:detail", args=[suggestion.goal.pk])
    withdraw = functools.partial(actions.withdraw_change, suggestion, by=request.user)
    return _withdraw(request, withdraw, here, here)
