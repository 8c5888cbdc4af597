"""Goal Attainment Scaling (Kiresuk & Sherman, 1968): the arithmetic, with no Django import.

Each scored goal has a level x from -2 (much less than expected) to +2 (much more than
expected) and a weight w (importance x difficulty when both are given, else 1). A person's
summary T-score over their goals is

    T = 50 + 10 * sum(w * x) / sqrt((1 - rho) * sum(w^2) + rho * (sum(w))^2)

with rho = 0.3, the correlation between goals the method assumes. T = 50 means the goals
were met as expected; each 10 points is one standard deviation above or below.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

RHO = 0.3
LEVELS = (-2, -1, 0, 1, 2)
# The level most goals start from: somewhat less than expected (the method's usual baseline).
USUAL_BASELINE = -1


@dataclass(frozen=True)
class Scored:
    """One goal's level, with its weight."""

    level: int
    weight: float = 1.0


def weight(importance: int | None, difficulty: int | None) -> float:
    """A goal's weight: importance x difficulty when the peer rated both, else 1 (unweighted)."""
    if importance is None or difficulty is None:
        return 1.0
    return float(importance * difficulty)


def t_score(goals: Iterable[Scored | int], rho: float = RHO) -> float | None:
    """The Kiresuk-Sherman T-score of `goals` (levels, or levels with weights); None when there
    is no goal to score."""
    scored = [goal if isinstance(goal, Scored) else Scored(goal) for goal in goals]
    if not scored:
        return None
    for goal in scored:
        if goal.level not in LEVELS:
            raise ValueError(f"A GAS level is -2 to +2, not {goal.level}")
        if goal.weight <= 0:
            raise ValueError(f"A GAS weight is positive, not {goal.weight}")
    weighted_sum = sum(goal.weight * goal.level for goal in scored)
    sum_of_squares = sum(goal.weight**2 for goal in scored)
    total_weight = sum(goal.weight for goal in scored)
    spread = math.sqrt((1 - rho) * sum_of_squares + rho * total_weight**2)
    return 50 + 10 * weighted_sum / spread


def rounded(score: float | None) -> float | None:
    """A T-score as it is shown and downloaded: two decimals."""
    return None if score is None else round(score, 2)


@dataclass(frozen=True)
class Comparison:
    """How many goals went better than expected, as expected, and less well."""

    better: int
    as_expected: int
    less: int

    @property
    def total(self) -> int:
        return self.better + self.as_expected + self.less


def compare(levels: Sequence[int]) -> Comparison:
    """The goals of `levels` counted by how they went against what was expected."""
    return Comparison(
        better=sum(1 for level in levels if level > 0),
        as_expected=sum(1 for level in levels if level == 0),
        less=sum(1 for level in levels if level < 0),
    )


# The bands a program's T-scores are counted in; each is (lowest, below), in T points.
BANDS: tuple[tuple[float, float], ...] = (
    (float("-inf"), 40.0),
    (40.0, 50.0),
    (50.0, 60.0),
    (60.0, float("inf")),
)


def band_of(score: float) -> int:
    """The index in BANDS of the band `score` falls in."""
    return next(i for i, (low, below) in enumerate(BANDS) if low <= score < below)
