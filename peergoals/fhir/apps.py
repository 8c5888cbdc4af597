from django.apps import AppConfig


class FhirConfig(AppConfig):
    name = "peergoals.fhir"
    verbose_name = "FHIR exchange"
