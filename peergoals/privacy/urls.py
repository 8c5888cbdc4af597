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
    path("my-data/delete/", views.delete_my_data, name="delete"),
    path("my-data/deleted/", views.deleted, name="deleted"),
    path("peers/<int:peer_id>/download/", views.download_peer_records, name="peer_download"),
]
