"""The demo program that `make run` loads: one team, two specialists, nine peers, six weeks.

Everything goes through the actions, each at the moment it would have happened (`at=`), so the
versions, check-ins and wins follow the practice's own rules and carry their real dates.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from peergoals.goals import actions
from peergoals.goals.models import Decision, Goal, Outcome, Status, Step
from peergoals.people.actions import assign_peer
from peergoals.people.models import Role, Team, User
from peergoals.privacy.actions import give_consent

DEMO_PASSWORD = "recovery-demo-2026"  # noqa: S105 - printed on purpose, for the demo only
WEEKS = 6


@dataclass(frozen=True)
class DemoStep:
    wording: str
    kind: str = "once"
    quantity: int | None = None
    unit: str = ""
    per: str = ""
    by_specialist: bool = False
    done_rate: float = 0.75


@dataclass(frozen=True)
class DemoGoal:
    own_words: str
    smart: str
    area: str
    why: str
    strengths: str
    steps: tuple[DemoStep, ...] = ()
    importance: int = 8
    confidence: int = 6
    status: str = Status.ACTIVE


@dataclass(frozen=True)
class DemoPeer:
    username: str
    name: str
    specialist: str
    goals: tuple[DemoGoal, ...]
    # The language chosen on the profile; "" has not chosen (the browser decides).
    language: str = ""


PEERS = (
    DemoPeer(
        "maria",
        "Maria",
        "sam",
        (
            DemoGoal(
                "I want to get healthier",
                "I will walk for 10 minutes every morning this week.",
                "physical",
                "I want to keep up with my grandkids.",
                "I love being outside.",
                (
                    DemoStep("Walk for 10 minutes every morning", "amount", 10, "minutes", "day"),
                    DemoStep(
                        "Cook one meal at home twice a week", "count", 2, "", "week", done_rate=0.5
                    ),
                ),
            ),
        ),
    ),
    DemoPeer(
        "darnell",
        "Darnell",
        "sam",
        (
            DemoGoal(
                "Find a job",
                "I will apply to three jobs this month.",
                "occupational",
                "Work gives my days a shape and I want my own money.",
                "I'm good with people and I show up on time.",
                (
                    DemoStep("Update my resume"),
                    DemoStep("Search for job openings", "count", 3, "", "week"),
                    DemoStep(
                        "Apply to one job this week", "count", 1, "job", "week", done_rate=0.4
                    ),
                ),
            ),
        ),
    ),
    DemoPeer(
        "aisha",
        "Aisha",
        "sam",
        (
            DemoGoal(
                "I want to reconnect with my family",
                "I want to reconnect with my family, so I will reach out to my brother this week.",
                "social",
                "I miss my brother and my kids need their uncle.",
                "I'm a good listener.",
                (
                    DemoStep("Call my brother"),
                    DemoStep("Write a short letter to my mom", by_specialist=True),
                ),
            ),
        ),
    ),
    DemoPeer(
        "tom",
        "Tom",
        "sam",
        (
            DemoGoal(
                "Stay in recovery and feel good",
                "I will attend one peer support meeting per week.",
                "emotional",
                "Meetings remind me I'm not alone.",
                "I'm honest about where I am.",
                (
                    DemoStep(
                        "Go to a peer support meeting",
                        "count",
                        1,
                        "meeting",
                        "week",
                        done_rate=0.85,
                    ),
                ),
            ),
            DemoGoal(
                "Drink less soda",
                "I will reduce my soda intake from daily to twice a week.",
                "physical",
                "I want more energy in the afternoon.",
                "I stick with things.",
                (DemoStep("Choose water or tea instead of soda at lunch", "count", 5, "", "week"),),
                status=Status.ON_HOLD,
            ),
        ),
    ),
    DemoPeer(
        "rosa",
        "Rosa",
        "sam",
        (
            DemoGoal(
                "Save for my own apartment",
                "I will put $20 in savings every week.",
                "financial",
                "A place of my own means safety for me and my son.",
                "I'm careful with money.",
                (
                    DemoStep(
                        "Put money in my savings account",
                        "amount",
                        20,
                        "dollars",
                        "week",
                        done_rate=0.8,
                    ),
                ),
            ),
        ),
    ),
    DemoPeer(
        "kevin",
        "Kevin",
        "alex",
        (
            DemoGoal(
                "I want to fix my life",
                "",
                "emotional",
                "",
                "I keep trying.",
                importance=7,
                confidence=2,
                status=Status.PLANNED,
            ),
        ),
    ),
    DemoPeer(
        "lena",
        "Lena",
        "alex",
        (
            DemoGoal(
                "I want to read more",
                "I will read one recovery book by the end of the month.",
                "intellectual",
                "Reading calms my mind.",
                "I'm curious.",
                (DemoStep("Read 10 pages", "amount", 10, "pages", "day", done_rate=0.6),),
            ),
        ),
    ),
    DemoPeer(
        "jamal",
        "Jamal",
        "alex",
        (
            DemoGoal(
                "Go back to church",
                "I will go to Sunday service twice this month.",
                "spiritual",
                "My faith got me through hard times.",
                "People at church know me.",
                (DemoStep("Go to Sunday service", "count", 2, "", "month", done_rate=0.5),),
            ),
        ),
    ),
    # Speaks Spanish first: she chose Español, and writes her goals in Spanish.
    DemoPeer(
        "lucia",
        "Lucía",
        "sam",
        (
            DemoGoal(
                "Quiero volver a estudiar",
                "Voy a leer 15 minutos cada noche esta semana.",
                "intellectual",
                "Quiero ayudar a mis hijos con la tarea.",
                "No me rindo fácilmente.",
                (
                    DemoStep("Llamar al centro comunitario para preguntar por clases de inglés"),
                    DemoStep("Leer 15 minutos cada noche", "amount", 15, "minutos", "day"),
                ),
            ),
            DemoGoal(
                "Quiero dormir mejor",
                "Voy a apagar el teléfono a las 10 de la noche cinco días esta semana.",
                "physical",
                "Cuando duermo bien, tengo más paciencia.",
                "Mi hermana me recuerda la hora.",
                (DemoStep("Apagar el teléfono a las 10 de la noche", "count", 5, "", "week"),),
            ),
        ),
        language="es",
    ),
)

PROPOSALS = {
    # username: a goal their specialist suggests; it waits for the peer's answer.
    "jamal": ("Get my driver's license back", "environmental"),
    "darnell": ("Open a bank account", "financial"),
}


# What the specialist wrote at each look-back, in the language the peer and specialist speak.
REVIEW_NOTES = {
    "": {
        "whats_working": "Showing up, even on hard days.",
        "whats_not_working": "Evenings are tough.",
        "wins": "Kept going through a rough week.",
        "lessons": "Plan the step for mornings.",
    },
    "es": {
        "whats_working": "Seguir adelante, incluso en los días difíciles.",
        "whats_not_working": "Las noches son duras.",
        "wins": "Siguió adelante en una semana difícil.",
        "lessons": "Planear el paso para las mañanas.",
    },
}


# What each level of a goal would look like, as the demo's peers wrote it (Goal Attainment
# Scaling), from much more than expected (+2) down to much less (-2).
SCALE_WORDS = {
    "": (
        "All of it, and a little extra",
        "All of the plan",
        "Most of the plan, most weeks",
        "Some of the plan",
        "None of it yet",
    ),
    "es": (
        "Todo, y un poco más",
        "Todo el plan",
        "Casi todo el plan, casi todas las semanas",
        "Parte del plan",
        "Nada todavía",
    ),
}


def demo_exists() -> bool:
    return User.objects.filter(username="maria").exists()


def _person(
    username: str, name: str, role: str, team: Team | None = None, language: str = ""
) -> User:
    user = User(
        username=username,
        preferred_name=name,
        first_name=name,
        role=role,
        team=team,
        language=language,
    )
    user.set_password(DEMO_PASSWORD)
    if role == Role.ADMIN:
        user.is_staff = user.is_superuser = True
    user.save()
    return user


@transaction.atomic
def build_demo(today: datetime.date | None = None, seed: int = 7) -> dict[str, User]:
    """Create the demo program and return its people by username."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    start = today - datetime.timedelta(weeks=WEEKS)
    team = Team.objects.create(name="Eastside Recovery Team")
    admin = _person("admin", "Morgan", Role.ADMIN)
    people = {"admin": admin, "pat": _person("pat", "Pat", Role.SUPERVISOR, team)}
    for username, name in (("sam", "Sam"), ("alex", "Alex")):
        people[username] = _person(username, name, Role.SPECIALIST, team)
    people["jordan"] = _person("jordan", "Jordan", Role.PEER)  # uses PeerGoals on their own
    for demo_peer in PEERS:
        peer = _person(demo_peer.username, demo_peer.name, Role.PEER, language=demo_peer.language)
        people[peer.username] = peer
        assign_peer(peer, people[demo_peer.specialist], by=admin, on=start)
        give_consent(
            peer, by=peer, signature=demo_peer.name, until_event=True, program_reports=True
        )
        for demo_goal in demo_peer.goals:
            _build_goal(peer, people[demo_peer.specialist], demo_goal, start, today, rng)
    for username, (words, area) in PROPOSALS.items():
        specialist = people[next(p.specialist for p in PEERS if p.username == username)]
        actions.create_goal(people[username], by=specialist, own_words=words, life_area=area)
    return people


def _build_goal(
    peer: User,
    specialist: User,
    spec: DemoGoal,
    start: datetime.date,
    today: datetime.date,
    rng: random.Random,
) -> Goal:
    goal = actions.create_goal(
        peer,
        by=peer,
        own_words=spec.own_words,
        smart_wording=spec.smart,
        life_area=spec.area,
        why_it_matters=spec.why,
        strengths=spec.strengths,
        importance=spec.importance,
        confidence=spec.confidence,
        ready=spec.status != Status.PLANNED,
        at=_at(start),
    )
    for spec_step in spec.steps:
        by = specialist if spec_step.by_specialist else peer
        step = actions.add_step(
            goal,
            by=by,
            wording=spec_step.wording,
            target_kind=spec_step.kind,
            target_quantity=spec_step.quantity,
            target_unit=spec_step.unit,
            target_per=spec_step.per,
            starts_on=start,
            at=_at(start),
        )
        if spec_step.by_specialist:
            continue  # a proposal: it waits for the peer
        _check_in_over_the_weeks(step, spec_step, start, today, rng)
    if spec.status == Status.ACTIVE:
        much_more, more, expected, less, much_less = SCALE_WORDS[peer.language]
        goal = actions.change_goal(
            goal,
            by=peer,
            version=goal.version,
            scale_much_more=much_more,
            scale_more=more,
            scale_expected=expected,
            scale_less=less,
            scale_much_less=much_less,
            scale_baseline=-1,
            at=_at(start),
        )
        notes = REVIEW_NOTES[peer.language]
        for weeks in (2, 4):
            held_on = start + datetime.timedelta(weeks=weeks)
            held = actions.hold_review(
                goal,
                by=specialist,
                decision=Decision.KEEP,
                held_on=held_on,
                whats_working=notes["whats_working"],
                whats_not_working=notes["whats_not_working"],
                feeling="good",
                wins=notes["wins"],
                lessons=notes["lessons"],
                attainment=rng.choice([-1, 0, 0, 1]),
                at=_at(held_on),
            )
            # Held together with the specialist; the peer confirms it that evening.
            if held.pending is not None:
                actions.accept_change(held.pending, by=peer, at=_at(held_on, hour=20))
    elif spec.status == Status.ON_HOLD:
        actions.set_goal_status(
            goal, by=peer, status=Status.ON_HOLD, reason="Taking a break to focus on meetings."
        )
    return goal


def _at(day: datetime.date, hour: int = 18) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _check_in_over_the_weeks(
    step: Step, spec: DemoStep, start: datetime.date, today: datetime.date, rng: random.Random
) -> None:
    """The peer's check-ins since `start`, each recorded on its day, so the wins they bring
    (first check-in, streaks, a step done) come from the practice's own rules."""
    every = {"day": 1, "week": 3, "month": 10}.get(spec.per, 0)
    if spec.kind == "once":
        day = start + datetime.timedelta(days=rng.randint(2, 10))
        _check_in(step, day, Outcome.DONE, None, rng)
        return
    day = start
    while day < today:
        roll = rng.random()
        outcome = (
            Outcome.DONE
            if roll < spec.done_rate
            else Outcome.SKIPPED
            if roll < spec.done_rate + 0.1
            else Outcome.NOT_DONE
        )
        amount = Decimal(spec.quantity or 1) if spec.kind == "amount" else None
        _check_in(step, day, outcome, amount if outcome == "done" else None, rng)
        day += datetime.timedelta(days=every)


def _check_in(
    step: Step, day: datetime.date, outcome: str, amount: Decimal | None, rng: random.Random
) -> None:
    feeling = rng.choice(["great", "good", "good", "okay", "hard"]) if outcome == "done" else ""
    actions.record_check_in(
        step,
        by=step.goal.peer,
        outcome=outcome,
        for_date=day,
        amount=amount,
        feeling=feeling,
        at=_at(day),
    )


def logins() -> list[tuple[str, str]]:
    """The demo's sign-ins, as (who, username), for the console."""
    return [
        ("Peer", "maria"),
        ("Peer who chose Spanish", "lucia"),
        ("Peer specialist", "sam"),
        ("Supervisor", "pat"),
        ("Program admin (also /admin/)", "admin"),
    ]
