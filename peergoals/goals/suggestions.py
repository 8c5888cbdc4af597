"""What the guided flow starts from: an example first step per life area, and a step's details
as the coach read them from its wording.

Pure functions over the coach's typed `Judgement`. Nothing here changes what the peer wrote:
pre-filled step details stay editable.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from peergoals.coach import Judgement
from peergoals.goals.models import LifeArea, TargetKind


def area_examples() -> dict[str, str]:
    """A small, clear first step for each life area, from the practice's own examples."""
    return {
        LifeArea.EMOTIONAL: _("I will write in a journal for 5 minutes each night this week."),
        LifeArea.ENVIRONMENTAL: _("I will call one housing program this week."),
        LifeArea.FINANCIAL: _("I will set aside $5 each week this month."),
        LifeArea.INTELLECTUAL: _("I will read for 15 minutes a day this week."),
        LifeArea.OCCUPATIONAL: _("I will apply to one job this week."),
        LifeArea.PHYSICAL: _("I will walk for 10 minutes every morning this week."),
        LifeArea.SOCIAL: _("I will call one family member this week."),
        LifeArea.SPIRITUAL: _("I will take 5 quiet minutes to reflect each morning this week."),
    }


def _plural(unit: str, count: int) -> str:
    if count == 1 or not unit:
        return unit
    return unit + ("es" if unit.endswith(("s", "sh", "ch", "x")) else "s")


def step_details(judgement: Judgement | None, today: datetime.date) -> dict[str, Any]:
    """A step's target and due day, as the coach read them from its wording (the form's start).

    "Walk 10 minutes every morning this week" -> 10 minutes a day, due Sunday;
    "Apply to three jobs this month" -> 3 jobs in total, due at the month's end;
    "Call my brother by Friday" -> once, due Friday. No reading: once, no due day.
    """
    details: dict[str, Any] = {"target_kind": TargetKind.ONCE}
    if judgement is None:
        return details
    if judgement.due is not None and judgement.due >= today:
        details["due_on"] = judgement.due
    target = judgement.target
    count, minutes = target.count, target.minutes
    per = target.per or ""
    if minutes is not None and minutes > 0 and (count is None or count <= 1):
        details.update(
            target_kind=TargetKind.AMOUNT,
            target_quantity=Decimal(minutes),
            target_unit=_("minutes"),
            target_per=per,
        )
    elif count is not None and count > 0 and (count > 1 or per):
        unit = target.unit or "time"
        shown_unit = "" if unit == "time" else _plural(unit, count)
        details.update(
            target_kind=TargetKind.COUNT,
            target_quantity=Decimal(count),
            target_unit=shown_unit,
            target_per=per,
        )
    return details
