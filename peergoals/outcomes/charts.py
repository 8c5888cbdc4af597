"""Where the bars of the outcome report's charts go: geometry for a server-drawn SVG.

Like the progress charts (`peergoals.goals.charts`), a chart is drawn with presentation
attributes only and its numbers follow as a table. A figure hidden because too few peers are
behind it is drawn as an outlined, empty bar marked "<5", never as a bar of some height.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peergoals.outcomes.report import Figure

WIDTH = 360
HEIGHT = 190
LEFT = 34
RIGHT = 6
TOP = 16
BOTTOM = 30
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
BASELINE = TOP + PLOT_HEIGHT
# Two series side by side: the first darker (at the start), the second the app's green.
COLOURS = ("#1f5f8b", "#1e6b3a")
# How tall the outline of a hidden figure is drawn: visibly "something, not shown".
HIDDEN_HEIGHT = 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    hidden: bool
    text: str


@dataclass(frozen=True)
class Group:
    label: str
    label_x: float
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    groups: list[Group]
    top_value: int
    series: list[tuple[str, str]]
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
        return self.baseline + 16


def bar_chart(groups: Sequence[tuple[str, Sequence[Figure]]], series: Sequence[str]) -> BarChart:
    """A chart with a group of bars (one per series) for each (label, figures)."""
    shown = [
        int(figure.value) for _, figures in groups for figure in figures if figure.value is not None
    ]
    top_value = max([*shown, 1])
    slot = (WIDTH - LEFT - RIGHT) / max(len(groups), 1)
    bar_width = min(28.0, (slot - 12) / max(len(series), 1))
    drawn = []
    for index, (label, figures) in enumerate(groups):
        start = LEFT + index * slot + (slot - bar_width * len(figures)) / 2
        bars = []
        for number, figure in enumerate(figures):
            if figure.hidden:
                height = float(HIDDEN_HEIGHT)
            else:
                height = PLOT_HEIGHT * float(figure.value or 0) / top_value
            bars.append(
                Bar(
                    x=round(start + number * bar_width, 1),
                    y=round(BASELINE - height, 1),
                    width=round(bar_width - 2, 1),
                    height=round(height, 1),
                    colour=COLOURS[number % len(COLOURS)],
                    hidden=figure.hidden,
                    text="<5" if figure.hidden else str(figure),
                )
            )
        drawn.append(Group(label=label, label_x=round(LEFT + (index + 0.5) * slot, 1), bars=bars))
    return BarChart(
        groups=drawn,
        top_value=top_value,
        series=[(name, COLOURS[i % len(COLOURS)]) for i, name in enumerate(series)],
    )
