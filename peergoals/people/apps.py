from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "peergoals.people"
    label = "people"
    verbose_name = "People"
