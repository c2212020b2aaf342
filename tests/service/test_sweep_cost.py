"""The sweep's cost follows the due tickets (issue 15): it reads only the armed timers due by now, hands each due
ticket's check to the workers as its timer task (never deciding or calling the helpdesk itself), leaves a handed-over
ticket alone until its recheck time, and queues it again then only if the worker never finished it. On SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

import pytest
from huey import MemoryHuey
from pipeline_kit import PLATFORM, START, Clock, config
from sqlalchemy import select

from adapters.memory import MemoryHelpdesk
from plugin.domain import EventKind, Priority, Status, Ticket, TicketEvent
from plugin.service.sweep import RECHECK, sweep
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.models import TimerRow
from plugin.store.ticket_store import SqlTicketStore
from webhooks.bootstrap import Services, bootstrap


class Queue:
    """The WorkQueue port as lists."""

    def __init__(self) -> None:
        self.timers: list[tuple[str, str, int, datetime]] = []
        self.batches: list[int] = []
        self.processed: list[tuple[str, str, str]] = []

    def enqueue_process(self, platform: str, ticket_id: str, *, cause: str = "event",
                        delay: float | None = None) -> None:
        self.processed.append((platform, ticket_id, cause))

    def schedule_timer(self, platform: str, ticket_id: str, version: int, due_at: datetime) -> None:
        self.timers.append((platform, ticket_id, version, due_at))

    def queue_due_timers(self, platform: str, due: Sequence[tuple[str, int, datetime]]) -> None:
        self.batches.append(len(due))
        self.timers.extend((platform, ticket_id, version, due_at) for ticket_id, version, due_at in due)

    def enqueue_notifications(self) -> None:
        pass


def arm(store: Store, ticket_id: str, due_at: datetime) -> int:
    with store.session() as session:
        return repo.arm_timer(session, PLATFORM, ticket_id, due_at, "threshold", START - timedelta(hours=1)).version


def timers(store: Store) -> dict[tuple[str, int], tuple[str, datetime]]:
    with store.session() as session:
        return {(t.ticket_id, t.version): (t.state, t.due_at) for t in session.scalars(select(TimerRow))}


def run_sweep(store: Store, queue: Queue, now: datetime, limit: int = 5000) -> Any:
    return sweep(SqlTicketStore(store), queue, config(), lambda: now, is_dead=lambda _owner: False,
                 limit=limit)


def test_the_sweep_queues_exactly_the_due_tickets_and_decides_none(store: Store) -> None:
    due = {"1": START - timedelta(minutes=3), "2": START - timedelta(seconds=1), "3": START}
    for ticket_id, at in due.items():
        arm(store, ticket_id, at)
    arm(store, "4", START + timedelta(seconds=1))  # not yet due
    arm(store, "5", START - timedelta(hours=2))
    arm(store, "5", START + timedelta(hours=2))  # re-armed: its due version was superseded
    queue = Queue()
    report = run_sweep(store, queue, START)
    assert queue.timers == [(PLATFORM, t, 1, at) for t, at in due.items()]  # the most overdue first, as armed
    assert queue.processed == []
    assert (report.due_tickets, report.queued, report.errors) == (3, 3, [])
    assert "3 ticket(s) due for a threshold check, 3 queued for the workers" in report.lines()


def test_a_handed_over_ticket_is_left_to_its_worker_until_its_recheck_time(store: Store) -> None:
    arm(store, "1", START - timedelta(minutes=1))
    arm(store, "2", START - timedelta(minutes=1))
    queue = Queue()
    run_sweep(store, queue, START)
    assert len(queue.timers) == 2
    assert timers(store)[("1", 1)] == ("armed", START - timedelta(minutes=1))  # still armed and late until done
    for minute in range(1, 5):  # the next minutes' sweeps leave them to the worker
        run_sweep(store, queue, START + timedelta(minutes=minute))
    assert len(queue.timers) == 2
    with store.session() as session:  # the worker took ticket 1: fired; ticket 2's task was lost
        assert repo.mark_timer_fired(session, PLATFORM, "1", 1, START + timedelta(seconds=5))
    later = Queue()
    report = run_sweep(store, later, START + RECHECK)
    assert later.timers == [(PLATFORM, "2", 1, START - timedelta(minutes=1))]  # a lost task is not a lost check
    assert report.due_tickets == 1


def test_due_tickets_are_queued_a_hundred_a_task_for_the_platforms_bulk_read_and_write(store: Store) -> None:
    for number in range(250):
        arm(store, str(number), START - timedelta(seconds=number + 1))
    queue = Queue()
    assert run_sweep(store, queue, START).queued == 250
    assert queue.batches == [100, 100, 50]  # BATCH (500) handed over at once, then TOGETHER (100) a task


def test_the_sweep_hands_over_at_most_its_limit_in_batches(store: Store) -> None:
    for number in range(7):
        arm(store, str(number), START - timedelta(minutes=10 - number))
    queue = Queue()
    assert run_sweep(store, queue, START, limit=5).queued == 5
    assert [t for _, t, _, _ in queue.timers] == ["0", "1", "2", "3", "4"]
    assert run_sweep(store, queue, START, limit=5).queued == 2  # the rest at the next sweep
    assert [t for _, t, _, _ in queue.timers][5:] == ["5", "6"]


# -- through the service: the worker decides what the sweep queued


class Helpdesk(MemoryHelpdesk):
    def __init__(self, clock: Clock) -> None:
        super().__init__(clock=clock)
        self.reads = 0

    def get_ticket(self, ticket_id: str) -> Ticket:
        self.reads += 1
        return super().get_ticket(ticket_id)

    def get_tickets(self, ticket_ids: Any) -> list[Ticket]:
        self.reads += 1
        return super().get_tickets(ticket_ids)


@pytest.fixture
def service(store: Store) -> Iterator[tuple[Services, Helpdesk, Clock]]:
    clock = Clock()
    helpdesk = Helpdesk(clock)
    services = bootstrap(config(), store=store, huey=MemoryHuey("sweep-cost", utc=True), adapters={PLATFORM: helpdesk},
                         clock=clock, upgrade=False)
    try:
        yield services, helpdesk, clock
    finally:
        services.keeper.stop()


def run_queue(services: Services) -> list[str]:
    """Play the consumer: run the queued tasks that are due by the service's clock (drop the rest)."""
    ran = []
    now = services.clock().replace(tzinfo=None)
    while (task := services.huey.dequeue()) is not None:
        if task.eta is None or task.eta <= now:
            ran.append(task.name)
            services.huey.execute(task)
    return ran


def test_the_worker_decides_the_ticket_the_sweep_queued_and_its_timer_moves_on(
        service: tuple[Services, Helpdesk, Clock]) -> None:
    services, helpdesk, clock = service
    # High: first response 1 h, warned at 80 % (48 min): opened 10 minutes before START, its check is at START+38m
    helpdesk.add(Ticket(platform=PLATFORM, id="7", subject="Exports fail", status=Status.OPEN,
                        created_at=START - timedelta(minutes=10), updated_at=START - timedelta(minutes=10),
                        priority=Priority.HIGH, description="The export fails."))
    services.tickets.add_event(TicketEvent(platform=PLATFORM, delivery_id="d1", ticket_id="7", kind=EventKind.CREATED),
                               clock())
    services.process(PLATFORM, "7")
    [(version, due_at)] = [(v, at) for (t, v), (state, at) in timers(services.store).items() if state == "armed"]
    assert due_at == START + timedelta(minutes=38)
    services.huey.flush()  # the exact timer's task is lost: the sweep is the safety net
    clock.now = START + timedelta(minutes=40)
    reads = helpdesk.reads
    report = services.sweep()
    assert (report.due_tickets, report.queued) == (1, 1)
    assert helpdesk.reads == reads and services.huey.pending_count() == 1  # queued, not decided here
    assert run_queue(services)[0] == "timers_due"
    assert helpdesk.reads > reads
    after = timers(services.store)
    assert after[("7", version)][0] == "superseded"  # the decision armed the next check (the breach at 1 h)
    [(state, next_due)] = [s for (t, v), s in after.items() if v > version]
    assert (state, next_due) == ("armed", START + timedelta(minutes=50))
    clock.now = START + timedelta(minutes=40) + RECHECK  # past the recheck time: nothing left of the hand-over
    assert services.sweep().due_tickets == 0
    clock.now = START + timedelta(minutes=51)
    assert services.sweep().due_tickets == 1  # the next check (the breach), due now
