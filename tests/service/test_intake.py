"""The webhook's request path (plugin/service/intake.py) on the in-memory ports: what is stored, and that the only
other thing it does is nudge the inbox feed (no task is written on the request path: the feed queues it)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pipeline_kit import PLATFORM, START

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


class Nudges:
    """The InboxSignal: counts the nudges."""

    def __init__(self) -> None:
        self.count = 0

    def inbox_changed(self) -> None:
        self.count += 1


def event(delivery: str, ticket_id: str = "1", *, from_us: bool = False) -> TicketEvent:
    return TicketEvent(platform=PLATFORM, delivery_id=delivery, ticket_id=ticket_id, kind=EventKind.UPDATED,
                       occurred_at=START, from_us=from_us)


def test_our_own_change_coming_back_is_answered_and_kept_nowhere() -> None:
    store, nudges = MemoryStore(), Nudges()
    intake = receive(Parsing([event("ours-1", from_us=True)]), store, nudges, START, PLATFORM, {}, b"{}")  # type: ignore[arg-type]
    assert (intake.status, intake.outcome) == (200, "ours")
    assert store.events == {} and nudges.count == 0


def test_a_customer_change_beside_our_echo_is_stored_alone_and_the_feed_nudged() -> None:
    store, nudges = MemoryStore(), Nudges()
    events = [event("ours-2", "1", from_us=True), event("customer-1", "2")]
    intake = receive(Parsing(events), store, nudges, START, PLATFORM, {}, b"{}")  # type: ignore[arg-type]
    assert (intake.status, intake.outcome) == (202, "accepted")
    assert [e.delivery_id for e in intake.accepted] == ["customer-1"]
    assert [row.delivery_id for row in store.events.values()] == ["customer-1"]
    assert nudges.count == 1
    again = receive(Parsing(events), store, nudges, START, PLATFORM, {}, b"{}")  # type: ignore[arg-type]
    assert (again.status, again.outcome) == (200, "duplicate")
    assert nudges.count == 1  # a redelivery nudges nothing


def test_a_lost_nudge_changes_nothing_for_the_request() -> None:
    class Broken:
        def inbox_changed(self) -> None:
            raise ConnectionError("gone")

    store = MemoryStore()
    intake = receive(Parsing([event("customer-2")]), store, Broken(), START, PLATFORM, {}, b"{}")  # type: ignore[arg-type]
    assert intake.status == 202 and [row.delivery_id for row in store.events.values()] == ["customer-2"]
