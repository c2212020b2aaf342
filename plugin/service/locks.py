"""One decision at a time per ticket: a lease in the database, shared by every worker on every host.

A lease expires, so a worker killed while holding one (SIGKILL, a lost host) never blocks its ticket for longer
than the lease; the sweep then picks the work up again.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.dialects import postgresql, sqlite

from plugin.store import Store
from plugin.store.models import TicketLockRow

LEASE = timedelta(minutes=2)
_PROCESS = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"


def _owner() -> str:
    return f"{_PROCESS}-{threading.get_ident()}"


def acquire(store: Store, key: str, now: datetime, lease: timedelta = LEASE) -> str | None:
    """The owner token if the lease was taken (free, or expired), else None."""
    owner = _owner() + "-" + uuid.uuid4().hex[:6]
    with store.session() as session:
        insert = postgresql.insert if store.dialect == "postgresql" else sqlite.insert
        taken = session.execute(insert(TicketLockRow).values(lock_key=key, owner=owner, expires_at=now + lease)
                                .on_conflict_do_nothing().returning(TicketLockRow.lock_key)).first() is not None
        if not taken:
            taken = session.execute(update(TicketLockRow).where(TicketLockRow.lock_key == key,
                                                                TicketLockRow.expires_at < now)
                                    .values(owner=owner, expires_at=now + lease)
                                    .returning(TicketLockRow.lock_key)).first() is not None
    return owner if taken else None


def release(store: Store, key: str, owner: str) -> None:
    with store.session() as session:
        session.execute(delete(TicketLockRow).where(TicketLockRow.lock_key == key, TicketLockRow.owner == owner))


@contextmanager
def ticket_lock(store: Store, platform: str, ticket_id: str, now: datetime, lease: timedelta = LEASE
                ) -> Iterator[bool]:
    """`with ticket_lock(...) as held:` — held is False when another worker has the ticket."""
    key = f"{platform}:{ticket_id}"
    owner = acquire(store, key, now, lease)
    try:
        yield owner is not None
    finally:
        if owner is not None:
            release(store, key, owner)
