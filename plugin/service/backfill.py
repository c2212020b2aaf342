"""Backfill: read the helpdesk's incremental export so the reports are right from the first week.

Each exported ticket updates our mirror: status, priority, and the tier and escalation our own tags record. What
the export tells, and so what the reports can count for a ticket we learn of this way:
- an escalation the tags show and we had not recorded is added to the escalation history (actor "backfill", one
  entry to the tier the tags show). Its time is not in the export: it lies between the ticket's creation (or our
  last look at it) and its last update, so it counts in a week's or a day's escalations only when that whole
  interval falls in it, and in the time to escalate only when the interval is a single moment (a ticket created
  already escalated and never updated since);
- a solved ticket's resolution time, solved at its last update (the closest the export tells);
- never its rule (left out of the top reasons), its SLA outcome (left out of SLA achievement), nor its agent
  replies (left out of first-contact resolution), which the export does not carry.
Satisfaction ratings of the same period are imported too. Nothing is written to the helpdesk; running it again
adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from plugin.calendar import calendar_for
from plugin.config import EscalatorConfig
from plugin.facts import tier_from_tags
from plugin.ports import HelpdeskAdapter
from plugin.store import Store
from plugin.store import repository as repo


@dataclass
class BackfillReport:
    tickets: int = 0
    solved: int = 0
    escalated: int = 0
    ratings: int = 0
    pages: int = 0


def backfill(adapter: HelpdeskAdapter, store: Store, config: EscalatorConfig, clock: Callable[[], datetime],
             since: datetime, progress: Callable[[int], None] | None = None) -> BackfillReport:
    platform = adapter.name
    business = calendar_for(config, business_hours=True)
    report = BackfillReport()
    cursor: str | None = None
    while True:
        page = adapter.export_tickets(since, cursor)
        report.pages += 1
        now = clock()
        with store.session() as session:
            for ticket in page.tickets:
                known = repo.get_mirror(session, platform, ticket.id)
                last_look = known.platform_updated_at if known is not None else None
                row = repo.upsert_mirror(session, ticket, now)
                if known is None:
                    row.agent_public_replies = None  # the export carries no comments
                tier = tier_from_tags(ticket.tags, config.workflow.tier_tag_prefix, config.tier_count)
                tagged = config.workflow.escalated_tag in ticket.tags or tier > 1
                if tier > row.tier or (tagged and not row.escalated):
                    ours = sorted(t for t in ticket.tags if t == config.workflow.escalated_tag
                                  or t.startswith(config.workflow.tier_tag_prefix))
                    earliest = max(last_look, ticket.created_at) if last_look is not None else ticket.created_at
                    repo.record_backfilled_escalation(session, row, max(tier, row.tier), earliest,
                                                      ticket.updated_at, ours)
                    report.escalated += 1
                if ticket.status.is_done and row.solved_at is None:
                    row.solved_at = ticket.updated_at
                    row.resolution_calendar_seconds = (ticket.updated_at - ticket.created_at).total_seconds()
                    row.resolution_business_seconds = business.elapsed(ticket.created_at,
                                                                       ticket.updated_at).total_seconds()
                    if row.first_escalated_at is not None:
                        row.after_escalation_seconds = (ticket.updated_at - row.first_escalated_at).total_seconds()
                    report.solved += 1
                report.tickets += 1
        if progress is not None:
            progress(len(page.tickets))
        if page.end_of_stream or not page.cursor or page.cursor == cursor:
            break
        cursor = page.cursor
    for rating in adapter.satisfaction_ratings(since):
        with store.session() as session:
            report.ratings += repo.add_rating(session, platform, rating.ticket_id, rating.score, rating.positive,
                                              rating.created_at)
    return report
