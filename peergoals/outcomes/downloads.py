"""The outcome report as files: a CSV of its rows and a PDF of its page."""

from __future__ import annotations

import csv
import io
from dataclasses import astuple, dataclass, fields

from peergoals.outcomes.report import GoalRow, ProgramReport, reference

# A spreadsheet reads a cell starting with one of these as a formula (CSV injection); such text
# is written with a leading apostrophe, which spreadsheets show as text and do not run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
# Byte order mark: spreadsheet programs then read the file as UTF-8 (names with accents).
BOM = "\ufeff"


@dataclass(frozen=True)
class Column:
    heading: str
    field: str


# One row per peer, goal and period; peers and goals by reference, never by name or words.
COLUMNS = (
    Column("period_start", ""),
    Column("period_end", ""),
    Column("peer", "peer_id"),
    Column("goal", "goal_id"),
    Column("team", "team"),
    Column("life_area", "life_area"),
    Column("set_by", "set_by"),
    Column("status", "status"),
    Column("steps_taken_on", "steps_taken_on"),
    Column("steps_done", "steps_done"),
    Column("step_check_ins", "step_check_ins"),
    Column("reviews_on_time", "reviews_on_time"),
    Column("reviews_late", "reviews_late"),
    Column("wins", "wins"),
    Column("goal_reached", "reached"),
    Column("importance_start", "importance_start"),
    Column("importance_latest", "importance_latest"),
    Column("confidence_start", "confidence_start"),
    Column("confidence_latest", "confidence_latest"),
    Column("gas_weight", "gas_weight"),
    Column("gas_baseline", "gas_baseline"),
    Column("gas_latest", "gas_latest"),
)
assert {c.field for c in COLUMNS} - {""} <= {f.name for f in fields(GoalRow)}


def formula_safe(value: object) -> object:
    """A cell as written: text that a spreadsheet would run as a formula gets a leading
    apostrophe; numbers stay numbers (a negative GAS level is a number, not a formula)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cells(report: ProgramReport, row: GoalRow) -> list[object]:
    period = [report.scope.start.isoformat(), report.scope.end.isoformat()]
    values = dict(zip((f.name for f in fields(GoalRow)), astuple(row), strict=True))
    # Peers and goals by a reference that names nobody, never by their database id.
    values["peer_id"] = reference("peer", row.peer_id)
    values["goal_id"] = reference("goal", row.goal_id)
    return [formula_safe(value) for value in period] + [
        formula_safe(values[column.field]) for column in COLUMNS if column.field
    ]


def report_csv(report: ProgramReport) -> str:
    """The report's rows as CSV text, starting with a byte order mark."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(column.heading for column in COLUMNS)
    writer.writerows(_cells(report, row) for row in report.rows)
    return out.getvalue()


def report_pdf(html: str) -> bytes:
    """The report's printable page as a PDF."""
    # Imported here: WeasyPrint loads pango, which only a download needs.
    from weasyprint import HTML

    return bytes(HTML(string=html).write_pdf())
