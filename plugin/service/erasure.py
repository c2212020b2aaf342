"""`escalator forget --requester EMAIL`: remove a requester's text from the store in one transaction, then, on
SQLite, rebuild the database file so the removed text is not left in free pages or the write-ahead log.

The helpdesk's own copy of the tickets is the helpdesk's: this removes what the escalator stored. A ticket of the
requester that is still open gets its subject back from the next event about it; forget once the requester's
tickets are closed or deleted in the helpdesk.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from plugin.store import Store
from plugin.store.erasure import forget_requester

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ForgetReport:
    counts: dict[str, int] = field(default_factory=dict)
    compacted: bool = False  # SQLite: the file was rebuilt and the write-ahead log emptied

    def lines(self) -> list[str]:
        return [f"{label}: {count}" for label, count in self.counts.items()]


def forget(store: Store, email: str, now: datetime, *, dry_run: bool = False) -> ForgetReport:
    if "@" not in email:
        raise ValueError(f"{email!r} is not an email address")
    with store.session() as session:
        counts = forget_requester(session, email, now, dry_run=dry_run)
    compacted = False
    if not dry_run and store.dialect == "sqlite" and counts.get("tickets", 0) + counts.get("requesters", 0):
        compacted = compact_sqlite(store)
    return ForgetReport(counts, compacted)


def compact_sqlite(store: Store) -> bool:
    """VACUUM the SQLite file and truncate its write-ahead log; False when another connection kept the log from
    being emptied (the text then lingers in it until the next checkpoint)."""
    with store.write_turn():
        return _compact(store)


def _compact(store: Store) -> bool:
    raw = store.engine.raw_connection()
    try:
        connection = raw.driver_connection
        assert connection is not None
        connection.execute("VACUUM")
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return not busy
    except Exception:
        log.warning("could not compact the SQLite database after forget", exc_info=True)
        return False
    finally:
        raw.close()
