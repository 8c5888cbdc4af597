"""`{{ value|amount }}`: a count or amount as people write it ("10", "2.5"), never "10.00"."""

from __future__ import annotations

from decimal import Decimal

from django import template

from peergoals.goals.progress import format_quantity

register = template.Library()


@register.filter
def amount(value: Decimal | int | None) -> str:
    return format_quantity(None if value is None else Decimal(value))
