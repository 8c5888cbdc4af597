"""The outcome report's choices: a period, a team or the whole program, a life area."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peergoals import access
from peergoals.goals.models import LifeArea
from peergoals.outcomes.report import Scope
from peergoals.people.models import Team, User

# The period a report opens with, and the longest one it covers.
DEFAULT_WEEKS = 8
LONGEST = datetime.timedelta(days=2 * 366)


class ReportForm(forms.Form):
    start = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Please pick the first day."),
            "invalid": _("Please enter a date, like 2026-10-01."),
        },
    )
    end = forms.DateField(
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Please pick the last day."),
            "invalid": _("Please enter a date, like 2026-11-30."),
        },
    )
    team: forms.ModelChoiceField[Team] = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Please pick a team from the list.")},
    )
    life_area = forms.ChoiceField(
        label=_("Life area"),
        required=False,
        error_messages={"invalid_choice": _("Please pick a life area from the list.")},
    )

    def __init__(self, user: User, data: Any = None) -> None:
        """The form for `user`, filled with `data`, or with the last eight weeks of their own
        team (a supervisor) or of the whole program (a program admin) when there is none."""
        filled = self.defaults(user)
        if data:
            # A choice left out of the address (a link with dates only) keeps its default.
            filled = {**filled, **{key: data.get(key, "") for key in data}}
        super().__init__(filled)
        team_field = self.fields["team"]
        assert isinstance(team_field, forms.ModelChoiceField)
        team_field.queryset = access.report_teams_for(user).order_by("name")
        # A supervisor's report is their team's; a program admin may pick one or the whole.
        if access.may_report_on_whole_program(user):
            team_field.empty_label = str(_("The whole program"))
        else:
            team_field.required = True
            team_field.empty_label = None
        area_field = self.fields["life_area"]
        assert isinstance(area_field, forms.ChoiceField)
        area_field.choices = [("", _("Every life area")), *LifeArea.choices]

    @staticmethod
    def defaults(user: User) -> dict[str, str]:
        today = timezone.localdate()
        start = today - datetime.timedelta(weeks=DEFAULT_WEEKS)
        team = "" if access.may_report_on_whole_program(user) else str(user.team_id or "")
        return {"start": start.isoformat(), "end": today.isoformat(), "team": team}

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The last day can't be before the first day."))
            elif end - start > LONGEST:
                self.add_error("end", _("Please pick a period of two years or less."))
        return data

    def scope(self) -> Scope:
        data = self.cleaned_data
        return Scope(
            start=data["start"], end=data["end"], team=data["team"], life_area=data["life_area"]
        )
