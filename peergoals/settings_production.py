"""Production settings: everything from the environment, and no way to start unsafely."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from peergoals.settings import *  # noqa: F403
from peergoals.settings import ALLOWED_HOSTS, DEBUG, DEMO_SECRET_KEY, SECRET_KEY

# Commands that would put demo people or made-up records into a real program refuse to run.
PRODUCTION = True

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set it to 0.")
if SECRET_KEY == DEMO_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random value of at least 50 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must name this site's host names (goals.example.org), not '*': with "
        "'*', a forged Host header decides the links in password-reset e-mails."
    )

# Reset e-mails hold one-time links: sent, never printed into the logs as the demo does.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
WHITENOISE_USE_FINDERS = False
