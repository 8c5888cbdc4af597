"""How a peer's goals went against what they expected (Goal Attainment Scaling), in words
first and the T-score second, for the peer's own pages and their specialist's view of them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peergoals.goals.models import OPEN_STATUSES, Goal, Review, Status
from peergoals.outcomes import gas
from peergoals.people.models import User

# Goals whose levels count: the ones the peer works on, paused, or reached.
SCORED_STATUSES = (*OPEN_STATUSES, Status.COMPLETED)


@dataclass(frozen=True)
class Attainment:
    """The latest level of each of a peer's goals with a scale, and their T-score."""

    levels: list[int]
    t_score: float | None
    comparison: gas.Comparison
    # The peer's name when the words are about them (staff pages); None when said to them.
    about: str | None = None

    @property
    def t_score_text(self) -> str:
        return f"{gas.rounded(self.t_score):.2f}" if self.t_score is not None else ""

    @property
    def sentences(self) -> list[str]:
        """What the levels say, to the peer ("you did better than you expected on 2 of 3
        goals") or about them (`about`) to the people who support them."""
        about = self.about
        total = self.comparison.total
        said = []
        for count, to_peer, about_peer in (
            (
                self.comparison.better,
                ngettext(
                    "You did better than you expected on %(count)s of %(total)s goal.",
                    "You did better than you expected on %(count)s of %(total)s goals.",
                    total,
                ),
                ngettext(
                    "%(name)s did better than they expected on %(count)s of %(total)s goal.",
                    "%(name)s did better than they expected on %(count)s of %(total)s goals.",
                    total,
                ),
            ),
            (
                self.comparison.as_expected,
                ngettext(
                    "It went as you expected on %(count)s of %(total)s goal.",
                    "It went as you expected on %(count)s of %(total)s goals.",
                    total,
                ),
                ngettext(
                    "It went as %(name)s expected on %(count)s of %(total)s goal.",
                    "It went as %(name)s expected on %(count)s of %(total)s goals.",
                    total,
                ),
            ),
            (
                self.comparison.less,
                ngettext(
                    "It went less well than you expected on %(count)s of %(total)s goal: "
                    "worth a look together, never a failure.",
                    "It went less well than you expected on %(count)s of %(total)s goals: "
                    "worth a look together, never a failure.",
                    total,
                ),
                ngettext(
                    "It went less well than %(name)s expected on %(count)s of %(total)s goal.",
                    "It went less well than %(name)s expected on %(count)s of %(total)s goals.",
                    total,
                ),
            ),
        ):
            if count:
                words = to_peer if about is None else about_peer
                said.append(words % {"count": count, "total": total, "name": about or ""})
        return said

    @property
    def t_score_sentence(self) -> str:
        if self.about is not None:
            return _(
                "Goal Attainment Scaling T-score: %(score)s (50 means as expected, more is better)."
            ) % {"score": self.t_score_text}
        return _(
            "Your score across these goals is %(score)s (50 means as expected, more is better)."
        ) % {"score": self.t_score_text}


def attainment_of(peer: User, *, about: bool = False) -> Attainment | None:
    """The latest GAS level of each of `peer`'s goals that has a scale and was rated at a
    review, and their T-score; None when no goal has one yet. With `about`, worded about the
    peer for the people who support them. One query."""
    latest = (
        Review.objects.filter(goal_id=OuterRef("pk"), attainment__isnull=False)
        .order_by("-held_on", "-created_at")
        .values("attainment")[:1]
    )
    goals = (
        Goal.objects.filter(peer=peer, status__in=SCORED_STATUSES)
        .exclude(scale_expected="")
        .annotate(latest=Subquery(latest))
        .filter(latest__isnull=False)
        .values_list("latest", "scale_importance", "scale_difficulty")
    )
    scored = [
        gas.Scored(level, gas.weight(importance, difficulty))
        for level, importance, difficulty in goals
    ]
    if not scored:
        return None
    levels = [goal.level for goal in scored]
    return Attainment(
        levels=levels,
        t_score=gas.t_score(scored),
        comparison=gas.compare(levels),
        about=peer.display_name if about else None,
    )
