"""Pages for goals, steps, check-ins, reviews and wins.

Each view parses a form, gets the record through `peergoals.access` (a record someone may not
reach is a 404, like a missing one), calls one action, and renders. A refusal from the practice
(`NotAllowed`, `Conflict`) is shown on the page with everything the person typed kept.
"""
