"""Goal Attainment Scaling's arithmetic (peergoals.outcomes.gas), against the worked checks."""

from __future__ import annotations

import pytest

from peergoals.outcomes import gas


def test_it_scores_four_unweighted_goals_all_at_plus_one_as_64_51() -> None:
    assert gas.rounded(gas.t_score([1, 1, 1, 1])) == 64.51


def test_it_scores_three_goals_at_minus_one_zero_and_plus_two_as_54_56() -> None:
    assert gas.rounded(gas.t_score([-1, 0, 2])) == 54.56


def test_it_scores_goals_all_met_as_expected_as_50() -> None:
    assert gas.t_score([0, 0, 0]) == 50
    assert gas.t_score([gas.Scored(0, 6), gas.Scored(0, 2)]) == 50


def test_a_single_goal_at_the_usual_baseline_is_one_deviation_below() -> None:
    # One goal: the denominator is w, so T = 50 + 10x exactly.
    assert gas.t_score([gas.USUAL_BASELINE]) == 40


def test_weights_tilt_the_score_toward_the_goal_that_matters_more() -> None:
    # Importance 3 x difficulty 2 on the goal that went well, 1 x 1 on the one that did not.
    heavy = gas.Scored(2, gas.weight(3, 2))
    light = gas.Scored(-2, gas.weight(1, 1))
    weighted = gas.t_score([heavy, light])
    assert weighted is not None and weighted > 50
    assert gas.t_score([2, -2]) == 50
    # By the formula: 50 + 10 * (12 - 2) / sqrt(0.7 * 37 + 0.3 * 49) = 65.69.
    assert gas.rounded(weighted) == 65.69


def test_a_goal_without_both_weights_weighs_one() -> None:
    assert gas.weight(None, 3) == gas.weight(2, None) == 1.0
    assert gas.weight(2, 3) == 6.0


def test_there_is_no_score_without_a_scored_goal() -> None:
    assert gas.t_score([]) is None


@pytest.mark.parametrize("level", [-3, 3, 7])
def test_it_refuses_a_level_outside_minus_two_to_two(level: int) -> None:
    with pytest.raises(ValueError, match="GAS level"):
        gas.t_score([level])


def test_it_counts_goals_better_than_expected_as_expected_and_less() -> None:
    compared = gas.compare([2, 1, 0, -1])
    assert (compared.better, compared.as_expected, compared.less, compared.total) == (2, 1, 1, 4)


def test_each_t_score_falls_in_one_band() -> None:
    assert [gas.band_of(score) for score in (25.0, 40.0, 49.99, 50.0, 59.9, 60.0, 80.0)] == [
        0,
        1,
        1,
        2,
        2,
        3,
        3,
    ]


def test_the_arithmetic_imports_no_django() -> None:
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(gas))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name and name.startswith("django") for name in imported)
