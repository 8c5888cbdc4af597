"""Who may stay signed in, and what a signed-in person's browser may keep.

Order in settings.MIDDLEWARE matters: SessionLimitsMiddleware runs after Django's
AuthenticationMiddleware, TwoFactorRequiredMiddleware after django-otp's OTPMiddleware, and
HtmxWholePageRedirectMiddleware before both, so it sees the redirects they and the views make.
"""

from __future__ import annotations

import datetime
import ipaddress
from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.dispatch import receiver
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect
from django_ratelimit.core import is_ratelimited

from peergoals.people.two_factor import (
    has_confirmed_device,
    is_verified,
    may_set_up_with_password_alone,
    requires_two_factor,
)

SIGNED_IN_AT = "peergoals_signed_in_at"

Handler = Callable[[HttpRequest], HttpResponse]


class Middleware:
    """Django's middleware convention, once: it holds what answers the request after it, and
    passes the request on unless a subclass does more (or acts in `process_view` only)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)


@receiver(user_logged_in, dispatch_uid="peergoals_stamp_sign_in_time")
def stamp_sign_in_time(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """Remember when this session signed in, for the absolute session limit."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = timezone.now().timestamp()


class PersonLanguageMiddleware(Middleware):
    """Speak the language a signed-in person chose, whatever their browser asks for.

    Django's LocaleMiddleware, earlier in the chain, has already picked the language cookie's or
    the browser's; a person who has chosen on their profile gets theirs on every device.
    """

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = getattr(request.user, "language", "")
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


def client_ip(request: HttpRequest) -> str | None:
    """The browser's address, for the sign-in lockout and the audit log; None if it is not one.

    Behind TRUSTED_PROXY_COUNT reverse proxies, the address the nearest trusted proxy saw is the
    one that many places from the right of X-Forwarded-For; anything further left was written by
    the browser and could be forged to dodge the lockout.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    candidate = forwarded[-proxies] if proxies and len(forwarded) >= proxies else ""
    for address in (candidate, request.META.get("REMOTE_ADDR", "")):
        try:
            return str(ipaddress.ip_address(address))
        except ValueError:
            continue
    return None


# Session keys: when the session was last moved forward, and how often it is, in seconds.
LAST_SEEN = "peergoals_last_seen"
KEEP_ALIVE_EVERY = 60


class SessionLimitsMiddleware(Middleware):
    """End a session 12 hours after sign-in, and at once when the person was deactivated.

    The 30-minute idle limit is the session's expiry date, which the session store enforces on
    the server. Saving the session moves it forward; doing that at most once a minute, rather
    than on every request, spares each page a database write (with SQLite, a disk flush) while
    keeping the limit within a minute of 30.
    """

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            signed_in_at = request.session.get(SIGNED_IN_AT)
            limit = settings.SESSION_ABSOLUTE_LIMIT
            now = timezone.now()
            if signed_in_at is None or now - _from_timestamp(signed_in_at) > limit:
                logout(request)
            elif now.timestamp() - request.session.get(LAST_SEEN, 0) >= KEEP_ALIVE_EVERY:
                request.session[LAST_SEEN] = now.timestamp()
        elif SESSION_KEY in request.session:
            # Signed in, but the account is gone or deactivated: Django already treats the
            # request as anonymous; delete the session on the server too.
            request.session.flush()
        return self.get_response(request)


def _from_timestamp(value: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)


class TwoFactorRequiredMiddleware(Middleware):
    """Until a person who needs two-step sign-in has entered a code, show only those pages.

    Staff (specialists, supervisors, program admins, Django staff) always need it; a peer needs
    it once they have turned it on. Everything else, peer data and the admin included, sends
    them to set-up (no confirmed device yet) or to the code page. The set-up page itself is
    closed to a staff account that has signed in before and was not reset since
    (`may_set_up_with_password_alone`).
    """

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or is_verified(user):
            return self.get_response(request)
        if request.path_info.startswith(reverse("people:two_factor_enroll")) and not (
            may_set_up_with_password_alone(user)
        ):
            return render(request, "people/two_factor_needs_reset.html", status=403)
        if not _is_open_while_unverified(request.path_info) and requires_two_factor(user):
            if not has_confirmed_device(user):
                return redirect("people:two_factor_enroll")
            target = reverse("people:two_factor_verify")
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(target)
        response = self.get_response(request)
        if is_verified(user):
            # The code was accepted: the session may now open peer data. A new key, as at
            # sign-in, so a key someone planted or saw before the code is worth nothing.
            request.session.cycle_key()
        return response


def _is_open_while_unverified(path: str) -> bool:
    open_paths = (
        # Help in a crisis never waits for a code.
        reverse("people:help"),
        reverse("people:two_factor_enroll"),
        reverse("people:two_factor_verify"),
        reverse("logout"),
        # Choosing a language on the code page saves it; it opens nothing else.
        reverse("people:language"),
        "/" + settings.STATIC_URL.lstrip("/"),
        # The installable app's manifest and service worker read no record, like static files.
        reverse("manifest"),
        reverse("service_worker"),
    )
    return path.startswith(open_paths)


class NoStoreForSignedInMiddleware(Middleware):
    """Tell browsers and proxies to keep no copy of any page shown to a signed-in person.

    Every such page may hold health information; a shared computer's back button or disk cache
    must not show it to the next person.
    """

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated or SESSION_KEY in request.session:
            add_never_cache_headers(response)
        return response


class HtmxWholePageRedirectMiddleware(Middleware):
    """Make a redirect answering an htmx request move the whole page, not fill a part of it.

    htmx follows a redirect itself and would swap what it finds, the sign-in page say, into a
    step card or the coach's tips. A session that ended (30 idle minutes) or a code still to
    type sends the person to a whole page instead; the page they return to afterwards is the
    one they were on, not the fragment's URL, which may only answer a POST.
    """

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        is_redirect = 300 <= response.status_code < 400 and response.has_header("Location")
        if request.headers.get("HX-Request") != "true" or not is_redirect:
            return response
        target = urlsplit(response["Location"])
        query = QueryDict(target.query, mutable=True)
        page = current_page(request)
        if "next" in query and page is not None:
            query["next"] = page
        return HttpResponseClientRedirect(target._replace(query=query.urlencode(safe="/")).geturl())


def current_page(request: HttpRequest) -> str | None:
    """The path of the page an htmx request came from, when it is one of this site's."""
    current = request.headers.get("HX-Current-URL", "")
    if not url_has_allowed_host_and_scheme(
        current, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(current)
    return parts.path + (f"?{parts.query}" if parts.query else "")


# Years a date filter may name: a day after the last one must still be a date, also after
# moving to UTC, and a year 0 is none.
FILTER_YEARS = range(2, 9999)
DATE_PART_RANGES = {"year": FILTER_YEARS, "month": range(1, 13), "day": range(1, 32)}


class AdminDateFiltersMiddleware(Middleware):
    """Drop a date filter of an admin list that no date can satisfy, and say so.

    The admin's date drill-down and date filters hand the query string to datetime() and the
    database: a year of 99999999999999999 or 9999 (its "next year" is 10000) raised instead of
    answering. Every admin list is covered here, whatever its model, before its view runs.
    """

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        model_admin = getattr(view_func, "model_admin", None)
        if model_admin is None or not request.GET:
            return None
        refused = [
            (key, value)
            for key, values in request.GET.lists()
            for value in values
            if _is_impossible_date_filter(model_admin.model, key, value)
        ]
        if not refused:
            return None
        for key, value in refused:
            messages.warning(
                request,
                _("“%(value)s” is not a date this list can show (%(filter)s); it was removed.")
                % {"value": value[:40], "filter": key[:60]},
            )
        kept = request.GET.copy()
        for key, _value in refused:
            kept.pop(key, None)
        return HttpResponseRedirect(request.path + (f"?{kept.urlencode()}" if kept else ""))


def _is_impossible_date_filter(model: type[models.Model], key: str, value: str) -> bool:
    *names, last = key.split("__")
    part = last if last in DATE_PART_RANGES or last in {"gte", "gt", "lte", "lt", "exact"} else ""
    field = _field_at(model, names if part else [*names, last])
    if not isinstance(field, models.DateField):  # DateTimeField is a DateField
        return False
    if part in DATE_PART_RANGES:
        number = value.strip()
        return not (number.isascii() and number.isdigit() and len(number) <= 5) or (
            int(number) not in DATE_PART_RANGES[part]
        )
    try:
        moment = parse_datetime(value) or parse_date(value)
    except ValueError:
        return True
    # Text that is no date at all the admin itself refuses, with its own message.
    return moment is not None and moment.year not in FILTER_YEARS


def _field_at(model: type[models.Model], names: list[str]) -> object:
    """The field a lookup path names (following relations), or None."""
    field: object = None
    for name in names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        related = getattr(field, "related_model", None)
        if related is not None:
            model = related
    return field


class RequestLimitsMiddleware(Middleware):
    """Keep any one person or address from tying up the server.

    Requests to the views named in settings.RATE_LIMITS (the coach, signing in, asking for a
    password link, the 6-digit code) are counted per person and per address (django-ratelimit,
    in the default cache); past the limit the answer is 429 with a plain page. The views in
    settings.SMALL_BODY_VIEWS (live htmx parts that read a few short fields) refuse a body over
    SMALL_BODY_LIMIT bytes before reading it; every other page has Django's
    DATA_UPLOAD_MAX_MEMORY_SIZE.
    """

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        match = request.resolver_match
        name = match.view_name if match else ""
        if name in settings.SMALL_BODY_VIEWS and _body_size(request) > settings.SMALL_BODY_LIMIT:
            return HttpResponse(
                _("That was too much to send at once."), status=413, content_type="text/plain"
            )
        limits = settings.RATE_LIMITS.get(name)
        if limits is None or request.method not in ("POST", "PUT", "PATCH"):
            return None
        for key, rate in limits.items():
            if is_ratelimited(
                request, group=f"{name}:{key}", key=RATE_KEYS[key], rate=rate, increment=True
            ):
                response = render(request, "people/rate_limited.html", status=429)
                response["Retry-After"] = "60"
                return response
        return None


def _body_size(request: HttpRequest) -> int:
    length = request.META.get("CONTENT_LENGTH") or "0"
    return int(length) if length.isascii() and length.isdigit() else 0


def _by_person(group: str, request: HttpRequest) -> str:
    """Who is asking: the person signed in, or the username typed at sign-in."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return "name:" + request.POST.get("username", request.POST.get("email", ""))[:200].lower()


def _by_address(group: str, request: HttpRequest) -> str:
    return f"address:{client_ip(request) or '-'}"


RATE_KEYS = {"person": _by_person, "address": _by_address}
