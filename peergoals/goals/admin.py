"""The admin site for program admins: look things up, filter, correct mistakes.

The peer's own words are read-only here as everywhere: nobody but the peer changes them.
Check-ins are append-only, so they can be looked at but not changed or deleted.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from peergoals.goals.models import CheckIn, Goal, Review, Step, Win


class StepInline(admin.TabularInline):
    model = Step
    extra = 0
    fields = [
        "position",
        "wording",
        "status",
        "target_kind",
        "target_quantity",
        "target_unit",
        "target_per",
        "due_on",
    ]
    show_change_link = True


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["own_words", "peer", "life_area", "status", "next_review_on", "created_at"]
    list_filter = ["status", "life_area", "expressed_by"]
    search_fields = ["own_words", "smart_wording", "peer__username", "peer__preferred_name"]
    list_select_related = ["peer"]
    readonly_fields = [
        "own_words",
        "peer",
        "created_by",
        "created_at",
        "version",
        "importance",
        "confidence",
    ]
    date_hierarchy = "created_at"
    inlines = [StepInline]


@admin.register(Step)
class StepAdmin(SimpleHistoryAdmin):
    list_display = ["wording", "goal", "status", "due_on"]
    list_filter = ["status", "target_kind", "target_per"]
    search_fields = ["wording", "goal__own_words", "goal__peer__username"]
    list_select_related = ["goal"]
    readonly_fields = ["goal", "created_by", "created_at", "version"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CheckIn)
class CheckInAdmin(ReadOnlyAdmin):
    list_display = ["step", "peer", "for_date", "outcome", "amount", "feeling", "recorded_by"]
    list_filter = ["outcome", "feeling"]
    search_fields = ["peer__username", "step__wording"]
    list_select_related = ["step", "peer", "recorded_by"]
    date_hierarchy = "for_date"
    show_full_result_count = False


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    list_display = ["goal", "held_on", "decision", "feeling", "attainment", "recorded_by"]
    list_filter = ["decision", "feeling", "attainment"]
    search_fields = ["goal__own_words", "goal__peer__username"]
    list_select_related = ["goal", "recorded_by"]
    date_hierarchy = "held_on"


@admin.register(Win)
class WinAdmin(ReadOnlyAdmin):
    list_display = ["peer", "kind", "goal", "step", "created_at"]
    list_filter = ["kind"]
    search_fields = ["peer__username"]
    list_select_related = ["peer", "goal", "step"]
