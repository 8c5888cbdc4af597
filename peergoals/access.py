"""The one access policy: whose records a person may reach, and what they may do with them.

Every view, htmx endpoint, admin page and command gets peer records through these functions.
A record someone may not reach raises NotFound (a 404), exactly as a missing one does, so the answer
never tells whether it exists.

The policy, by relationship to the peer whose record it is:

| relationship                       | view | create | change | delete |
|------------------------------------|------|--------|--------|--------|
| the peer themself                  | yes  | yes    | yes    | yes    |
| their current peer specialist      | yes  | yes    | yes    | no     |
| a supervisor of that specialist    | yes  | no     | no     | no     |
| a program admin                    | yes  | no     | no     | no     |
| anyone else                        | no   | no     | no     | no     |

Staff (specialist, supervisor, admin) reach a peer's records only while the peer has a valid
consent to share them (42 CFR Part 2; `peergoals.privacy`). The check runs on every request, so
a revoked consent closes access on the very next one. A peer who asked for their data to be
deleted is reachable by nobody, themself included.

Every get_*_for writes the audit log (HIPAA 164.312(b)): a record handed to anyone but its
peer is a read, once per request (a POST is recorded by the action it performs instead), and a
refusal of a record that exists is a denial.

The audit log is read by program admins, who export it (`audit_log_for`), and by each peer
about their own records (`seen_by_others_for`, "who has seen my plan"); nobody changes it.
The admin's pages for peer records take their rows from `peers_for` and are read-only.

The program's outcome report counts peers, never names them: a supervisor reads their team's,
a program admin the whole program's, and only peers whose valid consent also covers program
reports are counted (`report_peers_for`; `report_left_out_for` says how many were not).

Every role permission is asked here too, as a question about the person (`may_manage_caseloads`,
`may_manage_deletions`, `may_record_consent_end`, `may_read_audit_log`, the export rules, ...):
no page, action, admin class or command compares a role itself.

What a specialist creates stays *proposed* until the peer accepts it, and nobody but the peer
changes the peer's own words: those rules belong to the practice and live in
`peergoals.goals.actions`, which every interface calls.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peergoals import audit
from peergoals.audit.models import ABOUT_A_PEER, AuditAction, AuditEntry, RecordType
from peergoals.db import flushed_with_the_next_write
from peergoals.errors import NotFound
from peergoals.goals.models import CheckIn, Goal, Review, Step, SuggestedChange, Win
from peergoals.people.models import Assignment, Role, Team, User
from peergoals.privacy.models import Consent

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_stubs_ext import StrOrPromise


class Action(StrEnum):
    VIEW = "view"
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"


# Which actions each relationship grants; anything not listed is refused.
GRANTS: dict[str, frozenset[Action]] = {
    "self": frozenset(Action),
    "specialist": frozenset({Action.VIEW, Action.CREATE, Action.CHANGE}),
    "supervisor": frozenset({Action.VIEW}),
    "admin": frozenset({Action.VIEW}),
}


# A peer whose records anyone may reach: an active account that has not asked to be deleted.
REACHABLE = {"role": Role.PEER, "is_active": True, "deletion_requested_at__isnull": True}


def _related_peers(user: User | AnonymousUser, action: Action) -> QuerySet[User]:
    """The peers `user` stands in a relationship with that grants `action`, consent aside."""
    peers = User.objects.filter(**REACHABLE)
    if not user.is_authenticated or not user.is_active:
        return peers.none()
    assert isinstance(user, User)
    if user.role == Role.PEER:
        return peers.filter(id=user.id) if action in GRANTS["self"] else peers.none()
    # A specialist's or a team's peers are found from the assignments, which also ask that the
    # peer be reachable: the query starts from the caseload, never from every peer of the
    # program, so its cost follows the caseload's size and not the organisation's.
    on_caseload = _to_reachable_peers()
    if user.role == Role.SPECIALIST and action in GRANTS["specialist"]:
        caseload = on_caseload.filter(specialist=user)
        return User.objects.filter(id__in=caseload.values("peer_id"))
    if user.role == Role.SUPERVISOR and action in GRANTS["supervisor"] and user.team_id:
        team = on_caseload.filter(
            specialist__team_id=user.team_id, specialist__role=Role.SPECIALIST
        )
        return User.objects.filter(id__in=team.values("peer_id"))
    if user.role == Role.ADMIN and action in GRANTS["admin"]:
        return peers
    return peers.none()


def _to_reachable_peers() -> QuerySet[Assignment]:
    """Current assignments to a peer anyone may reach (REACHABLE)."""
    return Assignment.objects.current().filter(
        **{f"peer__{name}": value for name, value in REACHABLE.items()}
    )


def sharing_caseload_of(specialist: User | OuterRef) -> QuerySet[Assignment]:
    """The assignments of `specialist`'s caseload whose peer's records may be read: reachable
    and sharing. `specialist` may be an OuterRef, for one count per caseload of a team.

    For a caseload `user` may look at (`specialists_for`), these peers are exactly that
    caseload's peers in `peers_for(user)`: the specialist, their supervisor and an admin all
    reach every sharing peer on it. Stated from the caseload, a team's figures cost what its
    caseloads hold, not the team's size times the number of its specialists.
    """
    return _to_reachable_peers().filter(
        _consenting("peer_id"),
        specialist=specialist,  # type: ignore[misc]  # an OuterRef too (django-stubs take a User)
    )


def _consenting(peer: str = "pk") -> Exists:
    """Whether the peer of the outer query (its field `peer`) has a valid consent: one indexed
    lookup for each peer a page lists, however many consents the organisation holds."""
    return Exists(Consent.objects.valid().filter(peer_id=OuterRef(peer)))


def peers_for(user: User | AnonymousUser, action: Action = Action.VIEW) -> QuerySet[User]:
    """Every peer whose records `user` may act on with `action`.

    The peer always reaches their own records; staff reach a peer's only while that peer has a
    valid consent.
    """
    peers = _related_peers(user, action)
    if isinstance(user, User) and user.role != Role.PEER:
        peers = peers.filter(_consenting())
    return peers


def peers_not_sharing(user: User | AnonymousUser) -> QuerySet[User]:
    """Peers on `user`'s caseload or team who have not agreed to share: names only, no records."""
    if not isinstance(user, User) or user.role == Role.PEER:
        return User.objects.none()
    return _related_peers(user, Action.VIEW).exclude(_consenting())


def may(user: User | AnonymousUser, action: Action, peer: User) -> bool:
    """Whether `user` may do `action` on `peer`'s records."""
    return peers_for(user, action).filter(id=peer.id).exists()


def grants(user: User | AnonymousUser, action: Action) -> bool:
    """Whether `user`'s relationship to the peers they reach grants `action`.

    Each relationship reaches the same peers for every action it grants (`_related_peers`),
    so for a peer `user` has just reached through this policy, this is `may(user, action,
    peer)` without asking the database again (a page's buttons, after its fetch).
    """
    if not isinstance(user, User) or not user.is_active:
        return False
    relationship = "self" if user.role == Role.PEER else str(user.role)
    return action in GRANTS.get(relationship, frozenset())


def _handed_out(
    user: User | AnonymousUser,
    record: Model,
    peer_id: int,
    action: Action,
    *,
    read_only: bool = False,
) -> None:
    # A read's entry is on disk before the page is sent, without a flush of its own (db.py).
    with flushed_with_the_next_write():
        audit.record_view(
            user, record, peer_id=peer_id, for_change=action != Action.VIEW, read_only=read_only
        )


def _refuse(user: User | AnonymousUser, existing: Model | None, peer_id: int | None) -> None:
    """Log a refusal of a record that exists; a missing one is no one's record to log."""
    if existing is not None:
        audit.record_denial(user, existing, peer_id=peer_id)


def get_peer_for(user: User | AnonymousUser, peer_id: int, action: Action = Action.VIEW) -> User:
    """The peer with `peer_id` if `user` may act on their records; 404 if missing or forbidden."""
    try:
        peer = peers_for(user, action).get(id=peer_id)
    except User.DoesNotExist:
        existing = User.objects.filter(id=peer_id, role=Role.PEER).first()
        _refuse(user, existing, existing.pk if existing else None)
        raise NotFound(_("No such peer.")) from None
    _handed_out(user, peer, peer.pk, action)
    return peer


def get_peer_or_not_sharing_for(user: User | AnonymousUser, peer_id: int) -> User:
    """The peer with `peer_id` if `user` may view their records or sees them as not sharing.

    For pages that must tell staff "this peer hasn't agreed to share" instead of a bare 404,
    about a peer whose name they already see on their caseload. 404 for anyone else.
    """
    reachable = peers_for(user, Action.VIEW).filter(id=peer_id)
    not_sharing = peers_not_sharing(user).filter(id=peer_id)
    try:
        return (reachable | not_sharing).get()
    except User.DoesNotExist:
        existing = User.objects.filter(id=peer_id, role=Role.PEER).first()
        _refuse(user, existing, existing.pk if existing else None)
        raise NotFound(_("No such peer.")) from None


Found = TypeVar("Found", bound=Model)

# How each kind of record leads to its peer, for the policy's filter and the audit entry.
PEER_PATHS: dict[type[Model], str] = {
    Goal: "peer",
    Step: "goal__peer",
    CheckIn: "peer",
    Review: "goal__peer",
    Win: "peer",
}


# What a refusal of each kind of record says (the same for missing and forbidden).
NO_SUCH: dict[type[Model], StrOrPromise] = {
    Goal: gettext_lazy("No such goal."),
    Step: gettext_lazy("No such step."),
    CheckIn: gettext_lazy("No such check-in."),
    Review: gettext_lazy("No such look-back."),
    Win: gettext_lazy("No such win."),
}


def _peer_id_of(record: Model) -> int:
    *through, peer = PEER_PATHS[type(record)].split("__")
    for name in through:
        record = getattr(record, name)
    return int(getattr(record, f"{peer}_id"))


def _get_for(
    user: User | AnonymousUser,
    records: QuerySet[Found],
    record_id: int,
    action: Action,
    *,
    read_only: bool = False,
) -> Found:
    """The record with `record_id` if `user` may act on its peer's records; else 404, and a
    denial in the audit log when it exists. One read is recorded when it is handed out."""
    path = PEER_PATHS[records.model]
    try:
        # Asked of this record's peer alone, not by listing every peer `user` may reach.
        permitted = peers_for(user, action).filter(pk=OuterRef(path))
        record = records.filter(Exists(permitted)).get(id=record_id)
    except ObjectDoesNotExist:
        existing = records.filter(id=record_id).first()
        _refuse(user, existing, _peer_id_of(existing) if existing else None)
        raise NotFound(str(NO_SUCH[records.model])) from None
    _handed_out(user, record, _peer_id_of(record), action, read_only=read_only)
    return record


def get_goal_for(user: User | AnonymousUser, goal_id: int, action: Action = Action.VIEW) -> Goal:
    """The goal with `goal_id` if `user` may act on it; 404 if missing or forbidden."""
    return _get_for(user, Goal.objects.select_related("peer"), goal_id, action)


def read_goal_for(user: User | AnonymousUser, goal_id: int) -> Goal:
    """The goal with `goal_id` for a request that only reads its words, whatever its method
    (the live coach posts what is typed, to keep it out of URLs): the read is recorded like a
    page's. 404 if missing or forbidden, with the refusal recorded like any other."""
    return _get_for(user, Goal.objects.select_related("peer"), goal_id, Action.VIEW, read_only=True)


def get_step_for(user: User | AnonymousUser, step_id: int, action: Action = Action.VIEW) -> Step:
    """The step with `step_id` if `user` may act on it; 404 if missing or forbidden."""
    return _get_for(user, Step.objects.select_related("goal__peer"), step_id, action)


def get_suggested_change_for(
    user: User | AnonymousUser, change_id: int, action: Action = Action.VIEW
) -> SuggestedChange:
    """The suggested change with `change_id` if `user` may act on its goal; 404 if missing or
    forbidden. It is part of its goal, so reaching it is reaching the goal (and audited so)."""
    suggestion = SuggestedChange.objects.filter(id=change_id).first()
    if suggestion is None:
        raise NotFound(_("No such suggested change."))
    suggestion.goal = get_goal_for(user, suggestion.goal_id, action)
    return suggestion


def get_check_in_for(
    user: User | AnonymousUser, check_in_id: int, action: Action = Action.VIEW
) -> CheckIn:
    """The check-in with `check_in_id` if `user` may act on it; 404 if missing or forbidden."""
    return _get_for(user, CheckIn.objects.select_related("step__goal__peer"), check_in_id, action)


def get_review_for(
    user: User | AnonymousUser, review_id: int, action: Action = Action.VIEW
) -> Review:
    """The review with `review_id` if `user` may act on it; 404 if missing or forbidden."""
    return _get_for(user, Review.objects.select_related("goal__peer"), review_id, action)


def get_win_for(user: User | AnonymousUser, win_id: int, action: Action = Action.VIEW) -> Win:
    """The win with `win_id` if `user` may act on it; 404 if missing or forbidden."""
    return _get_for(user, Win.objects.select_related("peer"), win_id, action)


def specialists_for(user: User | AnonymousUser) -> QuerySet[User]:
    """The specialists whose caseload `user` may look at (read-only for supervisors)."""
    specialists = User.objects.filter(role=Role.SPECIALIST, is_active=True)
    if not user.is_authenticated:
        return specialists.none()
    assert isinstance(user, User)
    if user.role == Role.SPECIALIST:
        return specialists.filter(id=user.id)
    if user.role == Role.SUPERVISOR and user.team_id:
        return specialists.filter(team_id=user.team_id)
    if user.role == Role.ADMIN:
        return specialists
    return specialists.none()


def get_specialist_for(user: User | AnonymousUser, specialist_id: int) -> User:
    """The specialist with `specialist_id` if `user` may see their caseload; 404 otherwise."""
    try:
        return specialists_for(user).get(id=specialist_id)
    except User.DoesNotExist:
        if User.objects.filter(id=specialist_id, role=Role.SPECIALIST).exists():
            audit.record(
                AuditAction.DENIED,
                by=user,
                record_type=RecordType.SPECIALIST,
                record_id=specialist_id,
            )
        raise NotFound(_("No such specialist.")) from None


def may_read_program_report(user: User | AnonymousUser) -> bool:
    """Whether `user` may read the program's outcome report: a supervisor (their team) or a
    program admin (the whole program or any team)."""
    return (
        isinstance(user, User)
        and user.is_active
        and (user.role == Role.ADMIN or (user.role == Role.SUPERVISOR and user.team_id is not None))
    )


def may_report_on_whole_program(user: User | AnonymousUser) -> bool:
    """Whether `user` may read the outcome report of the whole program: a program admin."""
    return may_read_program_report(user) and getattr(user, "role", "") == Role.ADMIN


def report_teams_for(user: User | AnonymousUser) -> QuerySet[Team]:
    """The teams whose outcome report `user` may read: a supervisor's own, or every team for a
    program admin; none for anyone else."""
    if not may_read_program_report(user):
        return Team.objects.none()
    assert isinstance(user, User)
    if user.role == Role.SUPERVISOR:
        assert user.team_id is not None  # may_read_program_report asks that they have one
        return Team.objects.filter(id=user.team_id)
    return Team.objects.all()


def _report_population(user: User | AnonymousUser, team: Team | None) -> QuerySet[User]:
    """The peers a report for `team` (None: the whole program) would be about, consent aside;
    404 when `user` may not read that report."""
    if not may_read_program_report(user):
        raise NotFound(_("No such page."))
    assert isinstance(user, User)
    if user.role == Role.SUPERVISOR and (team is None or team.pk != user.team_id):
        raise NotFound(_("No such page."))
    peers = _related_peers(user, Action.VIEW)
    if team is not None:
        on_team = Assignment.objects.current().filter(specialist__team_id=team.pk)
        peers = peers.filter(id__in=on_team.values("peer_id"))
    return peers


def _counted_in_reports() -> Exists:
    """Whether the outer peer's valid consent covers being counted in the program's reports."""
    return Exists(Consent.objects.valid().covering_program_reports().filter(peer_id=OuterRef("pk")))


def report_peers_for(user: User | AnonymousUser, team: Team | None) -> QuerySet[User]:
    """The peers `user`'s outcome report for `team` (None: the whole program) counts: those
    `user` reaches whose valid consent covers program reports. 404 when `user` may not read
    that report. The report holds counts, never a name; its downloads are audited."""
    return _report_population(user, team).filter(_counted_in_reports())


def report_left_out_for(user: User | AnonymousUser, team: Team | None) -> QuerySet[User]:
    """The peers the same report leaves out because their consent does not cover it (or they
    have none): the report says how many, never who."""
    return _report_population(user, team).exclude(_counted_in_reports())


def record_report_downloaded(user: User | AnonymousUser, scope: str) -> None:
    """A download of the program's outcome report: one entry, naming its scope."""
    audit.record(AuditAction.EXPORT, by=user, record_type=RecordType.PROGRAM_REPORT, detail=scope)


def record_caseload_seen(user: User | AnonymousUser, peers: list[User]) -> None:
    """A caseload lists each peer's goals, reviews and wins: one read per listed peer."""
    with flushed_with_the_next_write():
        audit.record_list_views(user, [peer.pk for peer in peers], RecordType.CASELOAD)


def record_admin_list_seen(user: User | AnonymousUser, peer_ids: list[int]) -> None:
    """An admin list of records shows each listed peer's records: one read per listed peer."""
    with flushed_with_the_next_write():
        audit.record_list_views(user, peer_ids, RecordType.LIST)


def audit_log_for(user: User | AnonymousUser) -> QuerySet[AuditEntry]:
    """The whole audit log, for a program admin to export; 404 for anyone else."""
    if not may_read_audit_log(user):
        raise NotFound(_("No such page."))
    return AuditEntry.objects.all()


def audit_log_for_operator() -> QuerySet[AuditEntry]:
    """The whole audit log for the server's operator (the `audit-export` command).

    Whoever can run commands on the server already holds the database; the export records
    the system account that ran it.
    """
    return AuditEntry.objects.all()


def seen_by_others_for(user: User | AnonymousUser) -> QuerySet[AuditEntry]:
    """What others did with the peer `user`'s own records: reads, changes and refusals,
    newest first.

    Only the peer reads this about themself; anyone else gets nothing.
    """
    if not user.is_authenticated or getattr(user, "role", "") != Role.PEER:
        return AuditEntry.objects.none()
    return (
        AuditEntry.objects.about_peer(user.pk)
        .exclude(user_id=user.pk)
        .filter(action__in=ABOUT_A_PEER)
        .order_by("-at", "-id")
    )


# Role permissions ----------------------------------------------------------------------------
# Each is a question about a person, asked by pages, actions, the admin and commands alike.


def keeps_a_caseload(user: User | AnonymousUser) -> bool:
    """Whether `user` is a peer specialist, whose own page is their caseload."""
    return isinstance(user, User) and user.role == Role.SPECIALIST


def may_see_a_team(user: User | AnonymousUser) -> bool:
    """Whether `user` oversees specialists (a supervisor or a program admin): the team page."""
    return isinstance(user, User) and user.role in (Role.SUPERVISOR, Role.ADMIN)


def may_manage_caseloads(user: User) -> bool:
    """Whether `user` may put peers on caseloads and take them off (supervisors only within
    their own team; `peergoals.people.actions` says which moves)."""
    return user.is_active and (
        user.role == Role.ADMIN or user.is_superuser or user.role == Role.SUPERVISOR
    )


def may_manage_deletions(user: User | None) -> bool:
    """Whether `user` may complete or cancel a peer's deletion: a program admin.

    None is the operator running a command on the server, who holds the database anyway.
    """
    return user is None or (user.is_active and (user.role == Role.ADMIN or user.is_superuser))


def may_record_consent_end(user: User) -> bool:
    """Whether `user` may record that the event a consent ends on happened: a program admin."""
    return user.is_active and (user.role == Role.ADMIN or user.is_superuser)


def may_read_audit_log(user: User | AnonymousUser) -> bool:
    """Whether `user` may read and export the whole audit log: an active program admin."""
    return user.is_authenticated and user.is_active and getattr(user, "role", "") == Role.ADMIN


def may_download_own_data(user: User, peer: User) -> bool:
    """Whether `user` may download everything held about `peer`: only the peer themself, while
    their records are reachable (not after asking to be deleted)."""
    return user.id == peer.id and may(user, Action.VIEW, peer)


def is_not_sharing_with(user: User | AnonymousUser, peer: User) -> bool:
    """Whether `peer` is on `user`'s caseload or team but has not agreed to share: `user` sees
    their name, and is told so, instead of a bare 404 (a refused export says why)."""
    return peers_not_sharing(user).filter(id=peer.id).exists()


def may_export_records_of(user: User, peer: User) -> bool:
    """Whether staff `user` may download `peer`'s plan and records: someone other than the peer
    who may view them. The consent must also cover alcohol and drug use records
    (`peergoals.privacy.actions.export_peer_records` checks and says so)."""
    return user.id != peer.id and may(user, Action.VIEW, peer)


def get_own_step_for(user: User | AnonymousUser, step_id: int) -> Step:
    """A step of the signed-in peer's own plan: its reminders are the peer's alone, so nobody
    else, their specialist included, may even see them (404, as for a missing step)."""
    step = (
        Step.objects.select_related("goal__peer").filter(pk=step_id, goal__peer_id=user.pk).first()
        if user.is_authenticated
        else None
    )
    if step is None:
        raise NotFound
    return step
