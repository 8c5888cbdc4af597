import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from peergoals.commands import refusals_said
from peergoals.people.models import User
from peergoals.seed import build_organisation


class Command(BaseCommand):
    help = "Build a reproducible synthetic organisation for benchmarks (nobody can sign in to it)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--peers", type=int, default=10_000)
        parser.add_argument("--specialists", type=int, default=200)
        parser.add_argument("--weeks", type=int, default=8, help="weeks of history")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same organisation")

    def handle(
        self, *args: Any, peers: int, specialists: int, weeks: int, seed: int, **options: Any
    ) -> None:
        if User.objects.filter(username__startswith="seed-").exists():
            raise CommandError("This database already holds a seeded organisation.")
        started = time.perf_counter()
        with refusals_said(ValueError):
            report = build_organisation(
                peers=peers,
                specialists=specialists,
                weeks=weeks,
                seed=seed,
                progress=lambda message: self.stdout.write(f"  {message}"),
            )
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {report.peers:,} peers, {report.specialists:,} specialists, "
                f"{report.supervisors:,} supervisors, {report.goals:,} goals, "
                f"{report.steps:,} steps, "
                f"{report.check_ins:,} check-ins, {report.reviews:,} reviews, {report.wins:,} wins "
                f"in {elapsed:.1f} s."
            )
        )
