"""Two edits of one goal or step made from the same version, put together field by field.

Pure: values in, values out. `base` is the version the person's form was made from, `theirs`
the version saved since, `yours` what the person sent. A field only one side changed keeps
that side's value; a field both changed to the same value is simply that value; a field both
changed differently is a `Clash`, for the person to choose. So saving a form made from an old
version never undoes a change someone saved meanwhile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from peergoals.errors import Clash

# A base value that could not be read (no stored version): nothing is known to be unchanged.
UNKNOWN = object()


@dataclass(frozen=True)
class Merged:
    """What to save (`changes`: the fields you changed and they did not), what they changed
    that you did not (`theirs`), and the fields you both changed differently (`clashes`)."""

    changes: dict[str, Any] = field(default_factory=dict)
    theirs: dict[str, Any] = field(default_factory=dict)
    clashes: list[Clash] = field(default_factory=list)


def merge(base: Mapping[str, Any], theirs: Mapping[str, Any], yours: Mapping[str, Any]) -> Merged:
    """Merge `yours` into `theirs`, both made from `base`, for each field `yours` names.

    A field missing from `base` is treated as changed by both sides: it is a clash unless the
    two values agree.
    """
    merged = Merged()
    for name, value in yours.items():
        before, now = base.get(name, UNKNOWN), theirs[name]
        if value == now:
            continue
        if value == before:
            merged.theirs[name] = now
        elif now == before:
            merged.changes[name] = value
        else:
            merged.clashes.append(Clash(name, theirs=now, yours=value))
    return merged
