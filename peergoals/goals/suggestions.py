"""What the guided flow offers from the coach: wordings to pick, step details to start from.

Pure functions over the coach's `judge(...).to_dict()` contract. Nothing here changes what the
peer wrote: a wording is only used when the peer presses its button, and pre-filled step
details stay editable.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from peergoals.coach import judge
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


def _met(reading: dict[str, Any], name: str) -> bool | None:
    criteria = reading.get("criteria")
    if not isinstance(criteria, dict):
        return None
    criterion = criteria.get(name)
    return criterion.get("met") if isinstance(criterion, dict) else None


def suggested_wordings(
    statement: str, reading: dict[str, Any], life_area: str, today: datetime.date
) -> list[str]:
    """Clear wordings the peer may choose to use, built on their words where that works.

    A clear action with no "when" gets "this week" added, if the coach then finds it clear,
    countable and timed. A wish with no clear action gets the life area's example.
    """
    wordings: list[str] = []
    statement = statement.strip()
    if not statement or "cannot_judge" in reading.get("flags", []):
        return wordings
    if _met(reading, "specific") and _met(reading, "time_bound") is False:
        candidate = f"{statement.rstrip(' .!')} {_('this week')}."
        if judge(candidate, today=today).is_smart:
            wordings.append(candidate)
    if _met(reading, "specific") is False:
        example = area_examples().get(life_area)
        if example and example != statement:
            wordings.append(example)
    return wordings


def _plural(unit: str, count: int) -> str:
    if count == 1 or not unit:
        return unit
    return unit + ("es" if unit.endswith(("s", "sh", "ch", "x")) else "s")


def step_details(reading: dict[str, Any], today: datetime.date) -> dict[str, Any]:
    """A step's target and due day, as the coach read them from its wording (the form's start).

    "Walk 10 minutes every morning this week" -> 10 minutes a day, due Sunday;
    "Apply to three jobs this month" -> 3 jobs in total, due at the month's end;
    "Call my brother by Friday" -> once, due Friday.
    """
    details: dict[str, Any] = {"target_kind": TargetKind.ONCE}
    due = reading.get("due")
    if isinstance(due, str):
        try:
            day = datetime.date.fromisoformat(due)
        except ValueError:
            day = None
        if day is not None and day >= today:
            details["due_on"] = day
    target = reading.get("target")
    if not isinstance(target, dict):
        return details
    count, unit, per, minutes = (target.get(k) for k in ("count", "unit", "per", "minutes"))
    per = per if per in ("day", "week", "month") else ""
    if isinstance(minutes, int) and minutes > 0 and (not isinstance(count, int) or count <= 1):
        details.update(
            target_kind=TargetKind.AMOUNT,
            target_quantity=Decimal(minutes),
            target_unit=_("minutes"),
            target_per=per,
        )
    elif isinstance(count, int) and count > 0 and (count > 1 or per):
        shown_unit = "" if unit in (None, "time") else _plural(str(unit), count)
        details.update(
            target_kind=TargetKind.COUNT,
            target_quantity=Decimal(count),
            target_unit=shown_unit,
            target_per=per,
        )
    return details
