"""Audit entries in the admin: program admins look them up; nobody adds, changes or deletes."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from peergoals import access
from peergoals.admin_mixins import ViewOnlyMixin
from peergoals.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ["at", "username", "role", "action", "peer_id", "record_type", "record_id", "ip"]
    list_filter = ["action", "record_type", "role"]
    search_fields = ["username", "name", "path", "ip"]
    date_hierarchy = "at"
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEntry]:
        try:
            return access.audit_log_for(request.user)
        except Http404:
            return AuditEntry.objects.none()

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        try:
            access.audit_log_for(request.user)
        except Http404:
            return False
        return True

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)
