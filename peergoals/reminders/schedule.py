"""When a chosen reminder falls due, in the person's own time zone.

Pure functions: the job that sends (peergoals.reminders.jobs) asks these, and tests call them
across the spring and autumn clock changes.
"""

from __future__ import annotations

import datetime
import zoneinfo

# A worker stopped for a few minutes (a restart, a deploy) still sends what fell due meanwhile;
# later than this a reminder is no longer timely and is left alone.
CATCH_UP = datetime.timedelta(minutes=30)


def occurrence(day: datetime.date, at: datetime.time, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    """The moment `at` on `day` in `zone`, as UTC.

    A time that the spring change skips (02:30 in New York on the second Sunday of March) comes
    an hour late, at 03:30, rather than not at all; a time the autumn change repeats (01:30 on
    the first Sunday of November) is the first of the two.
    """
    local = datetime.datetime.combine(day, at).replace(tzinfo=zone, fold=0)
    return local.astimezone(datetime.UTC)


def due_occurrence(
    at: datetime.time,
    weekdays: str,
    zone: zoneinfo.ZoneInfo,
    now: datetime.datetime,
    catch_up: datetime.timedelta = CATCH_UP,
) -> tuple[datetime.date, datetime.datetime] | None:
    """The local day and UTC moment of the occurrence due in (now - catch_up, now], if any."""
    today = now.astimezone(zone).date()
    for day in (today, today - datetime.timedelta(days=1)):
        if str(day.weekday()) not in weekdays:
            continue
        moment = occurrence(day, at, zone)
        if now - catch_up < moment <= now:
            return day, moment
    return None


def is_valid_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True
