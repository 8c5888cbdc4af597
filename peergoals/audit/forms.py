from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peergoals.audit.actions import EARLIEST_DAY, LATEST_DAY


class ExportForm(forms.Form):
    """Which days of the audit log to download."""

    since = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}), help_text=_("First day")
    )
    until = forms.DateField(
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Last day, included"),
    )

    def clean_since(self) -> datetime.date:
        return _within_range(self.cleaned_data["since"])

    def clean_until(self) -> datetime.date:
        return _within_range(self.cleaned_data["until"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The last day must be on or after the first day."))
        return cleaned

    @staticmethod
    def last_month() -> dict[str, datetime.date]:
        today = timezone.localdate()
        return {"since": today - datetime.timedelta(days=30), "until": today}


def _within_range(day: datetime.date) -> datetime.date:
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise forms.ValidationError(
            _("Choose a day from %(first)s to %(last)s."),
            params={"first": EARLIEST_DAY.isoformat(), "last": LATEST_DAY.isoformat()},
        )
    return day
