"""The domain's refusals, shared by every app: actions and the access policy raise these, and
each interface (pages, commands, the API) turns them into its own answer.

`NotFound` is a 404 to Django, so a record someone may not reach and a missing one answer with
the same page, byte for byte, wherever they are raised.
"""

from __future__ import annotations

from django.http import Http404


class NotFound(Http404):
    """No such record, or none this person may reach: the two are never told apart."""


class NotAllowed(Exception):
    """The practice does not allow this; the message says why, in plain words."""


class Conflict(Exception):
    """Someone else changed the record since it was loaded; nothing was overwritten."""
