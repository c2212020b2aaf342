"""Recovery in seconds: on start and on every sweep, whatever a dead process left half done is taken up again.

A dead process of this host (its pid is gone) is recognised at once: its leases are freed, the events it was
processing go back to the inbox and the notifications it was sending back to the outbox. A process of another host
is recognised when its leases run out (seconds: they are renewed while it works). Then every ticket with unfinished
work (an event not done, an intent not recorded) that nobody holds is queued again, at once or at the time a
Retry-After asked for. Queueing a ticket twice is harmless: the pipeline coalesces.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from plugin.ports import Released, TicketStore, WorkQueue
from plugin.service.owners import is_dead as process_is_dead

log = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    dead_processes: list[str] = field(default_factory=list)
    released: Released = field(default_factory=Released)
    queued: list[str] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = []
        if self.dead_processes:
            r = self.released
            out.append(f"{len(self.dead_processes)} dead process(es): freed {r.leases} lease(s), {r.events} event(s), "
                       f"{r.notifications} notification(s)")
        if self.queued or self.deferred:
            out.append(f"queued {len(self.queued)} ticket(s) with unfinished work, {len(self.deferred)} at their "
                       f"Retry-After time")
        return out


def recover(store: TicketStore, queue: WorkQueue, now: datetime, *, older_than: timedelta | None = None,
            is_dead: Callable[[str], bool] = process_is_dead, limit: int = 5000) -> RecoveryReport:
    """Free what dead processes held and queue every unfinished ticket nobody holds. `older_than`: leave alone work
    younger than that (the sweep's case: a fresh event is still on its way through the queue)."""
    report = RecoveryReport()
    report.dead_processes = sorted(o for o in store.owners() if is_dead(o))
    if report.dead_processes:
        report.released = store.release_owners(report.dead_processes)
        log.warning("recovered after %d dead process(es): %s", len(report.dead_processes), "; ".join(report.lines()))
    cutoff = now - older_than if older_than is not None else None
    work = store.unfinished(now, cutoff, limit)
    leased = store.leased([f"{platform}:{ticket_id}" for platform, ticket_id, _ in work], now)
    for platform, ticket_id, not_before in work:
        key = f"{platform}:{ticket_id}"
        if key in leased:
            if leased[key] is None:
                continue  # a live worker has it
            not_before = max(not_before or now, leased[key] or now)  # held until a Retry-After time
        delay = (not_before - now).total_seconds() if not_before is not None and not_before > now else None
        if delay is not None and older_than is not None:
            continue  # the sweep leaves a ticket waiting for its Retry-After: its retry is queued already
        queue.enqueue_process(platform, ticket_id, cause="recovery", delay=delay)
        (report.deferred if delay else report.queued).append(f"{platform}/{ticket_id}")
    if report.released.notifications:
        queue.enqueue_notifications()
    return report
