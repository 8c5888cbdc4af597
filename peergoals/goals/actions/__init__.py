"""Every write to goals, steps, check-ins and reviews. Web pages, commands and the API call these.

Each action takes the acting person as `by`, checks the access policy (whose records) and the
rules of the practice (what may be done), writes in one transaction, keeps a version of every
change to a goal or step with who and why, and records the wins that happen along the way.
A create or change by anyone other than the peer also writes one audit entry, in the same
transaction, so a change that is rolled back leaves no entry behind.

One module a record: goals, steps, suggested changes, check-ins, reviews; `common` holds what
they share. Callers import the package: `from peergoals.goals import actions`.
"""

from peergoals.errors import Conflict, NotAllowed, NotFound
from peergoals.goals.actions.changes import (
    accept_change,
    decline_change,
    suggest_change,
    withdraw_change,
)
from peergoals.goals.actions.check_ins import CheckInResult, record_check_in
from peergoals.goals.actions.common import GOAL_FIELDS_ANYONE, STEP_FIELDS, StatusChange
from peergoals.goals.actions.goals import (
    accept_goal,
    change_goal,
    create_goal,
    decline_goal,
    set_goal_status,
    withdraw_goal,
)
from peergoals.goals.actions.reviews import DECISION_STATUS, ReviewResult, hold_review
from peergoals.goals.actions.steps import (
    accept_step,
    add_step,
    change_step,
    decline_step,
    move_step,
    set_step_status,
    withdraw_step,
)

__all__ = [
    "DECISION_STATUS",
    "GOAL_FIELDS_ANYONE",
    "STEP_FIELDS",
    "CheckInResult",
    "Conflict",
    "NotAllowed",
    "NotFound",
    "ReviewResult",
    "StatusChange",
    "accept_change",
    "accept_goal",
    "accept_step",
    "add_step",
    "change_goal",
    "change_step",
    "create_goal",
    "decline_change",
    "decline_goal",
    "decline_step",
    "hold_review",
    "move_step",
    "record_check_in",
    "set_goal_status",
    "set_step_status",
    "suggest_change",
    "withdraw_change",
    "withdraw_goal",
    "withdraw_step",
]
