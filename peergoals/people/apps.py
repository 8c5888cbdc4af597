from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "peergoals.people"
    label = "people"
    verbose_name = "People"

    def ready(self) -> None:
        # Connects the sign-in time stamp before any request, not when the middleware loads.
        from peergoals.people import middleware  # noqa: F401
