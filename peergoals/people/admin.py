from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from peergoals.people.models import Assignment, Team, User
from peergoals.privacy import actions as privacy


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fk_name = "peer"
    extra = 0
    autocomplete_fields = ["specialist"]


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
    actions = ["complete_deletion"]
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
        done = 0
        for peer in queryset:
            try:
                privacy.complete_deletion(peer, by=request.user)  # type: ignore[arg-type]
            except privacy.NotAllowed as refusal:
                self.message_user(request, str(refusal), messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(request, _("Deleted %(n)d peers for good.") % {"n": done})


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["peer", "specialist", "started_on", "ended_on"]
    list_filter = ["specialist__team", "ended_on"]
    search_fields = ["peer__username", "peer__preferred_name", "specialist__username"]
    autocomplete_fields = ["peer", "specialist"]
    list_select_related = ["peer", "specialist"]
    date_hierarchy = "started_on"
