"""Settings, read from the environment.

The defaults run the demo on SQLite under var/ with no configuration. Production uses
`peergoals.settings_production`, which refuses to start with DEBUG on or a default secret.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from peergoals.help import crisis_lines, email_address, phone_number

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("PEERGOALS_VAR_DIR", BASE_DIR.parent / "var"))

# Marked so that production settings can recognise and refuse it.
DEMO_SECRET_KEY = "insecure-demo-key-do-not-use-in-production"  # noqa: S105


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY") or DEMO_SECRET_KEY
# peergoals.settings_production sets it; `peergoals demo` and `seed` refuse to run there.
PRODUCTION = False
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "peergoals.people",
    "peergoals.goals",
    "peergoals.privacy",
    "peergoals.audit",
    "peergoals.operations",
    "peergoals.fhir",
    "peergoals.reminders",
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "peergoals.people.middleware.PersonLanguageMiddleware",
    "peergoals.people.middleware.HtmxWholePageRedirectMiddleware",
    "peergoals.audit.middleware.AuditMiddleware",
    "peergoals.people.middleware.SessionLimitsMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "peergoals.people.middleware.TwoFactorRequiredMiddleware",
    "peergoals.people.middleware.NoStoreForSignedInMiddleware",
    "peergoals.people.typed_text.SignedInHereMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "peergoals.people.middleware.AdminDateFiltersMiddleware",
    "peergoals.people.middleware.RequestLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "peergoals.urls"
WSGI_APPLICATION = "peergoals.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "peergoals.people.context_processors.language_choice",
                "peergoals.reminders.context_processors.push_key",
            ],
        },
    },
]
# Form fields render through the Jinja2 copies of Django's own templates (why: the module).
FORM_RENDERER = "peergoals.form_rendering.FormRenderer"


def database_from_environment() -> dict[str, Any]:
    """DATABASE_URL, or SQLite under var/; SQLite is tuned for several writers at once."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        # The embedded default must work from a fresh clone, where var/ does not exist yet.
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{VAR_DIR / 'peergoals.sqlite3'}"
    config: dict[str, Any] = dict(
        dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Django's backend with commits that share their disk flush (peergoals/sqlite/base.py).
        config["ENGINE"] = "peergoals.sqlite"
        # Kept open between requests like PostgreSQL's (60 s): opening one costs about a
        # millisecond, and its page cache stays warm for the next request.
        config["OPTIONS"] = {
            # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of failing
            # with "database is locked" half-way through a transaction.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=FULL;"
                "PRAGMA busy_timeout=20000;"
                "PRAGMA foreign_keys=ON;"
                # Reads through a memory map of the file (up to 1 GiB) and a 64 MiB page cache
                # per connection: a caseload's index lookups then cost the same at 1,000 peers
                # as at 50,000, where the default 2 MiB cache kept missing.
                "PRAGMA cache_size=-65536;"
                "PRAGMA mmap_size=1073741824;"
            ),
        }
    return config


DATABASES = {"default": database_from_environment()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "people.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes checks every sign-in first, so a locked-out person is refused before their
# password is even looked at.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A forgotten password: a one-time link, by e-mail for those with an address. The demo prints
# e-mails on the console; production sends them through EMAIL_HOST.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PeerGoals <peergoals@localhost>")
# Where the site answers, for links made outside a request (`peergoals password-link`).
PEERGOALS_SITE_URL = os.environ.get("PEERGOALS_SITE_URL", "http://127.0.0.1:8000")

# How much one request may send: every page (a long goal or review is a few kilobytes), and the
# live htmx parts that read a few short fields.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
SMALL_BODY_VIEWS = frozenset({"goals:coach", "goals:use_wording"})
SMALL_BODY_LIMIT = 32 * 1024
# Requests per person and per address (django-ratelimit, "N/s|m|h"); past them, 429.
RATE_LIMITS: dict[str, dict[str, str]] = {
    "goals:coach": {"person": "120/m", "address": "600/m"},
    "login": {"person": "10/m", "address": "60/m"},
    "account:password_reset": {"person": "5/h", "address": "20/h"},
    "people:two_factor_verify": {"person": "20/m", "address": "60/m"},
    "people:two_factor_enroll": {"person": "20/m", "address": "60/m"},
}
# Requests per personal access token to the JSON API, every method (peergoals/api/auth.py).
API_TOKEN_RATE = os.environ.get("PEERGOALS_API_TOKEN_RATE", "300/m")
# The counts live in the default cache: each worker process's memory unless a shared cache is
# configured (PEERGOALS_REDIS_URL), so with N workers a limit is at most N times looser.
if os.environ.get("PEERGOALS_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["PEERGOALS_REDIS_URL"],
        }
    }

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sign-in lockout (django-axes): 5 wrong passwords for one username from one address lock that
# pair for 30 minutes. Locking the pair, not the username alone, keeps a stranger from locking a
# specialist out of their caseload by typing their username five times.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Axes logs each failure; it never logs the password, and these are masked in its log lines too.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address"]
# No start-up banner on every command, and no browser string in each log line.
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "peergoals.people.middleware.client_ip"
# How many reverse proxies in front of the app append to X-Forwarded-For; 0 trusts no header.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Two-step sign-in (django-otp, TOTP): wrong codes wait 1, 2, 4, 8 ... seconds before the next try.
OTP_TOTP_ISSUER = "PeerGoals"
OTP_TOTP_THROTTLE_FACTOR = 1
# The admin lists devices but never shows their keys or QR codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Sessions end after 30 minutes without a request: SessionLimitsMiddleware moves the expiry
# date forward (at most once a minute), and the session store enforces it on the server, not
# only in the browser's cookie. It also ends any session 12 hours after sign-in.
SESSION_COOKIE_AGE = 30 * 60
SESSION_ABSOLUTE_LIMIT = datetime.timedelta(hours=12)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# A strict Content-Security-Policy (django-csp 4): no inline script or style anywhere, the
# Django admin included (its templates have none since Django 4.x).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates in each language's own order and words ("Dec 4" / "4 dic"); templates name these
# formats (MONTH_DAY_FORMAT, DATE_FORMAT, ...) instead of spelling one language's.
FORMAT_MODULE_PATH = ["peergoals.formats"]
# The language chosen before signing in (or on a shared computer after signing out) is kept a
# year; it holds only "en" or "es", and no script reads it (people.views.choose_language).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
USE_I18N = True
USE_TZ = True
# The program's local time zone decides what "today" is for a peer's check-ins.
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the apps' static folders so the demo needs no collectstatic step.
WHITENOISE_USE_FINDERS = True

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Who discloses the records, as a peer's consent names it (42 CFR 2.31(a)(2)).
PEERGOALS_PROGRAM_NAME = os.environ.get("PEERGOALS_PROGRAM_NAME", "the PeerGoals program")
# How long a peer's deletion request waits before an admin purges the data, in days.
PEERGOALS_DELETION_RETENTION_DAYS = int(os.environ.get("PEERGOALS_DELETION_RETENTION_DAYS", "30"))
# The help page, linked from every page: the crisis lines (the national ones unless the program
# lists its own), the number for an emergency, and how to reach the program itself. Checked
# here, so a typo stops the start rather than the page a person in crisis opens.
PEERGOALS_CRISIS_LINES = crisis_lines(os.environ.get("PEERGOALS_CRISIS_LINES"))
PEERGOALS_EMERGENCY_NUMBER = phone_number("PEERGOALS_EMERGENCY_NUMBER", "911")
PEERGOALS_PROGRAM_PHONE = phone_number("PEERGOALS_PROGRAM_PHONE")
PEERGOALS_PROGRAM_EMAIL = email_address("PEERGOALS_PROGRAM_EMAIL")
PEERGOALS_PROGRAM_HOURS = os.environ.get("PEERGOALS_PROGRAM_HOURS", "").strip()

# Scheduled work (reminders, the staff digest): huey, its queue in a SQLite file under var/ by
# default (no extra server), in PostgreSQL with PEERGOALS_TASK_STORAGE=postgres (the app's own
# DATABASE_URL), or in Redis with PEERGOALS_TASK_STORAGE=redis (PEERGOALS_REDIS_URL; needs the
# `redis` package). The worker is `peergoals run_huey`; `make run` starts it.
PEERGOALS_TASK_STORAGE = os.environ.get("PEERGOALS_TASK_STORAGE", "sqlite").strip().lower()


def huey_from_environment(storage: str) -> dict[str, Any]:
    common: dict[str, Any] = {"name": "peergoals", "immediate": False, "utc": True}
    common["consumer"] = {"workers": 1, "worker_type": "thread", "periodic": True}
    if storage == "postgres":
        url = os.environ.get("DATABASE_URL", "")
        # peewee (huey's SQL storage) names psycopg 3, which PeerGoals already uses, this way.
        database = "psycopg3://" + url.split("://", 1)[-1]
        return {**common, "huey_class": "huey.contrib.sql_huey.SqlHuey", "database": database}
    if storage == "redis":
        return {
            **common,
            "huey_class": "huey.RedisHuey",
            "url": os.environ.get("PEERGOALS_REDIS_URL", "redis://localhost:6379/0"),
        }
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return {**common, "huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "tasks.sqlite3")}


HUEY = huey_from_environment(PEERGOALS_TASK_STORAGE)
# Web push (VAPID): make a key pair with `peergoals vapid-keys`. Without them, no push is sent
# and pages do not offer it; e-mail reminders still go.
PEERGOALS_VAPID_PUBLIC_KEY = os.environ.get("PEERGOALS_VAPID_PUBLIC_KEY", "").strip()
PEERGOALS_VAPID_PRIVATE_KEY = os.environ.get("PEERGOALS_VAPID_PRIVATE_KEY", "").strip()
# Who push services may contact about this server's messages (a mailto: or https: URL).
PEERGOALS_VAPID_SUBJECT = os.environ.get("PEERGOALS_VAPID_SUBJECT", "mailto:peergoals@localhost")
# The hour (in each specialist's own time zone) their daily digest goes out, Monday to Friday.
PEERGOALS_DIGEST_HOUR = int(os.environ.get("PEERGOALS_DIGEST_HOUR", "8"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"redact": {"()": "peergoals.redaction.RedactSecrets"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint logs each step of every PDF at INFO; only its warnings say something.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
