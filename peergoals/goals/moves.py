"""What a person may do next with a goal or a step: the one statement of the practice's moves.

The actions refuse any move not listed here, and the pages draw their buttons from the same
answer, so a button is never shown for a move the action would refuse (or hidden for one it
would take). Whose records a person reaches at all is the access policy's question, not this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy

from peergoals.goals.models import Goal, Status, Step
from peergoals.people.models import User

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
# Deciding to work on something (or to keep a goal as an idea) is the peer's alone.
PEER_DECIDES_GOAL = frozenset({Status.ACTIVE, Status.PLANNED})
PEER_DECIDES_STEP = frozenset({Status.ACTIVE})


@dataclass(frozen=True)
class Moves:
    """The statuses a person may move a record to, and whether they may answer it (accept or
    decline it while it is a suggestion)."""

    statuses: frozenset[str]
    answer: bool

    def buttons(self, words: Mapping[Status, Any]) -> list[tuple[str, str]]:
        """(status, words) of a button for each move, in the order of `words`."""
        return [(status, str(label)) for status, label in words.items() if status in self.statuses]


def _moves(
    status: str, *, by_peer: bool, table: dict[str, frozenset[str]], peer_decides: frozenset[str]
) -> Moves:
    statuses = table.get(status, frozenset())
    if not by_peer:
        statuses = statuses - peer_decides
    return Moves(statuses=statuses, answer=by_peer and status == Status.PROPOSED)


def goal_moves(goal: Goal, by: User) -> Moves:
    """What `by` may do next with `goal` under the practice's rules."""
    by_peer = by.pk == goal.peer_id
    return _moves(goal.status, by_peer=by_peer, table=GOAL_MOVES, peer_decides=PEER_DECIDES_GOAL)


def step_moves(step: Step, by: User) -> Moves:
    """What `by` may do next with `step` under the practice's rules."""
    by_peer = by.pk == step.goal.peer_id
    return _moves(step.status, by_peer=by_peer, table=STEP_MOVES, peer_decides=PEER_DECIDES_STEP)
