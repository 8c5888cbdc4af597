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
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_htmx.http import HttpResponseClientRedirect

from peergoals.people.two_factor import has_confirmed_device, is_verified, requires_two_factor

SIGNED_IN_AT = "peergoals_signed_in_at"

Handler = Callable[[HttpRequest], HttpResponse]


@receiver(user_logged_in, dispatch_uid="peergoals_stamp_sign_in_time")
def stamp_sign_in_time(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """Remember when this session signed in, for the absolute session limit."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = timezone.now().timestamp()


class PersonLanguageMiddleware:
    """Speak the language a signed-in person chose, whatever their browser asks for.

    Django's LocaleMiddleware, earlier in the chain, has already picked the language cookie's or
    the browser's; a person who has chosen on their profile gets theirs on every device.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

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


class SessionLimitsMiddleware:
    """End a session 12 hours after sign-in, and at once when the person was deactivated.

    The 30-minute idle limit is the session's expiry date, which the session store enforces on
    the server. Saving the session moves it forward; doing that at most once a minute, rather
    than on every request, spares each page a database write (with SQLite, a disk flush) while
    keeping the limit within a minute of 30.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

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


class TwoFactorRequiredMiddleware:
    """Until a person who needs two-step sign-in has entered a code, show only those pages.

    Staff (specialists, supervisors, program admins, Django staff) always need it; a peer needs
    it once they have turned it on. Everything else, peer data and the admin included, sends
    them to set-up (no confirmed device yet) or to the code page.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not is_verified(user)
            and not _is_open_while_unverified(request.path_info)
            and requires_two_factor(user)
        ):
            if not has_confirmed_device(user):
                return redirect("people:two_factor_enroll")
            target = reverse("people:two_factor_verify")
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(target)
        return self.get_response(request)


def _is_open_while_unverified(path: str) -> bool:
    open_paths = (
        reverse("people:two_factor_enroll"),
        reverse("people:two_factor_verify"),
        reverse("logout"),
        # Choosing a language on the code page saves it; it opens nothing else.
        reverse("people:language"),
        "/" + settings.STATIC_URL.lstrip("/"),
    )
    return path.startswith(open_paths)


class NoStoreForSignedInMiddleware:
    """Tell browsers and proxies to keep no copy of any page shown to a signed-in person.

    Every such page may hold health information; a shared computer's back button or disk cache
    must not show it to the next person.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated or SESSION_KEY in request.session:
            add_never_cache_headers(response)
        return response


class HtmxWholePageRedirectMiddleware:
    """Make a redirect answering an htmx request move the whole page, not fill a part of it.

    htmx follows a redirect itself and would swap what it finds, the sign-in page say, into a
    step card or the coach's tips. A session that ended (30 idle minutes) or a code still to
    type sends the person to a whole page instead; the page they return to afterwards is the
    one they were on, not the fragment's URL, which may only answer a POST.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        is_redirect = 300 <= response.status_code < 400 and response.has_header("Location")
        if request.headers.get("HX-Request") != "true" or not is_redirect:
            return response
        target = urlsplit(response["Location"])
        query = QueryDict(target.query, mutable=True)
        page = _current_page(request)
        if "next" in query and page is not None:
            query["next"] = page
        return HttpResponseClientRedirect(target._replace(query=query.urlencode(safe="/")).geturl())


def _current_page(request: HttpRequest) -> str | None:
    """The path of the page an htmx request came from, when it is one of this site's."""
    current = request.headers.get("HX-Current-URL", "")
    if not url_has_allowed_host_and_scheme(
        current, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(current)
    return parts.path + (f"?{parts.query}" if parts.query else "")
