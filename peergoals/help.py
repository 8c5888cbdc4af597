"""The help page's crisis lines: the national ones by default, or the program's own list.

Read once at start-up by the settings, so a malformed PEERGOALS_CRISIS_LINES stops the site
from starting rather than breaking the one page a person in crisis opens.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# What a phone number may hold as people write it: digits, a leading +, spaces, dots, dashes
# and brackets ("988", "1-800-662-4357", "+1 (555) 010-0199").
PHONE_NUMBER = re.compile(r"\+?\(?[0-9][0-9 .()\-]*")


@dataclass(frozen=True)
class CrisisLine:
    """A line a person can call, and text when `text` is set, at any hour."""

    name: str | Promise
    call: str
    text: str = ""
    about: str | Promise = ""

    @property
    def call_link(self) -> str:
        return call_link(self.call)

    @property
    def text_link(self) -> str:
        return "sms:" + _dialled(self.text) if self.text else ""


def call_link(number: str) -> str:
    """A tel: link that opens the phone's dialler with `number` in it."""
    return "tel:" + _dialled(number)


def _dialled(number: str) -> str:
    """The number as a phone dials it: tel: and sms: links carry no spaces or dashes."""
    return re.sub(r"[^0-9+]", "", number)


NATIONAL_CRISIS_LINES = (
    CrisisLine(
        name=_("988 Suicide & Crisis Lifeline"),
        call="988",
        text="988",
        about=_("Call or text 988, any time, day or night. Free and confidential."),
    ),
    CrisisLine(
        name=_("SAMHSA National Helpline"),
        call="1-800-662-4357",
        about=_(
            "Free and confidential help with mental health and substance use, and where to find "
            "treatment near you, any time, in English and Spanish."
        ),
    ),
)


def crisis_lines(setting: str | None) -> tuple[CrisisLine, ...]:
    """The lines PEERGOALS_CRISIS_LINES lists, or the national ones when it is unset or empty.

    Lines are separated by `;`, and the parts of a line by `|`: the name, the number to call,
    the number to text (may be empty), and a sentence about it (may be left out).
    """
    if not setting or not setting.strip():
        return NATIONAL_CRISIS_LINES
    lines = []
    for entry in filter(str.strip, setting.split(";")):
        parts = [part.strip() for part in entry.split("|")]
        if len(parts) < 2 or len(parts) > 4 or not parts[0]:
            raise ImproperlyConfigured(
                f"PEERGOALS_CRISIS_LINES: {entry.strip()!r} is not "
                "'name|number to call|number to text|about' (the last two may be empty)"
            )
        name, call, text, about = [*parts, "", ""][:4]
        for number in filter(None, (call, text)):
            if not PHONE_NUMBER.fullmatch(number):
                raise ImproperlyConfigured(
                    f"PEERGOALS_CRISIS_LINES: {number!r} for {name!r} is not a phone number"
                )
        if not call:
            raise ImproperlyConfigured(f"PEERGOALS_CRISIS_LINES: {name!r} has no number to call")
        lines.append(CrisisLine(name=name, call=call, text=text, about=about))
    return tuple(lines)


def phone_number(name: str, default: str = "") -> str:
    """The phone number setting `name`, checked at start-up; empty when it is not set."""
    value = os.environ.get(name, default).strip()
    if value and not PHONE_NUMBER.fullmatch(value):
        raise ImproperlyConfigured(f"{name}: {value!r} is not a phone number")
    return value


def email_address(name: str) -> str:
    """The e-mail address setting `name`, checked at start-up; empty when it is not set."""
    value = os.environ.get(name, "").strip()
    try:
        if value:
            validate_email(value)
    except ValidationError:
        raise ImproperlyConfigured(f"{name}: {value!r} is not an e-mail address") from None
    return value
