"""The installable app: its web app manifest and its service worker, both at the site's root.

The service worker must be served from "/" to look after every page (a script under /static/
would only reach /static/), so a view answers it from the static file, with its own type and
no caching, and the browser checks for a new one on each visit. Neither reads any record.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

THEME_COLOUR = "#1f5f8b"  # --brand in peergoals.css


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    """What a phone needs to put PeerGoals on its home screen, in the person's language."""
    icons = [
        {"src": static(f"peergoals/icons/{name}.png"), "sizes": size, "type": "image/png"}
        | ({"purpose": "maskable"} if "maskable" in name else {})
        for name, size in (
            ("icon-192", "192x192"),
            ("icon-512", "512x512"),
            ("icon-maskable-512", "512x512"),
        )
    ]
    body = {
        "name": "PeerGoals",
        "short_name": "PeerGoals",
        "description": _("Your goals, in your own words, one small step at a time."),
        "lang": get_language(),
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }
    response = JsonResponse(body, content_type="application/manifest+json")
    response["Vary"] = "Cookie, Accept-Language"
    return response


@cache
def _service_worker_script() -> bytes:
    found = finders.find("peergoals/sw.js")
    assert isinstance(found, str), "peergoals/static/peergoals/sw.js is part of the app"
    with open(found, "rb") as script:
        return script.read()


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker script, for the whole site (see the module's note)."""
    response = HttpResponse(_service_worker_script(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


class SignOut(auth_views.LogoutView):
    """Signing out leaves nothing of the person on a shared phone.

    Beside the session, the browser is told to drop this site's caches and storage (the today
    page kept for offline use, the check-ins saved on the phone, the service worker); cookies
    stay, so the language chosen on this browser is kept. The signed-out page's script does
    the same where a browser ignores the header (offline.js).
    """

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response
