"""The inbox's hot path on SQL: the one INSERT an acknowledged event costs, and the read the inbox feed polls.

The INSERT is compiled once per store and sent through the driver itself: SQLAlchemy's work per statement (and on
PostgreSQL the pool's ping and a BEGIN and a COMMIT, three round trips) cost more than the row. On SQLite it is
BEGIN IMMEDIATE, INSERT, COMMIT on a pooled connection; on PostgreSQL the INSERT alone, in autocommit, on a
connection each thread keeps. A redelivery's INSERT ... ON CONFLICT DO NOTHING returns no row and stores nothing.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, select
from sqlalchemy import event as sa_events
from sqlalchemy.dialects import postgresql, sqlite

from plugin.domain import TicketEvent
from plugin.lifecycles import EventState
from plugin.store.database import Store
from plugin.store.models import InboxRow
from plugin.store.serialize import event_to_json

INBOX: Table = InboxRow.__table__  # type: ignore[assignment]


COLUMNS = ("platform", "delivery_id", "ticket_id", "kind", "received_at", "event", "from_us", "attempts", "state")


class Inbox:
    def __init__(self, store: Store) -> None:
        self.store = store
        dialect = store.engine.dialect
        insert = postgresql.insert if store.dialect == "postgresql" else sqlite.insert
        statement = (insert(INBOX).values({name: bindparam(name) for name in COLUMNS})
                     .on_conflict_do_nothing().returning(INBOX.c.id))
        # compiled once, run on the driver's connection: SQLAlchemy's per-statement work was most of the request's
        compiled = statement.compile(dialect=dialect)
        self._sql = compiled.string
        self._positions = compiled.positiontup  # the order of a positional driver's parameters (SQLite's)
        self._bind = {name: INBOX.c[name].type.dialect_impl(dialect).bind_processor(dialect) or _same
                      for name in COLUMNS}
        self._sqlite = store.dialect == "sqlite"
        self._local = threading.local()
        self._opened: list[Any] = []  # this inbox's own connections, closed with the store's engine
        self._opened_lock = threading.Lock()
        if not self._sqlite:
            sa_events.listen(store.engine, "engine_disposed", self._close_all)
        self._connect_args = dialect.create_connect_args(store.engine.url)
        self._disconnects: tuple[type[BaseException], ...] = (dialect.loaded_dbapi.OperationalError,) \
            if not self._sqlite else ()
        self._fresh = (select(INBOX.c.id, INBOX.c.platform, INBOX.c.ticket_id)
                       .where(INBOX.c.state == EventState.RECEIVED.value, INBOX.c.received_at >= bindparam("since"),
                              INBOX.c.attempts == 0, INBOX.c.not_before.is_(None))
                       .order_by(INBOX.c.received_at, INBOX.c.id).limit(bindparam("limit")))

    def add(self, event: TicketEvent, now: datetime) -> bool:
        """Store an acknowledged event in one INSERT and its commit; False (nothing stored) for a redelivery."""
        bind = self._bind
        values: dict[str, Any] = {
            "platform": event.platform, "delivery_id": event.delivery_id, "ticket_id": event.ticket_id,
            "kind": event.kind.value, "received_at": bind["received_at"](now),
            "event": bind["event"](event_to_json(event)), "from_us": bind["from_us"](event.from_us),
            "attempts": 0, "state": EventState.RECEIVED.value,
        }
        parameters: Any = values if self._positions is None else [values[name] for name in self._positions]
        return self._add_sqlite(parameters) if self._sqlite else self._add_postgresql(parameters)

    def _add_sqlite(self, parameters: Any) -> bool:
        connection = self.store.engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute("BEGIN IMMEDIATE")  # the driver autocommits: the transaction is ours, lock first
                try:
                    cursor.execute(self._sql, parameters)
                    stored = cursor.fetchone() is not None
                    cursor.execute("COMMIT")
                except BaseException:
                    cursor.execute("ROLLBACK")
                    raise
            finally:
                cursor.close()
        finally:
            connection.close()  # back to the pool
        return stored

    def _add_postgresql(self, parameters: Any) -> bool:
        """One round trip: the INSERT alone, in autocommit (a statement is its own transaction), on this thread's
        own connection (the pool's checkout would ping the server first: a second round trip). A connection found
        broken is replaced and the INSERT sent again: harmless, as a delivery is stored once whatever happens."""
        for attempt in (1, 2):
            connection = self._own_connection()
            try:
                with connection.cursor() as cursor:
                    cursor.execute(self._sql, parameters)
                    return cursor.fetchone() is not None
            except self._disconnects:
                self._local.connection = None
                _close_quietly(connection)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _own_connection(self) -> Any:
        connection = getattr(self._local, "connection", None)
        if connection is None or connection.closed:
            connection = self.store.engine.dialect.connect(*self._connect_args[0], **self._connect_args[1])
            connection.autocommit = True
            self._local.connection = connection
            with self._opened_lock:
                self._opened = [c for c in self._opened if not c.closed] + [connection]
        return connection

    def _close_all(self, _engine: Any = None) -> None:
        with self._opened_lock:
            opened, self._opened = self._opened, []
        for connection in opened:
            _close_quietly(connection)

    def fresh(self, since: datetime, limit: int) -> list[tuple[int, str, str]]:
        """(id, platform, ticket id) of events received at `since` or later that no worker has taken yet."""
        with self.store.engine.begin() as connection:
            return [(int(i), str(p), str(t)) for i, p, t in
                    connection.execute(self._fresh, {"since": since, "limit": limit})]


def _same(value: Any) -> Any:
    return value


def _close_quietly(connection: Any) -> None:
    with contextlib.suppress(Exception):  # it is broken already
        connection.close()
