"""`{{ check_in|note_for:request.user }}`: a check-in's note, only as that person may read it."""

from __future__ import annotations

from django import template

from peergoals.goals.models import CheckIn
from peergoals.people.models import User

register = template.Library()


@register.filter
def note_for(check_in: CheckIn, reader: User) -> str:
    return check_in.note_for(reader)
