"""Accounts, teams and caseloads in the admin.

Caseload changes go through the same actions as everywhere (`assign_peer`, `end_assignment`),
so the rules hold and each change is in the audit log: an admin adds an assignment or sets its
end date, and never edits or deletes one directly.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from peergoals.access import may_manage_caseloads
from peergoals.admin_mixins import ViewOnlyMixin
from peergoals.people.actions import assign_peer, end_assignment
from peergoals.people.models import Assignment, Role, Team, User
from peergoals.privacy import actions as privacy


class AssignmentInline(ViewOnlyMixin, admin.TabularInline):
    """A person's caseload history, read-only: changes are made on the assignment pages."""

    model = Assignment
    fk_name = "peer"
    extra = 0
    fields = ["specialist", "started_on", "ended_on"]
    readonly_fields = ["specialist", "started_on", "ended_on"]
    show_change_link = True


@admin.register(User)
class PersonAdmin(UserAdmin):
    list_display = [
        "username",
        "preferred_name",
        "role",
        "team",
        "is_active",
        "last_login",
        "deletion_requested_at",
    ]
    list_filter = [
        "role",
        "team",
        "is_active",
        ("deletion_requested_at", admin.EmptyFieldListFilter),
    ]
    readonly_fields = ["deletion_requested_at"]
    actions = ["complete_deletion", "cancel_deletion"]
    search_fields = ["username", "preferred_name", "first_name", "last_name", "email"]
    list_select_related = ["team"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("PeerGoals"), {"fields": ("role", "preferred_name", "team", "deletion_requested_at")}),
    )
    add_fieldsets = (
        *(UserAdmin.add_fieldsets or ()),
        (_("PeerGoals"), {"fields": ("role", "preferred_name", "team")}),
    )
    inlines = [AssignmentInline]

    @admin.action(description=_("Delete for good the data of peers who asked (after the wait)"))
    def complete_deletion(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._each_peer(
            request,
            queryset,
            lambda peer: privacy.complete_deletion(peer, by=request.user),  # type: ignore[arg-type]
            _("Deleted %(n)d peers for good."),
        )

    @admin.action(description=_("Cancel the deletion request (the peer changed their mind)"))
    def cancel_deletion(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._each_peer(
            request,
            queryset,
            lambda peer: privacy.cancel_deletion(peer, by=request.user),  # type: ignore[arg-type]
            _("%(n)d peers can sign in again; nothing was deleted."),
        )

    def _each_peer(
        self,
        request: HttpRequest,
        queryset: QuerySet[User],
        act: Callable[[User], object],
        done_message: Promise,
    ) -> None:
        """Do `act` for each chosen person; say why for each one refused, and how many were done."""
        done = 0
        for peer in queryset:
            try:
                act(peer)
            except privacy.NotAllowed as refusal:
                self.message_user(request, str(refusal), messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(request, str(done_message) % {"n": done})


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["peer", "specialist", "started_on", "ended_on"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        peer, specialist = cleaned.get("peer"), cleaned.get("specialist")
        if peer is not None and peer.role != Role.PEER:
            self.add_error("peer", _("Choose a peer."))
        if specialist is not None and (
            specialist.role != Role.SPECIALIST or not specialist.is_active
        ):
            self.add_error("specialist", _("Choose an active peer specialist."))
        return cleaned

    def validate_constraints(self) -> None:
        # assign_peer ends the peer's current assignment first, so a new open one is fine.
        pass


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    form = AssignmentForm
    list_display = ["peer", "specialist", "started_on", "ended_on"]
    list_filter = ["specialist__team", "ended_on"]
    search_fields = ["peer__username", "peer__preferred_name", "specialist__username"]
    autocomplete_fields = ["peer", "specialist"]
    list_select_related = ["peer", "specialist"]
    date_hierarchy = "started_on"

    def get_fields(self, request: HttpRequest, obj: Assignment | None = None) -> Any:
        # A new assignment is open: its end is set later, by ending it.
        return ["peer", "specialist", "started_on"] if obj is None else AssignmentForm.Meta.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Assignment | None = None) -> list[str]:
        if obj is None:
            return []
        # Only an open assignment can be ended; an ended one is history.
        return ["peer", "specialist", "started_on", *(["ended_on"] if obj.ended_on else [])]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return isinstance(request.user, User) and may_manage_caseloads(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return isinstance(request.user, User) and may_manage_caseloads(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Assignment, form: forms.ModelForm, change: bool
    ) -> None:
        assert isinstance(request.user, User)
        if not change:
            made = assign_peer(obj.peer, obj.specialist, by=request.user, on=obj.started_on)
            obj.pk = made.pk
        elif "ended_on" in form.changed_data and obj.ended_on is not None:
            end_assignment(obj.peer, by=request.user, on=obj.ended_on)


# A device is set up only by its owner, on their own set-up page: an admin who could add one
# with a key they know could, with a password reset, sign in as that person. Admins may still
# remove a lost phone's device (or run `peergoals reset-two-factor`).
admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AuthenticatorAdmin(TOTPDeviceAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
