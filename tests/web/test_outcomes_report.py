"""The program's outcome report: who may read it, whom it counts, what it hides, its downloads.

Pat supervises the East team (Sam and Alex); Quinn the West team; Morgan is the program admin.
Maria and Jordan share their records with staff but did not agree to be counted in reports.
`counted_peers` adds peers on Sam's caseload who agreed to both.
"""

from __future__ import annotations

import csv
import datetime
import io
from html import unescape

import pypdf
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from peergoals.audit.models import AuditAction, AuditEntry, RecordType
from peergoals.goals import actions
from peergoals.goals.models import Goal
from peergoals.outcomes import report as outcome_report
from peergoals.people.actions import assign_peer
from peergoals.people.models import Role, Team, User
from peergoals.privacy.actions import give_consent, revoke_consent
from peergoals.spreadsheets import safe_cell as formula_safe
from tests.personas import People, make_person
from tests.web.conftest import browser_for


def counted_peer(
    people: People, number: int, *, level: int | None = 1, set_days_ago: int = 0
) -> User:
    """A peer on Sam's caseload who agreed to be counted in reports, with one goal scaled from
    a baseline of -1 (set `set_days_ago`) and, unless `level` is None, a look back at `level`."""
    peer = make_person(f"counted{number}", Role.PEER)
    set_at = timezone.now() - datetime.timedelta(days=set_days_ago)
    assign_peer(peer, people.sam, by=people.morgan, on=timezone.localdate(set_at))
    give_consent(peer, by=peer, signature=peer.display_name, until_event=True, program_reports=True)
    goal = actions.create_goal(
        peer,
        by=peer,
        own_words="Walk more",
        life_area="physical",
        importance=7,
        confidence=5,
        at=set_at,
    )
    goal = actions.change_goal(
        goal,
        by=peer,
        version=goal.version,
        scale_expected="Walk three mornings a week",
        scale_more="Walk five mornings",
        scale_less="Walk once",
        scale_baseline=-1,
        at=set_at,
    )
    if level is not None:
        actions.hold_review(goal, by=peer, decision="keep", attainment=level)
    return peer


def counted_peers(people: People, how_many: int, *, level: int | None = 1) -> list[User]:
    return [counted_peer(people, n, level=level) for n in range(how_many)]


def report_url(name: str = "outcomes:report", **query: str) -> str:
    url = reverse(name)
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def as_morgan(people: People) -> Client:
    return browser_for(people.morgan)


def text_of(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


# Who may read it ----------------------------------------------------------------------------


def test_it_shows_a_supervisor_their_own_team(people: People, as_pat: Client) -> None:
    counted_peers(people, 5)
    page = as_pat.get(report_url())
    assert page.status_code == 200
    assert "East, " in text_of(page)
    assert "Peers served and counted: 5." in text_of(page)


def test_it_refuses_a_supervisor_another_team(people: People, as_quinn: Client) -> None:
    counted_peers(people, 5)
    east = Team.objects.get(name="East")
    page = as_quinn.get(report_url(team=str(east.pk)))
    assert page.status_code == 400
    assert "Please pick a team from the list." in text_of(page)
    assert "Peers served and counted" not in text_of(page)


def test_it_shows_a_program_admin_the_whole_program(people: People, as_morgan: Client) -> None:
    counted_peers(people, 6)
    page = as_morgan.get(report_url())
    assert "The whole program, " in text_of(page)
    assert "Peers served and counted: 6." in text_of(page)


@pytest.mark.parametrize("persona", ["maria", "sam"])
def test_it_is_not_there_for_peers_and_specialists(people: People, persona: str) -> None:
    browser = browser_for(getattr(people, persona))
    for name in ("outcomes:report", "outcomes:report_csv", "outcomes:report_pdf"):
        assert browser.get(report_url(name)).status_code == 404


# Whom it counts, and what it hides -----------------------------------------------------------


def test_it_counts_only_peers_whose_consent_covers_reports_and_says_who_is_left_out(
    people: People, as_pat: Client
) -> None:
    counted_peers(people, 5)
    page = text_of(as_pat.get(report_url()))
    # Maria and Jordan share with their specialists, but not for reports: two left out, said
    # as "fewer than 5" rather than as a number that points at them.
    assert "Left out: fewer than 5 peers whose consent does not cover program reports" in page
    rows = list(
        csv.DictReader(
            io.StringIO(text_of(as_pat.get(report_url("outcomes:report_csv"))).lstrip("\ufeff"))
        )
    )
    assert len(rows) == 5
    refs = {row["peer"] for row in rows}
    maria = outcome_report.reference("peer", people.maria.pk)
    assert maria not in refs


def test_a_peer_who_stops_sharing_is_no_longer_counted(people: People, as_pat: Client) -> None:
    peers = counted_peers(people, 6)
    assert "Peers served and counted: 6." in text_of(as_pat.get(report_url()))
    revoke_consent(peers[0], by=peers[0])
    assert "Peers served and counted: 5." in text_of(as_pat.get(report_url()))


def test_with_fewer_than_5_peers_it_shows_nothing_more_and_offers_no_download(
    people: People, as_pat: Client
) -> None:
    counted_peers(people, 4)
    page = text_of(as_pat.get(report_url()))
    assert "Peers served and counted: fewer than 5." in page
    assert "Fewer than 5 peers are counted for this choice" in page
    assert "Goal Attainment Scaling" not in page
    assert "Download the rows (CSV)" not in page
    assert as_pat.get(report_url("outcomes:report_csv")).status_code == 400
    assert as_pat.get(report_url("outcomes:report_pdf")).status_code == 400
    assert not AuditEntry.objects.filter(record_type=RecordType.PROGRAM_REPORT).exists()


def test_a_life_area_with_fewer_than_5_peers_is_suppressed(people: People, as_pat: Client) -> None:
    counted_peers(people, 6)
    page = text_of(as_pat.get(report_url(life_area="social")))
    assert "Fewer than 5 peers are counted for this choice" not in page
    # Six peers served, none with a goal about family and friends: every count is zero, no
    # figure is about one or two people.
    assert "Goals set by the peer</th><td>0<" in page


def test_small_counts_are_hidden_and_never_alone_in_a_distribution() -> None:
    figures = outcome_report.distribution([12, 3, 20, 0])
    assert [str(f) for f in figures] == ["fewer than 5", "fewer than 5", "20", "0"]
    assert [str(f) for f in outcome_report.distribution([12, 3, 2, 0])] == [
        "12",
        "fewer than 5",
        "fewer than 5",
        "0",
    ]
    assert str(outcome_report.count_of(0)) == "0"
    assert str(outcome_report.count_of(5)) == "5"


# What it shows --------------------------------------------------------------------------------


def test_it_shows_gas_t_scores_from_baseline_to_latest(people: People, as_pat: Client) -> None:
    counted_peers(people, 5, level=1)
    page = text_of(as_pat.get(report_url()))
    # One goal each: T = 50 + 10x, so 40 at the baseline of -1 and 60 at +1.
    assert "Average T-score at the start</th><td>40.0<" in page
    assert "Average T-score at the latest review</th><td>60.0<" in page
    assert "Average change</th><td>20.0<" in page
    assert "goals went better than expected: 5; as expected: 0" in page
    assert '<svg viewBox="0 0 360 190"' in page
    assert "Peers by T-score, at the start and at the latest review" in page


def test_it_counts_reviews_held_on_time_and_late(people: People, as_pat: Client) -> None:
    today = timezone.localdate()
    for number in range(5):
        peer = counted_peer(people, number, level=None, set_days_ago=40)
        goal = Goal.objects.get(peer=peer)
        # Due 14 days after the goal was set: held after 10 days, on time; the next one due
        # 14 days after that, held 30 days later, late.
        for days_ago in (30, 0):
            held_on = today - datetime.timedelta(days=days_ago)
            moment = timezone.now() - datetime.timedelta(days=days_ago)
            goal = actions.hold_review(
                goal, by=peer, decision="keep", held_on=held_on, at=moment
            ).review.goal
    start = (today - datetime.timedelta(days=60)).isoformat()
    page = text_of(as_pat.get(report_url(start=start, end=today.isoformat())))
    assert "Reviews held on time</th><td>5<" in page
    assert "Reviews held late</th><td>5<" in page


def test_the_report_takes_the_same_number_of_queries_for_more_peers(
    people: People, as_morgan: Client
) -> None:
    counted_peers(people, 5)
    scope = outcome_report.Scope(
        start=timezone.localdate() - datetime.timedelta(weeks=8), end=timezone.localdate()
    )
    with CaptureQueriesContext(connection) as few:
        outcome_report.build_report(people.morgan, scope)
    for number in range(5, 12):
        counted_peer(people, number)
    with CaptureQueriesContext(connection) as more:
        built = outcome_report.build_report(people.morgan, scope)
    assert str(built.peers_served) == "12"
    assert len(more) == len(few)


def test_bad_choices_are_answered_beside_the_fields(people: People, as_morgan: Client) -> None:
    page = as_morgan.get(
        report_url(start="yesterday", end="2026-01-01", team="999999", life_area="<script>")
    )
    assert page.status_code == 400
    body = text_of(page)
    assert "Please enter a date, like 2026-10-01." in body
    assert "Please pick a team from the list." in body
    assert "Please pick a life area from the list." in body
    assert 'value="yesterday"' in body
    backwards = as_morgan.get(report_url(start="2026-03-01", end="2026-01-01"))
    assert "The last day can't be before the first day." in unescape(text_of(backwards))


# Downloads ------------------------------------------------------------------------------------


def test_the_csv_is_one_row_per_peer_goal_and_period_formula_safe(
    people: People, as_pat: Client
) -> None:
    counted_peers(people, 5, level=-1)
    Team.objects.filter(name="East").update(name='=HYPERLINK("http://x")')
    response = as_pat.get(report_url("outcomes:report_csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert len(rows) == 5
    assert rows[0]["team"].startswith("'=HYPERLINK")
    # Numbers stay numbers, a negative level too: no apostrophe before -1.
    assert rows[0]["gas_baseline"] == "-1"
    assert rows[0]["gas_latest"] == "-1"
    assert rows[0]["life_area"] == "physical"
    assert rows[0]["set_by"] == "peer"
    assert "Walk" not in body  # never the peer's words
    assert "counted0" not in body  # never a name


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1 cmd", "@SUM(A1)", "\tx", "\rx", "\0x"])
def test_text_that_a_spreadsheet_would_run_is_written_as_text(text: str) -> None:
    assert formula_safe(text) == "'" + text


def test_numbers_and_plain_text_are_written_as_they_are() -> None:
    assert formula_safe(-2) == -2
    assert formula_safe(64.51) == 64.51
    assert formula_safe("physical") == "physical"
    assert formula_safe(None) == ""


def test_each_download_is_one_audit_entry_naming_its_scope(people: People, as_pat: Client) -> None:
    counted_peers(people, 5)
    as_pat.get(report_url())
    assert not AuditEntry.objects.filter(record_type=RecordType.PROGRAM_REPORT).exists()
    as_pat.get(report_url("outcomes:report_csv", life_area="physical"))
    entries = list(AuditEntry.objects.filter(record_type=RecordType.PROGRAM_REPORT))
    assert len(entries) == 1
    assert entries[0].action == AuditAction.EXPORT
    assert entries[0].user_id == people.pat.pk
    east = Team.objects.get(name="East")
    assert entries[0].detail.startswith(f"team {east.pk} (East), ")
    assert entries[0].detail.endswith(", life area physical")


def test_the_pdf_reads_as_the_report(people: People, as_morgan: Client) -> None:
    counted_peers(people, 5)
    response = as_morgan.get(report_url("outcomes:report_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Outcomes report" in text
    assert "Peers served and counted: 5." in text
    assert "Average T-score at the latest review 60.0" in text
    assert (
        AuditEntry.objects.filter(
            record_type=RecordType.PROGRAM_REPORT, detail__startswith="whole program"
        ).count()
        == 1
    )


# The consent's own box ------------------------------------------------------------------------


def test_being_counted_in_reports_is_a_choice_of_its_own_on_the_consent(
    people: People, as_jordan: Client
) -> None:
    form = {"ends": "event", "understands_substance_use": "on", "signature": "Jordan"}
    as_jordan.post(reverse("privacy:give"), {**form, "program_reports": "on"})
    sharing = text_of(as_jordan.get(reverse("privacy:sharing")))
    assert "Yes: your goals, steps and check-ins are counted in the program" in unescape(sharing)
    as_jordan.post(reverse("privacy:give"), form)
    sharing = text_of(as_jordan.get(reverse("privacy:sharing")))
    assert "No: you are not counted in the program" in unescape(sharing)
