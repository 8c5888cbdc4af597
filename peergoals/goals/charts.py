"""Where the bars, markers and target line of a progress chart go: pure geometry for an SVG.

The page draws it server-side with presentation attributes only (no script, no style), and
lists the same numbers as a table, so nothing depends on seeing the picture or its colours.
A skipped day is drawn as a hollow diamond, a different shape from the bars: it is a pause the
peer chose, not a failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

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


def bar_chart(points: list[PeriodPoint], target: Decimal | None = None) -> Chart:
    """Bars for each period's achievement, scaled so the target (if any) fits too."""
    top_value = max([p.achieved for p in points] + [target or Decimal(0), Decimal(1)])
    slot = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    # Every label when they fit; every other one on a long chart, the latest always shown.
    step = 1 if len(points) <= 8 else 2
    bars = []
    for index, point in enumerate(points):
        height = float(point.achieved / top_value) * PLOT_HEIGHT
        width = slot * 0.6
        x = LEFT + index * slot + (slot - width) / 2
        bars.append(
            Bar(
                point=point,
                x=round(x, 1),
                y=round(BASELINE - height, 1),
                width=round(width, 1),
                height=round(height, 1),
                centre=round(x + width / 2, 1),
                show_label=(len(points) - 1 - index) % step == 0,
            )
        )
    target_y = None
    if target is not None and target > 0:
        target_y = round(BASELINE - float(target / top_value) * PLOT_HEIGHT, 1)
    return Chart(bars=bars, top_value=top_value, target_y=target_y)
