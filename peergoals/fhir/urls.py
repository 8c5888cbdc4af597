from django.urls import path

from peergoals.fhir import views

app_name = "fhir"

urlpatterns = [
    path("api/v1/fhir/Patient/<int:peer_id>/$everything", views.everything, name="everything"),
    path("api/v1/fhir/", views.import_bundle, name="import"),
]
