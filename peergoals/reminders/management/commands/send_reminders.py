"""`peergoals send-reminders`: run the scheduled jobs once, now (what the worker does each
minute); for a cron job instead of the worker, or to check the set-up."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from peergoals.reminders import jobs


class Command(BaseCommand):
    help = "Send the reminders and staff digests due now that were not sent yet, then stop."

    def handle(self, *args: Any, **options: Any) -> None:
        reminders = jobs.send_due_reminders()
        digests = jobs.send_staff_digests()
        self.stdout.write(f"{reminders} reminders and {digests} digests sent.")
