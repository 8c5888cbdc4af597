"""Goals, steps, check-ins, reviews and wins: the practice of peer-driven goal setting.

Statuses are FHIR R4 Goal.lifecycleStatus codes. Who may do what to these rows is decided in
`peergoals.access` and `peergoals.goals.actions` (only the peer makes a goal theirs)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from peergoals.db import AppendOnlyModel, AppendOnlyQuerySet, SubqueryCount
from peergoals.goals import progress

if TYPE_CHECKING:
    from peergoals.people.models import User


class LifeArea(models.TextChoices):
    """SAMHSA's eight dimensions of wellness, in plain words."""

    EMOTIONAL = "emotional", _("Feelings and coping")
    ENVIRONMENTAL = "environmental", _("Home and surroundings")
    FINANCIAL = "financial", _("Money")
    INTELLECTUAL = "intellectual", _("Learning and skills")
    OCCUPATIONAL = "occupational", _("Work and purpose")
    PHYSICAL = "physical", _("Body and health")
    SOCIAL = "social", _("Family, friends and community")
    SPIRITUAL = "spiritual", _("Meaning and spirit")


class Status(models.TextChoices):
    """FHIR Goal.lifecycleStatus codes, with the words a peer sees."""

    PROPOSED = "proposed", _("Suggested, waiting for your answer")
    PLANNED = "planned", _("An idea for now")
    ACTIVE = "active", _("Working on it")
    ON_HOLD = "on-hold", _("Paused")
    COMPLETED = "completed", _("Done")
    CANCELLED = "cancelled", _("Let go")
    REJECTED = "rejected", _("Declined")
    # A suggested goal or step its author took back before the peer answered it. FHIR's code
    # for a goal voided by whoever entered it: it was never the peer's, and is not a plan.
    WITHDRAWN = "entered-in-error", _("Withdrawn")


OPEN_STATUSES = (Status.PROPOSED, Status.PLANNED, Status.ACTIVE, Status.ON_HOLD)
# Steps the peer said yes to and has not let go: what "2 of 3 steps done" counts.
TAKEN_ON_STATUSES = (Status.PLANNED, Status.ACTIVE, Status.ON_HOLD, Status.COMPLETED)
# A goal is looked back at while it is worked on or paused; a finished or released one is not.
REVIEWABLE_STATUSES = (Status.ACTIVE, Status.ON_HOLD)
# Suggestions that never became part of the plan: declined by the peer, or withdrawn.
NOT_TAKEN_UP = (Status.REJECTED, Status.WITHDRAWN)


class PauseFields(models.Model):
    """Why the peer paused a goal or step and when they think they will pick it back up, both
    optional and both the peer's own. Kept on every version, cleared when the pause ends."""

    pause_reason = models.CharField(_("why it's paused"), max_length=200, blank=True)
    resume_on = models.DateField(_("pick it back up on"), null=True, blank=True)

    class Meta:
        abstract = True

    def is_due_to_resume(self, on: datetime.date | None = None) -> bool:
        """Paused, and the day the peer planned to pick it back up has come."""
        return (
            getattr(self, "status", None) == Status.ON_HOLD
            and self.resume_on is not None
            and self.resume_on <= (on or timezone.localdate())
        )


class ExpressedBy(models.TextChoices):
    PEER = "peer", _("The peer")
    SPECIALIST = "specialist", _("The peer specialist")
    TOGETHER = "together", _("Together")


READINESS = [MinValueValidator(0), MaxValueValidator(10)]
GAS_WEIGHT = [MinValueValidator(1), MaxValueValidator(3)]


class Attainment(models.IntegerChoices):
    """Goal Attainment Scaling (Kiresuk & Sherman): the level reached against what was expected."""

    MUCH_LESS = -2, _("Much less than expected")
    LESS = -1, _("Somewhat less than expected")
    EXPECTED = 0, _("As expected")
    MORE = 1, _("Somewhat more than expected")
    MUCH_MORE = 2, _("Much more than expected")


class GoalQuerySet(models.QuerySet["Goal"]):
    def active(self) -> GoalQuerySet:
        return self.filter(status=Status.ACTIVE)

    def open(self) -> GoalQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def for_peer(self, peer: User) -> GoalQuerySet:
        return self.filter(peer=peer)

    def review_due(self, on: datetime.date | None = None) -> GoalQuerySet:
        """Active goals whose review date has come. Ideas and paused goals never come due."""
        return self.active().filter(next_review_on__lte=on or timezone.localdate())

    def review_overdue(self, on: datetime.date | None = None) -> GoalQuerySet:
        """Active goals whose review date has passed: due since before `on` (today)."""
        return self.active().filter(next_review_on__lt=on or timezone.localdate())

    def with_progress(self, since: datetime.date) -> GoalQuerySet:
        """Each goal with `steps_done` of its `steps_taken_on` (the steps the peer said yes to),
        and `days_done_since`: the days since `since` with one of its steps done."""
        steps = Step.objects.filter(goal=OuterRef("pk"))
        done_days = CheckIn.objects.current().filter(
            step__goal=OuterRef("pk"), outcome=Outcome.DONE, for_date__gte=since
        )
        return self.annotate(
            steps_done=SubqueryCount(steps.filter(status=Status.COMPLETED)),
            steps_taken_on=SubqueryCount(steps.filter(status__in=TAKEN_ON_STATUSES)),
            days_done_since=SubqueryCount(done_days, distinct="for_date"),
        )


class Goal(PauseFields):
    """A long-term aspiration, in the peer's own words."""

    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    own_words = models.TextField(
        _("in your own words"),
        max_length=1000,
        help_text=_("What the peer said, kept exactly as they said it."),
    )
    smart_wording = models.TextField(_("SMART wording"), max_length=1000, blank=True)
    looks_like = models.TextField(
        _("what it would look like"),
        max_length=1000,
        blank=True,
        help_text=_("The peer's answer when asked what a broad wish would look like for them."),
    )
    # Every answer the peer gave while exploring the goal (the dream, the six-month picture,
    # the hesitant path's answers, what it would look like), verbatim and in the order asked:
    # [{"question": ..., "answer": ...}]. The peer's own words: nobody changes them afterwards.
    exploration = models.JSONField(_("answers while exploring"), default=list, blank=True)
    life_area = models.CharField(_("life area"), max_length=20, choices=LifeArea.choices)
    why_it_matters = models.TextField(_("why it matters"), max_length=2000, blank=True)
    strengths = models.TextField(_("strengths to draw on"), max_length=2000, blank=True)
    importance = models.PositiveSmallIntegerField(
        _("how important (0-10)"), null=True, blank=True, validators=READINESS
    )
    confidence = models.PositiveSmallIntegerField(
        _("how confident (0-10)"), null=True, blank=True, validators=READINESS
    )
    expressed_by = models.CharField(
        _("expressed by"), max_length=20, choices=ExpressedBy.choices, default=ExpressedBy.PEER
    )
    # Goal Attainment Scaling: each level by the next review, in the peer's words (others
    # suggest). A goal whose expected level is not described has no scale and no GAS score.
    scale_much_less = models.TextField(
        _("much less than expected (-2)"), max_length=500, blank=True
    )
    scale_less = models.TextField(_("somewhat less than expected (-1)"), max_length=500, blank=True)
    scale_expected = models.TextField(_("as expected (0)"), max_length=500, blank=True)
    scale_more = models.TextField(_("somewhat more than expected (+1)"), max_length=500, blank=True)
    scale_much_more = models.TextField(
        _("much more than expected (+2)"), max_length=500, blank=True
    )
    scale_baseline = models.SmallIntegerField(
        _("where you are starting from"), choices=Attainment.choices, null=True, blank=True
    )
    # The optional weights of the method: weight = importance x difficulty (each 1 to 3).
    scale_importance = models.PositiveSmallIntegerField(
        _("how much it matters, 1 to 3"), null=True, blank=True, validators=GAS_WEIGHT
    )
    scale_difficulty = models.PositiveSmallIntegerField(
        _("how hard it will be, 1 to 3"), null=True, blank=True, validators=GAS_WEIGHT
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    review_every_days = models.PositiveSmallIntegerField(
        _("review every (days)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    next_review_on = models.DateField(_("next review"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    # Bumped on every change; an edit made from an older version is refused, not lost.
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # A caseload counts each peer's reviews due: this serves peer=, status=, date <.
            models.Index(fields=["peer", "status", "next_review_on"]),
            # "Reviews due across the program" for reports and reminders.
            models.Index(fields=["status", "next_review_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(importance__isnull=True) | Q(importance__lte=10),
                name="goal_importance_0_to_10",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__lte=10),
                name="goal_confidence_0_to_10",
            ),
            models.CheckConstraint(
                condition=Q(scale_baseline__isnull=True)
                | Q(scale_baseline__gte=-2, scale_baseline__lte=2),
                name="goal_scale_baseline_minus_2_to_2",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.smart_wording or self.own_words

    # The peer's own words, why it matters to them and their readiness belong to the peer
    # alone: others see them, never change them or suggest changes to them (the actions
    # refuse, the edit form leaves them out).
    PEER_ONLY_FIELDS = frozenset(
        {"own_words", "looks_like", "why_it_matters", "importance", "confidence"}
    )

    # The scale's fields, from -2 to +2, then the baseline and the weights.
    SCALE_LEVEL_FIELDS = tuple(
        f"scale_{level}" for level in ("much_less", "less", "expected", "more", "much_more")
    )
    SCALE_FIELDS = frozenset(
        {*SCALE_LEVEL_FIELDS, "scale_baseline", "scale_importance", "scale_difficulty"}
    )

    @property
    def has_scale(self) -> bool:
        """Whether the peer described what "as expected" looks like: then reviews score it."""
        return bool(self.scale_expected.strip())

    @property
    def scale_levels(self) -> list[tuple[int, str, str]]:
        """(level, its name, the peer's description) from +2 down to -2, as reviews show them."""
        names = dict(Attainment.choices)
        return [
            (level, str(names[level]), getattr(self, name))
            for level, name in reversed(
                list(zip(range(-2, 3), self.SCALE_LEVEL_FIELDS, strict=True))
            )
        ]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_reviewable(self) -> bool:
        return self.status in REVIEWABLE_STATUSES

    def review_is_due(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (
            self.status == Status.ACTIVE
            and self.next_review_on is not None
            and self.next_review_on <= on
        )


class Period(models.TextChoices):
    DAY = "day", _("a day")
    WEEK = "week", _("a week")
    MONTH = "month", _("a month")


class TargetKind(models.TextChoices):
    ONCE = "once", _("Do it once")
    COUNT = "count", _("A number of times")
    AMOUNT = "amount", _("An amount")


class StepQuerySet(models.QuerySet["Step"]):
    def active(self) -> StepQuerySet:
        return self.filter(status=Status.ACTIVE, goal__status=Status.ACTIVE)


class Step(PauseFields):
    """A short-term SMART action under a goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    wording = models.TextField(_("step"), max_length=1000)
    target_kind = models.CharField(
        _("target"), max_length=10, choices=TargetKind.choices, default=TargetKind.ONCE
    )
    target_quantity = models.DecimalField(
        _("how many or how much"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    target_unit = models.CharField(_("unit"), max_length=40, blank=True)
    target_per = models.CharField(_("each"), max_length=10, choices=Period.choices, blank=True)
    starts_on = models.DateField(_("starts"), default=timezone.localdate)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    expressed_by = models.CharField(
        _("expressed by"), max_length=20, choices=ExpressedBy.choices, default=ExpressedBy.PEER
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = StepQuerySet.as_manager()

    class Meta:
        ordering = ["goal", "position", "id"]
        indexes = [models.Index(fields=["goal", "status", "position"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_kind="once") | Q(target_quantity__isnull=False),
                name="step_counted_targets_have_a_quantity",
            ),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True) | Q(due_on__gte=models.F("starts_on")),
                name="step_due_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.wording

    @property
    def target_text(self) -> str:
        """The target in plain words: "3 times a week", "20 minutes a day", "once"."""
        return progress.describe_target(
            self.target_kind, self.target_quantity, self.target_unit, self.target_per
        )

    @property
    def takes_check_ins(self) -> bool:
        """Progress is checked in only on a step worked on, under a goal worked on."""
        return self.status == Status.ACTIVE and self.goal.status == Status.ACTIVE


class Outcome(models.TextChoices):
    DONE = "done", _("Done")
    NOT_DONE = "not_done", _("Not today")
    SKIPPED = "skipped", _("Skipped")


class Feeling(models.TextChoices):
    GREAT = "great", _("Great")
    GOOD = "good", _("Good")
    OKAY = "okay", _("Okay")
    HARD = "hard", _("Hard")
    OVERWHELMED = "overwhelmed", _("Overwhelmed")


class CheckInQuerySet(AppendOnlyQuerySet["CheckIn"]):
    def current(self) -> CheckInQuerySet:
        """Entries that no later correction replaced."""
        return self.filter(superseded_by__isnull=True)

    def rows(self) -> list[progress.CheckInRow]:
        """The entries as progress reads them: the columns it needs, no models built."""
        return [progress.CheckInRow(*values) for values in self.values_list(*progress.ROW_FIELDS)]


class CheckIn(AppendOnlyModel):
    """Progress on a step on one day. Never edited: a correction is a new entry that supersedes."""

    append_only_refusal = "Check-ins are append-only; record a correction instead."

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="check_ins")
    # The step's peer, kept here so "last check-in per peer" is one indexed lookup at scale.
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    for_date = models.DateField(_("for the day"))
    outcome = models.CharField(_("how did it go"), max_length=10, choices=Outcome.choices)
    amount = models.DecimalField(
        _("how much"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    feeling = models.CharField(_("how it felt"), max_length=12, choices=Feeling.choices, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    # What the peer writes for themself stays theirs: a note is read by others only when the
    # peer chose to share it with their specialist (see `note_for`).
    note_shared = models.BooleanField(_("note shared with the specialist"), default=False)
    # The step's target when the check-in was made, kept with it: "Done" means that target was
    # met, and a step measured differently later (minutes, then times) never re-reads this entry
    # in the new unit. Empty on entries from before targets were kept, which are read against
    # the step's target as it is.
    target_kind = models.CharField(
        _("target then"), max_length=10, choices=TargetKind.choices, blank=True
    )
    target_quantity = models.DecimalField(
        _("how many or how much then"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    target_unit = models.CharField(_("unit then"), max_length=40, blank=True)
    target_per = models.CharField(_("each then"), max_length=10, choices=Period.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="superseded_by"
    )
    # Made by the phone for each tap: a tap queued offline and sent twice is one entry.
    client_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-for_date", "-recorded_at"]
        indexes = [
            models.Index(fields=["step", "for_date"]),
            models.Index(fields=["peer", "recorded_at"]),
            # The outcome report's days with a check-in per peer, over a period.
            models.Index(fields=["peer", "for_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="check_in_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.step} on {self.for_date}: {self.get_outcome_display()}"

    def note_for(self, reader: User | None) -> str:
        """The note as `reader` may read it: the peer and whoever wrote it always; anyone else
        (None: any staff member, as in the admin) only a note the peer shared. Pages, staff
        downloads and the admin all ask this."""
        reader_id = reader.pk if reader is not None else None
        if self.note_shared or reader_id in (self.peer_id, self.recorded_by_id):
            return self.note
        return ""


class ReviewFeeling(models.TextChoices):
    GOOD = "good", _("Good about it")
    OKAY = "okay", _("Okay")
    STUCK = "stuck", _("Stuck")
    OVERWHELMED = "overwhelmed", _("Overwhelmed")


class Decision(models.TextChoices):
    KEEP = "keep", _("Keep going as planned")
    ADJUST = "adjust", _("Change the plan")
    PAUSE = "pause", _("Pause for now")
    COMPLETE = "complete", _("I reached it")
    LET_GO = "let_go", _("Let it go")


class Review(models.Model):
    """A conversation about a goal that keeps the plan alive."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField(_("held on"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="reviews_taken_part_in", blank=True
    )
    whats_working = models.TextField(_("what's working"), max_length=2000, blank=True)
    whats_not_working = models.TextField(_("what isn't working"), max_length=2000, blank=True)
    feeling = models.CharField(
        _("how I feel about it"), max_length=12, choices=ReviewFeeling.choices, blank=True
    )
    decision = models.CharField(_("what next"), max_length=10, choices=Decision.choices)
    wins = models.TextField(_("wins to celebrate"), max_length=2000, blank=True)
    lessons = models.TextField(_("what I learned from hurdles"), max_length=2000, blank=True)
    # The review form's one-time key: the same form sent twice (Back then Save, a retry on a
    # weak signal) makes one review and one win.
    submission = models.UUIDField(null=True, blank=True, editable=False)
    attainment = models.SmallIntegerField(
        _("how it went against what was expected"),
        choices=Attainment.choices,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-held_on", "-created_at"]
        indexes = [models.Index(fields=["goal", "held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(attainment__isnull=True) | Q(attainment__gte=-2, attainment__lte=2),
                name="review_attainment_minus_2_to_2",
            ),
            models.UniqueConstraint(
                fields=["goal", "submission"], name="one_review_per_submission"
            ),
        ]

    def __str__(self) -> str:
        return f"Review of {self.goal} on {self.held_on}"


class WinKind(models.TextChoices):
    FIRST_CHECK_IN = "first_check_in", _("First check-in")
    FIRST_STEP_DONE = "first_step_done", _("First step done")
    STREAK = "streak", _("Streak")
    STEP_COMPLETED = "step_completed", _("Step completed")
    GOAL_COMPLETED = "goal_completed", _("Goal reached")
    REVIEW_HELD = "review_held", _("Review held")


class WinQuerySet(models.QuerySet["Win"]):
    def worded(self) -> WinQuerySet:
        """With only what a win's words (progress.win_message) read of its goal and step."""
        words = ("goal__own_words", "goal__smart_wording", "step__wording")
        own = [field.name for field in Win._meta.concrete_fields]
        return self.select_related("goal", "step").only(*own, *words)


class Win(models.Model):
    """A milestone worth celebrating, recorded the moment it happens."""

    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wins"
    )
    kind = models.CharField(max_length=20, choices=WinKind.choices)
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    step = models.ForeignKey(
        Step, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    streak_days = models.PositiveSmallIntegerField(null=True, blank=True)
    # Frozen when earned: the step's and the goal's words that day, so renaming them later
    # never rewrites an old win. Empty on wins from before words were kept (the current words
    # are shown for those).
    step_words = models.TextField(_("the step, as it was worded then"), blank=True)
    goal_words = models.TextField(_("the goal, as it was worded then"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = WinQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["peer", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["peer", "kind"],
                condition=Q(kind__in=["first_check_in", "first_step_done"]),
                name="one_first_win_of_each_kind_per_peer",
            ),
            models.UniqueConstraint(
                fields=["step", "streak_days"],
                condition=Q(kind="streak"),
                name="one_win_per_streak_length_per_step",
            ),
            models.UniqueConstraint(
                fields=["step"], condition=Q(kind="step_completed"), name="one_win_per_step_done"
            ),
            models.UniqueConstraint(
                fields=["goal"], condition=Q(kind="goal_completed"), name="one_win_per_goal_reached"
            ),
        ]

    def __str__(self) -> str:
        return self.message

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding:
            if self.step is not None and not self.step_words:
                self.step_words = self.step.wording
            if self.goal is not None and not self.goal_words:
                self.goal_words = self.goal.title
        super().save(*args, **kwargs)

    @property
    def message(self) -> str:
        """The celebration, said to the peer."""
        return progress.win_message(self)

    @property
    def message_about_peer(self) -> str:
        """The celebration, said about the peer to the people who support them."""
        return progress.win_message(self, about=self.peer.display_name)


class Answer(models.TextChoices):
    """Where a suggested change stands."""

    OPEN = "open", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    # Taken back by whoever suggested it (answered_by: them), or replaced by a newer suggestion
    # (answered_by: empty).
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SuggestedChangeQuerySet(models.QuerySet["SuggestedChange"]):
    def open(self) -> SuggestedChangeQuerySet:
        return self.filter(answer=Answer.OPEN)


class SuggestedChange(models.Model):
    """A change to the peer's goal or step that someone else suggested: nothing about the plan
    changes until the peer accepts it.

    `changes` maps each field to its suggested value. A review recorded without the peer's own
    hand suggests its decision this way (`review` set, `changes` holding the status, if any).
    One suggestion per goal or step waits at a time; a newer one replaces it.
    """

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="suggested_changes")
    # Set when the change is to one of the goal's steps; empty when it is to the goal itself.
    step = models.ForeignKey(
        Step, null=True, blank=True, on_delete=models.CASCADE, related_name="suggested_changes"
    )
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    changes = models.JSONField(encoder=DjangoJSONEncoder, default=dict)
    # The version of the goal or step the suggestion was made against.
    against_version = models.PositiveIntegerField()
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    suggested_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(max_length=10, choices=Answer.choices, default=Answer.OPEN)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = SuggestedChangeQuerySet.as_manager()

    class Meta:
        ordering = ["suggested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal"],
                condition=Q(answer="open", step__isnull=True),
                name="one_open_suggestion_per_goal",
            ),
            models.UniqueConstraint(
                fields=["step"], condition=Q(answer="open"), name="one_open_suggestion_per_step"
            ),
        ]

    def __str__(self) -> str:
        return f"Suggested change to {self.step or self.goal}"

    @property
    def record(self) -> Goal | Step:
        """The goal or step the change is to."""
        return self.step or self.goal

    @property
    def is_decision(self) -> bool:
        """A review's decision waiting for the peer to confirm it, rather than an edit."""
        return self.review_id is not None

    def values(self) -> dict[str, Any]:
        """The suggested values as the record's fields hold them (dates, amounts, numbers)."""
        model = type(self.record)
        fields = {field.name: field for field in model._meta.concrete_fields}
        return {name: fields[name].to_python(value) for name, value in self.changes.items()}
