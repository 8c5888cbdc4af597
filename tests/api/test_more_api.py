"""Goal changes and their conflicts, reviews, wins, the caseload and the report figures."""

from __future__ import annotations

from django.test import Client

from peergoals.audit.models import AuditAction, AuditEntry
from peergoals.goals import actions
from peergoals.goals.models import Goal, Step
from peergoals.people import tokens
from peergoals.people.models import User
from tests.personas import People, confirmed_device, new_sharing_peers


def api_as(person: User, scope: str = "write") -> Client:
    if not person.is_peer:
        confirmed_device(person)
    _token, secret = tokens.create_token(person, name="script", scope=scope, days=30)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_two_changes_from_the_same_version_clash_with_409_and_the_version_now(
    people: People, walk_goal: Goal
) -> None:
    maria = api_as(people.maria)
    url = f"/api/v1/goals/{walk_goal.pk}"
    first = maria.patch(url, {"version": 1, "own_words": "Walk more"}, "application/json")
    assert first.status_code == 200
    assert first.json()["version"] == 2
    second = maria.patch(url, {"version": 1, "own_words": "Swim more"}, "application/json")
    assert second.status_code == 409
    assert second.json()["version"] == 2
    walk_goal.refresh_from_db()
    assert walk_goal.own_words == "Walk more"


def test_a_specialist_cannot_change_the_peers_words_and_is_told_why(
    people: People, walk_goal: Goal
) -> None:
    answer = api_as(people.sam).patch(
        f"/api/v1/goals/{walk_goal.pk}", {"version": 1, "own_words": "Mine"}, "application/json"
    )
    assert answer.status_code == 403
    assert "peer" in answer.json()["detail"]


def test_bad_input_names_the_field(people: People, walk_goal: Goal) -> None:
    answer = api_as(people.maria).patch(
        f"/api/v1/goals/{walk_goal.pk}", {"version": 0}, "application/json"
    )
    assert answer.status_code == 422
    assert "version" in str(answer.json()["detail"])


def test_reviews_and_wins_read_as_the_pages_show_them(people: People, walk_step: Step) -> None:
    actions.record_check_in(walk_step, by=people.maria, outcome="done")
    actions.hold_review(walk_step.goal, by=people.maria, decision="keep")
    maria = api_as(people.maria)
    reviews = maria.get(f"/api/v1/goals/{walk_step.goal_id}/reviews").json()
    assert [review["decision"] for review in reviews] == ["keep"]
    wins = maria.get(f"/api/v1/peers/{people.maria.pk}/wins").json()
    assert any(win["words"].startswith("You did your first check-in") for win in wins)
    sams = api_as(people.sam).get(f"/api/v1/peers/{people.maria.pk}/wins").json()
    assert any(win["words"].startswith("Maria") for win in sams)
    assert api_as(people.jordan).get(f"/api/v1/peers/{people.maria.pk}/wins").status_code == 404


def test_the_caseload_lists_the_specialists_peers_and_audits_each(
    people: People, walk_goal: Goal
) -> None:
    caseload = api_as(people.sam).get(f"/api/v1/specialists/{people.sam.pk}/caseload").json()
    assert caseload["count"] == 1
    rows = caseload["items"]
    assert [(row["peer_id"], row["display_name"]) for row in rows] == [(people.maria.pk, "Maria")]
    assert AuditEntry.objects.filter(
        action=AuditAction.VIEW, user=people.sam, record_type="caseload", peer_id=people.maria.pk
    ).exists()
    assert (
        api_as(people.pat).get(f"/api/v1/specialists/{people.sam.pk}/caseload").status_code == 200
    )
    assert (
        api_as(people.quinn).get(f"/api/v1/specialists/{people.sam.pk}/caseload").status_code == 404
    )
    assert (
        api_as(people.maria).get(f"/api/v1/specialists/{people.sam.pk}/caseload").status_code == 404
    )


def test_a_caseload_comes_a_part_at_a_time_and_only_the_peers_sent_are_read(
    people: People, walk_goal: Goal
) -> None:
    added = new_sharing_peers(4, people.sam, by=people.morgan)
    sam = api_as(people.sam)
    url = f"/api/v1/specialists/{people.sam.pk}/caseload"

    def names(query: str) -> tuple[int, list[str]]:
        part = sam.get(f"{url}?{query}").json()
        return part["count"], [row["display_name"] for row in part["items"]]

    assert names("limit=2") == (5, ["Maria", "Peer0"])
    read = AuditEntry.objects.filter(user=people.sam, record_type="caseload")
    assert set(read.values_list("peer_id", flat=True)) == {people.maria.pk, added[0].pk}
    assert names("limit=2&offset=2") == (5, ["Peer1", "Peer2"])
    assert names("offset=4") == (5, ["Peer3"])
    assert names("offset=5") == (5, [])
    assert names("") == (5, ["Maria", "Peer0", "Peer1", "Peer2", "Peer3"])
    for wrong in ("limit=0", "limit=101", "offset=-1", "offset=99999999999999999999", "limit=x"):
        assert sam.get(f"{url}?{wrong}").status_code == 422, wrong


def test_the_report_figures_hide_small_counts_and_are_for_supervisors_and_admins(
    people: People, walk_goal: Goal
) -> None:
    figures = api_as(people.morgan).get("/api/v1/report").json()
    assert figures["too_few"] is True
    assert api_as(people.maria).get("/api/v1/report").status_code == 404
    bad = api_as(people.morgan).get("/api/v1/report?start=2026-12-01&end=2026-01-01")
    assert bad.status_code == 422
