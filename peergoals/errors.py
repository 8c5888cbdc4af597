"""The domain's refusals, shared by every app: actions and the access policy raise these, and
each interface (pages, commands, the API) turns them into its own answer.

`NotFound` is a 404 to Django, so a record someone may not reach and a missing one answer with
the same page, byte for byte, wherever they are raised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import Http404


class NotFound(Http404):
    """No such record, or none this person may reach: the two are never told apart."""


class NotAllowed(Exception):
    """The practice does not allow this; the message says why, in plain words."""


@dataclass(frozen=True)
class Clash:
    """A field two people changed differently from the same version: the value saved
    meanwhile (theirs) and the one just sent (yours)."""

    field: str
    theirs: Any
    yours: Any


class Conflict(Exception):
    """Someone else changed the record since it was loaded; nothing was overwritten.

    For an edit that could not be merged (goals/merge.py), `clashes` names each field both
    people changed, `theirs` holds the fields only the others changed (their values, for the
    form to show instead of the old ones), `version` is the version saved now, which the next
    save is based on, and `by` names who saved since.
    """

    def __init__(
        self,
        message: str,
        *,
        clashes: Sequence[Clash] = (),
        theirs: Mapping[str, Any] | None = None,
        version: int | None = None,
        by: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.clashes = list(clashes)
        self.theirs = dict(theirs or {})
        self.version = version
        self.by = list(by)
