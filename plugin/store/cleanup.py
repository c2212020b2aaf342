"""Cleanup: deletes what the triage process leaves behind and no one needs after the retention period.

It deletes processed inbox events, kept tickets past their use (plugin.kept), finished or superseded timers,
repeated status and priority history rows (the same value recorded twice in a row), expired profile cache, dropped
dead letters, and sent or suppressed notifications older than both the retention and twice the dedupe period. It
never deletes the escalation history or the reports. With dry_run it only counts.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from plugin.kept import KEPT_FOR
from plugin.store.models import (
    CustomerRow,
    DeadLetterRow,
    InboxRow,
    KeptTicketRow,
    NotificationRow,
    PriorityHistoryRow,
    StatusHistoryRow,
    TimerRow,
)


def _repeated_history(model: type[Any], value_columns: tuple[str, ...]) -> Select[Any]:
    """The ids of history rows that repeat the previous row of the same ticket (consecutive duplicates), found by
    the database (a window function), so cleanup never reads the history into memory."""
    def previous(column: Any) -> Any:
        return func.lag(column).over(partition_by=(model.platform, model.ticket_id), order_by=(model.at, model.id))

    values = [getattr(model, c) for c in value_columns]
    ranked = select(model.id.label("id"), previous(model.id).label("previous_id"),
                    *(v.label(f"v{i}") for i, v in enumerate(values)),
                    *(previous(v).label(f"p{i}") for i, v in enumerate(values))).subquery()
    same = [ranked.c[f"v{i}"].is_not_distinct_from(ranked.c[f"p{i}"]) for i in range(len(values))]
    return select(ranked.c.id).where(ranked.c.previous_id.is_not(None), *same)


def _count_or_delete(session: Session, model: type[Any], dry_run: bool, *conditions: Any) -> int:
    count = int(session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0)
    if count and not dry_run:
        session.query(model).filter(*conditions).delete(synchronize_session=False)
    return count


def cleanup(session: Session, now: datetime, retention: timedelta, dry_run: bool,
            dedupe_period: timedelta = timedelta(hours=24)) -> dict[str, int]:
    cutoff = now - retention
    notification_cutoff = now - max(retention, 2 * dedupe_period)
    counts = {
        "processed inbox events": _count_or_delete(
            session, InboxRow, dry_run, InboxRow.processed_at.is_not(None), InboxRow.processed_at < cutoff),
        "finished timers": _count_or_delete(
            session, TimerRow, dry_run, TimerRow.state.in_(("fired", "superseded", "cancelled")),
            TimerRow.created_at < cutoff),
        "expired customer profiles": _count_or_delete(session, CustomerRow, dry_run, CustomerRow.expires_at < now),
        "dropped dead letters": _count_or_delete(
            session, DeadLetterRow, dry_run, DeadLetterRow.dropped_at.is_not(None), DeadLetterRow.dropped_at < cutoff),
        "old sent notifications": _count_or_delete(
            session, NotificationRow, dry_run, NotificationRow.status.in_(("sent", "suppressed")),
            NotificationRow.created_at < notification_cutoff),
        "kept tickets past use": _count_or_delete(
            session, KeptTicketRow, dry_run, KeptTicketRow.read_at < now - KEPT_FOR),
    }
    for label, model, columns in (("repeated status rows", StatusHistoryRow, ("status", "workflow_state")),
                                  ("repeated priority rows", PriorityHistoryRow, ("priority", "tier"))):
        repeated = _repeated_history(model, columns)
        counts[label] = int(session.scalar(select(func.count()).select_from(repeated.subquery())) or 0)
        if counts[label] and not dry_run:
            session.execute(delete(model).where(model.id.in_(repeated)))
    return counts
