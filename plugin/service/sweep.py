"""The sweep, every minute: the safety net under the exact timers and the queue.

It runs recovery (what dead processes left, unfinished work nobody holds), hands every ticket whose threshold time
has come to the workers, and sends the notifications that are due (a retry or a business-hours opening whose
scheduled pass was lost), which also schedules the next pass.

Its cost follows the due tickets, not the open ones: every read is an index range (the armed timers due by now, the
events and intents not finished), so a minute with nothing due costs a few milliseconds however many tickets are
open. It decides nothing itself: the due timers are handed over in batches of BATCH from one transaction each and
queued TOGETHER tickets a task, which a worker decides in one run (one bulk read and one bulk write on Zendesk), at
the pace the helpdesk's API budget allows. A timer handed over is marked to be
looked at again RECHECK from now (`timers.recheck_at`), so later sweeps leave it to its worker; should that task be
lost, the sweep queues it again then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from plugin.config import EscalatorConfig
from plugin.ports import TicketStore, WorkQueue
from plugin.service.owners import is_dead as process_is_dead
from plugin.service.recovery import recover

log = logging.getLogger(__name__)
BATCH = 500  # due timers handed over per transaction
TOGETHER = 100  # due tickets decided in one run: Zendesk's update_many and show_many take 100
RECHECK = timedelta(minutes=5)  # a due check handed to a worker is queued again after this if not done by then


class SweepStore(TicketStore, Protocol):
    """The store as the sweep uses it: the ticket store's port, and the hand-over of due timers."""

    def hand_over_due_timers(self, now: datetime, recheck_at: datetime, limit: int
                             ) -> list[tuple[str, str, int, datetime]]: ...


class Sent(Protocol):
    sent: int
    failed: int


@dataclass
class SweepReport:
    requeued: int = 0
    dead_processes: int = 0
    due_tickets: int = 0
    queued: int = 0  # due tickets whose check was queued for the workers
    notifications_sent: int = 0
    notifications_failed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def requeued_events(self) -> int:
        return self.requeued

    def lines(self) -> list[str]:
        return [
            f"re-queued {self.requeued} ticket(s) with unfinished work ({self.dead_processes} dead process(es))",
            f"{self.due_tickets} ticket(s) due for a threshold check, {self.queued} queued for the workers",
            f"sent {self.notifications_sent} due notification(s), {self.notifications_failed} failed",
            *[f"error: {e}" for e in self.errors],
        ]


def sweep(store: SweepStore, queue: WorkQueue, config: EscalatorConfig, clock: Callable[[], datetime],
          send_due: Callable[[], Sent] | None = None, *, is_dead: Callable[[str], bool] = process_is_dead,
          limit: int = 5000) -> SweepReport:
    """One sweep; the workers decide what it queues. `limit`: at most this many unfinished tickets re-queued, and
    due tickets handed over."""
    now = clock()
    report = SweepReport()
    recovery = recover(store, queue, now, older_than=config.queue.requeue_after, is_dead=is_dead, limit=limit)
    report.requeued, report.dead_processes = len(recovery.queued), len(recovery.dead_processes)
    left = limit
    while left > 0:
        batch = min(BATCH, left)
        try:
            due = store.hand_over_due_timers(now, now + RECHECK, batch)
            by_platform: dict[str, list[tuple[str, int, datetime]]] = {}
            for platform, ticket_id, version, due_at in due:
                by_platform.setdefault(platform, []).append((ticket_id, version, due_at))
            for platform, timers in by_platform.items():
                # one task per TOGETHER tickets: its worker decides them in one run (the platform's bulk read and
                # write), fires each timer once decided (or its decision arms the next one)
                for start in range(0, len(timers), TOGETHER):
                    queue.queue_due_timers(platform, timers[start:start + TOGETHER])
                report.queued += len(timers)
        except Exception as exc:  # what was handed over and not queued is queued again at its recheck time
            log.exception("sweep: queueing the due tickets failed")
            report.errors.append(f"due tickets: {type(exc).__name__}")
            break
        report.due_tickets += len(due)
        left -= len(due)
        if len(due) < batch:
            break
    if send_due is not None:
        try:
            sent = send_due()
            report.notifications_sent, report.notifications_failed = sent.sent, sent.failed
        except Exception as exc:  # the outbox keeps them; the next sweep tries again
            log.exception("sweep: sending the due notifications failed")
            report.errors.append(f"notifications: {type(exc).__name__}")
    return report
