"""The shape the house keeps (docs/architecture.md): a page's query lives in a domain module.

A view parses the request, asks `peergoals.access`, calls an action or a read-side function and
renders. An ORM query written in a view is a query the API, the report and the reminders can't
reuse, so it fails here with where it is.
"""

from __future__ import annotations

import re
from pathlib import Path

PEERGOALS = Path(__file__).resolve().parent.parent / "peergoals"
# Every module that holds pages: `views.py`, the `views/` packages, the guided flow, and the
# JSON API's endpoints, which are views by another name.
VIEW_MODULES = sorted(
    [
        *PEERGOALS.glob("*/views.py"),
        *PEERGOALS.glob("*/views/*.py"),
        PEERGOALS / "goals/guided.py",
        *PEERGOALS.glob("api/*.py"),
    ]
)
QUERY = re.compile(
    r"\.objects\b|\.(filter|exclude|select_related|prefetch_related|annotate|aggregate|order_by"
    r"|values|values_list|get_or_create|update_or_create|raw)\("
)


def test_view_modules_hold_no_orm_query() -> None:
    assert VIEW_MODULES, "no view module found: the glob no longer matches the layout"
    found = [
        f"{path.relative_to(PEERGOALS.parent)}:{number}: {line.strip()}"
        for path in VIEW_MODULES
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if QUERY.search(line)
    ]
    assert not found, "move these queries into a domain module:\n" + "\n".join(found)


def test_no_module_grows_past_the_size_a_reader_holds() -> None:
    # 700 lines: past that a module holds more than one idea. The coach's word lists are data.
    too_long = {
        str(path.relative_to(PEERGOALS.parent)): length
        for path in PEERGOALS.rglob("*.py")
        if "migrations" not in path.parts and (length := len(path.read_text().splitlines())) > 700
    }
    assert not too_long, too_long
