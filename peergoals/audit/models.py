"""The audit log (HIPAA 164.312(b)): who reached which peer's records, what they did, and when.

Entries are append-only at two levels: the model and its QuerySet refuse to edit or delete, and
a database trigger refuses UPDATE and DELETE on the table (migration 0002), so a bug or a stray
shell cannot rewrite history either.
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


# What a peer sees on "who has seen my plan": what others did with their records.
ABOUT_A_PEER = (
    AuditAction.VIEW,
    AuditAction.CREATE,
    AuditAction.CHANGE,
    AuditAction.DELETE,
    AuditAction.DENIED,
    AuditAction.EXPORT,
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
    def role_label(self) -> str:
        from peergoals.people.models import Role

        return str(dict(Role.choices).get(self.role, "")) if self.role else ""
