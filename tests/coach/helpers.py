"""What the coach says, as a person reads it."""

from __future__ import annotations

from peergoals.coach import Judgement


def said(judgement: Judgement) -> list[str]:
    """The suggestions of `judgement`, rendered as the person reads them."""
    return judgement.to_dict()["suggestions"]  # type: ignore[return-value]
