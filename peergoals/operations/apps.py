from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "peergoals.operations"
    label = "operations"
    verbose_name = "Operations"
