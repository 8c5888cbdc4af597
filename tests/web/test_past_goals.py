"""Past goals: what the peer reached and what she let go, each hers to bring back."""

from __future__ import annotations

from html import unescape

from django.test import Client
from django.urls import reverse

from peergoals.goals import actions
from peergoals.goals.models import Goal, Status
from tests.personas import People

PAST = reverse("goals:past")


def past_goals(people: People) -> tuple[Goal, Goal]:
    reached = actions.create_goal(
        people.maria, by=people.maria, own_words="Read one recovery book", life_area="intellectual"
    )
    actions.set_goal_status(reached, by=people.maria, status=Status.COMPLETED)
    let_go = actions.create_goal(
        people.maria, by=people.maria, own_words="Run a marathon", life_area="physical"
    )
    actions.set_goal_status(let_go, by=people.maria, status=Status.CANCELLED)
    return reached, let_go


def test_the_peer_sees_what_she_has_done_and_the_goals_she_let_go(
    as_maria: Client, people: People, walk_goal: Goal
) -> None:
    past_goals(people)
    page = unescape(as_maria.get(PAST).text)
    done, let_go = page.index("What I've done"), page.index("Goals I let go")
    assert done < page.index("Read one recovery book") < let_go < page.index("Run a marathon")
    assert walk_goal.own_words not in page  # still being worked on
    assert "What I've done, and goals I let go" in unescape(as_maria.get("/me/").text)


def test_the_peer_brings_a_goal_back(as_maria: Client, people: People) -> None:
    _reached, let_go = past_goals(people)
    page = as_maria.get(PAST).text
    assert page.count("Bring it back") == 2
    answer = as_maria.post(
        reverse("goals:status", args=[let_go.pk]), {"status": "active", "next": PAST}
    )
    assert answer.status_code == 302
    assert answer["Location"] == PAST
    let_go.refresh_from_db()
    assert let_go.status == Status.ACTIVE
    assert "Run a marathon" not in as_maria.get(PAST).text


def test_only_the_peer_brings_a_goal_back(as_sam: Client, people: People) -> None:
    reached, _let_go = past_goals(people)
    answer = as_sam.post(reverse("goals:status", args=[reached.pk]), {"status": "active"})
    assert answer.status_code == 400
    reached.refresh_from_db()
    assert reached.status == Status.COMPLETED


def test_with_nothing_past_the_page_says_so_kindly(as_maria: Client) -> None:
    page = unescape(as_maria.get(PAST).text)
    assert "Goals you reach will be listed here" in page
