"""A reproducible synthetic organisation for benchmarks: `peergoals seed --peers N ...`.

Rows are written in bulk, a slice of peers at a time, so 10,000 peers and about a million
check-ins fit in memory and in minutes. The same arguments and seed give the same organisation.
Nobody can sign in as a seeded person: their passwords are unusable.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from peergoals.goals.models import (
    CheckIn,
    Decision,
    Goal,
    LifeArea,
    Outcome,
    Review,
    Status,
    Step,
    TargetKind,
    Win,
    WinKind,
)
from peergoals.outcomes import gas
from peergoals.people.models import Assignment, Role, Team, User
from peergoals.privacy.actions import consent_terms
from peergoals.privacy.models import Consent

SPECIALISTS_PER_SUPERVISOR = 10
# Every active goal gets these steps, in this order: (wording, times, per).
SEEDED_STEPS = (("A little every day", 1, "day"), ("Three times a week", 3, "week"))
PEERS_PER_SLICE = 250

GOAL_WORDS = {
    LifeArea.PHYSICAL: ("Get healthier", "Walk 20 minutes a day", "Sleep better"),
    LifeArea.OCCUPATIONAL: ("Find a job", "Apply to three jobs this month"),
    LifeArea.SOCIAL: ("Reconnect with my family", "Call my sister every week"),
    LifeArea.FINANCIAL: ("Save for an apartment", "Put $20 in savings each week"),
    LifeArea.EMOTIONAL: ("Go to one peer support meeting a week", "Feel calmer"),
    LifeArea.SPIRITUAL: ("Go back to church", "Meditate 10 minutes a day"),
    LifeArea.INTELLECTUAL: ("Read one recovery book this month", "Finish my GED"),
    LifeArea.ENVIRONMENTAL: ("Keep my room tidy", "Get my driver's license back"),
}


@dataclass(frozen=True)
class SeedReport:
    peers: int
    specialists: int
    supervisors: int
    goals: int
    steps: int
    check_ins: int
    reviews: int
    wins: int


def build_organisation(
    *,
    peers: int,
    specialists: int,
    weeks: int,
    seed: int = 1,
    today: datetime.date | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> SeedReport:
    """Create the organisation in the current database and say how many rows of each it made."""
    if peers < 1 or specialists < 1 or weeks < 1:
        raise ValueError("peers, specialists and weeks must each be at least 1")
    rng = random.Random(seed)
    today = today or timezone.localdate()
    start = today - datetime.timedelta(weeks=weeks)
    password = make_password(None)  # unusable: seeded people cannot sign in
    specialist_rows = _build_staff(specialists, password, start)
    counts = dict.fromkeys(("goals", "steps", "check_ins", "reviews", "wins"), 0)
    for first in range(0, peers, PEERS_PER_SLICE):
        size = min(PEERS_PER_SLICE, peers - first)
        with transaction.atomic():
            made = _build_slice(first, size, specialist_rows, password, start, today, rng)
        for key, value in made.items():
            counts[key] += value
        progress(f"{first + size:,} of {peers:,} peers, {counts['check_ins']:,} check-ins")
    return SeedReport(
        peers=peers,
        specialists=specialists,
        supervisors=len({s.team_id for s in specialist_rows}),
        **counts,
    )


@transaction.atomic
def _build_staff(count: int, password: str, start: datetime.date) -> list[User]:
    teams = [
        Team.objects.create(name=f"Seed team {number + 1:03d}")
        for number in range(-(-count // SPECIALISTS_PER_SUPERVISOR))
    ]
    User.objects.bulk_create(
        User(
            username=f"seed-supervisor-{n + 1:03d}",
            password=password,
            role=Role.SUPERVISOR,
            team=team,
            preferred_name=f"Supervisor {n + 1}",
        )
        for n, team in enumerate(teams)
    )
    User.objects.bulk_create(
        User(
            username=f"seed-specialist-{n + 1:04d}",
            password=password,
            role=Role.SPECIALIST,
            team=teams[n // SPECIALISTS_PER_SUPERVISOR],
            preferred_name=f"Specialist {n + 1}",
        )
        for n in range(count)
    )
    return list(User.objects.filter(username__startswith="seed-specialist-").order_by("id"))


def _days(start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
    day = start
    while day < end:
        yield day
        day += datetime.timedelta(days=1)


def _at(day: datetime.date, rng: random.Random) -> datetime.datetime:
    moment = datetime.datetime.combine(day, datetime.time(rng.randint(7, 21), rng.randint(0, 59)))
    return timezone.make_aware(moment)


def _build_slice(
    first: int,
    size: int,
    specialists: list[User],
    password: str,
    start: datetime.date,
    today: datetime.date,
    rng: random.Random,
) -> dict[str, int]:
    peers = User.objects.bulk_create(
        User(
            username=f"seed-peer-{n + 1:05d}",
            password=password,
            role=Role.PEER,
            preferred_name=f"Peer {n + 1}",
        )
        for n in range(first, first + size)
    )
    Assignment.objects.bulk_create(
        Assignment(
            peer=peer, specialist=specialists[(first + i) % len(specialists)], started_on=start
        )
        for i, peer in enumerate(peers)
    )
    # Every seeded peer has agreed to share, so their specialists reach their records; nine in
    # ten also to be counted in the program's reports.
    terms = consent_terms()
    signed_at = timezone.make_aware(datetime.datetime.combine(start, datetime.time(12)))
    Consent.objects.bulk_create(
        terms.signed_by(
            peer,
            signature=peer.preferred_name,
            signed_at=signed_at,
            until_event=True,
            program_reports=(first + i) % 10 != 9,
        )
        for i, peer in enumerate(peers)
    )
    goals: list[Goal] = []
    for peer in peers:
        for number in range(rng.choice((1, 2, 2, 3))):
            area = rng.choice(list(GOAL_WORDS))
            status = (
                Status.ACTIVE
                if number < 2
                else rng.choice((Status.PLANNED, Status.ON_HOLD, Status.PROPOSED))
            )
            goals.append(
                Goal(
                    peer=peer,
                    own_words=rng.choice(GOAL_WORDS[area]),
                    life_area=area,
                    status=status,
                    created_by=peer,
                    created_at=_at(start, rng),
                    importance=rng.randint(4, 10),
                    confidence=rng.randint(2, 10),
                    # A scale, written from a usual start (-1), on the goals worked on.
                    scale_expected="As planned" if status == Status.ACTIVE else "",
                    scale_baseline=gas.USUAL_BASELINE if status == Status.ACTIVE else None,
                    next_review_on=(
                        start + datetime.timedelta(days=rng.randint(14, 7 * 10))
                        if status == Status.ACTIVE
                        else None
                    ),
                )
            )
    Goal.objects.bulk_create(goals)
    steps: list[Step] = []
    for goal in goals:
        if goal.status != Status.ACTIVE:
            continue
        steps.extend(
            Step(
                goal=goal,
                wording=wording,
                target_kind=TargetKind.COUNT,
                target_quantity=quantity,
                target_per=per,
                starts_on=start,
                position=position,
                created_by=goal.peer,
            )
            for position, (wording, quantity, per) in enumerate(SEEDED_STEPS, start=1)
        )
    Step.objects.bulk_create(steps)
    check_ins: list[CheckIn] = []
    wins: list[Win] = []
    quiet = {peer.id for peer in peers if rng.random() < 0.1}  # went quiet three weeks ago
    for step in steps:
        peer = step.goal.peer
        end = today - datetime.timedelta(weeks=3) if peer.id in quiet else today
        daily = step.target_per == "day"
        for day in _days(start, end):
            if rng.random() > (0.8 if daily else 0.4):
                continue
            roll = rng.random()
            outcome = (
                Outcome.DONE
                if roll < 0.8
                else (Outcome.SKIPPED if roll < 0.9 else Outcome.NOT_DONE)
            )
            check_ins.append(
                CheckIn(
                    step=step,
                    peer=peer,
                    for_date=day,
                    outcome=outcome,
                    recorded_by=peer,
                    recorded_at=_at(day, rng),
                    feeling=rng.choice(("great", "good", "okay", "hard", "")),
                )
            )
    CheckIn.objects.bulk_create(check_ins, batch_size=2000)
    first_days: dict[int, CheckIn] = {}
    for check_in in check_ins:
        if (
            check_in.peer_id not in first_days
            or check_in.for_date < first_days[check_in.peer_id].for_date
        ):
            first_days[check_in.peer_id] = check_in
    wins.extend(
        Win(
            peer_id=c.peer_id,
            kind=WinKind.FIRST_CHECK_IN,
            step=c.step,
            goal_id=c.step.goal_id,
            created_at=c.recorded_at,
        )
        for c in first_days.values()
    )
    reviews = [
        Review(
            goal=goal,
            held_on=held_on,
            recorded_by=goal.peer,
            decision=Decision.KEEP,
            attainment=rng.choice((-1, 0, 0, 1, 2)),
            feeling="good",
        )
        for goal in goals
        if goal.status == Status.ACTIVE
        for held_on in _days(start + datetime.timedelta(days=14), today)
        if (held_on - start).days % 14 == 0
    ]
    Review.objects.bulk_create(reviews)
    wins.extend(
        Win(
            peer_id=r.goal.peer_id,
            kind=WinKind.REVIEW_HELD,
            goal=r.goal,
            created_at=_at(r.held_on, rng),
        )
        for r in reviews
    )
    Win.objects.bulk_create(wins)
    return {
        "goals": len(goals),
        "steps": len(steps),
        "check_ins": len(check_ins),
        "reviews": len(reviews),
        "wins": len(wins),
    }
