"""Two people edit the same record from the same version: the second is told, nothing is lost."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from peergoals.goals.models import Goal, Step
from peergoals.privacy.models import Consent, SignedConsentError
from tests.personas import People

CONFLICT = "Someone else changed this while you were editing"


def form_fields(client: Client, url: str) -> dict[str, str]:
    """The inputs and text areas of the form on `url`, as a browser would send them back."""
    page = client.get(url).text
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
    fields.update(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?([^<]*)</textarea>', page))
    fields.pop("csrfmiddlewaretoken", None)
    return {name: unescape(value) for name, value in fields.items()}


def test_the_second_of_two_goal_edits_gets_the_conflict_and_keeps_the_text(
    as_maria: Client, as_sam: Client, walk_goal: Goal
) -> None:
    # Sam's edit is a suggestion; one made against a version Maria has since changed is
    # refused like a second edit, so Maria never answers a suggestion about words she replaced.
    url = reverse("goals:edit", args=[walk_goal.pk])
    marias, sams = form_fields(as_maria, url), form_fields(as_sam, url)
    assert marias["version"] == sams["version"] == str(walk_goal.version)
    base = {"life_area": "physical", "review_every_days": "14"}

    first = as_maria.post(url, {**base, **marias, "smart_wording": "Walk 15 minutes every morning"})
    assert first.status_code == 302
    second = as_sam.post(url, {**base, **sams, "smart_wording": "Swim twice a week"})
    page = unescape(second.text)
    assert second.status_code == 409
    assert CONFLICT in page
    assert "Swim twice a week</textarea>" in page
    assert "Walk 15 minutes every morning" in page  # the latest saved version, shown beside
    walk_goal.refresh_from_db()
    assert walk_goal.smart_wording == "Walk 15 minutes every morning"
    assert not walk_goal.suggested_changes.exists()


def test_the_second_of_two_step_edits_gets_the_conflict_and_keeps_the_text(
    as_maria: Client, as_sam: Client, walk_step: Step
) -> None:
    url = reverse("goals:edit_step", args=[walk_step.pk])
    marias, sams = form_fields(as_maria, url), form_fields(as_sam, url)
    base = {"target_kind": "count", "target_quantity": "1", "target_per": "day"}
    assert as_maria.post(url, {**marias, **base, "wording": "Walk 15 minutes"}).status_code == 302
    second = as_sam.post(url, {**sams, **base, "wording": "Walk to the park"})
    assert second.status_code == 409
    assert CONFLICT in unescape(second.text)
    assert "Walk to the park" in second.text
    walk_step.refresh_from_db()
    assert walk_step.wording == "Walk 15 minutes"


def test_a_signed_consent_cannot_be_overwritten_by_anyone(people: People) -> None:
    consent = Consent.objects.get(peer=people.maria)
    consent.signature = "Someone else"
    with pytest.raises(SignedConsentError):
        consent.save()
    consent.refresh_from_db()
    assert consent.signature == "Maria"
