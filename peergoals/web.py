"""What every view module shares: the signed-in request, the safe "next" page, the peer-only
gate, and the page that says why the practice said no."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.middleware import HtmxDetails

from peergoals.errors import Conflict, NotAllowed
from peergoals.people import typed_text
from peergoals.people.models import User

P = ParamSpec("P")
Done = TypeVar("Done")
View = Callable[Concatenate["Request", P], HttpResponse]
# Any view, whatever it answers (a page, a download streamed)
AnyView = TypeVar("AnyView", bound=Callable[..., HttpResponseBase])


class Request(HttpRequest):
    """A request from someone signed in (every view using it is behind login_required)."""

    user: User
    htmx: HtmxDetails


def safe_next(request: HttpRequest, target: str) -> str | None:
    """`target` when it is a path on this site; None for anything else (a bare word, another
    host), so a crafted link can neither send someone away nor break the redirect."""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def refused(request: HttpRequest, message: str, back: str, status: int = 400) -> HttpResponse:
    """A page that says plainly why the practice said no, with a way back."""
    context = {"message": message, "back": back}
    return render(request, "goals/refused.html", context, status=status)


def attempt(form: Form, action: Callable[[], Done]) -> tuple[Done | None, int]:
    """Run an action; a refusal becomes an error at the top of the form, the typed text kept.

    Returns the action's result (None when refused) and the status code to answer with.
    """
    try:
        return action(), 200
    except Conflict as conflict:
        form.add_error(None, str(conflict))
        return None, 409
    except NotAllowed as refusal:
        form.add_error(None, str(refusal))
    except ValidationError as error:
        form.add_error(None, error.messages)
    return None, 400


def page(view: AnyView) -> AnyView:
    """A page to read: for someone signed in, GET only, never cached (it may show someone's
    plan or health, which no shared computer should keep)."""
    return login_required(require_GET(never_cache(view)))


def form_page(view: View[P]) -> View[P]:
    """A form page (GET shows it, POST saves it) for someone signed in, never cached; what was
    typed is kept when the session ended before saving (`typed_text`)."""
    inner = login_required(require_http_methods(["GET", "POST"])(never_cache(view)))
    kept: View[P] = typed_text.keeps_typed_text(inner)
    return kept


def peer_required(view: View[P]) -> View[P]:
    """Pages that are the peer's own: anyone else is sent to their own home page."""

    @functools.wraps(view)
    def gated(request: Request, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.user.is_peer:
            return redirect("home")
        return view(request, *args, **kwargs)

    return gated


def peer_page(view: View[P]) -> View[P]:
    """A page that is the peer's own (`page`, then `peer_required`)."""
    return page(peer_required(view))


def domain_errors(view: View[P]) -> View[P]:
    """A refusal a view does not show itself becomes the "didn't go through" page (400, or
    409 for a change made meanwhile) instead of a 500; `NotFound` is already a 404."""

    @functools.wraps(view)
    def mapped(request: Request, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except (NotAllowed, Conflict) as refusal:
            back = safe_next(request, request.POST.get("next", "")) or reverse("home")
            status = 409 if isinstance(refusal, Conflict) else 400
            return refused(request, str(refusal), back, status)

    return mapped
