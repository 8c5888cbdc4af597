"""Writing the audit log: `record(...)` writes exactly one entry; `record_view` and
`record_list_views` write the reads of a peer's records by someone other than that peer.

The access policy (`peergoals.access`) records reads and denials; the action functions record
changes; Django's auth signals record sign-ins. The request's IP address and path come from a
context variable that `AuditMiddleware` (or a command, through `scope`) sets, so none of those
callers has to pass the request along.

Every entry is appended through `peergoals.audit.chain`, which links it to the one before.
The models are imported inside the functions because Django imports the audit package, the app
module, before models may be loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from peergoals.audit import chain

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Model

    from peergoals.audit.models import AuditEntry
    from peergoals.people.models import User

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class Scope:
    """Where the current work comes from: a request (IP, path, method) or a command."""

    ip: str | None = None
    path: str = ""
    method: str = ""
    # Reads already recorded in this request, so a page that fetches a record twice logs once.
    seen: set[tuple[int | None, str, int | None, int | None]] = field(default_factory=set)
    # Refusals, written once the response has gone (`write_after_response`).
    after_response: list[AuditEntry] = field(default_factory=list)

    @property
    def is_request(self) -> bool:
        return self.method != ""


_scope: ContextVar[Scope | None] = ContextVar("peergoals_audit_scope", default=None)


@contextmanager
def scope(*, ip: str | None = None, path: str = "", method: str = "") -> Iterator[Scope]:
    """Attribute the entries written inside this block to `ip` and `path`."""
    current = Scope(ip=ip, path=path[:500], method=method)
    token = _scope.set(current)
    try:
        yield current
    finally:
        _scope.reset(token)


def _model_entry(
    action: str,
    *,
    by: User | AnonymousUser | None,
    peer_id: int | None,
    record_type: str = "",
    record_id: int | None = None,
    detail: str = "",
    username: str = "",
) -> AuditEntry:
    from peergoals.audit.models import AuditEntry

    return AuditEntry(
        **_who(by, username),
        action=action,
        peer_id=peer_id,
        record_type=record_type,
        record_id=record_id,
        detail=detail[:200],
    )


def _who(by: User | AnonymousUser | None, username: str = "") -> dict[str, Any]:
    """The fields of an entry that say who did it and from where (the request's scope)."""
    where = _scope.get() or Scope()
    user = by if by is not None and by.is_authenticated else None
    return {
        "user_id": user.pk if user else None,
        "username": (user.get_username() if user else username)[:150],
        "name": str(user)[:150] if user else "",
        "role": getattr(user, "role", "") if user else "",
        "ip": where.ip,
        "path": where.path,
    }


def describe(record: Model) -> tuple[str, int]:
    """The record type and id an entry names for `record`."""
    from peergoals.audit.models import RecordType

    kinds = {
        "goal": RecordType.GOAL,
        "step": RecordType.STEP,
        "checkin": RecordType.CHECK_IN,
        "review": RecordType.REVIEW,
        "win": RecordType.WIN,
        "assignment": RecordType.ASSIGNMENT,
        "outreach": RecordType.OUTREACH,
        "user": RecordType.PLAN,
        "accesstoken": RecordType.ACCESS_TOKEN,
    }
    return str(kinds[record._meta.model_name or ""]), int(record.pk)


def record(
    action: str,
    *,
    by: User | AnonymousUser | None,
    peer_id: int | None = None,
    record: Model | None = None,
    record_type: str = "",
    record_id: int | None = None,
    detail: str = "",
    username: str = "",
) -> AuditEntry:
    """Write one audit entry: `by` did `action` to `record` of peer `peer_id`.

    Without a model instance at hand, `record_type` and `record_id` name the record instead;
    `username` names who tried when nobody is signed in (a failed sign-in). A refusal during a
    request is written after its response (the entry returned is saved then).
    """
    from peergoals.audit.models import AuditAction

    if record is not None:
        record_type, record_id = describe(record)
    entry = _model_entry(
        action,
        by=by,
        peer_id=peer_id,
        record_type=record_type,
        record_id=record_id,
        detail=detail,
        username=username,
    )
    where = _scope.get()
    if action == AuditAction.DENIED and where is not None and where.is_request:
        # Writing it now would make "forbidden" a few milliseconds slower than "missing", and
        # the time alone would tell that the record exists. AuditMiddleware writes it after.
        where.after_response.append(entry)
    else:
        chain.append([entry])
    return entry


def write_after_response(entries: list[AuditEntry]) -> None:
    """Write the entries a request kept for after its response (its refusals)."""
    try:
        chain.append(entries)
    except Exception:
        # Django swallows a failing response closer silently; an audit entry lost must not be.
        logger.exception("Could not write %d audit entries after the response", len(entries))
        raise


def _is_new_read(by: Any, peer_id: int | None, record_type: str, record_id: int | None) -> bool:
    where = _scope.get()
    if where is None:
        return True
    key = (by.pk, record_type, peer_id, record_id)
    if key in where.seen:
        return False
    where.seen.add(key)
    return True


def record_view(
    by: User | AnonymousUser,
    target: Model,
    *,
    peer_id: int,
    for_change: bool = False,
    read_only: bool = False,
) -> None:
    """Record that `by` read `target` of peer `peer_id`, once per request, unless `by` is the
    peer.

    In a request, GET shows the record (an edit form too) and is a read; POST changes
    something and is recorded by the action it performs instead, so a change writes one entry,
    not a read and a change. Outside a request (commands), a record fetched `for_change` is
    likewise left to its action. A `read_only` fetch is a read whatever the method: a POST that
    changes nothing (the live coach) has no action to record it.
    """
    from peergoals.audit.models import AuditAction

    where = _scope.get()
    if read_only:
        is_read = True
    elif where is not None and where.is_request:
        is_read = where.method in SAFE_METHODS
    else:
        is_read = not for_change
    if by.pk == peer_id or not is_read:
        return
    record_type, record_id = describe(target)
    if _is_new_read(by, peer_id, record_type, record_id):
        record(
            AuditAction.VIEW,
            by=by,
            peer_id=peer_id,
            record_type=record_type,
            record_id=record_id,
        )


def record_list_views(by: User | AnonymousUser, peer_ids: Iterable[int], record_type: str) -> None:
    """Record that `by` saw a list showing each of these peers' records: one entry per peer,
    written in one INSERT so a long list costs no more queries than a short one."""
    from peergoals.audit.models import AuditAction, AuditEntry

    who = _who(by)
    entries = [
        AuditEntry(**who, action=AuditAction.VIEW, peer_id=peer_id, record_type=record_type)
        for peer_id in dict.fromkeys(peer_ids)
        if peer_id != by.pk and _is_new_read(by, peer_id, record_type, None)
    ]
    if entries:
        chain.append(entries)


def record_change(action: str, *, by: User, peer: User, target: Model) -> None:
    """Record a create or change of `peer`'s record by anyone other than that peer."""
    if by.pk != peer.pk:
        record(action, by=by, peer_id=peer.pk, record=target)


def record_denial(by: User | AnonymousUser, target: Model, *, peer_id: int | None) -> None:
    """Record that the access policy refused `by` a record that exists (the person saw 404)."""
    from peergoals.audit.models import AuditAction

    record(AuditAction.DENIED, by=by, peer_id=peer_id, record=target)
