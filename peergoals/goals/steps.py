"""Steps as the pages show them: where each stands today, its chart and its check-in form.

Read-side only: the today page, the goal page, a peer's page and the check-in answer all build
their step cards here, from steps whose check-ins were loaded in one query (`with_check_ins`).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from peergoals.goals.charts import Chart, bar_chart
from peergoals.goals.forms import CheckInForm
from peergoals.goals.models import CheckIn, Step
from peergoals.goals.progress import (
    StepProgress,
    best_streak,
    chart_period,
    step_progress,
    step_series,
)


def with_check_ins(steps: QuerySet[Step]) -> QuerySet[Step]:
    """Steps with their current check-ins loaded in one query, for progress without N+1."""
    current = CheckIn.objects.current().order_by("-for_date", "-recorded_at")
    return steps.prefetch_related(Prefetch("check_ins", queryset=current, to_attr="current"))


@dataclass
class StepView:
    """A step as a page shows it: where it stands today and its check-in form."""

    step: Step
    progress: StepProgress
    today_entry: CheckIn | None
    given_form: CheckInForm | None = None
    recent: list[CheckIn] = field(default_factory=list)
    entries: list[CheckIn] = field(default_factory=list)
    today: datetime.date | None = None

    @functools.cached_property
    def form(self) -> CheckInForm:
        """The form as it was posted, else a fresh one; built only by a page that shows it."""
        if self.given_form is not None:
            return self.given_form
        return CheckInForm(prefix=f"step-{self.step.pk}")

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


def step_view(step: Step, today: datetime.date, form: CheckInForm | None = None) -> StepView:
    entries: list[CheckIn] | None = getattr(step, "current", None)
    if entries is None:
        entries = list(step.check_ins.current())
    return StepView(
        step=step,
        progress=step_progress(step, entries, today),
        today_entry=next((entry for entry in entries if entry.for_date == today), None),
        given_form=form,
        recent=entries[:5],
        entries=entries,
        today=today,
    )


def step_views(steps: Iterable[Step]) -> list[StepView]:
    today = timezone.localdate()
    return [step_view(step, today) for step in steps]
