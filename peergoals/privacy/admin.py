"""Consents in the admin: read-only (a signed consent is never edited), and the one action an
admin takes on them, recording that the event a consent ends on happened."""

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from peergoals import access, audit
from peergoals.admin_mixins import ViewOnlyMixin
from peergoals.audit.models import AuditAction, RecordType
from peergoals.privacy import actions
from peergoals.privacy.models import Consent


@admin.register(Consent)
class ConsentAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ["peer", "signed_at", "expires_on", "expiry_event", "revoked_at", "replaced_at"]
    list_filter = ["revoked_at", "expires_on"]
    search_fields = ["peer__username", "peer__preferred_name"]
    list_select_related = ["peer"]
    actions = ["event_happened"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Consent]:
        # A peer who asked to be deleted is out of every list until the data is purged.
        return super().get_queryset(request).filter(peer__deletion_requested_at__isnull=True)

    def get_object(self, request: HttpRequest, object_id: str, from_field: Any = None) -> Any:
        # A consent names the peer and what they share: reading it is a read of their records.
        consent = super().get_object(request, object_id, from_field)
        if consent is not None and request.method == "GET":
            audit.record(
                AuditAction.VIEW,
                by=request.user,
                peer_id=consent.peer_id,
                record_type=RecordType.CONSENT,
                record_id=consent.pk,
            )
        return consent

    def get_changelist_instance(self, request: HttpRequest) -> ChangeList:
        changelist = super().get_changelist_instance(request)
        access.record_admin_list_seen(request.user, [c.peer_id for c in changelist.result_list])
        return changelist

    @admin.action(description=_("The peer stopped getting services: end these consents"))
    def event_happened(self, request: HttpRequest, queryset: QuerySet[Consent]) -> None:
        for consent in queryset:
            try:
                actions.record_expiry_event(consent, by=request.user)  # type: ignore[arg-type]
            except actions.NotAllowed as refusal:
                self.message_user(request, f"{consent.peer}: {refusal}", messages.WARNING)
