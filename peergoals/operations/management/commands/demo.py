from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from peergoals.demo import DEMO_PASSWORD, build_demo, demo_exists, logins


class Command(BaseCommand):
    help = "Load the demo program (one team, two specialists, nine peers, six weeks of history)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the demo is already loaded (what `make run` uses).",
        )

    def handle(self, *args: Any, if_empty: bool, **options: Any) -> None:
        if demo_exists():
            if not if_empty:
                self.stderr.write("The demo is already loaded in this database.")
                raise SystemExit(1)
        else:
            build_demo()
            self.stdout.write(self.style.SUCCESS("Loaded the demo program."))
        self.stdout.write("\nSign in at http://127.0.0.1:8000/ with:")
        for who, username in logins():
            self.stdout.write(f"  {who:32} {username:8} / {DEMO_PASSWORD}")
        # Staff set up their authenticator app on first sign-in, as in a real program: the
        # page shows a QR code and the key as text. No key is printed here.
        self.stdout.write(
            "\nEveryone but the peer also needs an authenticator app on their phone (for example"
            "\nGoogle Authenticator or FreeOTP): the first sign-in shows a QR code to scan."
            "\nTo start over for someone: peergoals reset-two-factor USERNAME\n"
        )
