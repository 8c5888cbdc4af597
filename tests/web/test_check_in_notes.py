"""A check-in's note is the peer's own: her specialist reads it only when she shares it."""

from __future__ import annotations

import json

from django.test import Client
from django.urls import reverse

from peergoals.goals.models import CheckIn, Step
from tests.personas import People
from tests.web.conftest import browser_for


def check_in(client: Client, step: Step, **more: str) -> None:
    data = {f"step-{step.pk}-{name}": value for name, value in {"outcome": "done", **more}.items()}
    page = client.post(reverse("goals:check_in", args=[step.pk]), data)
    assert page.status_code == 302


def test_the_note_field_says_who_reads_it(as_maria: Client, walk_step: Step) -> None:
    page = as_maria.get(reverse("goals:today")).text
    assert "Only you can read it, unless you share it with your peer specialist." in page
    assert "Share what I wrote with my peer specialist" in page


def test_a_note_is_private_to_the_peer_unless_she_shares_it(
    as_maria: Client, as_sam: Client, people: People, walk_step: Step
) -> None:
    check_in(as_maria, walk_step, note="I cried on the walk today")
    assert CheckIn.objects.get().note_shared is False
    goal_page = reverse("goals:detail", args=[walk_step.goal_id])
    hers = as_maria.get(goal_page).text
    assert "I cried on the walk today" in hers
    assert "(only you can read this)" in hers
    for staff in (as_sam, browser_for(people.pat), browser_for(people.morgan)):
        assert "I cried on the walk today" not in staff.get(goal_page).text
        assert "I cried" not in staff.get(reverse("goals:peer", args=[people.maria.pk])).text
    download = as_sam.get(reverse("privacy:peer_download", args=[people.maria.pk]))
    assert json.loads(download.content)["check_ins"][0]["note"] == ""
    own = as_maria.get(reverse("privacy:download_my_data"))
    data = json.loads(b"".join(own.streaming_content) if own.streaming else own.content)
    assert data["check_ins"][0]["note"] == "I cried on the walk today"


def test_a_shared_note_reaches_the_specialist(
    as_maria: Client, as_sam: Client, people: People, walk_step: Step
) -> None:
    check_in(as_maria, walk_step, note="Walked with my sister", share_note="on")
    goal_page = reverse("goals:detail", args=[walk_step.goal_id])
    assert "(shared with your peer specialist)" in as_maria.get(goal_page).text
    assert "Walked with my sister" in as_sam.get(goal_page).text
    download = as_sam.get(reverse("privacy:peer_download", args=[people.maria.pk]))
    assert json.loads(download.content)["check_ins"][0]["note"] == "Walked with my sister"


def test_the_admin_never_shows_a_private_note(
    as_maria: Client, people: People, walk_step: Step
) -> None:
    check_in(as_maria, walk_step, note="I cried on the walk today")
    entry = CheckIn.objects.get()
    page = browser_for(people.morgan).get(f"/admin/goals/checkin/{entry.pk}/change/")
    assert page.status_code == 200
    assert "I cried" not in page.text
