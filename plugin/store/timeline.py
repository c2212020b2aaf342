"""The Ticket read model: one ticket's story from every table that keeps a part of it, merged by time.

Events received (the inbox), decisions and their writes (write intents, with the clocks each decision read), the
alerts, the escalation history, status and priority/tier changes, and the timers armed. Each part is read through
the index on (platform, ticket id) and bounded to its latest `limit` rows, so a ticket with a long life still
renders at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from plugin.store.models import (
    AppliedChangeRow,
    EscalationRow,
    InboxRow,
    NotificationRow,
    PriorityHistoryRow,
    StatusHistoryRow,
    TicketRow,
    TimerRow,
)


@dataclass(frozen=True)
class Entry:
    """One moment of the ticket's story: `kind` says which table it comes from, `row` is that row."""

    at: datetime
    kind: str  # event | decision | alert | escalation | status | priority | timer
    row: Any


@dataclass
class Timeline:
    ticket: TicketRow | None
    entries: list[Entry] = field(default_factory=list)  # newest first
    truncated: bool = False  # some part had more rows than the limit


def _latest(session: Session, model: type[Any], moment: Any, limit: int, *where: Any) -> list[Any]:
    return list(session.scalars(select(model).where(*where).order_by(moment.desc()).limit(limit + 1)))


def ticket_timeline(session: Session, platform: str, ticket_id: str, *, limit: int = 200) -> Timeline:
    ticket = session.scalar(select(TicketRow).where(TicketRow.platform == platform, TicketRow.ticket_id == ticket_id))
    parts: list[tuple[str, str, list[Any]]] = [
        ("event", "received_at", _latest(session, InboxRow, InboxRow.received_at, limit,
                                         InboxRow.platform == platform, InboxRow.ticket_id == ticket_id)),
        ("decision", "decided_at", _latest(session, AppliedChangeRow, AppliedChangeRow.decided_at, limit,
                                           AppliedChangeRow.platform == platform,
                                           AppliedChangeRow.ticket_id == ticket_id)),
        ("alert", "created_at", _latest(session, NotificationRow, NotificationRow.created_at, limit,
                                        NotificationRow.ticket_id == ticket_id, NotificationRow.platform == platform)),
        ("escalation", "at", _latest(session, EscalationRow, EscalationRow.at, limit,
                                     EscalationRow.platform == platform, EscalationRow.ticket_id == ticket_id)),
        ("status", "at", _latest(session, StatusHistoryRow, StatusHistoryRow.at, limit,
                                 StatusHistoryRow.platform == platform, StatusHistoryRow.ticket_id == ticket_id)),
        ("priority", "at", _latest(session, PriorityHistoryRow, PriorityHistoryRow.at, limit,
                                   PriorityHistoryRow.platform == platform,
                                   PriorityHistoryRow.ticket_id == ticket_id)),
        ("timer", "created_at", _latest(session, TimerRow, TimerRow.created_at, limit,
                                        TimerRow.platform == platform, TimerRow.ticket_id == ticket_id)),
    ]
    timeline = Timeline(ticket)
    for kind, moment, rows in parts:
        timeline.truncated = timeline.truncated or len(rows) > limit
        timeline.entries += [Entry(getattr(row, moment), kind, row) for row in rows[:limit]]
    order = {"event": 0, "status": 1, "decision": 2, "escalation": 3, "priority": 4, "timer": 5, "alert": 6}
    # newest first; at one instant, the reverse of the order things happen (an event, then the decision and what
    # it caused), so reading down the page is going back in time
    timeline.entries.sort(key=lambda e: (e.at, order[e.kind]), reverse=True)
    return timeline
