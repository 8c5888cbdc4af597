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
    amount: Decimal | None = Field(default=None, ge=0, le=100000, max_digits=9, decimal_places=2)
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
