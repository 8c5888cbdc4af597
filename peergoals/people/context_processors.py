"""What every page needs to offer the language choice."""

from __future__ import annotations

from django.http import HttpRequest

from peergoals.people.models import Language

# The pages each person lands on after signing in (see people.views.home).
HOME_PAGES = {"goals:today", "people:caseload", "people:team"}


def language_choice(request: HttpRequest) -> dict[str, object]:
    """The languages to choose from, and whether this page asks which one the person wants.

    Someone who has never chosen is asked on the page they land on after signing in, until
    they answer; the footer offers the choice on every page.
    """
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    offer = bool(
        user is not None
        and user.is_authenticated
        and not user.language
        and match is not None
        and match.view_name in HOME_PAGES
    )
    return {"language_choices": Language.choices, "offer_language": offer}
