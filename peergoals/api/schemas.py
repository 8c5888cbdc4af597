"""What the API sends and accepts: pydantic schemas (ninja), and the answers every operation
declares for its refusals, so the OpenAPI schema lists every status code it can return."""

from __future__ import annotations

import datetime
import re
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict

from peergoals.goals.models import (
    Attainment,
    Decision,
    Feeling,
    LifeArea,
    Outcome,
    Period,
    ReviewFeeling,
    TargetKind,
)

if TYPE_CHECKING:
    from peergoals.people.caseload import CaseloadFigures


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


# What is sent --------------------------------------------------------------------------------


class Sent(Schema):
    """A request body, read as strictly as its schema says: no "3" for 3, no 0 for false, no
    2020-01-02T00:00 for a day. What the schema accepts is exactly what is accepted, so a
    client (or Schemathesis) can trust it both ways."""

    model_config = ConfigDict(strict=True)


# No NUL anywhere (no database can keep one); words that are required must also say something
# once trimmed as the forms trim them (str.strip, whose whitespace includes \x1c-\x1f).
ANY_WORDS = r"^[^\x00]*$"
SOME_WORDS = r"^[^\x00]*[^\s\x00\x1c-\x1f][^\x00]*$"


def words(max_length: int, *, required: bool = False, **kwargs: Any) -> Any:
    """A text field as the pages' forms take it."""
    if required:
        return Field(max_length=max_length, pattern=SOME_WORDS, **kwargs)
    return Field(
        default=kwargs.pop("default", ""), max_length=max_length, pattern=ANY_WORDS, **kwargs
    )


def _day_as_text(value: object) -> object:
    if isinstance(value, datetime.date) or (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        return value
    raise ValueError("a day as YYYY-MM-DD")


def _whole_number(value: object) -> object:
    # JSON Schema's integer is a number with no fraction (36.0 is one): never true/false, nor
    # the number written as text.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("a whole number")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# A day, written as JSON writes one (text); a client's own key (a UUID, as text).
Day = Annotated[datetime.date, BeforeValidator(_day_as_text), Field(strict=False)]
Key = Annotated[uuid.UUID, Field(strict=False)]
# Whole numbers: a 0-10 rating, a count of days between look-backs, a record's version.
Rating = Annotated[int, Field(ge=0, le=10), BeforeValidator(_whole_number)]
EveryDays = Annotated[int, Field(ge=1, le=365), BeforeValidator(_whole_number)]
Version = Annotated[int, Field(ge=1), BeforeValidator(_whole_number)]
# A goal attainment level (GAS, -2 to +2).
Level = Annotated[Attainment, Field(strict=False), BeforeValidator(_whole_number)]
# The models' own choices, each sent as its value ("physical", "done"): stated once, there.
LifeAreaCode = Annotated[LifeArea, Field(strict=False)]
OutcomeCode = Annotated[Outcome, Field(strict=False)]
FeelingCode = Annotated[Feeling, Field(strict=False)]
TargetKindCode = Annotated[TargetKind, Field(strict=False)]
PeriodCode = Annotated[Period, Field(strict=False)]
DecisionCode = Annotated[Decision, Field(strict=False)]
ReviewFeelingCode = Annotated[ReviewFeeling, Field(strict=False)]
# Left empty: not said.
Unsaid = Literal[""]


# What is answered ----------------------------------------------------------------------------


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


class CheckInIn(Sent):
    outcome: OutcomeCode
    for_date: Day | None = Field(
        default=None, description="The day it is about: today (the default) or earlier."
    )
    # A JSON number (kept to cents): pydantic's Decimal also takes strings, which its schema
    # does not describe well enough for a client (or Schemathesis) to send only valid ones.
    amount: float | None = Field(default=None, ge=0, le=1000000)
    feeling: FeelingCode | Unsaid = ""
    note: str = words(1000)
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


class GoalChange(Sent):
    """A change to a goal, made from `version` (the one last read): what others saved since is
    merged, and a field both changed differently is a 409 with the version saved now."""

    version: Version
    own_words: str | None = words(1000, required=True, default=None)
    smart_wording: str | None = words(1000, default=None)
    strengths: str | None = words(2000, default=None)
    review_every_days: EveryDays | None = None


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
    """A caseload's row in figures (people.caseload.CaseloadFigures), read straight from it."""

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

    @staticmethod
    def resolve_peer_id(row: CaseloadFigures) -> int:
        return row.peer.pk

    @staticmethod
    def resolve_display_name(row: CaseloadFigures) -> str:
        return row.peer.display_name


class CaseloadPeers(Schema):
    """Part of a caseload, and how many peers it holds in all (`count`)."""

    count: int = Field(description="How many peers the whole caseload holds.")
    items: list[CaseloadPeer]


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


class GoalIn(Sent):
    """A new goal. Sent by the peer, it is theirs (active, or kept as an idea when `ready` is
    false); sent by anyone else, it is a suggestion that waits for the peer's answer, and the
    peer's own fields (why it matters, importance, confidence) are left for the peer."""

    own_words: str = words(1000, required=True, examples=["I want to get healthier"])
    life_area: LifeAreaCode
    smart_wording: str = words(1000)
    why_it_matters: str = words(2000)
    strengths: str = words(2000)
    importance: Rating | None = None
    confidence: Rating | None = None
    ready: bool = True
    together: bool = Field(default=False, description="Written together with the peer.")


class StepIn(Sent):
    """A new step under a goal: the peer's is taken on at once, anyone else's waits for the
    peer's answer. Checked by the same rules as the page's form."""

    wording: str = words(1000, required=True, examples=["Walk 10 minutes after lunch"])
    target_kind: TargetKindCode = TargetKind.ONCE
    target_quantity: float | None = Field(default=None, ge=0.01, le=1000000)
    target_unit: str = words(40, examples=["minutes"])
    target_per: PeriodCode | Unsaid = ""
    starts_on: Day | None = None
    due_on: Day | None = None


class ReviewIn(Sent):
    """A look back at a goal. Recorded by the peer, its decision takes effect; recorded by
    anyone else, the decision waits for the peer to confirm it."""

    decision: DecisionCode
    whats_working: str = words(2000)
    whats_not_working: str = words(2000)
    feeling: ReviewFeelingCode | Unsaid = ""
    wins: str = words(2000)
    lessons: str = words(2000)
    attainment: Level | None = None
    peer_took_part: bool = Field(
        default=True, description="Recorded by staff: whether the peer was there."
    )
    submission: Key | None = Field(
        default=None, description="A key of the client's making: sent again, it makes no second."
    )


class ReviewHeld(Schema):
    review: ReviewOut
    wins: list[str] = Field(description="The wins this look-back brought, in words.")
    waiting_for_peer: bool = Field(
        description="The decision waits for the peer to confirm it (recorded by staff)."
    )


class Answer(Sent):
    """The peer's answer to a suggested goal or step: take it on (reworded if they like), or
    say no, with no reason needed."""

    answer: Literal["accept", "decline"]
    reworded: str | None = words(
        1000, default=None, description="The peer's own words for it, if accepting."
    )
    ready: bool = Field(default=True, description="A goal only: false keeps it as an idea for now.")
