"""The At risk read model: open tickets, the one nearest a threshold first, a page at a time.

The order is `tickets.risk_at` (see repository.risk_moment): a breached clock's due time lies in the past, so
breached tickets lead, most overdue first; then the tickets whose next threshold comes soonest; then the open
tickets with no clock running (all paused), by id. Both parts are read through an index (`ix_tickets_risk_at`,
`ix_tickets_status`), so a page costs the same with a hundred open tickets or a hundred thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from plugin.store.models import TicketRow

OPEN_STATUSES = ("new", "open", "pending", "on_hold")


@dataclass(frozen=True)
class AtRiskPage:
    tickets: list[TicketRow]
    total: int  # open tickets matching the filters
    page: int  # 1-based
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


def _filters(platform: str | None, tier: int | None) -> list[Any]:
    conditions: list[Any] = [TicketRow.status.in_(OPEN_STATUSES)]
    if platform:
        conditions.append(TicketRow.platform == platform)
    if tier is not None:
        conditions.append(TicketRow.tier == tier)
    return conditions


def at_risk(session: Session, *, page: int = 1, size: int = 50, platform: str | None = None,
            tier: int | None = None) -> AtRiskPage:
    page = max(page, 1)
    conditions = _filters(platform, tier)
    timed = [TicketRow.risk_at.is_not(None), *conditions]
    untimed = [TicketRow.risk_at.is_(None), *conditions]
    with_risk = int(session.scalar(select(func.count()).select_from(TicketRow).where(*timed)) or 0)
    without = int(session.scalar(select(func.count()).select_from(TicketRow).where(*untimed)) or 0)
    start = (page - 1) * size
    rows: list[TicketRow] = []
    if start < with_risk:
        rows += session.scalars(select(TicketRow).where(*timed).order_by(TicketRow.risk_at, TicketRow.id)
                                .offset(start).limit(size))
    if len(rows) < size:
        offset = max(start - with_risk, 0)
        rows += session.scalars(select(TicketRow).where(*untimed).order_by(TicketRow.id)
                                .offset(offset).limit(size - len(rows)))
    return AtRiskPage(rows, with_risk + without, page, size)

