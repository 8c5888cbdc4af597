"""People, their roles, teams and caseloads."""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PEER = "peer", _("Peer")
    SPECIALIST = "specialist", _("Peer specialist")
    SUPERVISOR = "supervisor", _("Supervisor")
    ADMIN = "admin", _("Program admin")


class Language(models.TextChoices):
    # Each language is named in its own words, so a person finds theirs on a page they
    # cannot read yet.
    ENGLISH = "en", "English"
    SPANISH = "es", "Español"


class Team(models.Model):
    """A group of peer specialists overseen by one or more supervisors."""

    name = models.CharField(_("name"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UserQuerySet(models.QuerySet["User"]):
    def on_caseload_of(self, specialist: User, on: datetime.date | None = None) -> UserQuerySet:
        return self.filter(
            id__in=Assignment.objects.current(on).filter(specialist=specialist).values("peer_id")
        )


class PeopleManager(UserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    """Anyone who signs in. What they may reach is decided by `peergoals.access` alone."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PEER)
    preferred_name = models.CharField(
        _("preferred name"),
        max_length=80,
        blank=True,
        help_text=_("What the person likes to be called. Shown instead of their full name."),
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text=_("For specialists and supervisors: the team they work in or oversee."),
    )
    # Set when a peer asks for their data to be deleted: from then on they cannot sign in and
    # no page shows their records; an admin purges the data after the retention window.
    deletion_requested_at = models.DateTimeField(
        _("asked to be deleted"), null=True, blank=True, editable=False
    )

    # Empty until the person chooses: until then their browser's language decides.
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language.choices,
        blank=True,
        help_text=_("The language PeerGoals speaks to this person, on every device."),
    )

    objects: ClassVar[PeopleManager] = PeopleManager()

    class Meta:
        indexes = [models.Index(fields=["role", "team"])]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.get_full_name() or self.username

    @property
    def is_peer(self) -> bool:
        return self.role == Role.PEER


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def current(self, on: datetime.date | None = None) -> AssignmentQuerySet:
        on = on or timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on), started_on__lte=on)


class Assignment(models.Model):
    """A peer on a specialist's caseload, from `started_on` until the day before `ended_on`."""

    peer = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("peer")
    )
    specialist = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="caseload_assignments",
        verbose_name=_("peer specialist"),
    )
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on"]
        indexes = [
            models.Index(fields=["specialist", "ended_on"]),
            models.Index(fields=["peer", "ended_on"]),
        ]
        constraints = [
            # A peer has at most one open assignment: reassigning ends the old one first.
            models.UniqueConstraint(
                fields=["peer"],
                condition=Q(ended_on__isnull=True),
                name="one_open_assignment_per_peer",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="assignment_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.peer} with {self.specialist}"


class OutreachKind(models.TextChoices):
    CALL = "call", _("A call")
    TEXT = "text", _("A text")
    VISIT = "visit", _("A visit")
    NOTE = "note", _("A note")


class Outreach(models.Model):
    """A specialist reaching out to a peer who went quiet: a friendly hello, never a penalty."""

    peer = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="outreach", verbose_name=_("peer")
    )
    by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("reached out")
    )
    kind = models.CharField(_("how"), max_length=10, choices=OutreachKind.choices)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["peer", "at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.peer} on {self.at:%Y-%m-%d}"


class TokenScope(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


class AccessTokenQuerySet(models.QuerySet["AccessToken"]):
    def live(self, at: datetime.datetime | None = None) -> AccessTokenQuerySet:
        """Tokens that still work: not revoked, not expired, their owner still active."""
        return self.filter(
            revoked_at__isnull=True,
            expires_at__gt=at or timezone.now(),
            owner__is_active=True,
            owner__deletion_requested_at__isnull=True,
        )


class AccessToken(models.Model):
    """A personal access token for the JSON API: it acts as its owner, through the same access
    policy, and never more. Only the SHA-256 of the secret is kept; the owner sees the secret
    once, when it is made, and the prefix afterwards to tell their tokens apart."""

    owner = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="access_tokens", verbose_name=_("owner")
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("starts with"), max_length=12)
    secret_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(_("scope"), max_length=10, choices=TokenScope.choices)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_on = models.DateField(_("last used"), null=True, blank=True)

    objects: ClassVar[AccessTokenQuerySet] = AccessTokenQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def may_write(self) -> bool:
        return self.scope == TokenScope.WRITE
