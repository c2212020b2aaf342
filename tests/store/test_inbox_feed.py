"""The consumer's half of intake (plugin.service.intake.InboxFeed) on SQLite and PostgreSQL: it queues the ticket of
each event the inbox received and no worker has taken, once, and leaves older work to the sweep's recovery."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from plugin.domain import EventKind, TicketEvent
from plugin.service.intake import InboxFeed
from plugin.store import Store
from plugin.store.ticket_store import SqlTicketStore

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
WINDOW = timedelta(seconds=30)


@pytest.fixture
def tickets(store: Store) -> SqlTicketStore:
    """The ticket store on each backend (tests/conftest.py's `store`: upgraded, emptied after the test)."""
    return SqlTicketStore(store)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def event(delivery: str, ticket_id: str = "42") -> TicketEvent:
    return TicketEvent(platform="zendesk", delivery_id=delivery, ticket_id=ticket_id, kind=EventKind.UPDATED,
                       occurred_at=NOW)


def feed_of(tickets: SqlTicketStore, clock: Clock) -> tuple[InboxFeed, list[tuple[str, str]]]:
    queued: list[tuple[str, str]] = []
    return InboxFeed(tickets, lambda platform, ticket_id: queued.append((platform, ticket_id)), clock,
                     WINDOW), queued


def test_each_received_event_gets_its_ticket_queued_once(tickets: SqlTicketStore) -> None:
    clock = Clock()
    feed, queued = feed_of(tickets, clock)
    assert tickets.add_event(event("a", "1"), NOW) and tickets.add_event(event("b", "1"), NOW)
    assert tickets.add_event(event("c", "2"), NOW)
    assert not tickets.add_event(event("a", "1"), NOW)  # a redelivery: one row
    assert feed.poll() == 2 and queued == [("zendesk", "1"), ("zendesk", "2")]
    assert feed.poll() == 0  # queued already: its task is on its way
    clock.now += timedelta(seconds=1)
    assert tickets.add_event(event("d", "1"), clock.now)
    assert feed.poll() == 1 and queued[-1] == ("zendesk", "1")  # a new event: the ticket again


def test_an_event_a_worker_took_is_not_queued_again(tickets: SqlTicketStore) -> None:
    clock = Clock()
    feed, queued = feed_of(tickets, clock)
    tickets.add_event(event("a", "1"), NOW)
    taken = tickets.take("zendesk:1", "zendesk", "1", "host/1/0#t-1", NOW, timedelta(minutes=1))
    assert taken is not None and len(taken.events) == 1
    tickets.release_events("zendesk", ["1"], "host/1/0#t-1")  # its run failed: its own retry is queued by the run
    assert feed.poll() == 0 and queued == []


def test_an_event_older_than_the_window_is_left_to_the_sweep(tickets: SqlTicketStore) -> None:
    clock = Clock()
    feed, queued = feed_of(tickets, clock)
    tickets.add_event(event("old", "1"), NOW - WINDOW - timedelta(seconds=1))
    tickets.add_event(event("new", "2"), NOW - WINDOW + timedelta(seconds=1))
    assert feed.poll() == 1 and queued == [("zendesk", "2")]
    assert ("zendesk", "1", None) in tickets.unfinished(NOW, NOW - WINDOW, 100)  # the sweep's recovery has it


def test_a_ticket_the_queue_refused_is_queued_at_the_next_pass(tickets: SqlTicketStore) -> None:
    clock = Clock()
    queued: list[str] = []
    down = True

    def enqueue(platform: str, ticket_id: str) -> None:
        if down:
            raise ConnectionError("the queue is away")
        queued.append(ticket_id)

    feed = InboxFeed(tickets, enqueue, clock, WINDOW)
    tickets.add_event(event("a", "1"), NOW)
    assert feed.poll() == 0
    down = False
    assert feed.poll() == 1 and queued == ["1"]


def test_a_burst_larger_than_a_pass_is_queued_over_the_next_passes(tickets: SqlTicketStore) -> None:
    clock = Clock()
    queued: list[tuple[str, str]] = []
    feed = InboxFeed(tickets, lambda p, t: queued.append((p, t)), clock, WINDOW, batch=3)
    for i in range(5):
        tickets.add_event(event(f"e{i}", str(i)), NOW + timedelta(milliseconds=i))
    assert feed.poll() == 3
    for i in range(3):  # the workers take the first three
        tickets.take(f"zendesk:{i}", "zendesk", str(i), "host/1/0#t-1", NOW, timedelta(minutes=1))
    assert feed.poll() == 2 and [t for _, t in queued] == ["0", "1", "2", "3", "4"]


def test_the_feed_runs_in_a_thread_and_a_nudge_wakes_it(tickets: SqlTicketStore) -> None:
    clock = Clock()
    queued: list[str] = []
    feed = InboxFeed(tickets, lambda p, t: queued.append(t), clock, WINDOW).start()
    try:
        tickets.add_event(event("a", "7"), NOW)
        feed.wake()
        deadline = datetime.now(UTC) + timedelta(seconds=10)
        while not queued and datetime.now(UTC) < deadline:
            time.sleep(0.01)
        assert queued == ["7"]
    finally:
        feed.stop()
