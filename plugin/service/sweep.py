"""The sweep, every minute: the safety net under the exact timers and the queue.

It re-queues every acknowledged event not processed yet (the process died between storing and queueing, or in
the middle of the work), decides about every ticket whose threshold time has come, in bulk: one bulk read and
one bulk write per hundred tickets where the platform allows it; and sends the notifications that are due (a retry
or a business-hours opening whose scheduled pass was lost), which also schedules the next pass.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime

from adapters.base import ApplyRequest, HelpdeskError, RetryAfterError
from plugin.domain import Decision, Ticket
from plugin.service.bootstrap import Services
from plugin.service.locks import ticket_lock
from plugin.service.processing import idempotency_key, prepare, record
from plugin.store import repository as repo

log = logging.getLogger(__name__)


@dataclass
class SweepReport:
    requeued_events: int = 0
    due_tickets: int = 0
    decided: int = 0
    applied: int = 0
    escalated: int = 0
    write_requests: int = 0
    notifications_sent: int = 0
    notifications_failed: int = 0
    retried_alone: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"re-queued {self.requeued_events} unprocessed event(s)",
            f"{self.due_tickets} ticket(s) due for a threshold check",
            f"decided {self.decided}, changed {self.applied} (escalated {self.escalated}) "
            f"in {self.write_requests} write request(s)",
            f"sent {self.notifications_sent} due notification(s), {self.notifications_failed} failed",
            *[f"re-queued alone: {t}" for t in self.retried_alone],
            *[f"error: {e}" for e in self.errors],
        ]


def sweep(services: Services, *, limit: int = 5000) -> SweepReport:
    now = services.clock()
    report = SweepReport()
    with services.store.session() as session:
        stale = repo.unprocessed_events(session, older_than=now - services.config.queue.requeue_after,
                                        limit=limit)
        stale_tickets = list(dict.fromkeys((row.platform, row.ticket_id) for row in stale))
        report.requeued_events = len(stale)
        due: dict[str, dict[str, int]] = defaultdict(dict)
        for timer in repo.due_timers(session, now)[:limit]:
            due[timer.platform][timer.ticket_id] = timer.version
    for platform, ticket_id in stale_tickets:
        services.tasks.enqueue_process(platform, ticket_id, cause="sweep")
    for platform, versions in due.items():
        ticket_ids = list(versions)
        report.due_tickets += len(ticket_ids)
        try:
            decide_many(services, platform, versions, now, report)
        except RetryAfterError as exc:
            report.errors.append(f"{platform}: rate limited, retry after {exc.retry_after:g}s")
            for ticket_id in ticket_ids:
                services.tasks.enqueue_process(platform, ticket_id, cause="timer", delay=exc.retry_after)
        except HelpdeskError as exc:
            report.errors.append(f"{platform}: {exc}")
    try:
        sent = services.notifier.send_pending(services)
        report.notifications_sent, report.notifications_failed = sent.sent, sent.failed
    except Exception as exc:  # the outbox keeps them; the next sweep tries again
        log.exception("sweep: sending the due notifications failed")
        report.errors.append(f"notifications: {type(exc).__name__}")
    return report


def decide_many(services: Services, platform: str, timers: Mapping[str, int], now: datetime,
                report: SweepReport) -> None:
    """Decide about many tickets from one bulk read, and write the changes with one bulk write per batch.

    `timers` maps each ticket id to the version of its due timer, which is marked fired here.
    """
    adapter = services.adapters.get(platform)
    with ExitStack() as locks:
        mine = []
        for ticket_id in timers:
            if locks.enter_context(ticket_lock(services.store, platform, ticket_id, now,
                                              services.config.queue.lock_lease)):
                mine.append(ticket_id)
        with services.store.session() as session:
            for ticket_id in mine:
                repo.mark_timer_fired(session, platform, ticket_id, timers[ticket_id], now)
        tickets = adapter.get_tickets(mine) if mine else []
        requests: list[tuple[Ticket, Decision, str]] = []
        for bulk in tickets:
            ticket, customer, history = prepare(services, adapter, replace(bulk, comments_loaded=False), (), now)
            decision = services.engine.decide(ticket, customer, history, now)
            report.decided += 1
            if decision.changes.is_empty:
                record(services, ticket, decision, None, 0, (), now)
                continue
            key = idempotency_key(platform, decision)
            with services.store.session() as session:
                attempted = bool(repo.pending_intents(session, platform, ticket.id)) or repo.record_intent(
                    session, key, platform, decision, now)
            if attempted:
                # An earlier attempt of this very decision may have landed: decide alone, on a full read.
                report.retried_alone.append(f"{platform}/{ticket.id}: earlier attempt unconfirmed")
                services.tasks.enqueue_process(platform, ticket.id, cause="timer")
            else:
                requests.append((ticket, decision, key))
        if not requests:
            return
        results = adapter.apply_many([ApplyRequest(t, d.changes, k) for t, d, k in requests])
        report.write_requests += sum(r.write_requests for r in results)
        services.metrics.writes.labels(platform, "ok").inc(sum(r.write_requests for r in results))
        for (ticket, decision, key), result in zip(requests, results, strict=True):
            if result.ok:
                record(services, ticket, decision, key, 0, (), now, result)
                report.applied += 1
                report.escalated += bool(decision.escalations)
            else:
                report.retried_alone.append(f"{platform}/{ticket.id}: {result.error}")
                delay = result.error.retry_after if isinstance(result.error, RetryAfterError) else None
                services.tasks.enqueue_process(platform, ticket.id, cause="timer", delay=delay)
