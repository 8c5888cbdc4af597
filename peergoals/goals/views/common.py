"""What the goal and step pages share: where to go back to, wins shown, answers to
suggestions asked again with the words kept, edits guarded by their version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.contrib import messages
from django.forms import Form
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _

from peergoals.errors import NotAllowed
from peergoals.goals import plans
from peergoals.goals.actions import StatusChange
from peergoals.goals.forms import (
    StatusForm,
)
from peergoals.goals.models import (
    Goal,
    Step,
    Win,
)
from peergoals.goals.moves import (
    STEP_BUTTONS,
    Moves,
    step_moves,
)
from peergoals.goals.steps import StepView
from peergoals.web import Request, attempt, refused, safe_next

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


def _save_changes(
    data: QueryDict, form: Form, record: Goal | Step, change: Callable[[int], object]
) -> tuple[object | None, int]:
    """Save an edit of `record` guarded by the version it was loaded at.

    When someone else changed it meanwhile (409), the form is shown again with what was typed
    and the latest version: saving again is a choice made with that version in view.
    """
    changed, status = attempt(form, lambda: change(form.cleaned_data["version"]))
    if status == 409:
        record.refresh_from_db()
        data["version"] = str(record.version)
    return changed, status
