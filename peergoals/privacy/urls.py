from django.urls import path

from peergoals.privacy import views

app_name = "privacy"
urlpatterns = [
    path("sharing/", views.sharing, name="sharing"),
    path("sharing/agree/", views.give_consent, name="give"),
    path("sharing/stop/", views.revoke_consent, name="revoke"),
    path("sharing/stopped/", views.stopped, name="stopped"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/download/", views.download_my_data, name="download_my_data"),
    path("my-data/check-ins.csv", views.download_my_check_ins, name="download_my_check_ins"),
    path("my-data/delete/", views.delete_my_data, name="delete"),
    path("my-data/calendar/", views.calendar, name="calendar"),
    path("my-data/calendar/new/", views.start_calendar, name="calendar_start"),
    path("my-data/calendar/titles/", views.calendar_titles, name="calendar_titles"),
    path("my-data/calendar/stop/", views.stop_calendar, name="calendar_stop"),
    path("calendar/peergoals.ics", views.calendar_feed, name="calendar_feed"),
    path("my-data/deleted/", views.deleted, name="deleted"),
    path("peers/<int:peer_id>/download/", views.download_peer_records, name="peer_download"),
]
