"""The audit log (HIPAA 164.312(b)): who reached which peer's records, what they did, and when.

Entries are append-only at two levels: the model and its QuerySet refuse to edit or delete, and
database triggers refuse UPDATE and DELETE on the table (migration 0002) and, on SQLite, an
INSERT OR REPLACE over an existing entry (migration 0003), so a bug or a stray shell cannot
rewrite history either. What a database owner can still do is detected: every entry carries a
hash chained to the one before it (`peergoals.audit.chain`, `peergoals audit-verify`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peergoals.db import AppendOnlyModel, AppendOnlyQuerySet


class AuditAction(models.TextChoices):
    """What happened, in the words the "who has seen my plan" page uses."""

    VIEW = "view", _("looked at")
    CREATE = "create", _("added")
    CHANGE = "change", _("changed")
    DELETE = "delete", _("deleted")
    EXPORT = "export", _("exported")
    LOGIN = "login", _("signed in")
    LOGIN_FAILED = "login_failed", _("could not sign in")
    LOGOUT = "logout", _("signed out")
    DENIED = "denied", _("was stopped from opening")
    PASSWORD_CHANGE = "password_change", _("changed the password of")
    PASSWORD_RESET = "password_reset", _("set a new password from a reset link for")
    RESET_LINK = "reset_link", _("made a one-time password link for")
    TWO_FACTOR_ON = "two_factor_on", _("set up two-step sign-in for")
    TWO_FACTOR_RESET = "two_factor_reset", _("reset two-step sign-in for")
    TOKEN_CREATED = "token_created", _("made an API access token for")
    TOKEN_USED = "token_used", _("used an API access token of")
    TOKEN_REVOKED = "token_revoked", _("revoked an API access token of")


# What a peer sees on "who has seen my plan": what others did with their records.
ABOUT_A_PEER = (
    AuditAction.VIEW,
    AuditAction.CREATE,
    AuditAction.CHANGE,
    AuditAction.DELETE,
    AuditAction.DENIED,
    AuditAction.EXPORT,
    AuditAction.RESET_LINK,
    AuditAction.TWO_FACTOR_RESET,
)


class RecordType(models.TextChoices):
    """Which kind of record an entry is about."""

    PLAN = "plan", _("your goals and steps")
    GOAL = "goal", _("a goal")
    STEP = "step", _("a step")
    CHECK_IN = "check-in", _("a check-in")
    REVIEW = "review", _("a review")
    WIN = "win", _("a win")
    LIST = "list", _("your records in a list")
    CASELOAD = "caseload", _("you on their caseload list")
    ASSIGNMENT = "assignment", _("who your peer specialist is")
    OUTREACH = "outreach", _("your specialist reaching out")
    SPECIALIST = "specialist", _("a specialist's caseload")
    AUDIT_LOG = "audit-log", _("the audit log")
    PROGRAM_REPORT = "program-report", _("the program's outcome report")
    ACCOUNT = "account", _("your account")
    CONSENT = "consent", _("your consent to share")
    ACCESS_TOKEN = "access-token", _("an API access token")


class AuditEntryQuerySet(AppendOnlyQuerySet["AuditEntry"]):
    def about_peer(self, peer_id: int) -> AuditEntryQuerySet:
        return self.filter(peer_id=peer_id)


class AuditEntry(AppendOnlyModel):
    """One thing someone did: who, what, about which peer and record, when, and from where."""

    append_only_refusal = "Audit entries are append-only."

    at = models.DateTimeField(_("when"), default=timezone.now)
    # No database constraint and no cascade: deleting an account must neither delete nor
    # update its entries (the trigger would refuse the update anyway); the snapshots below keep
    # who it was.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    username = models.CharField(_("username"), max_length=150, blank=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, blank=True)
    action = models.CharField(_("what"), max_length=20, choices=AuditAction.choices)
    # A plain integer, not a foreign key, so the entries outlive a purged peer.
    peer_id = models.PositiveBigIntegerField(_("peer id"), null=True, blank=True)
    record_type = models.CharField(
        _("record type"), max_length=20, choices=RecordType.choices, blank=True
    )
    record_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    path = models.CharField(_("path"), max_length=500, blank=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    # SHA-256 of the previous entry's chain_hash and this entry's content (audit/chain.py);
    # empty on entries written before the chain began.
    chain_hash = models.CharField(_("chain hash"), max_length=64, blank=True, editable=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            # "Who has seen my plan": one peer's entries, newest first.
            models.Index(fields=["peer_id", "at"]),
            # Exports by date range.
            models.Index(fields=["at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username or '-'} {self.action}"

    @property
    def who(self) -> str:
        return self.name or self.username or str(_("Someone not signed in"))

    @property
    def is_by_a_peer(self) -> bool:
        """Whether a peer did this. On another peer's "who has seen my plan" it is shown without
        a name: 42 CFR Part 2 protects every patient's identity, the one who typed a wrong link
        too. The entry itself keeps who it was, for the admins' log."""
        from peergoals.people.models import Role

        return self.role == Role.PEER

    @property
    def role_label(self) -> str:
        from peergoals.people.models import Role

        return str(dict(Role.choices).get(self.role, "")) if self.role else ""
