"""Check-ins: progress on a step for a day, and the wins it brings."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from peergoals import audit
from peergoals.access import Action
from peergoals.audit.models import AuditAction
from peergoals.errors import Conflict, NotAllowed
from peergoals.goals.actions.common import (
    _celebrate,
    _celebrate_step_done,
    _day,
    _now,
    _require,
    _save_version,
)
from peergoals.goals.models import (
    CheckIn,
    Outcome,
    Status,
    Step,
    Win,
    WinKind,
)
from peergoals.goals.progress import STREAK_MILESTONES, step_progress, streak_days
from peergoals.people.models import User


@dataclass
class CheckInResult:
    check_in: CheckIn
    wins: list[Win] = field(default_factory=list)


# Check-ins -----------------------------------------------------------------------------------


def record_check_in(
    step: Step,
    *,
    by: User,
    outcome: str,
    for_date: datetime.date | None = None,
    amount: Decimal | None = None,
    feeling: str = "",
    note: str = "",
    share_note: bool = False,
    at: datetime.datetime | None = None,
    client_id: uuid.UUID | None = None,
) -> CheckInResult:
    """Progress on a step for a day, and the wins it brings (first check-in, streaks, done).

    `at` is when it is recorded (now, unless replayed); `for_date` the day it is about, that
    day or an earlier one. The note is the peer's own unless `share_note`: then their
    specialist reads it too.

    `client_id` is made by the phone for each tap: a tap queued offline may be sent again (a
    lost answer, two tabs replaying one queue), and the same id returns the entry already
    recorded, without wins again, instead of a second one.
    """
    peer = step.goal.peer
    _require(by, Action.CREATE, peer)
    if client_id is not None and (earlier := _recorded_tap(client_id, step)) is not None:
        return CheckInResult(earlier)
    today = _day(at)
    for_date = for_date or today
    if not step.takes_check_ins:
        raise NotAllowed(_("This step is not active right now, so there is nothing to check in."))
    if for_date > today:
        raise NotAllowed(_("You can check in for today or an earlier day, not a future day."))
    if outcome not in Outcome.values:
        raise NotAllowed(_("Please choose done, not today, or skip."))
    check_in = CheckIn(
        step=step,
        peer=peer,
        for_date=for_date,
        outcome=outcome,
        amount=amount,
        feeling=feeling,
        note=note.strip(),
        note_shared=share_note,
        recorded_by=by,
        recorded_at=_now(at),
        target_kind=step.target_kind,
        target_quantity=step.target_quantity,
        target_unit=step.target_unit,
        target_per=step.target_per,
        client_id=client_id,
    )
    # The entry's own values, checked before the write lock is taken: the step and the people
    # are rows just read, and the database holds "one correction per entry" (caught below).
    check_in.full_clean(
        exclude=["step", "peer", "recorded_by", "supersedes"], validate_unique=False
    )
    first_ever = not CheckIn.objects.filter(peer=peer).exists()
    with transaction.atomic():
        # One entry counts per step and day: a second tap on the same day replaces the first
        # (kept, as a correction would keep it), so "Done" tapped twice counts once.
        check_in.supersedes = (
            CheckIn.objects.select_for_update(of=("self",))
            .current()
            .filter(step=step, for_date=for_date)
            .order_by("-recorded_at", "-id")
            .first()
        )
        try:
            with transaction.atomic():
                check_in.save()
        except IntegrityError:
            # The same tap sent twice at once: the other request saved it first.
            if client_id is not None and (earlier := _recorded_tap(client_id, step)) is not None:
                return CheckInResult(earlier)
            # Two taps at the same moment both tried to replace the same entry.
            raise Conflict(_("This was just saved from another tap. Please look again.")) from None
        audit.record_change(AuditAction.CREATE, by=by, peer=peer, target=check_in)
        wins: list[Win | None] = []
        if first_ever:
            wins.append(_celebrate(peer, WinKind.FIRST_CHECK_IN, goal=step.goal, step=step, at=at))
        if outcome == Outcome.DONE:
            wins.extend(_wins_after_progress(step, today, at))
    return CheckInResult(check_in, [win for win in wins if win])


def _recorded_tap(client_id: uuid.UUID, step: Step) -> CheckIn | None:
    """The entry a tap with this id already made on this step (an id is never reused)."""
    earlier = CheckIn.objects.filter(client_id=client_id).first()
    if earlier is not None and earlier.step_id != step.pk:
        raise NotAllowed(_("This check-in was already sent for another step."))
    return earlier


def _wins_after_progress(
    step: Step, today: datetime.date, at: datetime.datetime | None
) -> Iterable[Win]:
    entries = step.check_ins.current().rows()
    streak = streak_days(entries, today)
    if streak in STREAK_MILESTONES:
        win = _celebrate(
            step.goal.peer, WinKind.STREAK, goal=step.goal, step=step, streak_days=streak, at=at
        )
        if win:
            yield win
    # A step asked for once, or for a total by a date, is done when the total is reached;
    # a repeating step ("3 times a week") goes on until the peer says it is done.
    if not step.target_per and step_progress(step, entries, today).is_met:
        step.status = Status.COMPLETED
        step.completed_at = _now(at)
        _save_version(step, by=step.goal.peer, reason=_("Done"), at=at)
        yield from _celebrate_step_done(step, at)
