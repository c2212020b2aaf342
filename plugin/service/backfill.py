"""Backfill: read the helpdesk's incremental export so the reports are right from the first week.

Each exported ticket updates our mirror: status, priority, the tier and escalation our own tags record, and, for a
solved ticket, its resolution time (solved at its last update, the best the export tells). Satisfaction ratings of
the same period are imported too. Nothing is written to the helpdesk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from plugin.calendar import calendar_for
from plugin.facts import tier_from_tags
from plugin.service.bootstrap import Services
from plugin.store import repository as repo


@dataclass
class BackfillReport:
    tickets: int = 0
    solved: int = 0
    ratings: int = 0
    pages: int = 0


def backfill(services: Services, platform: str, since: datetime,
             progress: Callable[[int], None] | None = None) -> BackfillReport:
    adapter = services.adapters.get(platform)
    config = services.config
    business = calendar_for(config, business_hours=True)
    report = BackfillReport()
    cursor: str | None = None
    while True:
        page = adapter.export_tickets(since, cursor)
        report.pages += 1
        now = services.clock()
        with services.store.session() as session:
            for ticket in page.tickets:
                row = repo.upsert_mirror(session, ticket, now)
                tier = tier_from_tags(ticket.tags, config.workflow.tier_tag_prefix, config.tier_count)
                row.tier = max(row.tier, tier)
                row.escalated = row.escalated or config.workflow.escalated_tag in ticket.tags or tier > 1
                if ticket.status.is_done and row.solved_at is None:
                    row.solved_at = ticket.updated_at
                    row.resolution_calendar_seconds = (ticket.updated_at - ticket.created_at).total_seconds()
                    row.resolution_business_seconds = business.elapsed(ticket.created_at,
                                                                       ticket.updated_at).total_seconds()
                    report.solved += 1
                report.tickets += 1
        if progress is not None:
            progress(len(page.tickets))
        if page.end_of_stream or not page.cursor or page.cursor == cursor:
            break
        cursor = page.cursor
    for rating in adapter.satisfaction_ratings(since):
        with services.store.session() as session:
            report.ratings += repo.add_rating(session, platform, rating.ticket_id, rating.score, rating.positive,
                                              rating.created_at)
    return report
