"""A goal's history: every saved version of it and its steps, each compared with the one before.

Read-side only; the versions are the ones django-simple-history keeps on every save.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from peergoals.goals.models import Answer, Goal, Step, SuggestedChange
from peergoals.goals.progress import format_quantity

# Fields whose changes the history leaves out: bookkeeping, not something a person changed.
HISTORY_SKIPS = ["version", "completed_at"]


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    """One saved version: who, when, why, and what changed since the version before."""

    subject: str
    who: str
    when: datetime.datetime
    why: str
    created: bool
    changes: list[Change]
    # What a suggestion that never became a version would have changed (label and value).
    suggested: list[Change] = field(default_factory=list)


@functools.cache
def _choices(model: type[Model], name: str) -> dict[Any, Any]:
    return dict(model._meta.get_field(name).flatchoices)  # type: ignore[union-attr]


def _shown(model: type[Model], name: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal):
        return format_quantity(value)
    return str(_choices(model, name).get(value, value))


def _label(model: type[Model], name: str) -> str:
    if name == "position":
        return _("place in the list")
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


@functools.cache
def _compared(model: type[Model]) -> tuple[tuple[str, str], ...]:
    """(name, attribute) of each field a version is compared on, by name: the fields history
    tracks and a person edits (as simple-history's diff_against), less HISTORY_SKIPS.

    Worked out once per model: comparing attribute by attribute is what keeps a long history
    cheap to show.
    """
    tracked = model.history.model.tracked_fields  # type: ignore[attr-defined]
    return tuple(
        sorted(
            (field.name, field.attname)
            for field in tracked
            if field.editable and field.name not in HISTORY_SKIPS
        )
    )


def history_of(model: type[Goal] | type[Step], records: Iterable[Any]) -> list[HistoryEntry]:
    """Versions in order, each compared with the one before it (records oldest first)."""
    compared = _compared(model)
    previous: dict[int, Any] = {}
    entries = []
    for record in records:
        before = previous.get(record.id)
        changes = []
        if before is not None:
            changes = [
                Change(
                    _label(model, name),
                    _shown(model, name, getattr(before, attname)),
                    _shown(model, name, getattr(record, attname)),
                )
                for name, attname in compared
                if getattr(before, attname) != getattr(record, attname)
            ]
        previous[record.id] = record
        entries.append(
            HistoryEntry(
                subject=_("Goal")
                if model is Goal
                else _("Step: %(step)s") % {"step": record.wording},
                who=str(record.history_user) if record.history_user else _("The system"),
                when=record.history_date,
                why=record.history_change_reason or "",
                created=record.history_type == "+",
                changes=changes,
            )
        )
    return entries


def _why_unanswered(suggestion: SuggestedChange) -> str:
    by = suggestion.answered_by
    if suggestion.answer == Answer.DECLINED:
        return _("Suggested by %(name)s, declined by the peer") % {
            "name": suggestion.suggested_by.display_name
        }
    # A suggestion a newer one replaced has no one who answered it.
    if by is None:
        return _("Suggested by %(name)s, replaced by a newer suggestion") % {
            "name": suggestion.suggested_by.display_name
        }
    return _("Suggestion withdrawn by %(name)s") % {"name": suggestion.suggested_by.display_name}


def suggestions_not_taken(goal: Goal) -> list[HistoryEntry]:
    """The suggested changes to the goal and its steps that the peer declined or that were
    withdrawn: they never became a version, so the history tells them apart."""
    unanswered = (
        SuggestedChange.objects.filter(goal=goal, answer__in=[Answer.DECLINED, Answer.WITHDRAWN])
        .select_related("step", "suggested_by", "answered_by")
        .order_by("answered_at", "id")
    )
    entries = []
    for suggestion in unanswered:
        suggestion.goal = goal
        record = suggestion.record
        model = type(record)
        entries.append(
            HistoryEntry(
                subject=_("Goal")
                if suggestion.step is None
                else _("Step: %(step)s") % {"step": suggestion.step.wording},
                who=str(suggestion.answered_by or suggestion.suggested_by),
                when=suggestion.answered_at or suggestion.suggested_at,
                why=_why_unanswered(suggestion),
                created=False,
                changes=[],
                suggested=[
                    Change(_label(model, name), "", _shown(model, name, value))
                    for name, value in suggestion.values().items()
                ],
            )
        )
    return entries


def goal_history(goal: Goal) -> list[HistoryEntry]:
    order = ("history_date", "history_id")
    goal_records = goal.history.select_related("history_user").order_by(*order)
    step_records = (
        Step.history.filter(goal_id=goal.pk).select_related("history_user").order_by(*order)
    )
    entries = (
        history_of(Goal, goal_records)
        + history_of(Step, step_records)
        + suggestions_not_taken(goal)
    )
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def values_at(record: Goal | Step, version: int, names: Iterable[str]) -> dict[str, Any]:
    """`names`' values in `record`'s saved version `version`, the one an edit form was made
    from; empty when that version is not kept (then nothing is known to be unchanged)."""
    kept = record.history.filter(version=version).order_by("-history_date", "-history_id").first()
    if kept is None:
        return {}
    return {name: getattr(kept, name) for name in names}


def saved_since(record: Goal | Step, version: int) -> list[str]:
    """Who saved `record` after `version`, by name, in the order they first did."""
    since = (
        record.history.filter(version__gt=version)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    names = (str(kept.history_user) if kept.history_user else _("The system") for kept in since)
    return list(dict.fromkeys(names))


def shown(model: type[Goal] | type[Step], name: str, value: Any) -> str:
    """A field's value as the history shows it: a choice's label, an amount as written."""
    return _shown(model, name, value)


def label(model: type[Goal] | type[Step], name: str) -> str:
    """A field's name as the history says it."""
    return _label(model, name)


def suggested_beside_now(suggestion: SuggestedChange) -> list[Change]:
    """Each field a suggestion would change: what it is now, and what is suggested."""
    record = suggestion.record
    model = type(record)
    return [
        Change(
            _label(model, name),
            _shown(model, name, getattr(record, name)),
            _shown(model, name, value),
        )
        for name, value in suggestion.values().items()
    ]
