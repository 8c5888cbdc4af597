from typing import Any

from django.core.management.base import BaseCommand, CommandError

from peergoals.audit import chain
from peergoals.audit.models import AuditEntry


class Command(BaseCommand):
    help = (
        "Check the audit log's tamper-evidence chain: every entry must follow from the one "
        "before it. Names the first entry that does not, and exits non-zero."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        rows = (
            AuditEntry.objects.order_by("id")
            .values("id", "chain_hash", *chain.CONTENT_FIELDS)
            .iterator(chunk_size=5000)
        )
        try:
            verdict = chain.verify(rows)
        finally:
            # Stopping at a broken entry leaves the rest unread: close PostgreSQL's server-side
            # cursor now, inside this transaction, not whenever the generator is collected.
            rows.close()
        if verdict.before_chain:
            self.stdout.write(
                f"{verdict.before_chain} entries were written before the chain began; "
                "they are not checked."
            )
        if verdict.broken_id is not None:
            entry = AuditEntry.objects.filter(pk=verdict.broken_id).first()
            when = f" ({entry})" if entry else ""
            raise CommandError(f"The audit log's chain is broken: {verdict.reason}{when}.")
        if verdict.newest_id is None:
            self.stdout.write("The chain holds: no entries to check yet.")
            return
        self.stdout.write(
            f"The chain holds: {verdict.checked} entries checked. The newest is entry "
            f"{verdict.newest_id}, hash {verdict.newest_hash}. Keep this line somewhere else: "
            "if the newest entries were ever removed, the hash you kept would no longer be in "
            "the log."
        )
