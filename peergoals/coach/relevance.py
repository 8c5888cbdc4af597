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


def _areas(words: list[str]) -> frozenset[str]:
    found: frozenset[str] = frozenset()
    for word in words:
        word = word.removesuffix("'s")
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


def serves(step: str, long_term_goal: str) -> bool:
    """True when `step` plausibly moves `long_term_goal` (a goal or the peer's values) forward.

    A step serves a goal when they share a topic word, share a life area ("update my resume"
    and "Find a job" are both about work), or the step's area feeds the goal's area (money
    steps serve housing goals, education steps serve work goals...).
    """
    step_areas, step_words = _profile(step)
    goal_areas, goal_words = _profile(long_term_goal)
    if step_words & goal_words:
        return True
    if step_areas & goal_areas:
        return True
    return any(step_areas & lexicon.AREA_LINKS.get(area, frozenset()) for area in goal_areas)


def main_area(phrase: str) -> str | None:
    """The life area a phrase is most about, used to pick an example step."""
    words = text.words(phrase)
    counts: dict[str, int] = {}
    for word in words:
        for area in lexicon.WORD_AREAS.get(word, ()):
            counts[area] = counts.get(area, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda area: counts[area])
