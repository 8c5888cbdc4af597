import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from peergoals import access, audit
from peergoals.audit.actions import FORMATS, export_audit_log
from peergoals.commands import operator, refusals_said


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date; write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Export the audit log from --since to --until (whole days, the program's time zone) "
        "as CSV or JSON lines. The export itself is recorded in the log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--until", required=True, help="last day, YYYY-MM-DD (included)")
        parser.add_argument("--format", choices=FORMATS, default="csv", dest="fmt")
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(
        self, *args: Any, since: str, until: str, fmt: str, output: str | None, **options: Any
    ) -> None:
        first, last = _date(since), _date(until)
        if last < first:
            raise CommandError("--until is before --since.")
        with audit.scope(path="peergoals audit-export"):
            with refusals_said(ValueError):
                lines = export_audit_log(
                    access.audit_log_for_operator(),
                    by=None,
                    since=first,
                    until=last,
                    fmt=fmt,
                    username=operator(),
                )
            if output is None:
                for line in lines:
                    self.stdout.write(line, ending="")
                return
            with open(output, "w", encoding="utf-8", newline="") as file:
                file.writelines(lines)
        self.stderr.write(f"Wrote the audit log from {first} to {last} to {output}.")
