"""What a person may do next with a goal or a step: the one statement of the practice's moves.

The actions refuse any move not listed here, and the pages draw their buttons from the same
answer, so a button is never shown for a move the action would refuse (or hidden for one it
would take). Whose records a person reaches at all is the access policy's question, not this.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peergoals.goals.models import OPEN_STATUSES, Answer, Goal, Status, Step, SuggestedChange
from peergoals.people.models import User

# How far ahead a pause may plan to pick things back up: further than a year is no longer a
# pause but a goal let go or kept as an idea.
LONGEST_PAUSE = datetime.timedelta(days=365)


def resume_date_problem(resume_on: datetime.date | None, today: datetime.date) -> str | None:
    """What is wrong with `resume_on` as the day a pause ends, in plain words; None if nothing."""
    if resume_on is None:
        return None
    if resume_on < today:
        return str(_("Pick a day from today on, or leave it empty."))
    if resume_on > today + LONGEST_PAUSE:
        return str(_("Pick a day within the next year, or leave it empty."))
    return None


# Allowed moves between statuses, outside proposals (accepting or declining answers those).
GOAL_MOVES: dict[str, frozenset[str]] = {
    Status.PLANNED: frozenset({Status.ACTIVE, Status.CANCELLED}),
    Status.ACTIVE: frozenset({Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED, Status.PLANNED}),
    Status.ON_HOLD: frozenset({Status.ACTIVE, Status.COMPLETED, Status.CANCELLED}),
    Status.COMPLETED: frozenset({Status.ACTIVE}),
    Status.CANCELLED: frozenset({Status.ACTIVE, Status.PLANNED}),
}
STEP_MOVES: dict[str, frozenset[str]] = {
    Status.ACTIVE: frozenset({Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED}),
    Status.ON_HOLD: frozenset({Status.ACTIVE, Status.CANCELLED}),
    Status.COMPLETED: frozenset({Status.ACTIVE}),
    Status.CANCELLED: frozenset({Status.ACTIVE}),
}
# The words on each status button, by the status it moves to.
GOAL_BUTTONS = {
    Status.ACTIVE: gettext_lazy("Work on it"),
    Status.PLANNED: gettext_lazy("Keep it as an idea for now"),
    Status.ON_HOLD: gettext_lazy("Pause"),
    Status.COMPLETED: gettext_lazy("I reached it"),
    Status.CANCELLED: gettext_lazy("Let it go"),
}
STEP_BUTTONS = {
    Status.ACTIVE: gettext_lazy("Work on it"),
    Status.ON_HOLD: gettext_lazy("Pause"),
    Status.COMPLETED: gettext_lazy("Mark as done"),
    Status.CANCELLED: gettext_lazy("Let it go"),
}
# A repeating step ("3 times a week") is checked in "Done" day after day; finishing it ends it
# for good, so its button says so and is asked about first.
REPEATING_STEP_BUTTONS = {
    **STEP_BUTTONS,
    Status.COMPLETED: gettext_lazy("Finish this step for good"),
}
# Statuses in which the people who support the peer may suggest changes: a goal (or step) the
# peer works on or paused. An idea kept for later is left alone until the peer takes it up.
SUGGESTABLE = frozenset({Status.ACTIVE, Status.ON_HOLD})


@dataclass(frozen=True)
class Moves:
    """What a person may do next with a goal or step.

    statuses: the statuses they may move it to; answer: they may accept or decline it while
    it is a suggestion; edit: they may change it (and record a review's decision) directly;
    suggest: they may suggest a change that waits for the peer's answer; withdraw: they may
    take back their own suggestion of it before the peer answers; add_step and reorder_steps:
    (goals only) they may add a step, which from anyone but the peer is a suggestion, and put
    its steps in another order, which only the peer does. ask_first: the statuses whose move
    is asked about on a page of its own before it is made (a pause's reason and resume date,
    finishing a repeating step for good).
    """

    statuses: frozenset[str]
    answer: bool
    edit: bool
    suggest: bool
    withdraw: bool = False
    add_step: bool = False
    reorder_steps: bool = False
    ask_first: frozenset[str] = frozenset()

    def buttons(self, words: Mapping[Status, Any]) -> list[tuple[str, str]]:
        """(status, words) of a button for each move, in the order of `words`."""
        return [(status, str(label)) for status, label in words.items() if status in self.statuses]


def goal_moves(goal: Goal, by: User) -> Moves:
    """What `by` may do next with `goal` under the practice's rules.

    The plan is the peer's: only the peer starts, pauses, finishes or lets go of it, and
    changes it. Others suggest (changes, steps, a review's decision); their own suggested goal
    they may still refine until the peer answers it.
    """
    if by.pk == goal.peer_id:
        return Moves(
            statuses=GOAL_MOVES.get(goal.status, frozenset()),
            answer=goal.status == Status.PROPOSED,
            edit=True,
            suggest=False,
            add_step=goal.status in OPEN_STATUSES,
            # The order of the plan is the peer's too.
            reorder_steps=goal.status in OPEN_STATUSES,
            ask_first=GOAL_MOVES.get(goal.status, frozenset()) & {Status.ON_HOLD},
        )
    return Moves(
        statuses=frozenset(),
        answer=False,
        edit=goal.status == Status.PROPOSED,
        suggest=goal.status in SUGGESTABLE,
        withdraw=goal.status == Status.PROPOSED and by.pk == goal.created_by_id,
        add_step=goal.status in OPEN_STATUSES and goal.status != Status.PLANNED,
    )


def step_moves(step: Step, by: User) -> Moves:
    """What `by` may do next with `step` under the practice's rules (as for goals). A step
    suggested for a goal kept as an idea waits, unseen, until the peer takes the goal up."""
    left_alone = step.goal.status == Status.PLANNED
    proposed = step.status == Status.PROPOSED
    if by.pk == step.goal.peer_id:
        statuses = STEP_MOVES.get(step.status, frozenset())
        ask_first: set[str] = {Status.ON_HOLD}
        if step.target_per:
            ask_first.add(Status.COMPLETED)
        return Moves(
            statuses=statuses,
            answer=proposed and not left_alone,
            edit=True,
            suggest=False,
            ask_first=statuses & ask_first,
        )
    return Moves(
        statuses=frozenset(),
        answer=False,
        edit=proposed and not left_alone,
        suggest=step.status in SUGGESTABLE and step.goal.status in SUGGESTABLE,
        withdraw=proposed and by.pk == step.created_by_id,
    )


def step_buttons(step: Step) -> Mapping[Status, Any]:
    """The words on a step's status buttons: finishing a repeating step says it ends for good."""
    return REPEATING_STEP_BUTTONS if step.target_per else STEP_BUTTONS


def may_answer(suggestion: SuggestedChange, by: User) -> bool:
    """Only the peer answers a suggested change, while it waits; while the goal is kept as an
    idea, it waits unseen until the peer takes the goal up."""
    return (
        by.pk == suggestion.goal.peer_id
        and suggestion.answer == Answer.OPEN
        and suggestion.goal.status != Status.PLANNED
    )


def may_withdraw(suggestion: SuggestedChange, by: User) -> bool:
    """Whoever suggested a change may take it back while it still waits for the peer."""
    return by.pk == suggestion.suggested_by_id and suggestion.answer == Answer.OPEN
