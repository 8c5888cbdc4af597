"""What the goal and step pages share: where to go back to, wins shown, answers to
suggestions asked again with the words kept, edits made from a version merged with what was
saved since (a field both changed asked about, side by side).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib import messages
from django.forms import Form
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _

from peergoals.errors import Conflict, NotAllowed
from peergoals.goals import plans
from peergoals.goals.actions import StatusChange
from peergoals.goals.forms import (
    FromVersion,
    StatusForm,
)
from peergoals.goals.history import label as field_label
from peergoals.goals.history import shown
from peergoals.goals.models import (
    Goal,
    Status,
    Step,
    Win,
)
from peergoals.goals.moves import (
    Moves,
    step_buttons,
    step_moves,
)
from peergoals.goals.progress import as_written
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
    buttons = moves.buttons(step_buttons(view.step)) if may_change else []
    return view, moves, buttons, suggestion


def _suggestion_saved(request: Request, record: Goal | Step) -> None:
    peer = record.peer if isinstance(record, Goal) else record.goal.peer
    messages.success(
        request,
        _("Your suggestion is saved. Nothing changes until %(name)s says yes.")
        % {"name": peer.display_name},
    )


def _status_change(
    request: Request,
    here: str,
    record: Goal | Step,
    moves: Moves,
    change: Callable[..., StatusChange[Any]],
    saved: str,
) -> HttpResponse:
    """A status button pressed on a goal or a step: the wins it brings, or `saved`.

    A move the moves ask about first (a pause, finishing a repeating step for good) is asked
    about on a page of its own, a plain form, and made when that page is sent.
    """
    form = StatusForm(request.POST)
    valid = form.is_valid()
    status = form.cleaned_data.get("status")
    if status is None:
        return refused(request, _("Please pick one of the buttons."), here)
    if status in moves.ask_first and not (valid and form.cleaned_data["confirmed"]):
        return _ask_first(request, form, record, status, here)
    if not valid:
        return refused(request, _("Please pick one of the buttons."), here)
    try:
        changed = change(by=request.user, **form.status_fields())
    except NotAllowed as refusal:
        return refused(request, str(refusal), here)
    if changed.wins:
        _celebrate(request, changed.wins)
    else:
        messages.success(request, saved % {"status": changed.record.get_status_display()})
    return _back(request, here)


def _ask_first(
    request: Request, form: StatusForm, record: Goal | Step, status: str, here: str
) -> HttpResponse:
    """The page asked before a move: a pause's reason and resume date, or "finish this step
    for good?". Sent with a problem, it comes back with the message beside the field."""
    answered = form.is_bound and form.data.get("confirmed")
    context = {"form": form, "action": request.path, "next": _next(request, here)}
    context["back"] = context["next"]
    if status == Status.ON_HOLD:
        context["about"] = record.own_words if isinstance(record, Goal) else record.wording
        template = "goals/pause.html"
    else:
        context["step"] = record
        template = "goals/finish_step.html"
    return render(request, template, context, status=400 if answered else 200)


def _one_tap(
    request: Request, move: Callable[[], object], here: str, then: str, done: str
) -> HttpResponse:
    """A one-tap answer to a suggestion: made, said (`done`), and back to `then`; refused, the
    reason is shown on `here`."""
    try:
        move()
    except NotAllowed as refusal:
        return refused(request, str(refusal), here)
    messages.success(request, done)
    return _back(request, then)


def _withdraw(
    request: Request, withdraw: Callable[[], object], here: str, then: str
) -> HttpResponse:
    """A suggestion taken back by whoever made it, before the peer answered it."""
    done = _("Your suggestion is withdrawn. It no longer waits for an answer.")
    return _one_tap(request, withdraw, here, then, done)


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
    done = _("Okay, you said no to that one. No reason needed.")
    return _one_tap(request, decline, here, then, done)


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
