from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "peergoals.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        # Sign-ins and failed sign-ins come from Django's auth signals, wherever they happen.
        from peergoals.audit import signals  # noqa: F401
