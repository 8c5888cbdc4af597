"""Consents in the admin: read-only (a signed consent is never edited), and the one action an
admin takes on them, recording that the event a consent ends on happened."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from peergoals.admin_mixins import ViewOnlyMixin
from peergoals.privacy import actions
from peergoals.privacy.models import Consent


@admin.register(Consent)
class ConsentAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ["peer", "signed_at", "expires_on", "expiry_event", "revoked_at", "replaced_at"]
    list_filter = ["revoked_at", "expires_on"]
    search_fields = ["peer__username", "peer__preferred_name"]
    list_select_related = ["peer"]
    actions = ["event_happened"]

    @admin.action(description=_("The peer stopped getting services: end these consents"))
    def event_happened(self, request: HttpRequest, queryset: QuerySet[Consent]) -> None:
        for consent in queryset:
            try:
                actions.record_expiry_event(consent, by=request.user)  # type: ignore[arg-type]
            except actions.NotAllowed as refusal:
                self.message_user(request, f"{consent.peer}: {refusal}", messages.WARNING)
