"""Our own Freshdesk writes coming back (plugin.service.echoes): known by the update times our writes left and the
state they wrote, without a read; anything newer or different is decided; reconcile does not read them either."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from adapters.memory import MemoryHelpdesk
from plugin.domain import Decision, EventKind, Priority, Status, Ticket, TicketChanges, TicketEvent
from plugin.ports import DecisionRecord, Held
from plugin.service.echoes import already_known
from plugin.service.reconcile import reconcile
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.ticket_store import SqlTicketStore

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
READ = NOW - timedelta(seconds=10)
PUT, NOTE, REPLY = NOW, NOW + timedelta(seconds=1), NOW + timedelta(seconds=2)
HELD = Held(PUT, frozenset({"escalated", "tier_3"}), Status.OPEN, Priority.HIGH, frozenset({PUT, NOTE, REPLY}))


def event(at: datetime | None, *, tags: tuple[str, ...] = ("tier_3", "escalated"), status: Status | None = Status.OPEN,
          priority: str | None = "high", kind: EventKind = EventKind.COMMENT_ADDED) -> TicketEvent:
    return TicketEvent(platform="freshdesk", delivery_id=f"d-{at}", ticket_id="7", kind=kind,
                       changes={"tags": list(tags), "priority": priority}, status=status, ticket_updated_at=at)


@pytest.mark.parametrize("at", [PUT, NOTE, REPLY, READ])
def test_our_writes_and_anything_before_our_last_read_are_known(at: datetime) -> None:
    assert already_known(event(at), HELD)


@pytest.mark.parametrize(("changed", "why"), [
    (event(REPLY + timedelta(seconds=1)), "newer than our last write: a customer's reply after it"),
    (event(NOTE + timedelta(seconds=0.5)), "between our writes, at a time of its own"),
    (event(NOTE, tags=("tier_3", "escalated", "vip")), "another tag list"),
    (event(NOTE, status=Status.PENDING), "another status"),
    (event(NOTE, priority="critical"), "another priority"),
    (event(None), "no update time carried"),
    (event(NOTE, status=None), "a status we could not read"),
])
def test_anything_else_is_decided(changed: TicketEvent, why: str) -> None:
    assert not already_known(changed, HELD), why
    assert not already_known(event(NOTE), None)  # a ticket never seen


def test_the_store_holds_our_write_times_and_reconcile_does_not_read_them(store: Store) -> None:
    tickets = SqlTicketStore(store)
    read = Ticket(platform="freshdesk", id="7", subject="Export fails", status=Status.OPEN, created_at=READ,
                  updated_at=READ, priority=Priority.MEDIUM, tags=frozenset({"tier_1"}))
    with store.session() as session:
        repo.upsert_mirror(session, read, NOW)
    written = replace(read, updated_at=PUT, priority=Priority.HIGH, tags=frozenset({"tier_3", "escalated"}))
    tickets.record(DecisionRecord(platform="freshdesk", ticket=read, now=NOW, updated_at=PUT, written=written,
                                  written_at=(PUT, NOTE, REPLY),
                                  decision=Decision(ticket_id="7", at=NOW,
                                                    changes=TicketChanges(priority=Priority.HIGH))))
    taken = tickets.take("freshdesk:7", "freshdesk", "7", "p#1", NOW, timedelta(seconds=15))
    assert taken is not None and taken.held is not None
    assert taken.held.written_at == {PUT, NOTE, REPLY} and taken.held.tags == {"tier_3", "escalated"}
    assert already_known(event(REPLY), taken.held)
    tickets.release("freshdesk:7", "p#1")

    class Queue:
        queued: list[str] = []

        def enqueue_process(self, platform: str, ticket_id: str, *, cause: str = "event",
                            delay: float | None = None) -> None:
            self.queued.append(ticket_id)

    class Desks:
        def __init__(self, desk: MemoryHelpdesk) -> None:
            self.desk = desk

        def names(self) -> list[str]:
            return ["freshdesk"]

        def get(self, platform: str) -> MemoryHelpdesk:
            return self.desk

    from plugin.config import load_config

    desk, queue = MemoryHelpdesk(style="freshdesk"), Queue()
    desk.add(replace(written, updated_at=REPLY))  # as our reply left it
    reconcile(Desks(desk), store, queue, load_config(data={}), NOW + timedelta(minutes=5))  # type: ignore[arg-type]
    assert queue.queued == []
    desk.add(replace(written, updated_at=REPLY + timedelta(seconds=1)))  # the customer answered since
    reconcile(Desks(desk), store, queue, load_config(data={}), NOW + timedelta(minutes=5))  # type: ignore[arg-type]
    assert queue.queued == ["7"]


def test_a_read_whose_run_failed_does_not_make_its_event_known(store: Store) -> None:
    """The run took the ticket in (mirror at its update time) and then failed, e.g. the customer's read met a 503:
    the retry decides the event; only a finished decision makes the time known."""
    tickets = SqlTicketStore(store)
    created = Ticket(platform="freshdesk", id="8", subject="Charged twice", status=Status.OPEN, created_at=READ,
                     updated_at=READ, priority=Priority.MEDIUM, tags=frozenset())
    tickets.observe(created, {}, NOW)  # the read taken in; the run fails before its record
    the_webhook = event(READ, tags=(), priority="medium", kind=EventKind.CREATED)
    taken = tickets.take("freshdesk:8", "freshdesk", "8", "p#1", NOW, timedelta(seconds=15))
    assert taken is not None and taken.held is not None and taken.held.updated_at is None
    assert not already_known(the_webhook, taken.held)
    tickets.release("freshdesk:8", "p#1")

    tickets.record(DecisionRecord(platform="freshdesk", ticket=created, now=NOW,
                                  decision=Decision(ticket_id="8", at=NOW)))  # decided: nothing to write
    taken = tickets.take("freshdesk:8", "freshdesk", "8", "p#1", NOW, timedelta(seconds=15))
    assert taken is not None and taken.held is not None and taken.held.updated_at == READ
    assert already_known(the_webhook, taken.held)
    tickets.release("freshdesk:8", "p#1")
