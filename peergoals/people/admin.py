from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from peergoals.people.models import Assignment, Team, User


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fk_name = "peer"
    extra = 0
    autocomplete_fields = ["specialist"]


@admin.register(User)
class PersonAdmin(UserAdmin):
    list_display = ["username", "preferred_name", "role", "team", "is_active", "last_login"]
    list_filter = ["role", "team", "is_active"]
    search_fields = ["username", "preferred_name", "first_name", "last_name", "email"]
    list_select_related = ["team"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("PeerGoals"), {"fields": ("role", "preferred_name", "team")}),
    )
    add_fieldsets = (
        *(UserAdmin.add_fieldsets or ()),
        (_("PeerGoals"), {"fields": ("role", "preferred_name", "team")}),
    )
    inlines = [AssignmentInline]


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
