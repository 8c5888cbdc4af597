"""CSV files people open in a spreadsheet, written so that opening one runs nothing.

A spreadsheet reads a cell starting with =, +, -, @ (or a tab, carriage return or NUL, which
some strip before reading) as a formula: text a person typed ("=HYPERLINK(...)", "-3 days
off") would run or break. Such text gets a leading apostrophe, which spreadsheets show as
plain text (OWASP's advice on CSV injection). Numbers are written as numbers, never prefixed,
so a column of amounts still adds up. The file starts with a byte-order mark, so Excel reads
UTF-8 ("mañana", "café") as written.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
BYTE_ORDER_MARK = "\ufeff"

Cell = str | int | float | Decimal | datetime.date | None


def safe_cell(value: object) -> str | int | float | Decimal:
    """`value` as a cell: text that a spreadsheet would read as a formula gets a leading
    apostrophe; numbers stay numbers; a date is written as ISO 8601 (2026-12-04); None is
    an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """A whole CSV file: the byte-order mark, the header, then every row, each cell safe."""
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out)
    writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()
