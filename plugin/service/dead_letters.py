"""An admin's actions on a dead letter, from the Operations page: retry it (queue its task again) or drop it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal

from plugin.store import Store
from plugin.store import repository as repo

log = logging.getLogger(__name__)
RetryOutcome = Literal["retried", "missing", "refused"]


def retry_dead_letter(store: Store, replay: Callable[[str, list[Any]], None], dead_id: int,
                      now: datetime) -> RetryOutcome:
    """Queue the dead letter's task again and mark it retried. "missing": no such dead letter (or dropped);
    "refused": its task cannot be queued again (the reason is logged)."""
    with store.session() as session:
        row = repo.get_dead_letter(session, dead_id)
        if row is None or row.dropped_at is not None:
            return "missing"
        task, args = row.task, list(row.args)
    try:
        replay(task, args)
    except ValueError as exc:
        log.warning("dead letter #%d not retried: %s", dead_id, exc)
        return "refused"
    with store.session() as session:
        repo.mark_dead_letter_retried(session, dead_id, now)
    return "retried"


def drop_dead_letter(store: Store, dead_id: int, now: datetime) -> bool:
    """False: no such dead letter, or dropped already."""
    with store.session() as session:
        return repo.drop_dead_letter(session, dead_id, now)
