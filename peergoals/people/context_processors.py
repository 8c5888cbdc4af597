"""What every page needs to offer the language choice."""

from __future__ import annotations

from django.http import HttpRequest

from peergoals.people.middleware import OFFER_LANGUAGE
from peergoals.people.models import Language


def language_choice(request: HttpRequest) -> dict[str, object]:
    """The languages to choose from, and whether this page asks a newly signed-in person.

    The question is asked once, on the first page after sign-in; the footer offers the choice
    on every page.
    """
    session = getattr(request, "session", None)
    offer = bool(session.pop(OFFER_LANGUAGE, False)) if session is not None else False
    return {"language_choices": Language.choices, "offer_language": offer}
