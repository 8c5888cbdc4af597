"""Where the bars, markers and target line of a progress chart go: pure geometry for an SVG.

The page draws it server-side with presentation attributes only (no script, no style), and
lists the same numbers as a table, so nothing depends on seeing the picture or its colours.
A skipped day is drawn as a hollow diamond, a different shape from the bars: it is a pause the
peer chose, not a failure.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from peergoals.goals.progress import PeriodPoint

WIDTH = 320
HEIGHT = 170
LEFT = 30
RIGHT = 6
TOP = 14
BOTTOM = 26
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
BASELINE = TOP + PLOT_HEIGHT


@dataclass(frozen=True)
class Bar:
    point: PeriodPoint
    x: float
    y: float
    width: float
    height: float
    centre: float
    show_label: bool
    # Words worked out once here rather than by template filters for each of many bars: the
    # axis label ("" when skipped for room), the table's row heading, and what was done.
    label: str = ""
    row_label: str = ""
    achieved_text: str = ""

    @property
    def skip_marker(self) -> str:
        """An SVG path for a hollow diamond above the bar, drawn when the period had skips."""
        top = self.y - 14
        half = 6
        return f"M{self.centre:.1f} {top:.1f} l{half} {half} l{-half} {half} l{-half} {-half} z"


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    top_value: Decimal
    target_y: float | None
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: int = BASELINE
    top: int = TOP

    @property
    def right(self) -> int:
        return self.width - RIGHT

    @property
    def label_y(self) -> int:
        return self.baseline + 18

    @property
    def marks(self) -> SafeString:
        """The bars, the skip diamonds (drawn over the bars) and the axis labels, as SVG.

        Written here rather than by a template loop: the goal page draws a chart per step, and a
        template lookup for each attribute of each bar was a large share of its time.
        """
        bars = format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" fill="#1e6b3a"/>',
            ((bar.x, bar.y, bar.width, bar.height) for bar in self.bars if bar.height),
        )
        skips = format_html_join(
            "",
            '<path d="{}" fill="#ffffff" stroke="#1d2430" stroke-width="2"/>',
            ((bar.skip_marker,) for bar in self.bars if bar.point.skipped),
        )
        labels = format_html_join(
            "",
            '<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#4a5566">{}</text>',
            ((bar.centre, self.label_y, bar.label) for bar in self.bars if bar.show_label),
        )
        return bars + skips + labels


# How a period is named on the axis and in the table, by the period the chart counts in.
AXIS_DATE = {"day": "MONTH_DAY_FORMAT", "week": "MONTH_DAY_FORMAT", "month": "M"}
ROW_DATE = {"day": "MONTH_DAY_FORMAT", "week": "MONTH_DAY_FORMAT", "month": "YEAR_MONTH_FORMAT"}


@functools.lru_cache(maxsize=512)
def _date_words(day: datetime.date, fmt: str, language: str | None) -> str:
    """`day` in `fmt`, in the active `language` (part of the key: month names differ).

    Formatting a date costs as much as the rest of a bar; the goal page's charts name the same
    few weeks over and over, so each name is worked out once.
    """
    return date_format(day, fmt)


def bar_chart(points: list[PeriodPoint], target: Decimal | None = None, per: str = "week") -> Chart:
    """Bars for each period's achievement, scaled so the target (if any) fits too. `per` is
    what a bar counts ("day", "week" or "month"), for how its period is named."""
    top_value = max([p.achieved for p in points] + [target or Decimal(0), Decimal(1)])
    slot = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    # Every label when they fit; every other one on a long chart, the latest always shown.
    step = 1 if len(points) <= 8 else 2
    language = get_language()
    bars = []
    for index, point in enumerate(points):
        height = float(point.achieved / top_value) * PLOT_HEIGHT
        width = slot * 0.6
        x = LEFT + index * slot + (slot - width) / 2
        show_label = (len(points) - 1 - index) % step == 0
        bars.append(
            Bar(
                point=point,
                x=round(x, 1),
                y=round(BASELINE - height, 1),
                width=round(width, 1),
                height=round(height, 1),
                centre=round(x + width / 2, 1),
                show_label=show_label,
                label=_date_words(point.start, AXIS_DATE[per], language) if show_label else "",
                row_label=_date_words(point.start, ROW_DATE[per], language),
                achieved_text=floatformat(point.achieved, "-2"),
            )
        )
    target_y = None
    if target is not None and target > 0:
        target_y = round(BASELINE - float(target / top_value) * PLOT_HEIGHT, 1)
    return Chart(bars=bars, top_value=top_value, target_y=target_y)
