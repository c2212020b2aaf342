"""The last run of each periodic job, one row a job: when it started and ended, whether it failed, what it did."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from plugin.store.models import JobRunRow


def note_run(session: Session, name: str, started_at: datetime, finished_at: datetime, ok: bool,
             summary: str) -> None:
    row = session.get(JobRunRow, name, with_for_update=True)
    if row is None:
        row = JobRunRow(name=name, runs=0, failures=0)
        session.add(row)
    row.started_at, row.finished_at, row.ok, row.summary = started_at, finished_at, ok, summary[:2000]
    row.runs = (row.runs or 0) + 1
    row.failures = (row.failures or 0) + (0 if ok else 1)
    session.flush()


def last_runs(session: Session) -> list[JobRunRow]:
    return list(session.scalars(select(JobRunRow).order_by(JobRunRow.name)))
