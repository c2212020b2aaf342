"""A world for the pipeline's millisecond tests: the pipeline on the in-memory ports (adapters/memory.py), a fake
clock, a queue that is a list, and a driver that plays the consumer: it runs queued tasks in time order, re-queues
what an outcome asks to retry, and restarts the process (recovery included) when a Crash kills it."""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from adapters.memory import Crash, MemoryHelpdesk, MemoryStore, Power
from plugin.config import EscalatorConfig, load_config
from plugin.domain import Customer, EventKind, Priority, Status, Ticket, TicketEvent
from plugin.engine import Engine
from plugin.ports import HelpdeskAdapter
from plugin.service.pipeline import Outcome, Pipeline
from plugin.service.recovery import recover

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
LEGAL = "You charged us twice. If this is not refunded today my lawyer will take legal action."
PLATFORM = "memory"


def config(**overrides: Any) -> EscalatorConfig:
    data: dict[str, Any] = {
        "tiers": [{"name": name, "groups": {PLATFORM: str(100 * (i + 1))}, "response_target": target}
                  for i, (name, target) in enumerate([("Frontline", "2h"), ("Technical", "4h"),
                                                     ("Engineering", "8h"), ("Management", "0")])],
        "schedules": {"default": {"hours": {d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat",
                                                                        "sun")}}},
        "notifications": {"respect_business_hours": False},
    }
    data.update(overrides)
    return load_config(data=data)


CONFIGS: dict[str, EscalatorConfig] = {}
ENGINES: dict[str, Engine] = {}


def engine_for(mode: str) -> tuple[EscalatorConfig, Engine]:
    """One config and engine per workflow mode, built once (building the sentiment lexicon takes a moment)."""
    if mode not in ENGINES:
        CONFIGS[mode] = config(workflow={"escalation_task": mode})
        first = next(iter(ENGINES.values()), None)
        ENGINES[mode] = Engine(CONFIGS[mode], analyzer=first.analyzer if first else None)
    return CONFIGS[mode], ENGINES[mode]


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


class Queue:
    """The WorkQueue port as a time-ordered list."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.tasks: list[tuple[datetime, int, str, str, str]] = []
        self.timers: list[tuple[str, str, int, datetime]] = []
        self.batches: list[int] = []
        self.delays: list[float | None] = []
        self.notify_calls = 0
        self._seq = itertools.count()

    def enqueue_process(self, platform: str, ticket_id: str, *, cause: str = "event",
                        delay: float | None = None) -> None:
        self.delays.append(delay)
        eta = self.clock() + timedelta(seconds=delay or 0)
        heapq.heappush(self.tasks, (eta, next(self._seq), platform, ticket_id, cause))

    def schedule_timer(self, platform: str, ticket_id: str, version: int, due_at: datetime) -> None:
        self.timers.append((platform, ticket_id, version, due_at))

    def queue_due_timers(self, platform: str, due: Sequence[tuple[str, int, datetime]]) -> None:
        self.batches.append(len(due))
        self.timers.extend((platform, ticket_id, version, due_at) for ticket_id, version, due_at in due)

    def enqueue_notifications(self) -> None:
        self.notify_calls += 1


class Desks:
    def __init__(self, helpdesk: HelpdeskAdapter) -> None:
        self.helpdesk = helpdesk

    def get(self, platform: str) -> HelpdeskAdapter:
        return self.helpdesk

    def names(self) -> list[str]:
        return [PLATFORM]


@dataclass
class World:
    style: str = "zendesk"
    mode: str = "reassign"
    clock: Clock = field(default_factory=Clock)
    power: Power = field(default_factory=Power)
    generation: int = 1
    crashes: int = 0
    outcomes: list[Outcome] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.config, self.engine = engine_for(self.mode)
        self.helpdesk = MemoryHelpdesk(style=self.style, clock=self.clock, power=self.power)
        self.store = MemoryStore(power=self.power)
        self.queue = Queue(self.clock)
        self.helpdesk.customers["c1"] = Customer(id="c1", name="Dana Scully", email="dana@example.com")
        self.pipeline = self._pipeline()

    @property
    def identity(self) -> str:
        return f"host/{self.generation}/start"

    def _pipeline(self) -> Pipeline:
        tokens = itertools.count()
        return Pipeline(store=self.store, helpdesks=Desks(self.helpdesk), queue=self.queue, engine=self.engine,
                        config=self.config, clock=self.clock, owner=lambda: f"{self.identity}#t{next(tokens)}")

    def ticket(self, ticket_id: str = "1", description: str = LEGAL, **fields: Any) -> Ticket:
        values: dict[str, Any] = {"platform": PLATFORM, "id": ticket_id, "subject": "Charged twice",
                                  "status": Status.NEW, "created_at": START - timedelta(minutes=1),
                                  "updated_at": START - timedelta(minutes=1), "priority": Priority.MEDIUM,
                                  "requester_id": "c1", "description": description, "group_id": "100"}
        values.update(fields)
        return self.helpdesk.add(Ticket(**values))

    def webhook(self, ticket_id: str = "1", delivery: str = "d1", *, from_us: bool = False) -> bool:
        event = TicketEvent(platform=PLATFORM, delivery_id=delivery, ticket_id=ticket_id, kind=EventKind.CREATED,
                            occurred_at=self.clock(), from_us=from_us)
        accepted = self.store.add_event(event, self.clock())
        if accepted:
            self.queue.enqueue_process(PLATFORM, ticket_id)
        return accepted

    def restart(self) -> None:
        """The process died: a new one starts, and its first act is recovery."""
        dead = self.identity
        self.crashes += 1
        self.power.on()
        self.generation += 1
        self.pipeline = self._pipeline()
        self.clock.now += timedelta(seconds=1)
        recover(self.store, self.queue, self.clock(), is_dead=lambda owner: owner == dead)

    def settle(self, max_runs: int = 60) -> list[Outcome]:
        """Run the queue dry, as the consumer would, restarting after each crash."""
        for _ in range(max_runs):
            if not self.queue.tasks:
                return self.outcomes
            eta, _, platform, ticket_id, cause = heapq.heappop(self.queue.tasks)
            self.clock.now = max(self.clock.now, eta)
            try:
                outcomes = self.pipeline.run(platform, [ticket_id], cause)
            except Crash:
                self.restart()  # the task in flight is lost with the process
                continue
            self.outcomes += outcomes
            for outcome in outcomes:
                if not outcome.finished and outcome.status != "refused":
                    self.queue.enqueue_process(platform, outcome.ticket_id, cause=cause, delay=outcome.retry_in)
            self.clock.now += timedelta(milliseconds=50)
        raise AssertionError(f"the queue did not settle in {max_runs} runs: {self.queue.tasks}")

    # -- what a test looks at

    def notes(self, ticket_id: str = "1") -> list[str]:
        comments = self.helpdesk.tickets[ticket_id].comments
        return [c.body for c in comments if not c.public and "[escalator-ref:" in c.body]

    def replies(self, ticket_id: str = "1") -> list[str]:
        return [c.body for c in self.helpdesk.tickets[ticket_id].comments if c.public and "escalator-ref:" in c.body]

    def alerts(self, ticket_id: str = "1") -> Counter[str]:
        return Counter(q.notification.role for q in self.store.notifications
                       if q.notification.ticket_id == ticket_id)

    def open_intents(self) -> list[str]:
        return [i.key for i in self.store.intents.values() if i.state.value in ("decided", "writing", "landed")]

    def unfinished_events(self) -> list[int]:
        return [e.id for e in self.store.events.values() if e.state.value != "done"]

    def effects(self, ticket_id: str = "1") -> dict[str, Any]:
        """Everything a decision's effects consist of, in a form two runs can be compared on."""
        ticket = self.helpdesk.tickets[ticket_id]
        return {
            "priority": ticket.priority, "tags": sorted(ticket.tags - {"agent_touched"}), "group": ticket.group_id,
            "notes": len(self.notes(ticket_id)), "replies": len(self.replies(ticket_id)),
            "alerts": dict(self.alerts(ticket_id)),
            "escalations": [(e.to_tier, e.rule) for e in self.store.escalations[(PLATFORM, ticket_id)]],
            "tasks": len(self.helpdesk.tasks),
        }
