from django.urls import path

from peergoals.audit import views

app_name = "audit"
urlpatterns = [
    path("me/seen/", views.seen, name="seen"),
    path("audit/export/", views.export, name="export"),
]
