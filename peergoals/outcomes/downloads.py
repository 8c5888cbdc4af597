"""The outcome report as files: a CSV of its rows and a PDF of its page."""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields

from peergoals.outcomes.report import GoalRow, ProgramReport, reference
from peergoals.pdf import pdf_from_html
from peergoals.spreadsheets import Cell, csv_text


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


def _cells(report: ProgramReport, row: GoalRow) -> list[Cell]:
    period = [report.scope.start.isoformat(), report.scope.end.isoformat()]
    values = dict(zip((f.name for f in fields(GoalRow)), astuple(row), strict=True))
    # Peers and goals by a reference that names nobody, never by their database id.
    values["peer_id"] = reference("peer", row.peer_id)
    values["goal_id"] = reference("goal", row.goal_id)
    # Yes and no read better in a spreadsheet than True and False.
    values = {
        name: ("yes" if value else "no") if isinstance(value, bool) else value
        for name, value in values.items()
    }
    return [*period, *(values[column.field] for column in COLUMNS if column.field)]


def report_csv(report: ProgramReport) -> str:
    """The report's rows as CSV text, starting with a byte order mark, every cell formula-safe."""
    return csv_text(
        [column.heading for column in COLUMNS], (_cells(report, row) for row in report.rows)
    )


def report_pdf(html: str) -> bytes:
    """The report's printable page as a PDF (fetching nothing, like every PDF here)."""
    return pdf_from_html(html)
