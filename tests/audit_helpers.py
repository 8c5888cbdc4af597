"""Counting the audit entries one thing writes, like Zulip's audit tests: exactly, not roughly."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from peergoals.audit.models import AuditEntry


@contextmanager
def new_entries() -> Iterator[list[AuditEntry]]:
    """The entries written inside the block, oldest first."""
    last = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    written: list[AuditEntry] = []
    yield written
    written.extend(AuditEntry.objects.filter(id__gt=last).order_by("id"))
