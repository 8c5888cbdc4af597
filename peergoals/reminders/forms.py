"""The reminder pages' forms; every error in plain words beside its field."""

from __future__ import annotations

import zoneinfo
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peergoals.goals.forms import PlainForm
from peergoals.reminders.models import WEEKDAYS

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


def time_field(
    label: StrOrPromise, required: bool = False, help_text: StrOrPromise = ""
) -> forms.TimeField:
    return forms.TimeField(label=label, required=required, widget=TimeInput(), help_text=help_text)


class PreferencesForm(PlainForm):
    time_zone = forms.ChoiceField(
        label=_("Your time zone"),
        choices=[(zone, zone.replace("_", " ")) for zone in ZONES],
        help_text=_("Reminders come at the times you choose, in this time zone."),
    )
    reminders_on = forms.BooleanField(label=_("Send me reminders"), required=False)
    daily_at = time_field(
        _("A daily “fill in today” reminder at (optional)"),
        help_text=_("Leave it empty for none."),
    )
    quiet_from = time_field(_("Quiet hours from (optional)"))
    quiet_until = time_field(_("Quiet hours until (optional)"))
    by_email = forms.BooleanField(label=_("Also by e-mail, when I have an address"), required=False)
    show_step_words = forms.BooleanField(
        label=_("Show my step's own words in reminders"),
        required=False,
        help_text=_(
            "Off, a reminder only says “A step for today is waiting”: anyone who sees "
            "your phone's lock screen or your e-mail learns nothing more."
        ),
    )
    daily_digest = forms.BooleanField(
        label=_("A digest of my caseload each working morning"), required=False
    )

    def __init__(self, *args: Any, for_peer: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A peer has steps to be reminded of; staff have a caseload to hear about.
        for name in ("daily_digest",) if for_peer else ("daily_at", "show_step_words"):
            del self.fields[name]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if bool(cleaned.get("quiet_from")) != bool(cleaned.get("quiet_until")):
            self.add_error(
                "quiet_until", _("Give both times for quiet hours, or leave both empty.")
            )
        return cleaned


class StepReminderForm(PlainForm):
    at = time_field(_("Time"), required=True)
    weekdays = forms.MultipleChoiceField(
        label=_("On these days"),
        choices=WEEKDAYS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one day.")},
    )


class PushSubscriptionForm(forms.Form):
    """The browser's PushSubscription, as its toJSON() gives it."""

    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    p256dh = forms.CharField(max_length=200)
    auth = forms.CharField(max_length=100)
