"""The report figures, aggregated in SQL (COUNT, AVG, GROUP BY over indexed columns), never by looping over ticket
rows in Python: a report over a million tickets reads a handful of numbers back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from plugin.store.models import EscalationRow, SatisfactionRow, TicketRow
from plugin.store.repository import BACKFILL_ACTOR


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime

    def has(self, column: Any) -> Any:
        return and_(column >= self.start, column < self.end)

    def has_escalation(self) -> Any:
        """An escalation of the window: its time is in it; one known only within an interval (backfilled), when
        the whole interval is."""
        return and_(self.has(EscalationRow.at),
                    or_(EscalationRow.earliest_at.is_(None), EscalationRow.earliest_at >= self.start))


def _scalar(session: Session, query: Select[Any]) -> Any:
    return session.execute(query).scalar()


def count_created(session: Session, window: Window) -> int:
    return int(_scalar(session, select(func.count()).select_from(TicketRow).where(window.has(TicketRow.created_at))))


def count_resolved(session: Session, window: Window) -> int:
    return int(_scalar(session, select(func.count()).select_from(TicketRow).where(window.has(TicketRow.solved_at))))


def count_escalated_tickets(session: Session, window: Window) -> int:
    """Distinct tickets escalated (at least once) within the window."""
    query = select(func.count(func.distinct(EscalationRow.platform + ":" + EscalationRow.ticket_id))).where(
        window.has_escalation())
    return int(_scalar(session, query))


def escalations_by(session: Session, window: Window, column: Any, *conditions: Any) -> dict[Any, int]:
    rows = session.execute(select(column, func.count()).where(window.has_escalation(), *conditions)
                           .group_by(column))
    return {key: int(count) for key, count in rows}


def escalations_by_rule(session: Session, window: Window) -> dict[str, int]:
    """The window's escalations by rule; backfilled ones, whose rule the export does not tell, are left out."""
    return escalations_by(session, window, EscalationRow.rule, EscalationRow.actor != BACKFILL_ACTOR)


def reached_tiers(session: Session, window: Window, tiers: int) -> dict[int, tuple[int, int]]:
    """For each tier n: (tickets created in the window that reached tier n or above, of which went above n)."""
    out = {}
    for tier in range(1, tiers + 1):
        reached, left = session.execute(
            select(func.count(), func.coalesce(func.sum(case((TicketRow.tier > tier, 1), else_=0)), 0))
            .where(window.has(TicketRow.created_at), TicketRow.tier >= tier)).one()
        out[tier] = (int(reached), int(left))
    return out


def average(session: Session, column: Any, *conditions: Any) -> tuple[int, float | None]:
    count, mean = session.execute(select(func.count(column), func.avg(column)).where(*conditions)).one()
    return int(count), float(mean) if mean is not None else None


def median(session: Session, column: Any, *conditions: Any) -> float | None:
    """The middle value, by ordering in the database (portable: no percentile function needed)."""
    count = int(_scalar(session, select(func.count(column)).where(*conditions)))
    if count == 0:
        return None
    query = select(column).where(column.is_not(None), *conditions).order_by(column)
    if count % 2:
        return float(_scalar(session, query.offset(count // 2).limit(1)))
    low, high = session.execute(query.offset(count // 2 - 1).limit(2)).scalars().all()
    return (float(low) + float(high)) / 2


def grouped_average(session: Session, value: Any, key: Any, *conditions: Any) -> dict[Any, tuple[int, float]]:
    rows = session.execute(select(key, func.count(value), func.avg(value)).where(value.is_not(None), *conditions)
                           .group_by(key))
    return {k: (int(n), float(mean)) for k, n, mean in rows if n}


def satisfaction_after_escalation(session: Session, window: Window) -> tuple[int, int]:
    """(positive, total) among ratings received in the window for tickets that had been escalated."""
    query = (select(func.count(), func.coalesce(func.sum(case((SatisfactionRow.positive.is_(True), 1), else_=0)), 0))
             .select_from(SatisfactionRow)
             .join(TicketRow, and_(TicketRow.platform == SatisfactionRow.platform,
                                   TicketRow.ticket_id == SatisfactionRow.ticket_id))
             .where(window.has(SatisfactionRow.created_at), TicketRow.escalated.is_(True)))
    total, positive = session.execute(query).one()
    return int(positive), int(total)


def first_contact_by_tier(session: Session, window: Window) -> dict[int, tuple[int, int]]:
    """Per final tier: (tickets resolved in the window with at most one agent reply and never reopened, resolved),
    over the tickets whose replies we know (not those seen only through the backfill export)."""
    first_contact = case((and_(TicketRow.agent_public_replies <= 1, TicketRow.reopened == 0), 1), else_=0)
    rows = session.execute(select(TicketRow.tier, func.sum(first_contact), func.count())
                           .where(window.has(TicketRow.solved_at), TicketRow.agent_public_replies.is_not(None))
                           .group_by(TicketRow.tier))
    return {int(tier): (int(fcr or 0), int(total)) for tier, fcr, total in rows}


def sla_by_priority(session: Session, window: Window) -> dict[int | None, tuple[int, int, int, int]]:
    """Per priority, over tickets resolved in the window: (first response met, measured, resolution met, measured)."""
    met_first = case((TicketRow.first_response_breached.is_(False), 1), else_=0)
    has_first = case((TicketRow.first_response_breached.is_not(None), 1), else_=0)
    met_resolution = case((TicketRow.resolution_breached.is_(False), 1), else_=0)
    has_resolution = case((TicketRow.resolution_breached.is_not(None), 1), else_=0)
    rows = session.execute(select(TicketRow.priority, func.sum(met_first), func.sum(has_first),
                                  func.sum(met_resolution), func.sum(has_resolution))
                           .where(window.has(TicketRow.solved_at)).group_by(TicketRow.priority))
    return {p: (int(a or 0), int(b or 0), int(c or 0), int(d or 0)) for p, a, b, c, d in rows}


def daily_counts(session: Session, days: Sequence[Window]) -> list[tuple[int, int]]:
    """(tickets escalated, tickets resolved) for each day."""
    return [(count_escalated_tickets(session, day), count_resolved(session, day)) for day in days]


def daily_by_tier(session: Session, days: Sequence[Window], tiers: int) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {tier: [] for tier in range(2, tiers + 1)}
    for day in days:
        counts = escalations_by(session, day, EscalationRow.to_tier)
        for tier in out:
            out[tier].append(counts.get(tier, 0))
    return out


def tier_targets(session: Session, window: Window) -> dict[int, tuple[int, int]]:
    """Per receiving tier: (handoffs of the window the tier answered within its response target, handoffs whose
    outcome is known). A handoff still running within its target is not counted yet."""
    met = case((EscalationRow.target_met.is_(True), 1), else_=0)
    rows = session.execute(select(EscalationRow.to_tier, func.sum(met), func.count())
                           .where(window.has_escalation(), EscalationRow.target_met.is_not(None))
                           .group_by(EscalationRow.to_tier))
    return {int(tier): (int(hits or 0), int(total)) for tier, hits, total in rows}
