"""The sweep, every minute: the safety net under the exact timers and the queue.

It runs recovery (what dead processes left, unfinished work nobody holds), decides about every ticket whose
threshold time has come through the pipeline in batches (one bulk read and one bulk write per hundred tickets where
the platform allows it), and sends the notifications that are due (a retry or a business-hours opening whose
scheduled pass was lost), which also schedules the next pass.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from plugin.config import EscalatorConfig
from plugin.ports import TicketStore, WorkQueue
from plugin.service.owners import is_dead as process_is_dead
from plugin.service.pipeline import Pipeline
from plugin.service.recovery import recover

log = logging.getLogger(__name__)
BATCH = 100


class Sent(Protocol):
    sent: int
    failed: int


@dataclass
class SweepReport:
    requeued: int = 0
    dead_processes: int = 0
    due_tickets: int = 0
    decided: int = 0
    applied: int = 0
    escalated: int = 0
    write_requests: int = 0
    notifications_sent: int = 0
    notifications_failed: int = 0
    retried_alone: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def requeued_events(self) -> int:
        return self.requeued

    def lines(self) -> list[str]:
        return [
            f"re-queued {self.requeued} ticket(s) with unfinished work ({self.dead_processes} dead process(es))",
            f"{self.due_tickets} ticket(s) due for a threshold check",
            f"decided {self.decided}, changed {self.applied} (escalated {self.escalated}) "
            f"in {self.write_requests} write request(s)",
            f"sent {self.notifications_sent} due notification(s), {self.notifications_failed} failed",
            *[f"re-queued alone: {t}" for t in self.retried_alone],
            *[f"error: {e}" for e in self.errors],
        ]


def sweep(store: TicketStore, pipeline: Pipeline, queue: WorkQueue, config: EscalatorConfig,
          clock: Callable[[], datetime], send_due: Callable[[], Sent] | None = None, *,
          is_dead: Callable[[str], bool] = process_is_dead, limit: int = 5000) -> SweepReport:
    now = clock()
    report = SweepReport()
    recovery = recover(store, queue, now, older_than=config.queue.requeue_after, is_dead=is_dead, limit=limit)
    report.requeued, report.dead_processes = len(recovery.queued), len(recovery.dead_processes)
    due: dict[str, dict[str, int]] = defaultdict(dict)
    for platform, ticket_id, version in store.due_timers(now, limit):
        due[platform][ticket_id] = version
    for platform, versions in due.items():
        report.due_tickets += len(versions)
        ids = list(versions)
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            try:
                outcomes = pipeline.run(platform, chunk, cause="timer")
            except Exception as exc:  # the next sweep tries again; the timers stay armed
                log.exception("sweep: deciding %d due %s ticket(s) failed", len(chunk), platform)
                report.errors.append(f"{platform}: {type(exc).__name__}")
                continue
            for outcome in outcomes:
                if outcome.status == "busy":
                    continue  # its worker is deciding it right now; the timer stays armed for the next sweep
                if not outcome.finished:
                    report.retried_alone.append(f"{platform}/{outcome.ticket_id}: {outcome.error}")
                    queue.enqueue_process(platform, outcome.ticket_id, cause="timer", delay=outcome.retry_in)
                report.decided += outcome.decision is not None
                report.applied += outcome.status in ("applied", "resumed")
                report.escalated += bool(outcome.status in ("applied", "resumed") and outcome.decision is not None
                                         and outcome.decision.escalations)
                report.write_requests += outcome.write_requests
                store.fire_timer(platform, outcome.ticket_id, versions[outcome.ticket_id], now)
    if send_due is not None:
        try:
            sent = send_due()
            report.notifications_sent, report.notifications_failed = sent.sent, sent.failed
        except Exception as exc:  # the outbox keeps them; the next sweep tries again
            log.exception("sweep: sending the due notifications failed")
            report.errors.append(f"notifications: {type(exc).__name__}")
    return report
