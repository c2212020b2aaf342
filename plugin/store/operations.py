"""The Operations read model: what is waiting, what is late and what failed, read from the store (the truth every
process shares), each figure one indexed query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from plugin.store.job_runs import last_runs
from plugin.store.models import (
    AppliedChangeRow,
    DeadLetterRow,
    InboxRow,
    JobRunRow,
    NotificationRow,
    TimerRow,
)


@dataclass(frozen=True)
class Backlog:
    inbox: int  # acknowledged events not processed yet
    oldest_event_at: datetime | None
    open_intents: int  # decisions whose write is under way or was interrupted
    armed_timers: int
    late_timers: int  # armed timers past their due time
    oldest_late_timer_at: datetime | None  # its due time: now minus this is the timer lag
    pending_alerts: int
    failed_alerts: int  # failed or partly sent for good


@dataclass(frozen=True)
class DeadLetterPage:
    rows: list[DeadLetterRow]
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


def backlog(session: Session, now: datetime) -> Backlog:
    inbox, oldest = session.execute(select(func.count(), func.min(InboxRow.received_at))
                                    .where(InboxRow.state.in_(("received", "processing")))).one()
    intents = session.scalar(select(func.count()).select_from(AppliedChangeRow)
                             .where(AppliedChangeRow.state.in_(("decided", "writing", "landed"))))
    armed = session.scalar(select(func.count()).select_from(TimerRow).where(TimerRow.state == "armed"))
    late, due = session.execute(select(func.count(), func.min(TimerRow.due_at))
                                .where(TimerRow.state == "armed", TimerRow.due_at <= now)).one()
    pending = session.scalar(select(func.count()).select_from(NotificationRow)
                             .where(NotificationRow.status.in_(("pending", "sending"))))
    failed = session.scalar(select(func.count()).select_from(NotificationRow)
                            .where(NotificationRow.status.in_(("failed", "partial"))))
    return Backlog(int(inbox or 0), oldest, int(intents or 0), int(armed or 0), int(late or 0), due,
                   int(pending or 0), int(failed or 0))


def dead_letters(session: Session, *, page: int = 1, size: int = 50) -> DeadLetterPage:
    """The dead letters not dropped, newest first."""
    page = max(page, 1)
    waiting = DeadLetterRow.dropped_at.is_(None)
    total = int(session.scalar(select(func.count()).select_from(DeadLetterRow).where(waiting)) or 0)
    rows = list(session.scalars(select(DeadLetterRow).where(waiting)
                                .order_by(DeadLetterRow.failed_at.desc(), DeadLetterRow.id.desc())
                                .offset((page - 1) * size).limit(size)))
    return DeadLetterPage(rows, total, page, size)


def job_runs(session: Session) -> list[JobRunRow]:
    return last_runs(session)
