"""Reconciliation: the safety net under the webhooks themselves.

A helpdesk gives up on a webhook it could not deliver after a few retries (our service down for a while, a
network cut, a trigger switched off by mistake). Every few minutes this reads the platform's incremental export back
to the last run (at least `queue.reconcile_window`), and queues a decision for every open ticket changed since we last
saw it, or never seen at all. Decisions are idempotent, so a ticket queued here that was already handled costs one
read and changes nothing. Nothing is written to the helpdesk here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from plugin.config import EscalatorConfig
from plugin.ports import HelpdeskError, Helpdesks, WorkQueue
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.ticket_store import written_moments

log = logging.getLogger(__name__)
OVERLAP = timedelta(minutes=2)  # read a little before the last run: exports lag the writes they report
MAX_PAGES = 50


@dataclass
class ReconcileReport:
    read: int = 0
    queued: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"read {self.read} changed ticket(s) from the helpdesks' exports; queued {len(self.queued)} we had "
                f"not seen in that state", *[f"queued: {t}" for t in self.queued],
                *[f"error: {e}" for e in self.errors]]


def reconcile_since(store: Store, config: EscalatorConfig, platform: str, now: datetime, last_run: datetime | None
                    ) -> datetime:
    """How far back to read: the configured window, or further back to the last run, or (on a process's first run)
    to the newest change we hold for this platform, so an outage of the whole service is covered too."""
    window = now - config.queue.reconcile_window
    if last_run is not None:
        return min(window, last_run - OVERLAP)
    with store.session() as session:
        newest = repo.newest_mirror_update(session, platform)
    return min(window, newest - OVERLAP) if newest is not None else window


def reconcile(helpdesks: Helpdesks, store: Store, queue: WorkQueue, config: EscalatorConfig, now: datetime, *,
              last_run: datetime | None = None) -> ReconcileReport:
    report = ReconcileReport()
    for platform in helpdesks.names():
        try:
            since = reconcile_since(store, config, platform, now, last_run)
            _reconcile_platform(helpdesks, store, queue, platform, since, report)
        except HelpdeskError as exc:  # a rate limit or an outage: the next run reads back to the last good one
            report.errors.append(f"{platform}: {exc}")
    return report


def _reconcile_platform(helpdesks: Helpdesks, store: Store, queue: WorkQueue, platform: str, since: datetime,
                        report: ReconcileReport) -> None:
    adapter = helpdesks.get(platform)
    cursor: str | None = None
    stale: dict[str, None] = {}
    for _ in range(MAX_PAGES):
        page = adapter.export_tickets(since, cursor)
        with store.session() as session:
            for ticket in page.tickets:
                report.read += 1
                row = repo.get_mirror(session, platform, ticket.id)
                if row is None:
                    if not ticket.status.is_done:
                        stale[ticket.id] = None
                elif ticket.updated_at > row.platform_updated_at and (
                        not ticket.status.is_done or row.status != ticket.status.value) \
                        and ticket.updated_at not in written_moments(row):  # our own last write: not news
                    stale[ticket.id] = None
        if page.end_of_stream or not page.cursor or page.cursor == cursor:
            break
        cursor = page.cursor
    with store.session() as session:  # a ticket with an event or a decision still under way is being handled
        for ticket_id in repo.tickets_with_unfinished_work(session, platform, list(stale)):
            stale.pop(ticket_id, None)
    for ticket_id in stale:
        queue.enqueue_process(platform, ticket_id, cause="reconcile")
        report.queued.append(f"{platform}/{ticket_id}")
    if stale:
        log.info("reconcile: %d %s ticket(s) changed without a webhook reaching us; queued", len(stale), platform)
