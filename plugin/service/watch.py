"""The watch: changes a platform's webhooks cannot report, found within seconds.

Freshdesk's automation rules fire on status, priority, group, agent, type, notes and replies, but on no tag change
(its ticket-update events have none), so an agent's tag-only manual escalation would wait for reconcile. For a
platform whose adapter asks for it (`watch_every`), the consumer that runs the periodic jobs lists the tickets changed
since its last look every few seconds (Freshdesk: one list request, one API credit, whatever the number of tickets
on the page) and queues a decision for each whose tags, status, priority, group or agent differ from what we hold.
A change we already hold (our own write, a change a webhook brought) costs nothing more. A ticket never seen is left
to its creation webhook and to reconcile.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from plugin.domain import Ticket
from plugin.ports import HelpdeskError, Helpdesks, WorkQueue
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.models import TicketRow

log = logging.getLogger(__name__)
FIRST_LOOK = timedelta(minutes=1)  # how far back the first look of a process reads (reconcile covers the rest)
OVERLAP = timedelta(seconds=2)  # the platform's update times are whole seconds: read the last second again
MAX_PAGES = 3


def differs(ticket: Ticket, row: TicketRow) -> bool:
    """Whether the listed ticket changed in a way a decision reads and a webhook may not have told us."""
    priority = ticket.priority.value if ticket.priority is not None else None
    return (set(ticket.tags) != set(row.tags or ()) or ticket.status.value != row.status or priority != row.priority
            or ticket.group_id != row.group_id or ticket.assignee_id != row.assignee_id)


@dataclass
class WatchReport:
    read: int = 0
    queued: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class Watch:
    """One process's watch: where each platform's last look ended, and what it queued (a ticket is queued once
    for one update time, however many looks list it before its decision is recorded)."""

    helpdesks: Helpdesks
    store: Store
    queue: WorkQueue
    since: dict[str, datetime] = field(default_factory=dict)
    queued: dict[tuple[str, str], datetime] = field(default_factory=dict)

    def platforms(self) -> dict[str, timedelta]:
        """The platforms to watch, each with how often."""
        out: dict[str, timedelta] = {}
        for name in self.helpdesks.names():
            every = self.helpdesks.get(name).watch_every()
            if every is not None and every > timedelta(0):
                out[name] = every
        return out

    def look(self, platform: str, now: datetime) -> WatchReport:
        report = WatchReport()
        since = self.since.setdefault(platform, now - FIRST_LOOK)
        adapter = self.helpdesks.get(platform)
        newest, cursor, changed = since, None, {}
        try:
            for _ in range(MAX_PAGES):
                page = adapter.export_tickets(since, cursor)
                for ticket in page.tickets:
                    report.read += 1
                    newest = max(newest, ticket.updated_at)
                    if self.queued.get((platform, ticket.id)) != ticket.updated_at:
                        changed[ticket.id] = ticket
                if page.end_of_stream or not page.cursor or page.cursor == cursor:
                    break
                cursor = page.cursor
        except HelpdeskError as exc:  # a rate limit or an outage: the next look reads from the same place
            report.errors.append(f"{platform}: {exc}")
            return report
        with self.store.session() as session:
            stale = [t for t in changed.values()
                     if (row := repo.get_mirror(session, platform, t.id)) is not None
                     and t.updated_at > row.platform_updated_at and differs(t, row)]
            busy = repo.tickets_with_unfinished_work(session, platform, [t.id for t in stale])
        for ticket in stale:
            if ticket.id in busy:
                continue
            self.queue.enqueue_process(platform, ticket.id, cause="watch")
            self.queued[(platform, ticket.id)] = ticket.updated_at
            report.queued.append(f"{platform}/{ticket.id}")
        self.since[platform] = newest - OVERLAP if newest > since else since
        if len(self.queued) > 10_000:  # only the last looks matter
            self.queued.clear()
        if report.queued:
            log.info("watch: %d %s ticket(s) changed without a webhook (a tag, say); queued", len(report.queued),
                     platform)
        return report
