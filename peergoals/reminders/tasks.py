"""huey's wrappers around the plain jobs (peergoals.reminders.jobs): only this module knows
huey, so moving to Django's tasks framework replaces this file and nothing else."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from peergoals.reminders import jobs


@db_periodic_task(crontab(minute="*"))
def send_due_reminders() -> None:
    jobs.send_due_reminders()


@db_periodic_task(crontab(minute="*"))
def send_staff_digests() -> None:
    jobs.send_staff_digests()
