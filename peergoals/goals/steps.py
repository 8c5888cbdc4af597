"""Steps as the pages show them: where each stands today, its chart and its check-in form.

Read-side only: the today page, the goal page, a peer's page and the check-in answer all build
their step cards here, from steps whose check-ins were loaded in one query (`load_check_ins`).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import get_language

from peergoals.goals.charts import Chart, bar_chart
from peergoals.goals.forms import CheckInForm
from peergoals.goals.models import CheckIn, Step
from peergoals.goals.progress import (
    ROW_FIELDS,
    CheckInRow,
    StepProgress,
    best_streak,
    chart_period,
    step_progress,
    step_series,
)

# The check-ins a step card lists ("Recent check-ins").
RECENT = 5


def load_check_ins(steps: Iterable[Step]) -> None:
    """Give each step its current check-ins, newest first: `current_rows` (all of them, as
    CheckInRow) and `current_shown` (the ones a card lists, as CheckIn).

    Two queries whatever the history: the rows read only the columns progress needs (half a
    year of a daily step is some 180 of them), and only the few listed are loaded whole.
    """
    by_pk = {step.pk: step for step in steps}
    for step in by_pk.values():
        step.current_rows = []  # type: ignore[attr-defined]
        step.current_shown = []  # type: ignore[attr-defined]
    if not by_pk:
        return
    today = timezone.localdate()
    newest_first = ("-for_date", "-recorded_at")
    rows = (
        CheckIn.objects.current()
        .filter(step_id__in=by_pk)
        .order_by(*newest_first)
        .values_list("pk", "step_id", *ROW_FIELDS)
    )
    shown = []
    for pk, step_id, *values in rows:
        listed: list[CheckInRow] = by_pk[step_id].current_rows  # type: ignore[attr-defined]
        row = CheckInRow(*values)
        if len(listed) < RECENT or row.for_date == today:
            shown.append(pk)
        listed.append(row)
    if shown:
        for check_in in CheckIn.objects.filter(pk__in=shown).order_by(*newest_first):
            check_in.step = by_pk[check_in.step_id]
            check_in.step.current_shown.append(check_in)  # type: ignore[attr-defined]


@dataclass
class StepView:
    """A step as a page shows it: where it stands today and its check-in form."""

    step: Step
    progress: StepProgress
    today_entry: CheckIn | None
    given_form: CheckInForm | None = None
    recent: list[CheckIn] = field(default_factory=list)
    entries: list[CheckInRow] = field(default_factory=list)
    today: datetime.date | None = None

    @functools.cached_property
    def form(self) -> CheckInForm:
        """The form as it was posted, else a fresh one; built only by a page that shows it."""
        if self.given_form is not None:
            return self.given_form
        return CheckInForm(prefix=self.prefix)

    @property
    def prefix(self) -> str:
        return f"step-{self.step.pk}"

    @property
    def fields(self) -> CheckInFields:
        """The check-in form's fields as HTML, by name: `item.fields.note` in a template."""
        return CheckInFields(self)

    @functools.cached_property
    def chart(self) -> Chart:
        """Progress per period against the step's repeating target (drawn on the goal page)."""
        points = step_series(self.step, self.entries, self.today or timezone.localdate())
        target = self.step.target_quantity if self.step.target_per else None
        return bar_chart(points, target, self.chart_period)

    @property
    def chart_period(self) -> str:
        return chart_period(self.step)

    @functools.cached_property
    def best_streak(self) -> int:
        return best_streak(self.entries)


class CheckInFields:
    """A step card's check-in fields as HTML.

    A fresh form's fields are the same markup for a step in a language on every page view, so
    each is drawn once per process: on the today page, four steps' fields took 9 ms of 30 to
    draw anew each time (measured). A form sent back with what the person typed and its
    errors is drawn as it is.
    """

    def __init__(self, view: StepView) -> None:
        self.view = view

    def __getitem__(self, name: str) -> str:
        if name not in CheckInForm.base_fields:
            raise KeyError(name)
        if self.view.given_form is not None:
            return self.view.given_form[name].as_field_group()
        return _fresh_field(self.view.prefix, name, get_language())


@functools.lru_cache(maxsize=4096)
def _fresh_field(prefix: str, name: str, language: str) -> str:
    # `language` is part of the key only: the labels are drawn in the active language.
    return CheckInForm(prefix=prefix)[name].as_field_group()


def step_view(step: Step, today: datetime.date, form: CheckInForm | None = None) -> StepView:
    if not hasattr(step, "current_rows"):
        load_check_ins([step])
    entries: list[CheckInRow] = step.current_rows  # type: ignore[attr-defined]
    shown: list[CheckIn] = step.current_shown  # type: ignore[attr-defined]
    return StepView(
        step=step,
        progress=step_progress(step, entries, today),
        today_entry=next((entry for entry in shown if entry.for_date == today), None),
        given_form=form,
        recent=shown[:RECENT],
        entries=entries,
        today=today,
    )


def step_views(steps: Iterable[Step]) -> list[StepView]:
    today = timezone.localdate()
    return [step_view(step, today) for step in steps]
