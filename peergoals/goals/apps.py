from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "peergoals.goals"
    label = "goals"
    verbose_name = "Goals"
