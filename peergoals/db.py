"""Query expressions and model bases the apps share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, TypeVar

from django.db import connection, models
from django.db.models import IntegerField, QuerySet, Subquery


class SubqueryCount(Subquery):
    """How many rows a correlated queryset has, as one column of the outer query.

    With `distinct`, how many different values of that field it has (days with a check-in, say).
    A subquery rather than Count() over joins: several counts on one row stay independent.
    """

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS _counted)"
    output_field = IntegerField()

    def __init__(self, queryset: QuerySet[Any], *, distinct: str | None = None) -> None:
        rows = queryset.order_by()
        super().__init__(rows.values(distinct).distinct() if distinct else rows.values("pk"))


class AppendOnlyError(Exception):
    """Raised when code tries to edit or delete a row of an append-only table."""


class AppendOnlyModel(models.Model):
    """A row that is written once and never edited or deleted (check-ins, audit entries).

    `append_only_refusal` says why, and what to do instead. The database enforces the same
    where it matters most (the audit log's triggers); this catches it in the code first.
    """

    append_only_refusal: ClassVar[str] = "These rows are append-only."

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(self.append_only_refusal)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(self.append_only_refusal)


Row = TypeVar("Row", bound=AppendOnlyModel)


class AppendOnlyQuerySet(QuerySet[Row]):
    """The queryset of an AppendOnlyModel: bulk updates and deletes are refused too."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError(self.model.append_only_refusal)

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(self.model.append_only_refusal)


def id_from_text(text: str) -> int | None:
    """The row id `text` names (from a URL or a form), or None if it can't name one.

    ASCII digits only: str.isdigit() also accepts "²", which int() refuses; and at most 18 of
    them, so the id fits the 64-bit keys of both databases.
    """
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None


@contextmanager
def flushed_with_the_next_write() -> Iterator[None]:
    """Commit the writes inside without a disk flush of their own (SQLite in WAL mode).

    For the audit entries of reads, written on every page a staff member opens. With
    `synchronous=NORMAL` a commit is in the WAL file before the page is sent, so a killed or
    crashed server keeps it (tests/test_crash_safety.py); the disk flush comes with the next
    write made at `synchronous=FULL` (a check-in, any change) or the next checkpoint, so only
    a power cut or an operating-system crash in between could lose it. Everything else stays
    at `FULL`: an acknowledged check-in survives a power cut too. Inside a transaction, or on
    PostgreSQL (whose group commit already shares one flush among concurrent commits), it
    changes nothing.
    """
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous=NORMAL")
    # peergoals.sqlite's commits flush the WAL themselves after committing; not these.
    connection.flush_with_the_next_write = True  # type: ignore[attr-defined]
    try:
        yield
    finally:
        connection.flush_with_the_next_write = False  # type: ignore[attr-defined]
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=FULL")
