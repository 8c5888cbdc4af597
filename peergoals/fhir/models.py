"""What came in from another system: each imported Goal, CarePlan activity or contained Goal,
kept whole as it arrived (nothing it said is lost, whatever PeerGoals could map), with the
proposal it became. A re-import finds it by its key and makes nothing twice."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportedResource(models.Model):
    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="imported_resources"
    )
    # "identifier|<system>|<value>" for a resource with an identifier, else
    # "id|<resourceType>/<id>"; a CarePlan's activity adds "#activity-<n>", a contained Goal
    # "#<its id>".
    key = models.CharField(max_length=500)
    resource_type = models.CharField(max_length=40)
    resource = models.JSONField()
    # What the resource said that PeerGoals does not map (it stays in `resource`).
    unmapped = models.JSONField(default=list)
    goal = models.ForeignKey(
        "goals.Goal", on_delete=models.CASCADE, null=True, related_name="imported_from"
    )
    step = models.ForeignKey(
        "goals.Step", on_delete=models.CASCADE, null=True, related_name="imported_from"
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["peer", "key"], name="imported_resource_once_per_peer")
        ]

    def __str__(self) -> str:
        return self.key
