"""Does a step serve a long-term goal or stated values? Life-area lexicon plus shared words."""

from __future__ import annotations

from functools import lru_cache

from peergoals.coach import lexicon, text


def stem(word: str) -> str:
    """A rough stem, enough to match "applying"/"applied"/"apply" and "jobs"/"job"."""
    word = word.removesuffix("'s").removesuffix("'")
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + repl
            break
    return word.removesuffix("e") if len(word) > 4 else word


# "Clean" is about recovery after these words ("stay clean", "30 days clean"), else about a home.
_SOBER_BEFORE = frozenset(
    {
        "stay",
        "staying",
        "stayed",
        "get",
        "getting",
        "be",
        "being",
        "remain",
        "keep",
        "days",
        "day",
        "weeks",
        "months",
        "years",
        "time",
    }
)


def _areas(words: list[str]) -> frozenset[str]:
    found: frozenset[str] = frozenset()
    for index, word in enumerate(words):
        word = word.removesuffix("'s")
        if word == "clean":
            sober = index > 0 and words[index - 1] in _SOBER_BEFORE
            found = found | {"recovery" if sober else "housing"}
            continue
        areas = lexicon.WORD_AREAS.get(word)
        if areas is None:
            areas = lexicon.WORD_AREAS.get(stem(word))
        if areas:
            found = found | areas
    return found


def _content(words: list[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words if w not in lexicon.GENERIC_WORDS and len(w) > 2)


@lru_cache(maxsize=2048)
def _profile(phrase: str) -> tuple[frozenset[str], frozenset[str]]:
    found = text.words(text.normalize(text.clean(phrase)))
    return _areas(found), _content(found)


# Steps in these areas can help almost any goal (a walk, a prayer, a call to a friend): when the
# words don't show how, the peer is asked, never told "not yet".
_SUPPORTING = frozenset({"emotional", "spiritual", "social", "health", "recovery"})

SERVES, UNSURE, UNRELATED = "serves", "unsure", "unrelated"


def fit(step: str, long_term_goal: str) -> str:
    """How `step` fits `long_term_goal` (a goal or the peer's values): SERVES, UNSURE or UNRELATED.

    A step serves a goal when they share a topic word, share a life area ("update my resume"
    and "Find a job" are both about work), or the step's area feeds the goal's area (money
    steps serve housing goals, education steps serve work goals...). It is unrelated only when
    it is clearly somewhere else: leisure or shopping, or a chore or life area that doesn't feed
    the goal's area (repainting a bedroom for a job search). A step that can support anything
    (a walk, a prayer, a friend), or a goal the coach can't place, is the peer's call: UNSURE.
    """
    step_areas, step_words = _profile(step)
    goal_areas, goal_words = _profile(long_term_goal)
    if step_words & goal_words:
        return SERVES
    linked = frozenset().union(*(lexicon.AREA_LINKS.get(area, frozenset()) for area in goal_areas))
    if step_areas & (goal_areas | linked):
        return SERVES
    if "leisure" in step_areas:
        return UNRELATED
    if step_areas & _SUPPORTING or not goal_areas:
        return UNSURE
    # A step the coach can place elsewhere is unrelated. One it can't place (a porch, a pot of
    # tomatoes) is unrelated to a practical goal, and the peer's call for a wellbeing goal
    # (recovery, health, feeling calmer), which more things help than the coach can tell.
    if step_areas or not goal_areas & _SUPPORTING:
        return UNRELATED
    return UNSURE


def serves(step: str, long_term_goal: str) -> bool:
    """True when `step` plausibly moves `long_term_goal` forward (see `fit`)."""
    return fit(step, long_term_goal) == SERVES


def main_area(phrase: str) -> str | None:
    """The life area a phrase is most about, used to pick an example step."""
    words = text.words(phrase)
    counts: dict[str, int] = {}
    for index, word in enumerate(words):
        # The word before "clean" tells a home from a recovery ("stay clean").
        areas = _areas(words[max(index - 1, 0) : index + 1]) if word == "clean" else None
        for area in areas or lexicon.WORD_AREAS.get(word, frozenset()):
            counts[area] = counts.get(area, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda area: counts[area])
