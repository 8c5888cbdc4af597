from __future__ import annotations

import pytest

from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from tests.personas import People
from tests.web.conftest import as_alex, as_jordan, as_maria, as_sam  # noqa: F401


@pytest.fixture
def marias_plan(people: People, walk_goal: Goal, walk_step: Step) -> Goal:
    """Maria's walking goal with its scale, a second step of an amount a week, a review that
    scored it, and a goal Sam suggested that still waits for her answer."""
    goal = actions.change_goal(
        walk_goal,
        by=people.maria,
        version=walk_goal.version,
        scale_less="I walk once or twice",
        scale_expected="I walk 5 mornings a week",
        scale_more="I walk every morning",
        scale_baseline=-1,
    )
    actions.add_step(
        goal,
        by=people.maria,
        wording="Walk 60 minutes at the weekend",
        target_kind="amount",
        target_quantity=60,
        target_unit="minutes",
        target_per="week",
    )
    actions.hold_review(goal, by=people.maria, decision="keep", attainment=1)
    actions.create_goal(
        people.maria, by=people.sam, own_words="Join the Tuesday group", life_area="social"
    )
    return goal
