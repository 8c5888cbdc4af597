"""The reminder pages: a person's settings, a step's reminder times, the one-tap "off" (signed
in, or from the link in an e-mail without signing in), and the browser's push subscription."""

from __future__ import annotations

import contextlib
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from peergoals import access
from peergoals.errors import NotFound
from peergoals.people import typed_text
from peergoals.reminders import actions
from peergoals.reminders.channels import push_configured
from peergoals.reminders.forms import PreferencesForm, PushSubscriptionForm, StepReminderForm
from peergoals.reminders.notices import person_from_off_token
from peergoals.web import Request, attempt, domain_errors, form_page


def _initial(request: Request) -> dict[str, object]:
    preferences = actions.preferences_for(request.user)
    daily = actions.daily_reminder_of(request.user)
    fields = ("time_zone", "reminders_on", "by_email", "show_step_words", "daily_digest")
    initial: dict[str, object] = {name: getattr(preferences, name) for name in fields}
    initial |= {"quiet_from": preferences.quiet_from, "quiet_until": preferences.quiet_until}
    initial["daily_at"] = daily.at if daily else None
    return initial


@form_page
def settings_page(request: Request) -> HttpResponse:
    for_peer = request.user.is_peer
    status = 200
    if request.method == "POST":
        form = PreferencesForm(request.POST, for_peer=for_peer)
        if form.is_valid():
            fields = dict(form.cleaned_data)
            fields.setdefault("daily_at", None)
            _saved, status = attempt(form, lambda: actions.save_preferences(request.user, **fields))
            if status == 200:
                messages.success(request, _("Your reminder settings are saved."))
                return redirect("reminders:settings")
        else:
            status = 400
    else:
        form = PreferencesForm(initial=_initial(request), for_peer=for_peer)
        typed_text.restore(request, form)
    context = {
        "form": form,
        "preferences": actions.preferences_for(request.user),
        "push_configured": push_configured(),
        "has_email": bool(request.user.email),
    }
    return render(request, "reminders/settings.html", context, status=status)


@login_required
@require_POST
def turn_off(request: Request) -> HttpResponse:
    actions.turn_off(request.user)
    messages.success(request, _("Reminders are off. Nothing more will be sent."))
    return redirect("reminders:settings")


@form_page
@domain_errors
def step_reminders(request: Request, step_id: int) -> HttpResponse:
    step = access.get_own_step_for(request.user, step_id)
    status = 200
    form = StepReminderForm(initial={"weekdays": list("0123456")})
    if request.method == "GET":
        typed_text.restore(request, form)
    else:
        if "remove" in request.POST:
            # Not a number: nothing to remove.
            with contextlib.suppress(ValueError):
                actions.remove_step_reminder(
                    step, by=request.user, reminder_id=int(request.POST["remove"])
                )
            messages.success(request, _("That reminder is removed."))
            return redirect("reminders:step", step_id=step.pk)
        form = StepReminderForm(request.POST)
        status = 400
        if form.is_valid():
            _added, status = attempt(
                form, lambda: actions.add_step_reminder(step, by=request.user, **form.cleaned_data)
            )
            if status == 200:
                messages.success(request, _("Reminder added."))
                return redirect("reminders:step", step_id=step.pk)
    context = {
        "step": step,
        "form": form,
        "reminders": actions.reminders_of_step(step),
        "preferences": actions.preferences_for(request.user),
    }
    return render(request, "reminders/step.html", context, status=status)


@require_http_methods(["GET", "POST"])
def off_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every reminder e-mail. It signs nobody in and names nobody: it turns that
    person's reminders off (on a tap, so a mail scanner fetching the link changes nothing)."""
    person_id = person_from_off_token(token)
    if person_id is None:
        raise NotFound
    done = request.method == "POST"
    if done:
        actions.turn_off_by_link(person_id)
    return render(request, "reminders/off_link.html", {"done": done})


def _subscription(request: Request) -> PushSubscriptionForm:
    """The PushSubscription JSON the service worker posts ({endpoint, keys: {p256dh, auth}}),
    or the same fields as a plain form."""
    data: QueryDict | dict[str, object] = request.POST
    if request.content_type == "application/json":
        try:
            sent = json.loads(request.body or b"{}")
        except ValueError:
            sent = {}
        keys = sent.get("keys") if isinstance(sent, dict) else None
        keys = keys if isinstance(keys, dict) else {}
        endpoint = sent.get("endpoint") if isinstance(sent, dict) else None
        data = {"endpoint": endpoint, "p256dh": keys.get("p256dh"), "auth": keys.get("auth")}
    return PushSubscriptionForm(data)


@login_required
@require_POST
def push_subscribe(request: Request) -> HttpResponse:
    form = _subscription(request)
    if not form.is_valid():
        return HttpResponse(status=400)
    actions.subscribe(request.user, **form.cleaned_data)
    return HttpResponse(status=201)


@login_required
@require_POST
def push_unsubscribe(request: Request) -> HttpResponse:
    form = _subscription(request)
    endpoint = form.data.get("endpoint")
    if not isinstance(endpoint, str) or not endpoint:
        return HttpResponse(status=400)
    actions.unsubscribe(request.user, endpoint=endpoint)
    return HttpResponse(status=204)
