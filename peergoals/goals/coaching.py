"""The web app's one call to the SMART coach: guarded, typed, and in the person's language.

The coach is a help, not a gate: when it fails, the failure is logged and `read` answers None,
so a page goes on without tips and nobody is ever stopped from writing a goal. What the coach
says comes back as message keys; `say` turns them into text with Django's catalogue, in the
language the coach read the words in (the person's own, or the one it found in the words).
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from peergoals.coach import Judgement, judge, messages, target_too_large
from peergoals.coach.messages import Message, render
from peergoals.goals.models import Goal
from peergoals.goals.suggestions import area_examples

logger = logging.getLogger(__name__)

# What each criterion means, in the words a peer sees.
CRITERIA = {
    "specific": gettext_lazy("A clear action"),
    "measurable": gettext_lazy("Easy to count or check off"),
    "achievable": gettext_lazy("Doable in the time"),
    "time_bound": gettext_lazy("Has a when"),
    "relevant": gettext_lazy("Fits what matters to you"),
}


def read(
    statement: str, *, context: str | None = None, today: datetime.date | None = None
) -> Judgement | None:
    """The coach's reading of `statement` for the person of this request (their language), or
    None when the coach failed (logged)."""
    language = translation.get_language() or ""
    try:
        return judge(
            statement,
            context=context,
            today=today or timezone.localdate(),
            language=language.split("-")[0] or None,
        )
    except Exception:
        # Tips are a help, not a gate: a coach problem must never stop someone writing a goal.
        logger.exception("The coach could not judge a statement")
        return None


def say(message: Message, judgement: Judgement) -> str:
    """The text of one thing the coach said, in the language of its reading."""
    with translation.override(judgement.language):
        return render(message, gettext)


def target_warning(
    quantity: float, unit: str, per: str, *, wording: str, due: datetime.date | None
) -> str | None:
    """What the coach says about a step's typed target when it is too big for its time, in the
    person's language; None when it fits (or the coach failed, logged)."""
    try:
        too_large = target_too_large(
            quantity, unit, per or None, wording=wording, due=due, today=timezone.localdate()
        )
    except Exception:
        logger.exception("The coach could not judge a step's target")
        return None
    if not too_large:
        return None
    return render(Message(messages.SUGGEST_TOO_LARGE), gettext)


def goal_context(goal: Goal | None, *, for_step: bool = True) -> str | None:
    """What a wording should serve: for a step, the goal; for the goal's clear wording, the
    peer's own words."""
    if goal is None:
        return None
    if for_step:
        return goal.smart_wording or goal.own_words
    return goal.own_words


def suggested_wordings(
    statement: str, judgement: Judgement, life_area: str, today: datetime.date
) -> list[str]:
    """Clear wordings the peer may choose to use, built on their words where that works.

    A clear action with no "when" gets "this week" added, if the coach then finds it clear,
    countable and timed. A wish with no clear action gets the life area's example. Nothing
    here changes what the peer wrote: a wording is only used when the peer presses its button.
    """
    wordings: list[str] = []
    statement = statement.strip()
    if not statement or not judgement.can_judge:
        return wordings
    criteria = judgement.criteria
    if criteria.specific.met and criteria.time_bound.met is False:
        # "this week" in the language the coach answered in, which is the peer's words' own.
        with translation.override(judgement.language):
            this_week = gettext("this week")
        candidate = f"{statement.rstrip(' .!')} {this_week}."
        reading = read(candidate, today=today)
        if reading is not None and reading.is_smart:
            wordings.append(candidate)
    if criteria.specific.met is False:
        example = area_examples().get(life_area)
        if example and example != statement:
            wordings.append(example)
    return wordings


def tips(
    statement: str, *, context: str | None, goal: Goal | None = None, offer: str = ""
) -> dict[str, Any]:
    """The coach's tips on `statement` for the `_coach.html` fragment; `offer` names the
    field ("smart_wording" or "wording") whose wording ideas may be put in with one tap."""
    statement = statement.strip()
    if not statement:
        return {}
    today = timezone.localdate()
    judgement = read(statement, context=context, today=today)
    if judgement is None:
        return {}
    wordings = []
    if offer in ("smart_wording", "wording"):
        life_area = goal.life_area if goal else ""
        wordings = suggested_wordings(statement, judgement, life_area, today)
    criteria = [
        (label, {"met": criterion.met, "why": say(criterion.why, judgement)})
        for name, label in CRITERIA.items()
        for criterion in (getattr(judgement.criteria, name),)
    ]
    # When the coach can't tell how a step serves the goal, it asks: shown even on a SMART step,
    # since only the peer can answer it.
    ask = messages.SUGGEST_RELEVANT_ASK
    question = [say(m, judgement) for m in judgement.suggestions if m.key == ask]
    return {
        "criteria": criteria,
        "question": question[0] if question else "",
        "suggestions": [say(m, judgement) for m in judgement.suggestions if m.key != ask],
        "is_smart": judgement.is_smart and judgement.can_judge,
        "wordings": wordings,
        "offer": offer,
    }
