"""Forms for the peer's Sharing and Your data pages."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def a_year_from_today() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=365)


class ConsentForm(forms.Form):
    ENDS = [
        ("date", _("On a date I pick")),
        ("event", _("When I stop getting services from the program")),
    ]

    ends = forms.ChoiceField(
        label=_("When does this end?"),
        choices=ENDS,
        initial="date",
        widget=forms.RadioSelect,
        error_messages={"required": _("Please pick when this ends.")},
    )
    expires_on = forms.DateField(
        label=_("End date"),
        required=False,
        initial=a_year_from_today,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Only if you picked a date."),
        error_messages={"invalid": _("Please enter a date, like 2026-12-31.")},
    )
    understands_substance_use = forms.BooleanField(
        label=_("I understand this includes records about my use of alcohol or drugs."),
        error_messages={"required": _("Please check this box to agree.")},
    )
    program_reports = forms.BooleanField(
        label=_(
            "Also count my goals, steps and check-ins in the program's reports to the people "
            "who fund it, without my name."
        ),
        required=False,
        help_text=_("Optional. Saying no changes nothing about your support."),
    )
    signature = forms.CharField(
        label=_("Type your name to sign"),
        max_length=200,
        error_messages={"required": _("Please type your name to sign.")},
    )

    def clean_signature(self) -> str:
        signature: str = self.cleaned_data["signature"].strip()
        if not signature:
            raise forms.ValidationError(_("Please type your name to sign."))
        return signature

    def clean(self) -> dict[str, object] | None:
        data = super().clean() or {}
        if data.get("ends") == "date":
            expires_on = data.get("expires_on")
            if expires_on is None and "expires_on" not in self.errors:
                self.add_error("expires_on", _("Please pick an end date."))
            elif expires_on is not None and expires_on < timezone.localdate():
                self.add_error("expires_on", _("The end date can't be in the past."))
        return data


class CalendarFeedForm(forms.Form):
    full_titles = forms.BooleanField(
        label=_("Show my steps' own words in my calendar"),
        required=False,
        help_text=_(
            "Anyone who sees your phone's lock screen or your shared calendar would read them."
        ),
    )
