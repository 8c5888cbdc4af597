"""Staff pages show a peer who has not agreed to share as a name only."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal
from peergoals.people.actions import assign_peer
from peergoals.people.models import Role
from peergoals.privacy import actions as privacy
from tests.personas import People, make_person
from tests.web.conftest import browser_for

NOT_SHARING = "Hasn't agreed to share yet"
STOPPED = "Stopped sharing on"


def test_a_peer_without_consent_shows_as_a_name_only(
    as_sam: Client, people: People, walk_goal: Goal
) -> None:
    goal = actions.create_goal(
        people.maria, by=people.maria, own_words="Call my sister", life_area="social"
    )
    assert "Call my sister" not in as_sam.get(reverse("people:caseload")).text
    privacy.revoke_consent(people.maria, by=people.maria)
    page = unescape(as_sam.get(reverse("people:caseload")).text)
    assert "Maria" in page and STOPPED in page and NOT_SHARING not in page
    assert reverse("goals:peer", args=[people.maria.pk]) not in page
    assert "goal in progress" not in page
    assert as_sam.get(reverse("goals:detail", args=[goal.pk])).status_code == 404


def test_the_supervisors_drill_down_shows_the_name_only_too(
    as_pat: Client, people: People, walk_goal: Goal
) -> None:
    privacy.revoke_consent(people.maria, by=people.maria)
    page = unescape(as_pat.get(reverse("people:specialist", args=[people.sam.pk])).text)
    assert "Maria" in page and STOPPED in page
    assert reverse("goals:peer", args=[people.maria.pk]) not in page


def test_a_peer_who_has_not_agreed_yet_is_told_apart_from_one_who_stopped(
    as_sam: Client, people: People
) -> None:
    newcomer = make_person("dana", Role.PEER)
    assign_peer(newcomer, people.sam, by=people.morgan)
    privacy.revoke_consent(people.maria, by=people.maria)
    page = unescape(as_sam.get(reverse("people:caseload")).text)
    dana = page[page.index("Dana") :]
    assert dana.index(NOT_SHARING) < dana.index("</li>")
    maria = page[page.index("Maria") :]
    assert maria.index(STOPPED) < maria.index("</li>")


def team_row(client: Client, name: str) -> tuple[int, int, int]:
    """(peers, reviews past their date, wins) in the team page's row for `name`."""
    page = client.get(reverse("people:team"))
    row = next(s for s in page.context["specialists"] if s.display_name == name)
    return row.caseload_size, row.reviews_overdue, row.recent_wins


def test_the_team_page_counts_no_records_of_a_peer_who_is_not_sharing(
    as_pat: Client, people: People, walk_goal: Goal, walk_step: object
) -> None:
    actions.record_check_in(walk_step, by=people.maria, outcome="done")  # type: ignore[arg-type]
    assert team_row(as_pat, "Sam") == (1, 0, 1)
    privacy.revoke_consent(people.maria, by=people.maria)
    # Her name is still on the caseload; nothing drawn from her records is counted.
    assert team_row(as_pat, "Sam") == (1, 0, 0)


def test_a_consenting_peer_shows_in_full(as_sam: Client, people: People, walk_goal: Goal) -> None:
    page = unescape(as_sam.get(reverse("people:caseload")).text)
    assert reverse("goals:peer", args=[people.maria.pk]) in page
    assert NOT_SHARING not in page
    assert (
        browser_for(people.morgan).get(reverse("goals:peer", args=[people.maria.pk])).status_code
        == 200
    )
