"""The guided way to a new goal: explore it, make it SMART, break it down.

Explore asks one question a screen and keeps the answers in the session until the goal is
saved, so going back, going forward and a refused answer never lose what the peer wrote.
The goal is saved after the readiness rulers (as an idea for now, when the peer says so);
"Make it SMART" and "Break it down" then work on the saved goal through the usual actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from peergoals import access
from peergoals.access import Action
from peergoals.goals import actions, coaching, plans
from peergoals.goals.forms import (
    AnswerForm,
    AreaForm,
    ChosenWordingForm,
    ReadinessForm,
    SmartForm,
    StepForm,
    StepWordingForm,
    UseWordingForm,
)
from peergoals.goals.models import Goal, LifeArea
from peergoals.goals.moves import goal_moves
from peergoals.goals.suggestions import step_details
from peergoals.goals.views.steps import save_step
from peergoals.people import typed_text
from peergoals.web import Request, attempt, form_page

DRAFT = "goal_draft"
# A rating at or below this is "not sure yet": the flow offers to keep the goal as an idea
# or to start smaller, and never pushes.
LOW_READINESS = 4


@dataclass(frozen=True)
class Screen:
    """One question of the exploration, and the draft key its answer is kept under."""

    slug: str
    kind: str  # "text", "area", "readiness" or "not-yet"
    title: Any
    key: str = ""
    hint: Any = ""
    unsure: bool = False
    required: bool = False


SCREENS = {
    screen.slug: screen
    for screen in [
        Screen(
            "start",
            "text",
            gettext_lazy("What's something you've always wanted to do but haven't started yet?"),
            key="dream",
            hint=gettext_lazy("There are no wrong answers. A few words are enough."),
            unsure=True,
        ),
        Screen(
            "picture",
            "text",
            gettext_lazy(
                "If things were going really well for you in six months, what would that look like?"
            ),
            key="picture",
            unsure=True,
        ),
        Screen(
            "goal",
            "text",
            gettext_lazy("So what is your goal? Say it in your own words."),
            key="own_words",
            hint=gettext_lazy("Say it the way you would say it to a friend."),
            unsure=True,
            required=True,
        ),
        Screen(
            "small-start",
            "text",
            gettext_lazy("What's one thing you could do today that would make you feel good?"),
            key="own_words",
            hint=gettext_lazy("That's okay. Starting small is a good start."),
            required=True,
        ),
        Screen(
            "looks-like",
            "text",
            gettext_lazy(
                "What would that look like for you? Improving relationships? Finding work? "
                "Self-care?"
            ),
            key="looks_like",
        ),
        Screen("area", "area", gettext_lazy("Which part of life is this about?")),
        Screen(
            "why",
            "text",
            gettext_lazy("Why does it matter to you?"),
            key="why_it_matters",
        ),
        Screen(
            "strengths",
            "text",
            gettext_lazy("What strengths can you bring to it?"),
            key="strengths",
            hint=gettext_lazy("For example: I am stubborn in a good way, my sister supports me."),
        ),
        Screen("ready", "readiness", gettext_lazy("How do you feel about it?")),
        Screen("not-yet", "not-yet", gettext_lazy("It's okay not to be ready yet.")),
    ]
}


# The questions whose answers are kept with the goal, in the order the exploration asks them
# (whichever path the peer took); why it matters and strengths have fields of their own.
KEPT_ANSWERS = ("start", "picture", "goal", "small-start", "looks-like")


def exploration_answers(draft: dict[str, Any]) -> list[dict[str, str]]:
    """Every answer the peer gave while exploring, verbatim, each with its question as asked.

    The goal in their own words is the goal itself; the goal screen's answer is kept here only
    when the peer set it aside for a smaller start ("I'm not sure").
    """
    answers = draft.get("answers")
    if not isinstance(answers, dict):
        return []
    own_words = str(draft.get("own_words", "")).strip()
    kept = []
    for slug in KEPT_ANSWERS:
        answer = str(answers.get(slug, "")).strip()
        if answer and not (slug == "goal" and answer == own_words):
            kept.append({"question": str(SCREENS[slug].title), "answer": answer})
    return kept


def _keep_answer(draft: dict[str, Any], slug: str, answer: str) -> None:
    answers = draft.get("answers")
    draft["answers"] = {**(answers if isinstance(answers, dict) else {}), slug: answer}


def _draft(request: Request) -> dict[str, Any]:
    draft = request.session.get(DRAFT)
    return draft if isinstance(draft, dict) else {}


def _save_draft(request: Request, draft: dict[str, Any]) -> None:
    request.session[DRAFT] = draft


def is_vague(words: str) -> bool:
    """Whether the coach reads `words` as a wish more than an action (and can read it at all).

    The vague question is a help, not a gate: a coach problem only skips it."""
    judgement = coaching.read(words)
    return (
        judgement is not None and judgement.can_judge and judgement.criteria.specific.met is False
    )


def previous_screen(slug: str, draft: dict[str, Any]) -> str | None:
    """Where "Back" goes from `slug`, along the path this peer took."""
    if slug == "area":
        if draft.get("vague"):
            return "looks-like"
        return "small-start" if draft.get("hesitant") else "goal"
    return {
        "picture": "start",
        "goal": "picture",
        "small-start": draft.get("unsure_from") or "start",
        "looks-like": "small-start" if draft.get("hesitant") else "goal",
        "why": "area",
        "strengths": "why",
        "ready": "strengths",
        "not-yet": "ready",
    }.get(slug)


def _go(slug: str) -> HttpResponse:
    return redirect("goals:explore_screen", screen=slug)


def _first_gap(draft: dict[str, Any]) -> str | None:
    """The screen still needing an answer before the goal can be saved."""
    if not str(draft.get("own_words", "")).strip():
        return "small-start" if draft.get("hesitant") else "goal"
    if draft.get("life_area") not in LifeArea.values:
        return "area"
    return None


@login_required
@require_http_methods(["GET", "POST"])
def explore_start(request: Request) -> HttpResponse:
    """The start of the guided flow; a POST ("Start over") clears an unfinished draft first."""
    access.get_peer_for(request.user, request.user.pk, Action.CREATE)
    if request.method == "POST":
        request.session.pop(DRAFT, None)
    return _go("start")


@form_page
def explore(request: Request, screen: str) -> HttpResponse:
    """One exploration question. POST keeps the answer in the draft and goes to the next one."""
    peer = access.get_peer_for(request.user, request.user.pk, Action.CREATE)
    current = SCREENS.get(screen)
    if current is None:
        raise Http404("No such question.")
    draft = _draft(request)
    if current.kind == "not-yet":
        return _not_yet(request, peer, draft)
    # Bound on every POST, even an empty one: skipping both rulers is an answer too.
    data = request.POST if request.method == "POST" else None
    form: AnswerForm | AreaForm | ReadinessForm
    if current.kind == "area":
        form = AreaForm(data)
    elif current.kind == "readiness":
        initial = {k: draft.get(k) for k in ("importance", "confidence")}
        form = ReadinessForm(data, initial=initial)
    else:
        initial_answer = draft.get(current.key, "")
        if current.slug == "goal" and not initial_answer:
            # Start from what they already said; it is their words, to change as they like.
            initial_answer = draft.get("picture") or draft.get("dream") or ""
        form = AnswerForm(
            data,
            label=current.title,
            required=current.required,
            initial={"answer": initial_answer},
        )
    if request.method == "GET":
        typed_text.restore(request, form)
    if request.method == "POST":
        if current.unsure and request.POST.get("unsure"):
            if current.kind == "text" and isinstance(form, AnswerForm):
                # Whatever they typed is kept for when they come back, and with the goal.
                typed = request.POST.get("answer", "")[:1000]
                draft[current.key] = typed
                _keep_answer(draft, current.slug, typed)
            draft.update(hesitant=True, vague=False, unsure_from=current.slug)
            _save_draft(request, draft)
            return _go("small-start")
        if form.is_valid():
            return _answered(request, peer, current, form.cleaned_data, draft)
    context = {
        "screen": current,
        "form": form,
        "draft": draft,
        "back": previous_screen(current.slug, draft),
        "areas": LifeArea.choices,
    }
    return render(
        request, "goals/explore.html", context, status=400 if request.method == "POST" else 200
    )


def _answered(
    request: Request, peer: Any, screen: Screen, data: dict[str, Any], draft: dict[str, Any]
) -> HttpResponse:
    if screen.kind == "area":
        draft["life_area"] = data["life_area"]
        _save_draft(request, draft)
        return _go("why")
    if screen.kind == "readiness":
        draft.update(importance=data["importance"], confidence=data["confidence"])
        _save_draft(request, draft)
        ratings = [r for r in (data["importance"], data["confidence"]) if r is not None]
        if ratings and min(ratings) <= LOW_READINESS:
            return _go("not-yet")
        return _create(request, peer, draft, ready=True)
    draft[screen.key] = data["answer"].strip()
    _keep_answer(draft, screen.slug, draft[screen.key])
    if screen.slug == "start":
        draft.update(hesitant=False)
    _save_draft(request, draft)
    if screen.slug in ("goal", "small-start"):
        draft["vague"] = screen.slug == "goal" and is_vague(draft["own_words"])
        draft["hesitant"] = screen.slug == "small-start"
        _save_draft(request, draft)
        return _go("looks-like" if draft["vague"] else "area")
    following = {
        "start": "picture",
        "picture": "goal",
        "looks-like": "area",
        "why": "strengths",
        "strengths": "ready",
    }
    return _go(following[screen.slug])


def _not_yet(request: Request, peer: Any, draft: dict[str, Any]) -> HttpResponse:
    """A low rating: keep it as an idea, start smaller, or start anyway. The peer decides."""
    if request.method == "POST":
        choice = request.POST.get("choice")
        if choice == "idea":
            return _create(request, peer, draft, ready=False)
        if choice in ("smaller", "start"):
            return _create(request, peer, draft, ready=True, smaller=choice == "smaller")
    context = {"screen": SCREENS["not-yet"], "draft": draft, "back": "ready"}
    return render(
        request, "goals/explore.html", context, status=400 if request.method == "POST" else 200
    )


def _create(
    request: Request, peer: Any, draft: dict[str, Any], *, ready: bool, smaller: bool = False
) -> HttpResponse:
    gap = _first_gap(draft)
    if gap is not None:
        messages.info(request, _("One more answer is needed before your goal can be saved."))
        return _go(gap)
    form = ReadinessForm()  # only a place for a refusal's message
    goal, _status = attempt(
        form,
        lambda: actions.create_goal(
            peer,
            by=request.user,
            own_words=str(draft.get("own_words", "")),
            looks_like=str(draft.get("looks_like", "")),
            exploration=exploration_answers(draft),
            life_area=draft["life_area"],
            why_it_matters=str(draft.get("why_it_matters", "")),
            strengths=str(draft.get("strengths", "")),
            importance=draft.get("importance"),
            confidence=draft.get("confidence"),
            ready=ready,
        ),
    )
    if goal is None:
        for error in form.non_field_errors():
            messages.error(request, str(error))
        return _go("goal")
    request.session.pop(DRAFT, None)
    if not ready:
        messages.success(
            request, _("Kept as an idea for now. It's here when you feel ready. No rush.")
        )
        return redirect("goals:detail", goal_id=goal.pk)
    messages.success(request, _("Your goal is saved. It's yours!"))
    url = reverse("goals:smart", args=[goal.pk])
    return redirect(url + "?smaller=1" if smaller else url)


# Make it SMART --------------------------------------------------------------------------------


def _smart_context(
    goal: Goal, form: SmartForm, smaller: bool, conflict: bool = False
) -> dict[str, Any]:
    wording = str(form["smart_wording"].value() or "")
    tips = coaching.tips(
        wording,
        context=coaching.goal_context(goal, for_step=False),
        goal=goal,
        offer="smart_wording",
    )
    return {"goal": goal, "form": form, "smaller": smaller, "tips": tips, "conflict": conflict}


@form_page
def smart(request: Request, goal_id: int) -> HttpResponse:
    """Shape the goal into clear wording beside the peer's own words, with the coach's tips."""
    goal = access.get_goal_for(request.user, goal_id, Action.CHANGE)
    smaller = request.GET.get("smaller") == "1" or request.POST.get("smaller") == "1"
    if request.method == "GET":
        start = goal.smart_wording or goal.looks_like or goal.own_words
        form = SmartForm(initial={"version": goal.version, "smart_wording": start})
        typed_text.restore(request, form)
        return render(request, "goals/smart.html", _smart_context(goal, form, smaller))
    data = request.POST.copy()
    if "use" in data:
        # The peer picked one of the coach's wordings (without JavaScript): show it, unsaved.
        # Anything that isn't a wording leaves what they typed as it was.
        data["smart_wording"] = ChosenWordingForm.chosen(data) or data.get("smart_wording", "")
        form = SmartForm(data)
        return render(request, "goals/smart.html", _smart_context(goal, form, smaller))
    form = SmartForm(data)
    status = 400
    if form.is_valid():
        version = form.cleaned_data["version"]
        wording = form.cleaned_data["smart_wording"]
        if not goal_moves(goal, request.user).edit:
            # Anyone but the peer suggests the wording; the peer answers it on their pages.
            suggested, status = attempt(
                form,
                lambda: actions.suggest_change(
                    goal, by=request.user, version=version, smart_wording=wording
                ),
            )
            if suggested is not None:
                messages.success(
                    request,
                    _("Your suggestion is saved. Nothing changes until %(name)s says yes.")
                    % {"name": goal.peer.display_name},
                )
                return redirect("goals:detail", goal_id=goal.pk)
            changed = None
        else:
            changed, status = attempt(
                form,
                lambda: actions.change_goal(
                    goal,
                    by=request.user,
                    version=version,
                    reason=_("Made it SMART"),
                    smart_wording=wording,
                ),
            )
        if changed is not None:
            messages.success(request, _("Saved. Now let's break it into small steps."))
            return redirect("goals:breakdown", goal_id=goal.pk)
        if status == 409:
            goal.refresh_from_db()
            data["version"] = str(goal.version)
    context = _smart_context(goal, form, smaller, conflict=status == 409)
    return render(request, "goals/smart.html", context, status=status)


WORDING_LABELS = {
    "smart_wording": SmartForm.base_fields["smart_wording"],
    "wording": StepForm.base_fields["wording"],
}


@login_required
@require_POST
@never_cache
def use_wording(request: Request) -> HttpResponse:
    """Put a wording the peer chose from the coach's ideas into the field (htmx fragment)."""
    form = UseWordingForm(request.POST)
    if not form.is_valid():
        return HttpResponse(status=204)
    name = form.cleaned_data["field"]
    field = WORDING_LABELS[name]
    context = {
        "name": name,
        "label": field.label,
        "help_text": field.help_text,
        "value": form.cleaned_data["use"],
        "coach_goal": request.POST.get("coach_goal", ""),
        "refresh": True,
    }
    return render(request, "goals/_wording_field.html", context)


# Break it down ------------------------------------------------------------------------------


def _breakdown_context(goal: Goal, request: Request, **extra: Any) -> dict[str, Any]:
    wording_form = extra.get("wording_form")
    tips = {}
    if wording_form is not None and wording_form.is_bound:
        wording = str(wording_form["wording"].value() or "")
        tips = coaching.tips(
            wording, context=coaching.goal_context(goal), goal=goal, offer="wording"
        )
    return {
        "goal": goal,
        "steps": plans.steps_being_planned(goal),
        "is_peer": request.user.pk == goal.peer_id,
        "goal_moves": goal_moves(goal, request.user),
        "tips": tips,
        **extra,
    }


@form_page
def breakdown(request: Request, goal_id: int) -> HttpResponse:
    """Break the goal into short-term steps: say the step, then check the details the coach
    read from it (how much, how often, by when), all editable."""
    goal = access.get_goal_for(request.user, goal_id, Action.CREATE)
    if request.method == "GET" or not goal.is_open:
        details = StepForm()
        if request.method == "GET" and typed_text.restore(request, details):
            # Typed before signing in again: the step's details to check, from the wording on.
            context = _breakdown_context(goal, request, details_form=details)
        else:
            context = _breakdown_context(goal, request, wording_form=StepWordingForm())
        return render(request, "goals/breakdown.html", context)
    data = request.POST.copy()
    if "use" in data:
        data["wording"] = ChosenWordingForm.chosen(data) or data.get("wording", "")
        context = _breakdown_context(goal, request, wording_form=StepWordingForm(data))
        return render(request, "goals/breakdown.html", context)
    if data.get("stage") != "details":
        wording_form = StepWordingForm(data)
        if not wording_form.is_valid():
            context = _breakdown_context(goal, request, wording_form=wording_form)
            return render(request, "goals/breakdown.html", context, status=400)
        wording = wording_form.cleaned_data["wording"]
        today = timezone.localdate()
        reading = coaching.read(wording, context=coaching.goal_context(goal), today=today)
        details = StepForm(initial={"wording": wording, **step_details(reading, today)})
        context = _breakdown_context(goal, request, details_form=details)
        return render(request, "goals/breakdown.html", context)
    details = StepForm(data)
    if details.is_valid() and save_step(
        request, goal, details, _("Step added. Add another one, or finish.")
    ):
        return redirect("goals:breakdown", goal_id=goal.pk)
    context = _breakdown_context(goal, request, details_form=details)
    return render(request, "goals/breakdown.html", context, status=400)
