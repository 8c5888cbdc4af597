"""The `peergoals` console command.

`peergoals coach ...` runs the SMART coach without loading Django, so it starts fast and can be
used on its own; every other sub-command is a Django management command (`peergoals demo`,
`peergoals seed`, `peergoals migrate`, `peergoals runserver`, ...).
"""

from __future__ import annotations

import os
import sys

# They create people with published passwords (the demo) or made-up records (the seed).
NOT_IN_PRODUCTION = frozenset({"demo", "seed"})


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and args[1] == "coach":
        from peergoals.coach.cli import main as coach_main

        return coach_main(args[2:])
    if len(args) > 1 and not args[1].startswith("-"):
        # `peergoals export-peer` reads better than `export_peer`; Django names use underscores.
        args[1] = args[1].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peergoals.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    if len(args) > 1 and args[1] in NOT_IN_PRODUCTION and settings.PRODUCTION:
        sys.stderr.write(
            f"peergoals {args[1]} refuses to run with the production settings "
            f"({os.environ['DJANGO_SETTINGS_MODULE']}): it would create demo people with "
            "published passwords or made-up records in a real program. Use it on a test "
            "copy with DJANGO_SETTINGS_MODULE=peergoals.settings.\n"
        )
        return 2

    execute_from_command_line(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
