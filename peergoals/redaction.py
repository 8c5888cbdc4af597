"""Keep secrets and health information out of the logs.

Log lines leave the protected database: they go to files, consoles and log services that many
people can read. Nothing in PeerGoals logs a password, session key or note on purpose; this filter
catches what a library or an error might write by accident:

- `name=value` pairs whose name says secret (password, token, session id, CSRF token);
- cookie headers;
- PostgreSQL's "Failing row contains (...)" detail, which copies a whole row, a peer's note
  included, into the error message of a failed write;
- SQL statements, if someone turns on debug logging of queries: their text carries the values
  written, so only their duration is kept.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[redacted]"

SECRET_PAIRS = re.compile(
    r"(?P<name>\b[\w-]*(?:password|passwd|secret|token|sessionid|session_key|csrf|otp)"
    r"[\w-]*['\"]?\s*[=:]\s*)(?P<value>'[^']*'|\"[^\"]*\"|[^\s,;&}]+)",
    re.IGNORECASE,
)
COOKIE_HEADER = re.compile(r"(?P<name>\b(?:HTTP_)?COOKIE['\"]?\s*[=:]\s*)(?P<value>.*)", re.I)
FAILING_ROW = re.compile(r"(?P<name>Failing row contains )(?P<value>\(.*\))", re.DOTALL)


def redact(text: str) -> str:
    """`text` with every secret-looking value replaced by [redacted]."""
    for pattern in (COOKIE_HEADER, FAILING_ROW, SECRET_PAIRS):
        text = pattern.sub(lambda match: match.group("name") + REDACTED, text)
    return text


class RedactSecrets(logging.Filter):
    """Rewrite each record's message and traceback with `redact` before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("django.db.backends") and hasattr(record, "duration"):
            record.msg = f"SQL statement took {record.duration:.3f} s (text and values not logged)"
        else:
            record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            # The handler prints exc_text; without exc_info it cannot format the raw one again.
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
