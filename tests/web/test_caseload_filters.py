"""The caseload's filters (life area, goal status) and the order of what needs attention."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peergoals.goals import actions
from peergoals.goals.models import CheckIn, Goal, Win
from peergoals.people.actions import assign_peer
from peergoals.people.caseload import CaseloadFilters
from peergoals.people.models import Role, User
from tests.personas import People, agree_to_share, make_person


def more_peers(people: People, *names: str) -> list[User]:
    peers = []
    for name in names:
        peer = make_person(name, Role.PEER)
        assign_peer(peer, people.sam, by=people.morgan)
        agree_to_share(peer)
        peers.append(peer)
    return peers


def goal_for(peer: User, area: str = "physical", **extra: object) -> Goal:
    return actions.create_goal(peer, by=peer, own_words=f"{peer} goal", life_area=area, **extra)


def section(page: str, title_id: str) -> str:
    start = page.index(f'id="{title_id}"')
    return page[start : page.index("</section>", start)]


def test_it_shows_only_peers_with_a_goal_in_the_chosen_life_area(
    as_sam: Client, people: People
) -> None:
    (ana,) = more_peers(people, "ana")
    goal_for(people.maria, "physical")
    goal_for(ana, "social")
    page = unescape(as_sam.get(reverse("people:caseload"), {"area": "social"}).text)
    everyone = section(page, "everyone-title")
    assert "Ana" in everyone
    assert "Maria" not in everyone
    assert '<option value="social" selected>' in page


def test_it_shows_only_peers_with_a_goal_in_the_chosen_status(
    as_sam: Client, people: People
) -> None:
    (ana,) = more_peers(people, "ana")
    goal_for(people.maria)
    goal_for(ana, ready=False)
    everyone = section(
        unescape(as_sam.get(reverse("people:caseload"), {"status": "planned"}).text),
        "everyone-title",
    )
    assert "Ana" in everyone
    assert "Maria" not in everyone


@pytest.mark.parametrize(
    "query",
    [
        {"area": "moon"},
        {"status": "rejected"},
        {"area": "<script>x</script>", "status": "💥"},
        {"area": "x" * 5000},
    ],
)
def test_it_ignores_a_filter_it_does_not_understand_and_says_so(
    as_sam: Client, people: People, query: dict[str, str]
) -> None:
    goal_for(people.maria)
    page = as_sam.get(reverse("people:caseload"), query)
    assert page.status_code == 200
    assert "We left out a filter we didn't understand:" in unescape(page.text)
    assert "<script>x" not in page.text
    assert "Maria" in section(page.text, "everyone-title")


def test_reviews_longest_past_their_date_come_first(as_sam: Client, people: People) -> None:
    ana, ben = more_peers(people, "ana", "ben")
    today = timezone.localdate()
    for peer, days_late in ((people.maria, 1), (ana, 9), (ben, 4)):
        goal = goal_for(peer)
        Goal.objects.filter(pk=goal.pk).update(
            next_review_on=today - datetime.timedelta(days=days_late)
        )
    due = section(as_sam.get(reverse("people:caseload")).text, "due-title")
    assert due.index("Ana") < due.index("Ben") < due.index("Maria")


def test_the_peer_quiet_longest_comes_first_with_a_gentle_hello(
    as_sam: Client, people: People
) -> None:
    ana, ben = more_peers(people, "ana", "ben")
    for peer, days in ((people.maria, 15), (ana, 40), (ben, 20)):
        step = actions.add_step(goal_for(peer), by=peer, wording="Walk")
        CheckIn.objects.create(
            step=step,
            peer=peer,
            for_date=timezone.localdate() - datetime.timedelta(days=days),
            outcome="done",
            recorded_by=peer,
            recorded_at=timezone.now() - datetime.timedelta(days=days),
        )
    quiet = section(as_sam.get(reverse("people:caseload")).text, "quiet-title")
    assert quiet.index("Ana") < quiet.index("Ben") < quiet.index("Maria")
    assert "reach out and say hello" in quiet


def test_the_newest_win_comes_first_said_about_the_peer(as_sam: Client, people: People) -> None:
    (ana,) = more_peers(people, "ana")
    for peer, hours in ((people.maria, 30), (ana, 2)):
        step = actions.add_step(goal_for(peer), by=peer, wording=f"{peer} step")
        actions.set_step_status(step, by=peer, status="completed")
        Win.objects.filter(peer=peer).update(
            created_at=timezone.now() - datetime.timedelta(hours=hours)
        )
    wins = unescape(section(as_sam.get(reverse("people:caseload")).text, "wins-title"))
    assert wins.index("Ana") < wins.index("Maria")
    assert "Latest: Ana finished" in wins


def test_the_suggestion_waiting_longest_comes_first(as_sam: Client, people: People) -> None:
    (ana,) = more_peers(people, "ana")
    old = actions.create_goal(ana, by=people.sam, own_words="Old idea", life_area="social")
    Goal.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=5))
    actions.create_goal(people.maria, by=people.sam, own_words="New idea", life_area="social")
    waiting = section(as_sam.get(reverse("people:caseload")).text, "waiting-title")
    assert waiting.index("Ana") < waiting.index("Maria")
    assert "waiting since" in waiting


def test_the_supervisor_can_filter_a_specialists_caseload_too(
    as_pat: Client, people: People
) -> None:
    goal_for(people.maria, "financial")
    url = reverse("people:specialist", args=[people.sam.pk])
    assert "Maria" in section(as_pat.get(url, {"area": "financial"}).text, "everyone-title")
    assert "Maria" not in section(as_pat.get(url, {"area": "social"}).text, "everyone-title")


def _markup(html: str) -> str:
    """HTML with the spaces between and inside tags that a browser ignores taken out."""
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", re.sub(r"\s+", " ", html)))


@pytest.mark.parametrize("query", [{}, {"area": "physical", "status": "active"}])
def test_the_filters_are_drawn_as_the_form_draws_them(
    as_sam: Client, people: People, query: dict[str, str]
) -> None:
    # The page writes the two lists out itself, for speed: they must stay what the form would
    # draw, the chosen value selected, whatever the form says next year.
    page = _markup(as_sam.get(reverse("people:caseload"), query).text)
    form = CaseloadFilters(initial=query)
    for name in ("area", "status"):
        assert _markup(form[name].as_field_group()) in page
