"""What a person typed into a form when their session had already ended, kept for them.

A peer writes a long review, the 30 idle minutes run out, they press Save: without this the
sign-in page would open and their words would be gone. Instead a form page marked with
`@keeps_typed_text` keeps the fields of an unauthenticated POST (never a password, a code or the
CSRF token) in this browser's server-side session, with the page to come back to, for an hour,
and sends the person to sign in. After signing in (the staff's 6-digit code included) they land
on that page, and `restore` puts their words back as the form's initial values, to check and
save: nothing is saved for them.

Whose words they are: nobody is signed in when they arrive, so the browser carries a
fingerprint of the person last signed in here (an HMAC of their id, never the id itself), set
on their pages and deleted when they sign out. The kept text goes with that fingerprint and is
given back only to the same person: someone else signing in on this browser drops it. It is
also dropped at sign-out, once shown, and an hour after it was typed. A form sent without the
fingerprint (nobody signed in here lately, or they signed out) is not kept.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from peergoals.people.middleware import Middleware, current_page

KEPT = "peergoals_typed_text"
FINGERPRINT_COOKIE = "peergoals_signed_in_here"
# Long enough for a session that ran its 12 hours and a form sent the next morning.
FINGERPRINT_AGE = 24 * 60 * 60
KEEP_FOR = 60 * 60
# Never kept, whatever the form: secrets and the request's own bookkeeping.
NEVER_KEPT = ("csrfmiddlewaretoken", "password", "code", "token", "next")
# Enough for any of our forms; a bigger POST is no one's typing, and the session stays small.
MOST_FIELDS = 60
LONGEST_VALUE = 5000

View = Callable[..., HttpResponse]
PageOf = Callable[[HttpRequest], str | None]


def fingerprint(person_id: Any) -> str:
    """Who is signed in, in a form that says nothing to anyone without the server's secret."""
    return salted_hmac("peergoals.typed_text", str(person_id)).hexdigest()


def _kept_fields(request: HttpRequest) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for name, values in request.POST.lists():
        if len(fields) >= MOST_FIELDS:
            break
        if any(secret in name.lower() for secret in NEVER_KEPT):
            continue
        fields[name[:200]] = [value[:LONGEST_VALUE] for value in values[:20]]
    return fields


def keep(request: HttpRequest, page: str) -> bool:
    """Keep this unauthenticated POST's fields for `page`, if someone signed in here lately."""
    person = request.COOKIES.get(FINGERPRINT_COOKIE, "")
    if not person:
        return False
    request.session[KEPT] = {
        "page": page,
        "person": person,
        "at": time.time(),
        "fields": _kept_fields(request),
    }
    # The session of a signed-out browser: it holds only these words, for as long as they keep.
    request.session.set_expiry(KEEP_FOR)
    return True


def keeps_typed_text(view: View | None = None, *, page: PageOf | None = None) -> Any:
    """Keep what was typed into this form page when the session has ended (see the module).

    Goes above `@login_required`. `page` says which page the words belong on, when it is not
    the URL posted to (the coach's tips are posted from the form they belong to); None there
    means nothing to keep.
    """

    def decorate(inner: View) -> View:
        @functools.wraps(inner)
        def kept(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method != "POST" or request.user.is_authenticated:
                return inner(request, *args, **kwargs)
            target = page(request) if page is not None else request.path
            if target is None or not keep(request, target):
                return inner(request, *args, **kwargs)
            messages.info(
                request,
                _(
                    "You had been logged out, so this isn't saved yet. Log in again and "
                    "you'll find what you typed, to check and save."
                ),
            )
            to_sign_in = redirect_to_login(target)
            if request.headers.get("HX-Request") == "true":
                # The whole page goes to sign in, and comes back to the page of the words.
                return HttpResponseClientRedirect(to_sign_in["Location"])
            return to_sign_in

        return kept

    return decorate(view) if view is not None else decorate


def posted_from(request: HttpRequest) -> str | None:
    """The page an htmx request was sent from: the coach's tips carry the fields of the form
    being typed into, so those words belong on that page."""
    return current_page(request)


def kept_for(request: HttpRequest) -> dict[str, list[str]] | None:
    """The words kept for this page and this person, taken out of the session (shown once)."""
    kept = request.session.get(KEPT)
    if not kept or urlsplit(kept.get("page", "")).path != request.path:
        return None
    if not request.user.is_authenticated:
        return None
    del request.session[KEPT]
    if not constant_time_compare(kept.get("person", ""), fingerprint(request.user.pk)):
        return None
    if time.time() - kept.get("at", 0) > KEEP_FOR:
        return None
    fields: dict[str, list[str]] = kept.get("fields", {})
    return fields


def restore(
    request: HttpRequest,
    form: forms.Form,
    *,
    said: Callable[[dict[str, Any]], str] | None = None,
) -> bool:
    """Put the words kept for this page back into `form` (unbound) as its initial values, and
    say so: "We kept what you typed", or what `said` makes of them. Whether there were any."""
    fields = kept_for(request)
    if fields is None:
        return False
    initial: dict[str, Any] = {}
    for name, field in form.fields.items():
        values = fields.get(form.add_prefix(name))
        if values is None:
            # A box left unticked is sent as nothing: it was unticked, not forgotten.
            if isinstance(field, forms.BooleanField):
                initial[name] = False
            continue
        multiple = isinstance(field, forms.MultipleChoiceField)
        initial[name] = values if multiple else values[-1]
    form.initial.update(initial)
    default = _("We kept what you typed. Check it and save.")
    messages.info(request, said(initial) if said else default)
    return True


@receiver(user_logged_in, dispatch_uid="peergoals_typed_text_for_whom")
def keep_only_for_the_same_person(
    sender: object, request: HttpRequest | None, user: Any, **kwargs: object
) -> None:
    """At sign-in: words typed by someone else on this browser are dropped, and the session
    goes back to the usual idle limit (the signed-out one lasted as long as the words keep)."""
    if request is None or not hasattr(request, "session"):
        return
    request.session.set_expiry(None)
    kept = request.session.get(KEPT)
    if kept and not constant_time_compare(kept.get("person", ""), fingerprint(user.pk)):
        del request.session[KEPT]


class SignedInHereMiddleware(Middleware):
    """Give the browser of a signed-in person the fingerprint `keep` needs; take it away when
    they sign out, so a form left open after that is nobody's to keep."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and match.view_name in ("logout", "admin:logout"):
            response.delete_cookie(FINGERPRINT_COOKIE, samesite="Lax")
            return response
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        person = fingerprint(user.pk)
        if request.COOKIES.get(FINGERPRINT_COOKIE) != person:
            response.set_cookie(
                FINGERPRINT_COOKIE,
                person,
                max_age=FINGERPRINT_AGE,
                secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
