"""Every URL pattern x every role x GET and POST answers as the access policy says.

The table below has one row per URL pattern of the site (the admin's patterns are grouped by
rules further down). A pattern without a row FAILS the suite, and the failure prints the row to
add with the statuses seen, to check against the policy table in peergoals/access.py before
pasting. Record URLs are filled with Maria's records (Maria is a peer on Sam's caseload).

Statuses, one per role in ROLES order:
    200, 400, 403, 404, 405  that status
    login                    a redirect to the sign-in page (LOGIN_URL)
    admin              a redirect to the admin's sign-in page
    302                      any other redirect (a role sent to its own home page is not a denial)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from peergoals.audit.models import AuditEntry
from peergoals.goals import actions
from peergoals.goals.models import Goal, Step, Win
from peergoals.people import tokens
from peergoals.people.actions import assign_peer
from peergoals.people.models import Assignment
from peergoals.privacy.models import Consent
from tests.personas import People, confirmed_device
from tests.web.conftest import browser_for

ROLES = ("anonymous", "maria", "jordan", "sam", "alex", "pat", "quinn", "morgan")
MISSING_ID = 987654321


@dataclass(frozen=True)
class Row:
    get: str
    post: str


# fmt: off
# pattern (its name, or its route when it has none)  GET / POST, one status per role:
#              anonymous maria jordan sam   alex  pat   quinn morgan
SITE: dict[str, Row] = {
    "home": Row(
        get=  "login     302   302    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    # Each person's own password; an empty POST is refused beside the fields.
    "account:password_change": Row(
        get=  "login     200   200    200   200   200   200   200",
        post= "login     400   400    400   400   400   400   400"),
    "account:password_reset": Row(
        get=  "200       200   200    200   200   200   200   200",
        post= "400       400   400    400   400   400   400   400"),
    "account:password_reset_done": Row(
        get=  "200       200   200    200   200   200   200   200",
        post= "405       405   405    405   405   405   405   405"),
    # Maria's one-time link, spent once she signed in: not found, and it says so.
    "account:password_reset_confirm": Row(
        get=  "404       404   404    404   404   404   404   404",
        post= "404       404   404    404   404   404   404   404"),
    "admin/(?P<url>.*)$": Row(
        get=  "admin     admin admin  admin admin admin admin 404",
        post= "admin     admin admin  admin admin admin admin 404"),
    "admin:app_list": Row(
        get=  "admin     admin admin  admin admin admin admin 200",
        post= "admin     admin admin  admin admin admin admin 200"),
    "admin:autocomplete": Row(
        get=  "admin     admin admin  admin admin admin admin 403",
        post= "admin     admin admin  admin admin admin admin 405"),
    "admin:index": Row(
        get=  "admin     admin admin  admin admin admin admin 200",
        post= "admin     admin admin  admin admin admin admin 200"),
    "admin:jsi18n": Row(
        get=  "admin     admin admin  admin admin admin admin 200",
        post= "admin     admin admin  admin admin admin admin 405"),
    "admin:login": Row(
        get=  "200       200   200    200   200   200   200   302",
        post= "200       200   200    200   200   200   200   200"),
    "admin:logout": Row(
        get=  "302       302   302    302   302   302   302   405",
        post= "302       302   302    302   302   302   302   login"),
    "admin:password_change": Row(
        get=  "admin     admin admin  admin admin admin admin 200",
        post= "admin     admin admin  admin admin admin admin 200"),
    "admin:password_change_done": Row(
        get=  "admin     admin admin  admin admin admin admin 200",
        post= "admin     admin admin  admin admin admin admin 405"),
    "admin:view_on_site": Row(
        get=  "admin     admin admin  admin admin admin admin 404",
        post= "admin     admin admin  admin admin admin admin 404"),
    "audit:export": Row(
        get=  "login     404   404    404   404   404   404   200",
        post= "login     405   405    405   405   405   405   405"),
    "audit:seen": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    "goals:accept": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "goals:accept_step": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "goals:accept_change": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     302   404    400   404   404   404   404"),
    "goals:add_step": Row(
        get=  "login     200   404    200   404   404   404   404",
        post= "login     200   404    200   404   404   404   404"),
    "goals:breakdown": Row(
        get=  "login     200   404    200   404   404   404   404",
        post= "login     400   404    400   404   404   404   404"),
    # Its page is the step's card alone: where a tap sent after the session ended comes back.
    "goals:check_in": Row(
        get=  "login     200   404    200   404   404   404   404",
        post= "login     400   404    400   404   404   404   404"),
    "goals:coach": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     200   200    200   200   200   200   200"),
    "goals:decline": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "goals:decline_step": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "goals:decline_change": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     302   404    400   404   404   404   404"),
    # Whoever suggested it takes it back: Maria's own goal and step are not suggestions (400),
    # Sam's suggested change is his to withdraw (302).
    "goals:withdraw": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "goals:withdraw_step": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "goals:withdraw_change": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    302   404   404   404   404"),
    "goals:detail": Row(
        get=  "login     200   404    200   404   200   404   200",
        post= "login     405   405    405   405   405   405   405"),
    "goals:history": Row(
        get=  "login     200   404    200   404   200   404   200",
        post= "login     405   405    405   405   405   405   405"),
    "goals:reviews": Row(
        get=  "login     200   404    200   404   200   404   200",
        post= "login     405   405    405   405   405   405   405"),
    "goals:edit": Row(
        get=  "login     200   404    200   404   404   404   404",
        post= "login     400   404    400   404   404   404   404"),
    # What to expect (GAS): the peer writes it, their specialist suggests it; staff who only
    # view never open it. An empty form is refused beside its fields.
    "goals:scale": Row(
        get=  "login     200   404    200   404   404   404   404",
        post= "login     400   404    400   404   404   404   404"),
    "goals:edit_step": Row(
        get=  "login     200   404    200   404   404   404   404",
        post= "login     400   404    400   404   404   404   404"),
    "goals:move_step": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "goals:explore": Row(
        get=  "login     302   302    404   404   404   404   404",
        post= "login     302   302    404   404   404   404   404"),
    "goals:explore_screen": Row(
        get=  "login     200   200    404   404   404   404   404",
        post= "login     302   302    404   404   404   404   404"),
    "goals:new": Row(
        get=  "login     200   200    404   404   404   404   404",
        post= "login     200   200    404   404   404   404   404"),
    "goals:past": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    "goals:peer": Row(
        get=  "login     302   404    200   404   200   404   200",
        post= "login     405   405    405   405   405   405   405"),
    # The peer's plan laid out for paper: Maria's own, and her staff's audited read.
    "goals:plan": Row(
        get=  "login     200   404    200   404   200   404   200",
        post= "login     405   405    405   405   405   405   405"),
    # Its PDF: Maria's own; for staff, the staff download's consent rule (Maria's covers it).
    "goals:plan_pdf": Row(
        get=  "login     200   404    200   404   200   404   200",
        post= "login     405   405    405   405   405   405   405"),
    "goals:propose": Row(
        get=  "login     302   404    200   404   404   404   404",
        post= "login     302   404    200   404   404   404   404"),
    "goals:review": Row(
        get=  "login     200   404    200   404   404   404   404",
        post= "login     200   404    200   404   404   404   404"),
    "goals:smart": Row(
        get=  "login     200   404    200   404   404   404   404",
        post= "login     400   404    400   404   404   404   404"),
    "goals:status": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "goals:step_status": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "goals:today": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    "goals:use_wording": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     204   204    204   204   204   204   204"),
    "goals:wins": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    "login": Row(
        get=  "200       302   302    302   302   302   302   302",
        post= "200       302   302    302   302   302   302   302"),
    # The installable app: its manifest and service worker, the same for everyone.
    "manifest": Row(
        get=  "200       200   200    200   200   200   200   200",
        post= "405       405   405    405   405   405   405   405"),
    "service_worker": Row(
        get=  "200       200   200    200   200   200   200   200",
        post= "405       405   405    405   405   405   405   405"),
    "logout": Row(
        get=  "405       405   405    405   405   405   405   405",
        post= "login     login login  login login login login login"),
    # The outcome report: a supervisor's team, or the whole program for a program admin. Pat's
    # team has fewer than 5 peers counted, so there is nothing to download (400, said so).
    "outcomes:report": Row(
        get=  "login     404   404    404   404   200   200   200",
        post= "login     405   405    405   405   405   405   405"),
    "outcomes:report_csv": Row(
        get=  "login     404   404    404   404   400   400   400",
        post= "login     405   405    405   405   405   405   405"),
    "outcomes:report_pdf": Row(
        get=  "login     404   404    404   404   400   400   400",
        post= "login     405   405    405   405   405   405   405"),
    "people:caseload": Row(
        get=  "login     302   302    200   200   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    "people:help": Row(
        get=  "200       200   200    200   200   200   200   200",
        post= "405       405   405    405   405   405   405   405"),
    "people:outreach": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   404    400   404   404   404   404"),
    "people:specialist": Row(
        get=  "login     404   404    302   404   200   404   200",
        post= "login     405   405    405   405   405   405   405"),
    "people:team": Row(
        get=  "login     302   302    302   302   200   200   200",
        post= "login     405   405    405   405   405   405   405"),
    "people:two_factor": Row(
        get=  "login     200   200    200   200   200   200   200",
        post= "login     405   405    405   405   405   405   405"),
    "people:two_factor_enroll": Row(
        get=  "login     200   200    200   200   200   200   200",
        post= "login     400   400    400   400   400   400   400"),
    # Anyone may choose a language, signed in or not; an empty form changes nothing.
    "people:language": Row(
        get=  "405       405   405    405   405   405   405   405",
        post= "302       302   302    302   302   302   302   302"),
    "people:two_factor_off": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     302   302    302   302   302   302   302"),
    "people:two_factor_verify": Row(
        get=  "login     302   302    302   302   302   302   302",
        post= "login     302   302    302   302   302   302   302"),
    # The peer's calendar address: made, changed and stopped by the peer alone.
    "privacy:calendar": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    # The feed answers the secret in its query string only: without it, nobody finds anything.
    "privacy:calendar_feed": Row(
        get=  "404       404   404    404   404   404   404   404",
        post= "405       405   405    405   405   405   405   405"),
    # An empty POST makes an address with neutral titles.
    "privacy:calendar_start": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     200   200    302   302   302   302   302"),
    "privacy:calendar_stop": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     302   302    302   302   302   302   302"),
    # Without an address there are no titles to choose: said so, not a 500.
    "privacy:calendar_titles": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   400    302   302   302   302   302"),
    "privacy:delete": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     302   302    302   302   302   302   302"),
    "privacy:deleted": Row(
        get=  "200       200   200    200   200   200   200   200",
        post= "405       405   405    405   405   405   405   405"),
    "privacy:download_my_data": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    "privacy:download_my_check_ins": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    "privacy:give": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     400   400    302   302   302   302   302"),
    "privacy:my_data": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    "privacy:peer_download": Row(
        get=  "login     404   404    200   404   200   404   200",
        post= "login     405   405    405   405   405   405   405"),
    "privacy:revoke": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     302   302    302   302   302   302   302"),
    "privacy:sharing": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    "privacy:stopped": Row(
        get=  "login     200   200    302   302   302   302   302",
        post= "login     405   405    405   405   405   405   405"),
    # Each person's own reminder settings; an empty POST lacks the time zone.
    "reminders:settings": Row(
        get=  "login     200   200    200   200   200   200   200",
        post= "login     400   400    400   400   400   400   400"),
    "reminders:off": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     302   302    302   302   302   302   302"),
    # A step's reminders are its peer's alone: her specialist is refused like a stranger.
    "reminders:step": Row(
        get=  "login     200   404    404   404   404   404   404",
        post= "login     400   404    404   404   404   404   404"),
    # The e-mail's one-tap "off" link signs nobody in; a token not signed by the server: 404.
    "reminders:off_link": Row(
        get=  "404       404   404    404   404   404   404   404",
        post= "404       404   404    404   404   404   404   404"),
    "reminders:push_subscribe": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   400    400   400   400   400   400"),
    "reminders:push_unsubscribe": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   400    400   400   400   400   400"),
    # Each person's own API access tokens: made and revoked by their owner alone (an empty
    # form is refused beside its fields); anyone else's token is a 404, like a missing one.
    "account:tokens": Row(
        get=  "login     200   200    200   200   200   200   200",
        post= "login     405   405    405   405   405   405   405"),
    "account:token_new": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     400   400    400   400   400   400   400"),
    "account:token_revoke": Row(
        get=  "login     405   405    405   405   405   405   405",
        post= "login     302   404    404   404   404   404   404"),
    # The JSON API (peergoals/api/): the session reaches it as the pages do; the policy's
    # 404 for records out of reach, 401 without a session or token. An empty POST is
    # unreadable as JSON (400). The schema is public, as the API's shape is no secret.
    "api_docs": Row(
        get=  "200       200   200    200   200   200   200   200",
        post= "405       405   405    405   405   405   405   405"),
    "api:api-root": Row(
        get=  "404       404   404    404   404   404   404   404",
        post= "404       404   404    404   404   404   404   404"),
    "api:openapi-json": Row(
        get=  "200       200   200    200   200   200   200   200",
        post= "200       200   200    200   200   200   200   200"),
    "api:me": Row(
        get=  "401       200   200    200   200   200   200   200",
        post= "405       405   405    405   405   405   405   405"),
    "api:peer_goals": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "401       400   400    400   400   400   400   400"),
    "api:goal": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "405       405   405    405   405   405   405   405"),
    "api:goal_steps": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "401       400   400    400   400   400   400   400"),
    # The same path as "api:goal" (its PATCH, which tests/api exercises).
    "api:change_goal": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "405       405   405    405   405   405   405   405"),
    "api:goal_reviews": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "401       400   400    400   400   400   400   400"),
    "api:peer_wins": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "405       405   405    405   405   405   405   405"),
    # The report's figures: supervisors and program admins, as its page.
    "api:report": Row(
        get=  "401       404   404    404   404   200   200   200",
        post= "405       405   405    405   405   405   405   405"),
    # A caseload: its specialist, their supervisor, a program admin.
    "api:specialist_caseload": Row(
        get=  "401       404   404    200   404   200   404   200",
        post= "405       405   405    405   405   405   405   405"),
    # Writes on the same paths as the reads above (POST): the body is read first, so an
    # empty one is a 400 for everyone signed in; tests/api compares forbidden and missing.
    "api:create_goal": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "401       400   400    400   400   400   400   400"),
    "api:add_step": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "401       400   400    400   400   400   400   400"),
    "api:hold_review": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "401       400   400    400   400   400   400   400"),
    "api:answer_goal": Row(
        get=  "405       405   405    405   405   405   405   405",
        post= "401       400   400    400   400   400   400   400"),
    "api:answer_step": Row(
        get=  "405       405   405    405   405   405   405   405",
        post= "401       400   400    400   400   400   400   400"),
    "api:check_in": Row(
        get=  "405       405   405    405   405   405   405   405",
        post= "401       400   400    400   400   400   400   400"),
    # FHIR (peergoals/fhir/api.py): the export as the staff download (the peer's own, or staff
    # who reach the peer under a consent covering it); the import reads a JSON body, so an
    # empty form is a 400 for everyone signed in.
    "api:everything": Row(
        get=  "401       200   404    200   404   200   404   200",
        post= "405       405   405    405   405   405   405   405"),
    "api:import_bundle": Row(
        get=  "405       405   405    405   405   405   405   405",
        post= "401       400   400    400   400   400   400   400"),
}
# fmt: on


# The admin: every one of its patterns falls under exactly one of these rules. -------------

# Models whose rows are a peer's records: read-only for program admins, through the policy.
PEER_RECORD_MODELS = ("goals/goal", "goals/step", "goals/checkin", "goals/review", "goals/win")
# Accounts, teams and caseloads: program admins manage them (caseloads through the actions).
MANAGED_MODELS = ("people/user", "people/team", "auth/group")
# The sign-in lockout's records (django-axes): who tried to sign in, from where.
SIGN_IN_MODELS = ("axes/accessattempt", "axes/accesslog", "axes/accessfailurelog")


@dataclass
class Filled:
    """A concrete URL for one pattern, and whether it names one of Maria's records."""

    url: str
    record_kwarg: str | None


def walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    """(key, full route) of every URL pattern; the key is the pattern's name, or its route."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from walk(pattern, prefix + str(pattern.pattern), inner)
        else:
            assert isinstance(pattern, URLPattern)
            route = prefix + str(pattern.pattern)
            name = ":".join(filter(None, [namespace, pattern.name])) if pattern.name else ""
            yield name or route, route


ALL_PATTERNS = sorted(walk(get_resolver()))

# The admin's per-model pages, by what the route ends with.
ADMIN_VIEW_KINDS = {
    "": "list",
    "add/": "add",
    "<path:object_id>/": "go-to-change",
    "<path:object_id>/change/": "change",
    "<path:object_id>/delete/": "delete",
    "<path:object_id>/history/": "history",
    "^([^/]+)/history/([^/]+)/$": "version",
    "<id>/password/": "password",
    "<int:pk>/config/": "key page",
    "<int:pk>/qrcode/": "key picture",
}
ADMIN_MODEL_ROUTE = re.compile(r"^admin/(?P<model>[a-z_]+/[a-z_]+)/(?P<rest>.*)$")
NOT_STAFF = " ".join(["admin"] * (len(ROLES) - 1))

# What Morgan, the program admin, gets from each kind of page of each group of models; every
# other role is sent to the admin's sign-in page. (group, kind): (GET, POST)
# fmt: off
ADMIN_MODEL_RULES: dict[tuple[str, str], tuple[str, str]] = {
    # Peer records: the policy lets admins view, never add, change or delete.
    ("peer records", "list"):              ("200", "200"),
    ("peer records", "add"):               ("403", "403"),
    ("peer records", "go-to-change"):      ("302", "302"),
    ("peer records", "change"):            ("200", "403"),
    ("peer records", "delete"):            ("403", "403"),
    ("peer records", "history"):           ("200", "200"),
    ("peer records", "version"):           ("200", "403"),
    # The audit log: read-only for everyone.
    ("audit log", "list"):                 ("200", "200"),
    ("audit log", "add"):                  ("403", "403"),
    ("audit log", "go-to-change"):         ("302", "302"),
    ("audit log", "change"):               ("200", "403"),
    ("audit log", "delete"):               ("403", "403"),
    ("audit log", "history"):              ("200", "200"),
    # Accounts, teams and groups: admins manage them (an empty POST re-shows the form).
    ("accounts and teams", "list"):        ("200", "200"),
    ("accounts and teams", "add"):         ("200", "200"),
    ("accounts and teams", "go-to-change"): ("302", "302"),
    ("accounts and teams", "change"):      ("200", "200"),
    ("accounts and teams", "delete"):      ("200", "200"),
    ("accounts and teams", "history"):     ("200", "200"),
    # Nobody sets another person's password: sent back to the list, with why.
    ("accounts and teams", "password"):    ("302", "302"),
    # Caseloads: added and ended through the actions, never deleted. An empty POST on an
    # assignment changes nothing and goes back to the list.
    ("caseloads", "list"):                 ("200", "200"),
    ("caseloads", "add"):                  ("200", "200"),
    ("caseloads", "go-to-change"):         ("302", "302"),
    ("caseloads", "change"):               ("200", "302"),
    ("caseloads", "delete"):               ("403", "403"),
    ("caseloads", "history"):              ("200", "200"),
    # Consents: signed by the peer and never edited here; the one admin action is a POST on the
    # list ("the peer stopped getting services"), which an empty POST does not trigger.
    ("consents", "list"):                  ("200", "200"),
    ("consents", "add"):                   ("403", "403"),
    ("consents", "go-to-change"):          ("302", "302"),
    ("consents", "change"):                ("200", "403"),
    ("consents", "delete"):                ("403", "403"),
    ("consents", "history"):               ("200", "200"),
    # Sign-in records: written by the lockout only, every field read-only (a POST on one saves
    # nothing and goes back to the list). Deleting a lockout lets the person try again.
    ("sign-in records", "list"):           ("200", "200"),
    ("sign-in records", "add"):            ("403", "403"),
    ("sign-in records", "go-to-change"):   ("302", "302"),
    ("sign-in records", "change"):         ("200", "302"),
    ("sign-in records", "delete"):         ("200", "200"),
    ("sign-in records", "history"):        ("200", "200"),
    # Two-step sign-in devices: admins remove a lost phone's device; the key itself never shows
    # (OTP_ADMIN_HIDE_SENSITIVE_DATA), so its page and QR code are refused, and only the owner
    # sets a device up (no admin "add", which would put a key the admin knows on the account).
    ("two-step devices", "list"):          ("200", "200"),
    ("two-step devices", "add"):           ("403", "403"),
    ("two-step devices", "go-to-change"):  ("302", "302"),
    ("two-step devices", "change"):        ("200", "200"),
    ("two-step devices", "delete"):        ("200", "200"),
    ("two-step devices", "history"):       ("200", "200"),
    ("two-step devices", "key page"):      ("403", "403"),
    ("two-step devices", "key picture"):   ("403", "403"),
}
# fmt: on


def admin_group(model: str) -> str:
    if model in PEER_RECORD_MODELS:
        return "peer records"
    if model == "audit/auditentry":
        return "audit log"
    if model in MANAGED_MODELS:
        return "accounts and teams"
    if model == "people/assignment":
        return "caseloads"
    if model == "privacy/consent":
        return "consents"
    if model in SIGN_IN_MODELS:
        return "sign-in records"
    if model == "otp_totp/totpdevice":
        return "two-step devices"
    return f"unknown model {model}"


def admin_rule(route: str) -> tuple[str, Row] | None:
    """The rule that covers an admin model page, as (rule name, row); None if none does."""
    match = ADMIN_MODEL_ROUTE.match(route)
    if not match or match["rest"] not in ADMIN_VIEW_KINDS:
        return None
    group, kind = admin_group(match["model"]), ADMIN_VIEW_KINDS[match["rest"]]
    if (group, kind) not in ADMIN_MODEL_RULES:
        return None
    get, post = ADMIN_MODEL_RULES[group, kind]
    return f"{group}: {kind}", Row(get=f"{NOT_STAFF} {get}", post=f"{NOT_STAFF} {post}")


def expected_row(key: str, route: str) -> Row | None:
    if key in SITE:
        return SITE[key]
    rule = admin_rule(route)
    return rule[1] if rule else None


# Filling a route with Maria's records -----------------------------------------------------


def sign_in_records() -> dict[str, Any]:
    """One row of each of the lockout's tables, as a wrong password for Maria leaves them."""
    seen = {"username": "maria", "ip_address": "203.0.113.9", "user_agent": "Firefox"}
    seen |= {"http_accept": "text/html", "path_info": "/login/"}
    return {
        "axes/accessattempt": AccessAttempt.objects.create(
            **seen, get_data="", post_data="", failures_since_start=1
        ),
        "axes/accesslog": AccessLog.objects.create(**seen),
        "axes/accessfailurelog": AccessFailureLog.objects.create(**seen),
    }


@pytest.fixture
def marias(people: People, walk_goal: Goal, walk_step: Step) -> dict[str, Any]:
    """Maria's records, and one of each kind of thing the admin's routes name."""
    goal, step = walk_goal, walk_step
    check_in = actions.record_check_in(step, by=people.maria, outcome="done").check_in
    review = actions.hold_review(goal, by=people.maria, decision="keep").review
    suggestion = actions.suggest_change(goal, by=people.sam, version=None, strengths="My sister")
    objects = {
        "goals/goal": goal,
        "goals/step": step,
        "goals/checkin": check_in,
        "goals/review": review,
        "goals/win": Win.objects.filter(peer=people.maria).first(),
        "people/user": people.maria,
        "people/team": people.sam.team,
        "people/assignment": Assignment.objects.current().get(peer=people.maria),
        "audit/auditentry": AuditEntry.objects.filter(peer_id=people.maria.pk).latest("id"),
        "auth/group": Group.objects.create(name="Readers"),
        "privacy/consent": Consent.objects.get(peer=people.maria),
        "otp_totp/totpdevice": confirmed_device(people.sam),
        **sign_in_records(),
    }
    return {
        "goal_id": goal.pk,
        "step_id": step.pk,
        "change_id": suggestion.pk,
        "peer_id": people.maria.pk,
        "specialist_id": people.sam.pk,
        "token_id": tokens.create_token(people.maria, name="app", scope="read", days=9)[0].pk,
        "objects": objects,
        "goal_version": goal.history.earliest("history_date").history_id,
    }


RECORD_KWARGS = ("goal_id", "step_id", "change_id", "peer_id", "specialist_id", "token_id")
CONVERTER = re.compile(r"<(?:(?P<converter>[a-z]+):)?(?P<name>\w+)>")


def fill(route: str, marias: dict[str, Any], *, missing: bool = False) -> Filled:
    """The URL for `route`, its arguments Maria's records (or an id nobody has)."""
    model = ADMIN_MODEL_ROUTE.match(route)
    # The admin's "view on site" link takes any object: Maria's goal.
    admin_object = marias["objects"].get(model["model"] if model else "goals/goal")
    record_kwarg = None

    def value(name: str) -> str:
        nonlocal record_kwarg
        if name in RECORD_KWARGS:
            record_kwarg = name
            return str(MISSING_ID if missing else marias[name])
        if name in ("object_id", "id", "pk"):
            return str(admin_object.pk)
        if name == "content_type_id":
            return str(ContentType.objects.get_for_model(marias["objects"]["goals/goal"]).pk)
        if name == "app_label":
            return "goals"
        if name == "url":
            return "no-such-page/"
        if name == "screen":
            return "start"
        if name == "uidb64":  # Maria's one-time password link
            return urlsafe_base64_encode(force_bytes(marias["objects"]["people/user"].pk))
        if name == "token":
            return default_token_generator.make_token(marias["objects"]["people/user"])
        raise AssertionError(f"No value to fill <{name}> in {route!r}")

    url = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: value(m[1]), route)
    url = CONVERTER.sub(lambda m: value(m["name"]), url)
    if "^([^/]+)/history/([^/]+)/$" in url:
        url = url.replace(
            "^([^/]+)/history/([^/]+)/$", f"{admin_object.pk}/history/{marias['goal_version']}/"
        )
        if model and model["model"] == "goals/step":
            version = admin_object.history.earliest("history_date").history_id
            url = url.replace(f"/{marias['goal_version']}/", f"/{version}/")
    # The admin's regexes end in "$"; FHIR's "$everything" keeps its own.
    url = "/" + re.sub(r"\$(?![a-z])", "", url.replace("^", ""))
    return Filled(url=url, record_kwarg=record_kwarg)


def outcome(page: HttpResponse) -> str:
    if page.status_code in (301, 302):
        location = page["Location"]
        if location.startswith(reverse("admin:login")):
            return "admin"
        if location.startswith(reverse("login")):
            return "login"
        return "302"
    return str(page.status_code)


def browsers(people: People) -> dict[str, Client]:
    return {
        role: Client() if role == "anonymous" else browser_for(getattr(people, role))
        for role in ROLES
    }


def answer(client: Client, method: str, url: str) -> HttpResponse:
    return client.get(url) if method == "GET" else client.post(url)


def row_text(key: str, seen: dict[str, list[str]]) -> str:
    widths = [max(len(role), 5) for role in ROLES]
    cells = {
        m: " ".join(v.ljust(w) for v, w in zip(seen[m], widths, strict=True)).rstrip() for m in seen
    }
    return f'    "{key}": Row(\n        get=  "{cells["GET"]}",\n        post= "{cells["POST"]}"),'


# The tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "route"), ALL_PATTERNS, ids=[key for key, _ in ALL_PATTERNS])
def test_it_answers_every_role_as_the_table_says(
    people: People, marias: dict[str, Any], key: str, route: str
) -> None:
    filled = fill(route, marias)
    reached = resolve(filled.url).route
    assert reached.replace("^", "") == route.replace("^", ""), f"{filled.url} reaches {reached}"
    # GET first: every POST is empty, but one may sign the browser out.
    clients = browsers(people)
    seen = {
        method: [outcome(answer(clients[role], method, filled.url)) for role in ROLES]
        for method in ("GET", "POST")
    }
    row = expected_row(key, route)
    if row is None:
        model = ADMIN_MODEL_ROUTE.match(route)
        where = (
            f"For an admin page of {model['model']}, add the model to PEER_RECORD_MODELS or "
            f"MANAGED_MODELS (or give its group rules in ADMIN_MODEL_RULES); otherwise add to "
            f"SITE"
            if model
            else "Then add to SITE"
        )
        pytest.fail(
            f"The URL pattern {key!r} ({route}) has no row in tests/test_url_access.py.\n"
            f"Check these statuses against the policy in peergoals/access.py. {where}:\n"
            f"{row_text(key, seen)}"
        )
    expected = {"GET": row.get.split(), "POST": row.post.split()}
    assert seen == expected, (
        f"{key} ({filled.url}) answers differently. Roles: {' '.join(ROLES)}\n"
        f"Seen now:\n{row_text(key, seen)}"
    )


def normalized(page: HttpResponse) -> str:
    """The body, less what differs on every response anyway (CSRF token masks, CSP nonces)."""
    text = page.content.decode()
    text = re.sub(r'(X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]*', r"\1", text)
    return re.sub(r'nonce="[^"]*"', 'nonce=""', text)


API_WRITES = {"api:check_in", "api:answer_goal", "api:answer_step"}

RECORD_PATTERNS = [
    (key, route)
    for key, route in ALL_PATTERNS
    if any(name in RECORD_KWARGS for _, name in CONVERTER.findall(route))
]


@pytest.mark.parametrize(("key", "route"), RECORD_PATTERNS, ids=[key for key, _ in RECORD_PATTERNS])
def test_it_answers_a_forbidden_record_exactly_like_a_missing_one(
    people: People, marias: dict[str, Any], key: str, route: str
) -> None:
    row = expected_row(key, route)
    assert row is not None, f"{key} needs a row first (see the test above)."
    clients = browsers(people)
    compared = 0
    for method, statuses in (("GET", row.get), ("POST", row.post)):
        for role, status in zip(ROLES, statuses.split(), strict=True):
            if status != "404":
                continue
            forbidden = answer(clients[role], method, fill(route, marias).url)
            missing = answer(clients[role], method, fill(route, marias, missing=True).url)
            assert (forbidden.status_code, normalized(forbidden)) == (
                missing.status_code,
                normalized(missing),
            ), f"{role} can tell a forbidden {key} from a missing one ({method})"
            compared += 1
    # The API reads a write's JSON body before the record: an empty POST is a 400 for everyone,
    # and tests/api compares a forbidden and a missing record with a valid body instead.
    assert compared or key in API_WRITES, f"Nobody is refused {key}: is that the policy?"


def test_a_reassignment_ends_the_old_specialists_access_on_the_very_next_request(
    people: People, marias: dict[str, Any]
) -> None:
    sam, alex = browser_for(people.sam), browser_for(people.alex)
    goal_page = reverse("goals:detail", args=[marias["goal_id"]])
    peer_page = reverse("goals:peer", args=[people.maria.pk])
    assert sam.get(goal_page).status_code == 200
    assert alex.get(goal_page).status_code == 404
    assign_peer(people.maria, people.alex, by=people.pat)
    assert sam.get(goal_page).status_code == 404
    assert sam.get(peer_page).status_code == 404
    assert people.maria.display_name not in sam.get(reverse("people:caseload")).text
    assert alex.get(goal_page).status_code == 200


def test_it_never_shows_a_two_step_key_in_the_admin(people: People) -> None:
    device = confirmed_device(people.sam)
    morgan = browser_for(people.morgan)
    for url in (
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
    ):
        page = morgan.get(url)
        assert page.status_code == 200
        assert device.key not in page.text, url
    for name in ("admin:otp_totp_totpdevice_config", "admin:otp_totp_totpdevice_qrcode"):
        assert morgan.get(reverse(name, args=[device.pk])).status_code == 403
