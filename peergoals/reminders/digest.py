"""A peer specialist's daily digest: who needs them today, from the caseload's own lists.

Names and links only: no goal or step text leaves PeerGoals in a digest.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peergoals.people.caseload import caseload_of, needs_attention
from peergoals.people.models import User
from peergoals.reminders.channels import Notice
from peergoals.reminders.notices import language_of, off_token, site

SECTIONS = {
    "reviews_due": gettext_lazy("Look-backs due this week"),
    "quiet": gettext_lazy("Peers who went quiet (a friendly hello may help)"),
    "waiting": gettext_lazy("Suggestions waiting for an answer"),
    "with_wins": gettext_lazy("Wins to celebrate"),
}


@dataclass
class DigestLine:
    name: str
    url: str


def digest_of(specialist: User) -> dict[str, list[DigestLine]]:
    """Each section's peers, by name and a link to their page; empty sections left out."""
    lists = needs_attention(caseload_of(specialist))
    found: dict[str, list[DigestLine]] = {}
    for key in SECTIONS:
        shortlist = lists[key]
        if shortlist.shown:
            found[key] = [DigestLine(row.name, site(row.url)) for row in shortlist.shown]
    return found


def digest_notice(specialist: User, sections: dict[str, list[DigestLine]]) -> Notice:
    with translation.override(language_of(specialist)):
        lines: list[str] = []
        for key, entries in sections.items():
            lines.append(str(SECTIONS[key]))
            lines.extend(f"- {entry.name}: {entry.url}" for entry in entries)
            lines.append("")
        caseload = site(reverse("people:caseload"))
        off = site(reverse("reminders:off_link", args=[off_token(specialist)]))
        lines.append(_("Your caseload: %(url)s") % {"url": caseload})
        lines.append(_("Stop this digest (one tap, no sign-in needed): %(url)s") % {"url": off})
        return Notice(
            title="PeerGoals",
            body=_("Your caseload digest for today is ready."),
            tag="digest",
            url=reverse("people:caseload"),
            email_subject=_("Your PeerGoals digest"),
            email_body="\n".join(lines),
        )
