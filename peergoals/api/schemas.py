"""What the API sends and accepts: pydantic schemas (ninja), and the answers every operation
declares for its refusals, so the OpenAPI schema lists every status code it can return."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema


class Refusal(Schema):
    """A refusal: why, in plain words."""

    detail: str = Field(examples=["No such goal."])


class ConflictRefusal(Schema):
    """Someone changed the record since it was loaded: nothing was overwritten."""

    detail: str = Field(examples=["This was just saved from another tap. Please look again."])
    version: int | None = Field(
        default=None, description="The version saved now; send the next change against it."
    )
    by: list[str] = Field(default_factory=list, description="Who saved since.")


class InvalidInput(Schema):
    """What was sent does not fit the schema: one entry per field."""

    detail: list[dict[str, object]]


# Every operation can meet these: no or a dead token, a record missing or not this person's
# (the two are never told apart), a practice rule or read-only token, too many requests;
# a write's body that is not JSON at all is a 400.
READ_REFUSALS: dict[int, type[Schema]] = {
    401: Refusal,
    404: Refusal,
    422: InvalidInput,
    429: Refusal,
}
WRITE_REFUSALS: dict[int, type[Schema]] = {
    **READ_REFUSALS,
    400: Refusal,
    403: Refusal,
    409: ConflictRefusal,
}


class Person(Schema):
    id: int
    username: str = Field(examples=["riley"])
    display_name: str = Field(examples=["Riley"])
    role: str = Field(examples=["peer"])


class GoalOut(Schema):
    id: int
    peer_id: int
    own_words: str = Field(description="The goal in the peer's own words, verbatim.")
    smart_wording: str = Field(description="The goal made SMART, beside the peer's words.")
    life_area: str = Field(examples=["health"])
    status: str = Field(description="FHIR Goal.lifecycleStatus", examples=["active"])
    expressed_by: str = Field(examples=["peer"])
    review_every_days: int
    next_review_on: datetime.date | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int


class StepOut(Schema):
    id: int
    goal_id: int
    wording: str = Field(examples=["Walk 10 minutes after breakfast"])
    status: str
    target_kind: str
    target_quantity: Decimal | None
    target_unit: str
    target_per: str
    starts_on: datetime.date
    due_on: datetime.date | None
    position: int
    version: int


class CheckInIn(Schema):
    outcome: Literal["done", "not_done", "skipped"]
    for_date: datetime.date | None = Field(
        default=None, description="The day it is about: today (the default) or earlier."
    )
    # A JSON number (kept to cents): pydantic's Decimal also takes strings, which its schema
    # does not describe well enough for a client (or Schemathesis) to send only valid ones.
    amount: float | None = Field(default=None, ge=0, le=1000000)
    feeling: Literal["", "great", "good", "okay", "hard", "overwhelmed"] = ""
    note: str = Field(default="", max_length=1000)
    share_note: bool = False


class CheckInOut(Schema):
    id: int
    step_id: int
    for_date: datetime.date
    outcome: str
    amount: Decimal | None
    recorded_at: datetime.datetime


class CheckInRecorded(Schema):
    check_in: CheckInOut
    wins: list[str] = Field(description="The wins this check-in brought, in words.")


class GoalChange(Schema):
    """A change to a goal, made from `version` (the one last read): what others saved since is
    merged, and a field both changed differently is a 409 with the version saved now."""

    version: int = Field(ge=1)
    own_words: str | None = Field(default=None, min_length=1, max_length=1000)
    smart_wording: str | None = Field(default=None, max_length=1000)
    strengths: str | None = Field(default=None, max_length=2000)
    review_every_days: int | None = Field(default=None, ge=1, le=365)


class ReviewOut(Schema):
    id: int
    goal_id: int
    held_on: datetime.date
    decision: str
    whats_working: str
    whats_not_working: str
    attainment: int | None


class WinOut(Schema):
    id: int
    kind: str
    goal_id: int | None
    step_id: int | None
    created_at: datetime.datetime
    words: str = Field(description="The win in words, as the peer's wins page says it.")


class CaseloadPeer(Schema):
    peer_id: int
    display_name: str
    last_check_in: datetime.datetime | None
    reviews_due: int
    reviews_overdue: int
    next_review_on: datetime.date | None
    active_goals: int
    waiting_for_answer: int
    went_quiet: bool
    may_need_support: bool


class Count(Schema):
    """A figure of the report: `value` is null when hidden (fewer than 5 behind it)."""

    value: float | None
    hidden: bool


class ReportFigures(Schema):
    team: str
    start: datetime.date
    end: datetime.date
    too_few: bool = Field(description="Too few peers counted to show anything.")
    peers_served: Count
    left_out: Count
    goals_by_peer: Count
    goals_suggested_accepted: Count
    steps_taken_on: Count
    steps_done: Count
    peers_checking_in: Count
    active_days_per_week: Count
    reviews_on_time: Count
    reviews_late: Count
    wins: Count
    goals_reached: Count
