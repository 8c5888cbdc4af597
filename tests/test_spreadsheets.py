"""Cells a spreadsheet opens as text, never as a formula; numbers stay numbers."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest

from peergoals.spreadsheets import csv_text, safe_cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\0"])
def test_it_quotes_text_a_spreadsheet_would_run(start: str) -> None:
    assert safe_cell(f"{start}SUM(A1:A9)") == f"'{start}SUM(A1:A9)"


def test_it_leaves_plain_text_numbers_and_dates_as_they_are() -> None:
    assert safe_cell("Walk 10 minutes") == "Walk 10 minutes"
    assert safe_cell(Decimal("-2.5")) == Decimal("-2.5")
    assert safe_cell(-3) == -3
    assert safe_cell(datetime.date(2026, 12, 4)) == "2026-12-04"
    assert safe_cell(None) == ""


def test_a_file_starts_with_a_byte_order_mark_and_reads_back() -> None:
    text = csv_text(["Note", "How much"], [["=1+1, café", Decimal("20")]])
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text.lstrip("\ufeff")))) == [
        ["Note", "How much"],
        ["'=1+1, café", "20"],
    ]
