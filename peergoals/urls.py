from django.contrib import admin
from django.urls import include, path

from peergoals.api import api

urlpatterns = [
    path("", include("peergoals.goals.urls")),
    path("", include("peergoals.people.urls")),
    path("", include("peergoals.people.account_urls")),
    path("", include("peergoals.privacy.urls")),
    path("", include("peergoals.audit.urls")),
    path("", include("peergoals.outcomes.urls")),
    path("", include("peergoals.reminders.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
