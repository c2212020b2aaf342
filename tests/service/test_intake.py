"""The webhook's request path (plugin/service/intake.py) on the in-memory ports: what is stored and queued."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pipeline_kit import PLATFORM, START, Clock, Queue

from adapters.memory import MemoryStore
from plugin.domain import EventKind, TicketEvent
from plugin.service.intake import receive


class Parsing:
    """The Helpdesks port whose one adapter parses every body into the given events."""

    def __init__(self, events: list[TicketEvent]) -> None:
        self.events = events

    def get(self, platform: str) -> Parsing:
        return self

    def names(self) -> list[str]:
        return [PLATFORM]

    def parse_webhook(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> list[TicketEvent]:
        return self.events


def event(delivery: str, ticket_id: str = "1", *, from_us: bool = False) -> TicketEvent:
    return TicketEvent(platform=PLATFORM, delivery_id=delivery, ticket_id=ticket_id, kind=EventKind.UPDATED,
                       occurred_at=START, from_us=from_us)


def test_our_own_change_coming_back_is_answered_and_kept_nowhere() -> None:
    store, queue = MemoryStore(), Queue(Clock())
    intake = receive(Parsing([event("ours-1", from_us=True)]), store, queue, START, PLATFORM, {}, b"{}")  # type: ignore[arg-type]
    assert (intake.status, intake.outcome) == (200, "ours")
    assert store.events == {} and queue.tasks == []


def test_a_customer_change_beside_our_echo_is_stored_and_queued_alone() -> None:
    store, queue = MemoryStore(), Queue(Clock())
    events = [event("ours-2", "1", from_us=True), event("customer-1", "2")]
    intake = receive(Parsing(events), store, queue, START, PLATFORM, {}, b"{}")  # type: ignore[arg-type]
    assert (intake.status, intake.outcome) == (202, "accepted")
    assert [e.delivery_id for e in intake.accepted] == ["customer-1"]
    assert [row.delivery_id for row in store.events.values()] == ["customer-1"]
    assert [task[3] for task in queue.tasks] == ["2"]
    again = receive(Parsing(events), store, queue, START, PLATFORM, {}, b"{}")  # type: ignore[arg-type]
    assert (again.status, again.outcome) == (200, "duplicate")
