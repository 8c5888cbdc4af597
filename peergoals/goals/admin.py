"""The admin site for program admins: look peer records up and filter them, read-only.

Rows come from the access policy (`peergoals.access`), and the policy grants program admins
view only: goals, steps, check-ins, reviews and wins are changed by the peer and their
specialist through the pages, never here. Opening a record, its history, or a list of records
is a read of those peers' records and goes into the audit log like any other.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from peergoals import access
from peergoals.admin_mixins import ViewOnlyMixin
from peergoals.db import id_from_text
from peergoals.goals.models import CheckIn, Goal, Review, Step, Win


class StepInline(ViewOnlyMixin, admin.TabularInline):
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


class PeerRecordAdmin(ViewOnlyMixin, admin.ModelAdmin):
    """A read-only admin for one kind of peer record, through the access policy."""

    # The lookup from this model to its peer, e.g. "goal__peer".
    peer_lookup = "peer"
    # The access function that hands out one record, e.g. access.get_goal_for.
    fetch: Callable[..., Model] | None = None

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        peers = access.peers_for(request.user)
        return super().get_queryset(request).filter(**{f"{self.peer_lookup}__in": peers})

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Any:
        # Through the policy, so a record out of reach is missing and the read is recorded.
        record_id = id_from_text(object_id)
        if self.fetch is None or record_id is None:
            return None
        try:
            return self.fetch(request.user, record_id)
        except Http404:
            return None

    def get_changelist_instance(self, request: HttpRequest) -> ChangeList:
        changelist = super().get_changelist_instance(request)
        peer_ids = [self.peer_of(row) for row in changelist.result_list]
        access.record_admin_list_seen(request.user, peer_ids)
        return changelist

    def peer_of(self, row: Any) -> int:
        for name in self.peer_lookup.split("__")[:-1]:
            row = getattr(row, name)
        return int(getattr(row, f"{self.peer_lookup.split('__')[-1]}_id"))


class PeerRecordHistoryAdmin(PeerRecordAdmin, SimpleHistoryAdmin):
    """A peer record with versions: its history pages go through the policy too."""

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if self.get_object(request, object_id) is None:
            raise Http404("No such record.")
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # django-simple-history saves a posted old version as a revert without asking
        # has_change_permission; peer records change only through the actions.
        if request.method == "POST":
            raise PermissionDenied
        if self.get_object(request, object_id) is None:
            raise Http404("No such record.")
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Goal)
class GoalAdmin(PeerRecordHistoryAdmin):
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
    fetch = staticmethod(access.get_goal_for)


@admin.register(Step)
class StepAdmin(PeerRecordHistoryAdmin):
    peer_lookup = "goal__peer"
    fetch = staticmethod(access.get_step_for)
    list_display = ["wording", "goal", "status", "due_on"]
    list_filter = ["status", "target_kind", "target_per"]
    search_fields = ["wording", "goal__own_words", "goal__peer__username"]
    list_select_related = ["goal"]
    readonly_fields = ["goal", "created_by", "created_at", "version"]


@admin.register(CheckIn)
class CheckInAdmin(PeerRecordAdmin):
    fetch = staticmethod(access.get_check_in_for)
    # A note the peer kept private is theirs alone; the admin shows only a shared one.
    exclude = ["note"]
    readonly_fields = ["shared_note"]

    @admin.display(description=_("note, when the peer shared it"))
    def shared_note(self, check_in: CheckIn) -> str:
        return check_in.note_for(None)

    list_display = ["step", "peer", "for_date", "outcome", "amount", "feeling", "recorded_by"]
    list_filter = ["outcome", "feeling"]
    search_fields = ["peer__username", "step__wording"]
    list_select_related = ["step", "peer", "recorded_by"]
    date_hierarchy = "for_date"
    show_full_result_count = False


@admin.register(Review)
class ReviewAdmin(PeerRecordAdmin):
    peer_lookup = "goal__peer"
    fetch = staticmethod(access.get_review_for)
    list_display = ["goal", "held_on", "decision", "feeling", "attainment", "recorded_by"]
    list_filter = ["decision", "feeling", "attainment"]
    search_fields = ["goal__own_words", "goal__peer__username"]
    list_select_related = ["goal", "recorded_by"]
    date_hierarchy = "held_on"


@admin.register(Win)
class WinAdmin(PeerRecordAdmin):
    fetch = staticmethod(access.get_win_for)
    list_display = ["peer", "kind", "goal", "step", "created_at"]
    list_filter = ["kind"]
    search_fields = ["peer__username"]
    list_select_related = ["peer", "goal", "step"]
