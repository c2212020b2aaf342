"""The watch (plugin.service.watch): a listed ticket whose tags or fields differ from what we hold is queued once;
one we hold as listed, one never seen, one with work under way and an unwatched platform are not."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from adapters.memory import MemoryHelpdesk
from plugin.domain import EventKind, Priority, Status, Ticket, TicketEvent
from plugin.ports import ExportPage, RetryAfterError
from plugin.service.watch import FIRST_LOOK, OVERLAP, Watch
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.ticket_store import SqlTicketStore

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


class Watched(MemoryHelpdesk):
    def __init__(self, every: timedelta | None) -> None:
        super().__init__(style="freshdesk")
        self.every, self.looks, self.failing = every, [], False

    def watch_every(self) -> timedelta | None:
        return self.every

    def export_tickets(self, since: datetime, cursor: str | None = None) -> ExportPage:
        self.looks.append(since)
        if self.failing:
            raise RetryAfterError(30)
        return super().export_tickets(since, cursor)


class Desks:
    def __init__(self, **adapters: MemoryHelpdesk) -> None:
        self.adapters = adapters

    def names(self) -> list[str]:
        return sorted(self.adapters)

    def get(self, platform: str) -> MemoryHelpdesk:
        return self.adapters[platform]


class Queue:
    def __init__(self) -> None:
        self.queued: list[tuple[str, str, str]] = []

    def enqueue_process(self, platform: str, ticket_id: str, *, cause: str = "event", delay: float | None = None
                        ) -> None:
        self.queued.append((platform, ticket_id, cause))


def ticket(ticket_id: str, updated: datetime, **fields: object) -> Ticket:
    values: dict[str, object] = {"platform": "freshdesk", "id": ticket_id, "subject": "Export fails",
                                 "status": Status.OPEN, "created_at": NOW - timedelta(hours=1), "updated_at": updated,
                                 "priority": Priority.MEDIUM, "group_id": "100", "tags": frozenset({"tier_1"})}
    values.update(fields)
    return Ticket(**values)  # type: ignore[arg-type]


def held(store: Store, *tickets: Ticket) -> None:
    with store.session() as session:
        for t in tickets:
            repo.upsert_mirror(session, t, NOW)


def test_a_tag_change_is_queued_once_and_what_we_hold_is_not(store: Store) -> None:
    desk, queue = Watched(timedelta(seconds=3)), Queue()
    before = ticket("7", NOW - timedelta(seconds=30))
    held(store, before, ticket("8", NOW - timedelta(seconds=30)))
    desk.add(replace(before, tags=before.tags | {"escalate_tier_3"}, updated_at=NOW - timedelta(seconds=5)))
    desk.add(ticket("8", NOW - timedelta(seconds=4)))  # a note was added: newer, but nothing a decision reads
    desk.add(ticket("9", NOW - timedelta(seconds=3)))  # never seen: its creation webhook and reconcile have it
    watch = Watch(Desks(freshdesk=desk), store, queue)
    assert watch.platforms() == {"freshdesk": timedelta(seconds=3)}
    report = watch.look("freshdesk", NOW)
    assert queue.queued == [("freshdesk", "7", "watch")] and report.read == 3
    assert desk.looks == [NOW - FIRST_LOOK]
    watch.look("freshdesk", NOW + timedelta(seconds=3))  # listed again before its decision is recorded
    assert queue.queued == [("freshdesk", "7", "watch")]
    assert desk.looks[-1] == NOW - timedelta(seconds=3) - OVERLAP  # from the newest update it saw


@pytest.mark.parametrize("change", [{"status": Status.PENDING}, {"priority": Priority.HIGH}, {"group_id": "200"},
                                    {"assignee_id": "a1"}])
def test_every_field_a_decision_reads_counts(store: Store, change: dict[str, object]) -> None:
    desk, queue = Watched(timedelta(seconds=3)), Queue()
    before = ticket("7", NOW - timedelta(seconds=30))
    held(store, before)
    desk.add(replace(before, updated_at=NOW - timedelta(seconds=2), **change))  # type: ignore[arg-type]
    Watch(Desks(freshdesk=desk), store, queue).look("freshdesk", NOW)
    assert queue.queued == [("freshdesk", "7", "watch")]


def test_a_ticket_with_work_under_way_is_left_to_it(store: Store) -> None:
    desk, queue = Watched(timedelta(seconds=3)), Queue()
    before = ticket("7", NOW - timedelta(seconds=30))
    held(store, before)
    SqlTicketStore(store).add_event(TicketEvent(platform="freshdesk", delivery_id="d1", ticket_id="7",
                                                kind=EventKind.UPDATED, occurred_at=NOW), NOW)
    desk.add(replace(before, tags=frozenset({"escalate_tier_3"}), updated_at=NOW - timedelta(seconds=2)))
    Watch(Desks(freshdesk=desk), store, queue).look("freshdesk", NOW)
    assert queue.queued == []


def test_an_unwatched_platform_and_a_failed_look(store: Store) -> None:
    watched, unwatched, queue = Watched(timedelta(seconds=3)), Watched(None), Queue()
    watch = Watch(Desks(freshdesk=watched, zendesk=unwatched), store, queue)
    assert watch.platforms() == {"freshdesk": timedelta(seconds=3)}
    watched.failing = True
    report = watch.look("freshdesk", NOW)
    assert report.errors and "rate limited" in report.errors[0]
    watched.failing = False
    watch.look("freshdesk", NOW + timedelta(seconds=3))
    assert watched.looks == [NOW - FIRST_LOOK, NOW - FIRST_LOOK]  # the next look reads from the same place
