"""HTML forms for goals, steps, check-ins and reviews. They parse; the actions decide."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peergoals.goals import coaching
from peergoals.goals.models import (
    Attainment,
    Decision,
    Feeling,
    Goal,
    LifeArea,
    Outcome,
    Period,
    ReviewFeeling,
    Status,
    TargetKind,
)
from peergoals.goals.moves import resume_date_problem
from peergoals.goals.progress import as_written

if TYPE_CHECKING:
    # Only for type checking: django-stubs is a development dependency.
    from django_stubs_ext import StrOrPromise

    from peergoals.people.models import User

# Plain-words errors, shown next to the field they are about.
PLAIN_ERRORS = {
    "required": _("Please fill this in."),
    "invalid": _("This doesn't look right. Please check it."),
    "invalid_choice": _("Please pick one of the choices."),
    "max_length": _("Please make this shorter (up to %(limit_value)d characters)."),
    "min_value": _("Please use a number of at least %(limit_value)s."),
    "max_value": _("Please use a number of at most %(limit_value)s."),
    "max_digits": _("Please use a smaller number."),
    "max_decimal_places": _("Please use at most %(max)s digits after the point."),
    "max_whole_digits": _("Please use a smaller number."),
    "null_characters_not_allowed": _("This has a character that can't be saved."),
}

BLANK_CHOICE = [("", _("Choose one"))]


class AmountField(forms.DecimalField):
    """An optional count or amount, shown as the person wrote it: "10", not the saved "10.00"."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        widget = forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"})
        super().__init__(max_digits=9, decimal_places=2, widget=widget, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        return as_written(value) if isinstance(value, Decimal) else value


class PlainForm(forms.Form):
    """A form whose every error is in plain words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages = {**field.error_messages, **PLAIN_ERRORS}


def text(
    label: StrOrPromise, *, max_length: int, required: bool = False, rows: int = 3, **kw: Any
) -> Any:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kw,
    )


def rating(label: StrOrPromise, help_text: StrOrPromise) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=10,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _life_area() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Which part of life is this about?"),
        choices=[*BLANK_CHOICE, *LifeArea.choices],
    )


class GoalForm(PlainForm):
    """A peer's own new goal."""

    own_words = text(
        _("Your goal, in your own words"),
        max_length=1000,
        required=True,
        help_text=_("Say it the way you would say it to a friend."),
    )
    life_area = _life_area()
    why_it_matters = text(_("Why does it matter to you?"), max_length=2000)
    strengths = text(
        _("What strengths can you bring to it?"),
        max_length=2000,
        help_text=_("For example: I am stubborn in a good way, my sister supports me."),
    )
    importance = rating(
        _("How important is it to you? (0 to 10)"), _("0 is not at all, 10 is very.")
    )
    confidence = rating(
        _("How sure are you that you can do it? (0 to 10)"), _("0 is not at all, 10 is very.")
    )
    ready = forms.TypedChoiceField(
        label=_("Are you ready to start?"),
        choices=[
            ("yes", _("I'm ready to start")),
            ("no", _("Keep it as an idea for now")),
        ],
        coerce=lambda value: value == "yes",
        initial="yes",
        widget=forms.RadioSelect,
    )


class ProposalForm(PlainForm):
    """A specialist's suggested goal: it waits for the peer's answer."""

    own_words = text(
        _("The goal, as the peer said it"),
        max_length=1000,
        required=True,
        help_text=_("The peer can accept it, reword it, or say no."),
    )
    smart_wording = text(
        _("A clearer wording (optional)"),
        max_length=1000,
        help_text=_("What, how much, and by when. It sits beside the peer's words."),
    )
    life_area = _life_area()
    strengths = text(_("Strengths they bring"), max_length=2000)
    together = forms.BooleanField(label=_("We wrote this together"), required=False)


# After an edit met another one (goals/merge.py), each field both people changed is listed in
# the form ("clash") with the person's choice ("keep-<field>"): the saved value, or theirs.
KEEP_SAVED, KEEP_MINE = "saved", "mine"


class FromVersion(PlainForm):
    """An edit form made from one saved version of the record (`version`), so the action can
    merge it with what was saved since; after a clash, it carries the person's choices."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def clashed(self) -> list[str]:
        """The fields the person was asked to choose for, in the form's order."""
        listed = set(self.data.getlist("clash")) if hasattr(self.data, "getlist") else set()
        return [name for name in self.fields if name in listed and name != "version"]

    def choice(self, name: str) -> str:
        return str(self.data.get(f"keep-{name}", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in self.clashed():
            if self.choice(name) not in (KEEP_SAVED, KEEP_MINE):
                self.add_error(
                    None,
                    _("Please choose which to keep for “%(field)s”.")
                    % {"field": self.fields[name].label},
                )
        return data

    def kept_as_saved(self) -> set[str]:
        """The fields the person chose to leave as they are saved."""
        return {name for name in self.clashed() if self.choice(name) == KEEP_SAVED}


class GoalEditForm(FromVersion):
    """Change a goal, from the version the form was made from."""

    own_words = text(_("In your own words"), max_length=1000, required=True)
    smart_wording = text(
        _("Clear wording: what, how much, by when"),
        max_length=1000,
        help_text=_("It sits beside your own words and never replaces them."),
    )
    life_area = _life_area()
    why_it_matters = text(_("Why it matters"), max_length=2000)
    strengths = text(_("Strengths to draw on"), max_length=2000)
    importance = rating(_("How important (0 to 10)"), _("0 is not at all, 10 is very."))
    confidence = rating(_("How sure you feel (0 to 10)"), _("0 is not at all, 10 is very."))
    review_every_days = forms.IntegerField(
        label=_("Look back at it every how many days?"),
        min_value=1,
        max_value=365,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, peer_is_editing: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not peer_is_editing:
            # Others see the peer's own words and readiness, but never edit them.
            for name in Goal.PEER_ONLY_FIELDS & set(self.fields):
                del self.fields[name]

    def changes(self) -> dict[str, Any]:
        """The fields to save; those the person chose to leave as saved are left out."""
        left = {"version", *self.kept_as_saved()}
        return {k: v for k, v in self.cleaned_data.items() if k not in left}


def _weight(label: StrOrPromise) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[
            ("", _("Not rated")),
            ("1", _("1: a little")),
            ("2", _("2: quite")),
            ("3", _("3: very")),
        ],
        coerce=int,
        empty_value=None,
        required=False,
    )


class ScaleForm(FromVersion):
    """What each level of a goal would look like by the next review, in the peer's words
    (Goal Attainment Scaling), where they start from, and, if they like, how much it matters
    and how hard it will be. `version` guards against overwriting someone else's change."""

    scale_much_more = text(_("Much more than expected (+2)"), max_length=500, rows=2)
    scale_more = text(_("Somewhat more than expected (+1)"), max_length=500, rows=2)
    scale_expected = text(
        _("As expected (0)"),
        max_length=500,
        rows=2,
        help_text=_("What you expect by the next review. Needed for the others to count."),
    )
    scale_less = text(_("Somewhat less than expected (-1)"), max_length=500, rows=2)
    scale_much_less = text(_("Much less than expected (-2)"), max_length=500, rows=2)
    scale_baseline = forms.TypedChoiceField(
        label=_("Where are you starting from?"),
        choices=[("", _("Not said yet"))]
        + [(str(level), name) for level, name in Attainment.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Most people start at “Somewhat less than expected”."),
    )
    scale_importance = _weight(_("How much does this goal matter to you, 1 to 3? (optional)"))
    scale_difficulty = _weight(_("How hard do you think it will be, 1 to 3? (optional)"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        described = any(data.get(name) for name in Goal.SCALE_LEVEL_FIELDS)
        if described and not (data.get("scale_expected") or "").strip():
            self.add_error(
                "scale_expected",
                _("Please say what “as expected” looks like: the other levels are read from it."),
            )
        return data

    def changes(self) -> dict[str, Any]:
        """The fields to save; those the person chose to leave as saved are left out."""
        left = {"version", *self.kept_as_saved()}
        return {k: v for k, v in self.cleaned_data.items() if k not in left}


def _own_way() -> forms.CharField:
    """The peer's rewording of a suggestion they take on; empty keeps the suggested words."""
    return text(
        _("Want to say it your own way? (optional)"),
        max_length=1000,
        rows=2,
        help_text=_("Leave it empty to keep the words as they are."),
    )


class AcceptGoalForm(PlainForm):
    own_words = _own_way()


class AcceptStepForm(PlainForm):
    wording = _own_way()


class AcceptChangeForm(PlainForm):
    wording = _own_way()


class StatusForm(PlainForm):
    """A status button pressed; for a move asked about first (a pause, finishing a repeating
    step for good), the answers on that page too."""

    status = forms.ChoiceField(choices=Status.choices)
    reason = forms.CharField(max_length=200, required=False)
    # Sent by the page that asks first: the move is confirmed, with the pause's details.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)
    pause_reason = forms.CharField(
        label=_("Why are you pausing? (optional)"),
        max_length=200,
        required=False,
        help_text=_("Just for you to remember, like “looking after my mum”."),
    )
    resume_on = forms.DateField(
        label=_("When do you think you'll pick it back up? (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "On that day your home page offers to pick it back up. Nothing restarts by itself."
        ),
    )

    def clean_resume_on(self) -> Any:
        resume_on = self.cleaned_data.get("resume_on")
        problem = resume_date_problem(resume_on, timezone.localdate())
        if problem:
            raise forms.ValidationError(problem)
        return resume_on

    def status_fields(self) -> dict[str, Any]:
        """What the action takes: the status, and a pause's reason and resume date."""
        data = self.cleaned_data
        fields: dict[str, Any] = {"status": data["status"], "reason": data["reason"]}
        if data["status"] == Status.ON_HOLD:
            fields.update(pause_reason=data["pause_reason"], resume_on=data["resume_on"])
        return fields


class MoveForm(PlainForm):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])

    @property
    def offset(self) -> int:
        return -1 if self.cleaned_data["direction"] == "up" else 1


class StepForm(PlainForm):
    """A short-term step: what, how much, how often, by when."""

    wording = text(
        _("What is the step?"),
        max_length=1000,
        required=True,
        rows=2,
        help_text=_("Small and clear, like “Walk for 10 minutes after breakfast”."),
    )
    target_kind = forms.ChoiceField(
        label=_("How will you know it's done?"),
        choices=TargetKind.choices,
        initial=TargetKind.ONCE,
        widget=forms.RadioSelect,
    )
    target_quantity = AmountField(label=_("How many or how much"), min_value=Decimal("0.01"))
    target_unit = forms.CharField(
        label=_("Unit (optional)"),
        max_length=40,
        required=False,
        help_text=_("For example: minutes, pages, dollars."),
    )
    target_per = forms.ChoiceField(
        label=_("Each"),
        choices=[("", _("No repeat: a total")), *Period.choices],
        required=False,
    )
    starts_on = forms.DateField(
        label=_("Start on (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    due_on = forms.DateField(
        label=_("Done by (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("target_kind")
        if kind in (TargetKind.COUNT, TargetKind.AMOUNT) and data.get("target_quantity") is None:
            self.add_error(
                "target_quantity", _("Please say how many or how much, or choose “Do it once”.")
            )
        due_on = data.get("due_on")
        if due_on and due_on < (data.get("starts_on") or timezone.localdate()):
            self.add_error("due_on", _("Please pick a day on or after the start day."))
        quantity = data.get("target_quantity")
        if kind in (TargetKind.COUNT, TargetKind.AMOUNT) and quantity is not None:
            # The coach flags "1,000 minutes a day" in a sentence; typed into the fields, too.
            warning = coaching.target_warning(
                float(quantity),
                data.get("target_unit") or "",
                data.get("target_per") or "",
                wording=data.get("wording") or "",
                due=due_on,
            )
            if warning:
                self.add_error("target_quantity", warning)
        return data

    def step_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        if not data.get("starts_on"):
            data.pop("starts_on", None)
        return data


class StepEditForm(FromVersion, StepForm):
    """Change a step, from the version the form was made from."""

    def step_fields(self) -> dict[str, Any]:
        """The fields to save; those the person chose to leave as saved are left out."""
        data = super().step_fields()
        for name in self.kept_as_saved():
            data.pop(name, None)
        return data

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # An existing step keeps a start day, so the "done by" check has something to compare.
        self.fields["starts_on"].required = True
        self.fields["starts_on"].label = _("Start on")


class CheckInForm(PlainForm):
    """One tap: done, not today, or skip; the rest is optional."""

    outcome = forms.ChoiceField(choices=Outcome.choices)
    amount = AmountField(label=_("How much? (optional)"), min_value=0)
    feeling = forms.ChoiceField(
        label=_("How did it feel?"),
        choices=Feeling.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    note = text(
        _("A note for yourself (optional)"),
        max_length=2000,
        rows=2,
        help_text=_("Only you can read it, unless you share it with your peer specialist."),
    )
    share_note = forms.BooleanField(
        label=_("Share what I wrote with my peer specialist"), required=False
    )
    # Sent by the page's script with a tap queued offline (offline.js): the id that makes a
    # replay one entry, and the day it was tapped, which may be before the day it is sent.
    client_id = forms.UUIDField(widget=forms.HiddenInput, required=False)
    for_date = forms.DateField(label=_("Day"), widget=forms.HiddenInput, required=False)


class ReviewForm(PlainForm):
    """A look back at a goal. Recorded by someone else, it asks whether the peer took part."""

    whats_working = text(_("What's working?"), max_length=2000)
    whats_not_working = text(_("What isn't working?"), max_length=2000)
    feeling = forms.ChoiceField(
        label=_("How do you feel about this goal?"),
        choices=ReviewFeeling.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    decision = forms.ChoiceField(
        label=_("What happens next?"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
    )
    wins = text(_("Wins to celebrate, big or small"), max_length=2000)
    lessons = text(_("What did you learn from the hurdles?"), max_length=2000)
    attainment = forms.TypedChoiceField(
        label=_("Compared with what you expected, how did it go? (optional)"),
        choices=[(str(value), label) for value, label in Attainment.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    peer_took_part = forms.BooleanField(required=False, initial=True)
    # A new key each time the form is shown; sent twice, it makes one review (hold_review).
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, peer: User | None = None, goal: Goal | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["submission"].initial = uuid.uuid4()
        self.peer = peer
        self.goal = goal
        if goal is not None and goal.has_scale:
            self.fields["attainment"].label = (
                _("Which of the levels you described did you reach?")
                if peer is None
                else _("Which of the levels %(name)s described was reached?")
                % {"name": goal.peer.display_name}
            )
        if peer is None:
            # The peer is recording it themself: they took part.
            del self.fields["peer_took_part"]
        else:
            self.fields["peer_took_part"].label = _("%(name)s took part in this look-back") % {
                "name": peer.display_name
            }

    def attainment_levels(self) -> list[tuple[Any, str]]:
        """Each level's choice, from +2 down, with the peer's own description of it beside it
        (empty when the goal has no scale), so the level is chosen against those words."""
        described = {}
        if self.goal is not None and self.goal.has_scale:
            described = {level: words for level, _name, words in self.goal.scale_levels}
        choices = list(self["attainment"])
        return [
            (choice, described.get(int(choice.data["value"]), "")) for choice in reversed(choices)
        ]

    def review_fields(self) -> dict[str, Any]:
        """The action's arguments; who took part is said only when someone else records it."""
        data = dict(self.cleaned_data)
        took_part = data.pop("peer_took_part", None)
        if self.peer is not None:
            data["participants"] = [self.peer] if took_part else []
        return data


# The guided flow: one question a screen ----------------------------------------------------

READINESS_CHOICES = [(str(n), str(n)) for n in range(11)]


class AnswerForm(PlainForm):
    """One exploration question, answered in the peer's words (or left empty)."""

    answer = text(_("Your answer"), max_length=1000, rows=4)

    def __init__(self, *args: Any, label: StrOrPromise, required: bool = False, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["answer"].label = label
        self.fields["answer"].required = required


class AreaForm(PlainForm):
    life_area = forms.ChoiceField(
        label=_("Which part of life is this about?"), choices=LifeArea.choices
    )


def ruler(label: StrOrPromise) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=READINESS_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("0 is not at all, 10 is very. You can skip it."),
        widget=forms.RadioSelect(attrs={"class": "ruler"}),
    )


class ReadinessForm(PlainForm):
    """The readiness rulers: the peer's own ratings, asked and never assumed."""

    importance = ruler(_("How important is this to you?"))
    confidence = ruler(_("How sure are you that you can do it?"))


class SmartForm(PlainForm):
    """The clear wording, beside the peer's own words."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    smart_wording = text(
        _("Clear wording: what, how much, by when"),
        max_length=1000,
        rows=3,
        help_text=_("Your own words stay as you said them. This sits beside them."),
    )


class StepWordingForm(PlainForm):
    """The first half of adding a step in the guided flow: what the step is."""

    wording = StepForm.base_fields["wording"]


class ChosenWordingForm(PlainForm):
    """A wording the peer chose from the coach's ideas ("Use this wording")."""

    use = forms.CharField(max_length=1000)

    @classmethod
    def chosen(cls, data: Any) -> str | None:
        """The chosen wording, or None when `data` holds none that could be one."""
        form = cls(data)
        return form.cleaned_data["use"] if form.is_valid() else None


class UseWordingForm(ChosenWordingForm):
    """A chosen wording and the field to put it in (the htmx way of "Use this wording")."""

    field = forms.ChoiceField(choices=[("smart_wording", "smart_wording"), ("wording", "wording")])


class CoachForm(forms.Form):
    """What the live coach reads, each field held to the length of the form it comes from:
    the coach's time grows with the text, so no request may hand it more."""

    wording = forms.CharField(max_length=1000, required=False)
    smart_wording = forms.CharField(max_length=1000, required=False)
    own_words = forms.CharField(max_length=1000, required=False)
    why_it_matters = forms.CharField(max_length=2000, required=False)
    coach_offer = forms.CharField(max_length=20, required=False)
