"""The audit log (HIPAA 164.312(b)). Callers write `from peergoals import audit` and
`audit.record(...)`; the writing itself is in `peergoals.audit.log`, the tamper-evidence chain
in `peergoals.audit.chain`.

Nothing here imports a model at module level: Django imports this package, the app module,
before models may be loaded.
"""

from peergoals.audit.log import (
    Scope,
    describe,
    record,
    record_change,
    record_denial,
    record_list_views,
    record_view,
    scope,
    write_after_response,
)

__all__ = [
    "Scope",
    "describe",
    "record",
    "record_change",
    "record_denial",
    "record_list_views",
    "record_view",
    "scope",
    "write_after_response",
]
