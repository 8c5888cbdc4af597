from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "peergoals.privacy"
    verbose_name = "Privacy"
