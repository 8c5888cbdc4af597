"""The peer's calendar feed (RFC 5545): their active steps as repeating all-day events, and the
days their goals come up for a look back. Read-side only; the address and who may read it are
`peergoals.privacy`'s.

A calendar shows on a lock screen and is often shared with family or a workplace, so by
default every event says only "PeerGoals: a step for today" and nothing about the peer's
health; the peer may choose their steps' own words instead. Events are all-day dates, so no
time zone moves a step to the wrong day.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from peergoals.goals.models import Goal, Period, Step
from peergoals.people.models import User

# How often a calendar app should ask again: often enough that a new step shows the same day.
REFRESH_EVERY = datetime.timedelta(hours=4)

# iCalendar's repetition for each of a step's target periods.
FREQUENCIES = {Period.DAY: "DAILY", Period.WEEK: "WEEKLY", Period.MONTH: "MONTHLY"}


def _neutral_step_title(step: Step) -> str:
    if step.target_per == Period.WEEK:
        return _("PeerGoals: a step for this week")
    if step.target_per == Period.MONTH:
        return _("PeerGoals: a step for this month")
    return _("PeerGoals: a step for today")


def _event(uid: str, day: datetime.date, summary: str, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    return event


def _step_event(step: Step, *, full_titles: bool, link: str) -> Event | None:
    """A repeating step as an event that repeats with its target's period, until its date if
    it has one; a one-time step as one event on the day it is due (none without a date)."""
    frequency = FREQUENCIES.get(Period(step.target_per)) if step.target_per else None
    if frequency is None and step.due_on is None:
        return None
    day = step.starts_on if frequency else step.due_on
    assert day is not None
    if full_titles:
        summary = step.wording
    elif frequency:
        summary = _neutral_step_title(step)
    else:
        summary = _("PeerGoals: a step to finish today")
    event = _event(f"step-{step.pk}@peergoals", day, summary, step.updated_at)
    if frequency:
        rule: dict[str, object] = {"freq": frequency}
        if step.due_on:
            rule["until"] = step.due_on
        event.add("rrule", rule)
    if full_titles:
        event.add(
            "description",
            _("%(target)s. For your goal: %(goal)s")
            % {"target": step.target_text, "goal": step.goal.title},
        )
    event.add("url", link)
    return event


def _review_event(goal: Goal, *, full_titles: bool, link: str) -> Event:
    assert goal.next_review_on is not None
    summary = (
        _("Look back at your goal: %(goal)s") % {"goal": goal.title}
        if full_titles
        else _("PeerGoals: time to look back")
    )
    event = _event(
        f"review-{goal.pk}-{goal.next_review_on:%Y%m%d}@peergoals",
        goal.next_review_on,
        summary,
        goal.updated_at,
    )
    event.add("url", link)
    return event


def calendar_of(peer: User, *, full_titles: bool, link: str) -> bytes:
    """The peer's calendar, in their language: each active step (under an active goal) as an
    event, and each active goal's next look back. `link` is where an event leads (the peer's
    day in PeerGoals). Two queries, however long the plan."""
    steps = Step.objects.active().filter(goal__peer=peer).select_related("goal")
    goals = Goal.objects.for_peer(peer).active().filter(next_review_on__isnull=False)
    with translation.override(peer.language or settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", "-//PeerGoals//Calendar//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        # The name a calendar app lists it under: neutral, like the events.
        calendar.add("x-wr-calname", "PeerGoals")
        calendar.add("refresh-interval", REFRESH_EVERY, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", REFRESH_EVERY)
        for step in steps.order_by("goal__created_at", "position", "id"):
            event = _step_event(step, full_titles=full_titles, link=link)
            if event is not None:
                calendar.add_component(event)
        for goal in goals.order_by("next_review_on", "id"):
            calendar.add_component(_review_event(goal, full_titles=full_titles, link=link))
    return calendar.to_ical()
