"""Query expressions the apps share."""

from __future__ import annotations

from typing import Any

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
