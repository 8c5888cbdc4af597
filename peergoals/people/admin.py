"""Accounts, teams and caseloads in the admin.

Nobody sets another person's password here: a new account has none until its person chooses
one from a one-time link, and for a forgotten one an admin makes such a link (the action "Make
a one-time password link"). Every change an admin makes to an account is an audit entry.

Caseload changes go through the same actions as everywhere (`assign_peer`, `end_assignment`),
so the rules hold and each change is in the audit log: an admin adds an assignment or sets its
end date, and never edits or deletes one directly.
"""

from typing import Any, Protocol

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from peergoals.access import may_manage_caseloads
from peergoals.admin_mixins import ViewOnlyMixin
from peergoals.audit.models import AuditAction
from peergoals.people.actions import assign_peer, end_assignment
from peergoals.people.models import Assignment, Role, Team, User
from peergoals.people.passwords import NoLinkForThisAccount, issue_reset_link, record_account_change
from peergoals.privacy import actions as privacy


class AssignmentInline(ViewOnlyMixin, admin.TabularInline):
    """A person's caseload history, read-only: changes are made on the assignment pages."""

    model = Assignment
    fk_name = "peer"
    extra = 0
    fields = ["specialist", "started_on", "ended_on"]
    readonly_fields = ["specialist", "started_on", "ended_on"]
    show_change_link = True


class PersonChangeForm(UserChangeForm):
    """Django's account form without the password and its link to a set-password page."""

    password = None  # type: ignore[assignment]


class NewPersonForm(forms.ModelForm):
    """A new account, without a password: its person chooses one from a one-time link."""

    class Meta:
        model = User
        fields = ["username", "email", "role", "preferred_name", "team"]

    def save(self, commit: bool = True) -> User:
        person = super().save(commit=False)
        person.set_unusable_password()
        if commit:
            person.save()
        return person


def _account_fieldsets() -> tuple[Any, ...]:
    """Django's account fieldsets, less the password."""
    return tuple(
        (name, {**options, "fields": [f for f in options["fields"] if f != "password"]})
        for name, options in (UserAdmin.fieldsets or ())
    )


# The list filter "asked to be deleted: yes" (Django's EmptyFieldListFilter: 0 = not empty).
ASKED_TO_BE_DELETED = "deletion_requested_at__isempty"


class PeerAction(Protocol):
    """A privacy action an admin takes on one peer (complete or cancel a deletion)."""

    def __call__(self, peer: User, *, by: User | None) -> object: ...


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
    actions = ["make_password_link", "complete_deletion", "cancel_deletion"]
    search_fields = ["username", "preferred_name", "first_name", "last_name", "email"]
    list_select_related = ["team"]
    fieldsets = (
        *_account_fieldsets(),
        (_("PeerGoals"), {"fields": ("role", "preferred_name", "team", "deletion_requested_at")}),
    )
    form = PersonChangeForm
    add_form = NewPersonForm
    add_form_template = None
    add_fieldsets = ((None, {"fields": NewPersonForm.Meta.fields}),)
    inlines = [AssignmentInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        """Peers who asked to be deleted are hidden, except in the list filtered to them
        ("asked to be deleted"), where an admin completes or cancels the request."""
        people = super().get_queryset(request)
        if request.GET.get(ASKED_TO_BE_DELETED) == "0":
            return people.filter(deletion_requested_at__isnull=False)
        return people.filter(deletion_requested_at__isnull=True)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """Django's set-password page, closed: whoever sets a password can sign in with it."""
        if id == str(request.user.pk):
            return HttpResponseRedirect(reverse("account:password_change"))
        self.message_user(
            request,
            _(
                "Only the person sets their own password. To help someone who lost theirs, "
                "choose them in the list and make a one-time password link."
            ),
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:people_user_changelist"))

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        assert isinstance(request.user, User)
        if not change:
            record_account_change(obj, by=request.user, action=AuditAction.CREATE)
            self._give_link(request, obj)
        elif form.changed_data:
            changed = ", ".join(form.changed_data)
            record_account_change(obj, by=request.user, detail=f"changed: {changed}")

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        assert isinstance(request.user, User)
        record_account_change(obj, by=request.user, action=AuditAction.DELETE)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        assert isinstance(request.user, User)
        for person in queryset:
            record_account_change(person, by=request.user, action=AuditAction.DELETE)
        super().delete_queryset(request, queryset)

    @admin.action(description=_("Make a one-time password link (the person sets their password)"))
    def make_password_link(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for person in queryset:
            self._give_link(request, person)

    def _give_link(self, request: HttpRequest, person: User) -> None:
        assert isinstance(request.user, User)
        try:
            link = issue_reset_link(
                person, by=request.user, base_url=request.build_absolute_uri("/")
            )
        except NoLinkForThisAccount as refusal:
            self.message_user(request, str(refusal), messages.WARNING)
            return
        self.message_user(
            request,
            _(
                "A one-time link for %(username)s to choose their password: %(link)s — give it "
                "to them yourself (it works once, within 3 days); don't open it."
            )
            % {"username": person.username, "link": link},
        )

    @admin.action(description=_("Delete for good the data of peers who asked (after the wait)"))
    def complete_deletion(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._each_peer(
            request, queryset, privacy.complete_deletion, _("Deleted %(n)d peers for good.")
        )

    @admin.action(description=_("Cancel the deletion request (the peer changed their mind)"))
    def cancel_deletion(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        done_message = _("%(n)d peers can sign in again; nothing was deleted.")
        self._each_peer(request, queryset, privacy.cancel_deletion, done_message)

    def _each_peer(
        self,
        request: HttpRequest,
        queryset: QuerySet[User],
        act: PeerAction,
        done_message: Promise,
    ) -> None:
        """Do `act` (a privacy action) for each chosen person, by the admin; say why for each one
        refused, and how many were done."""
        assert isinstance(request.user, User)
        done = 0
        for peer in queryset:
            try:
                act(peer, by=request.user)
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

    def get_queryset(self, request: HttpRequest) -> QuerySet[Assignment]:
        # A peer who asked to be deleted is out of every list until the data is purged.
        return super().get_queryset(request).filter(peer__deletion_requested_at__isnull=True)

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

    # Removing a device is a reset of the person's two-step sign-in: recorded, and what lets a
    # staff member who has signed in before set up a new phone (people/two_factor.py).
    def delete_model(self, request: HttpRequest, obj: TOTPDevice) -> None:
        super().delete_model(request, obj)
        self._record_reset(request, [obj.user])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[TOTPDevice]) -> None:
        owners = list({device.user_id: device.user for device in queryset}.values())
        super().delete_queryset(request, queryset)
        self._record_reset(request, owners)

    def _record_reset(self, request: HttpRequest, owners: list[User]) -> None:
        assert isinstance(request.user, User)
        for person in owners:
            record_account_change(person, by=request.user, action=AuditAction.TWO_FACTOR_RESET)
