"""The inbox's hot path on SQL: the one INSERT an acknowledged event costs, and the read the inbox feed polls.

The INSERT is built once per store and sent through the driver itself, on a connection each thread keeps (taken from
the store's engine once, so it has the engine's settings, then detached from its pool): SQLAlchemy's work per
statement, the pool's checkout and return (on PostgreSQL a ping, a second round trip) and a BEGIN and a COMMIT cost
more than the row. On SQLite it is the INSERT alone in autocommit (one statement is its own transaction, committed
before it returns: WAL with synchronous=NORMAL, see docs/reliability.md); on PostgreSQL the same INSERT, prepared once
per connection and run through libpq (psycopg's `pgconn`) in autocommit. A redelivery's INSERT ... ON CONFLICT DO
NOTHING returns no row and stores nothing: the duplicate check is the INSERT, not a read before it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Table, bindparam, select
from sqlalchemy import event as sa_events

from plugin.domain import TicketEvent
from plugin.lifecycles import EventState
from plugin.store.database import Store
from plugin.store.models import InboxRow
from plugin.store.serialize import event_to_json

INBOX: Table = InboxRow.__table__  # type: ignore[assignment]

COLUMNS = ("platform", "delivery_id", "ticket_id", "kind", "received_at", "event", "from_us", "attempts", "state")
PREPARED = b"escalator_inbox_add"  # the PostgreSQL prepared statement's name, on the inbox's own connections


class Inbox:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._sqlite = store.dialect == "sqlite"
        placeholders = ", ".join("?" if self._sqlite else f"${i}" for i in range(1, len(COLUMNS) + 1))
        self._sql = (f"INSERT INTO {INBOX.name} ({', '.join(COLUMNS)}) VALUES ({placeholders}) "  # noqa: S608
                     "ON CONFLICT DO NOTHING RETURNING id")  # (constants only: the values are parameters)
        dialect = store.engine.dialect
        bind: Callable[[str], Callable[[Any], Any]] = \
            lambda name: INBOX.c[name].type.dialect_impl(dialect).bind_processor(dialect) or _same  # noqa: E731
        self._received_at = bind("received_at")  # UTC, aware on PostgreSQL and naive on SQLite; naive refused
        self._json: Callable[[Any], str] = _dumps  # the event as the JSON column keeps it (orjson: a few times
        # faster than the standard library on the request path; the column reads it back like any JSON text)
        self._from_us = bind("from_us")
        self._received = EventState.RECEIVED.value
        database = store.engine.url.database
        self._keeps = not self._sqlite or database not in (None, "", ":memory:")  # an in-memory database is the
        self._local = threading.local()  # connection the pool keeps for each thread: never one of our own
        self._generation = 0  # counts the closings of every connection (the engine disposed)
        self._opened: list[Any] = []  # this inbox's own connections, closed with the store's engine
        self._opened_lock = threading.Lock()
        sa_events.listen(store.engine, "engine_disposed", self._close_all)
        self._disconnects: tuple[type[BaseException], ...] = () if self._sqlite else \
            (dialect.loaded_dbapi.OperationalError,)
        self._fresh = (select(INBOX.c.id, INBOX.c.platform, INBOX.c.ticket_id)
                       .where(INBOX.c.state == EventState.RECEIVED.value, INBOX.c.received_at >= bindparam("since"),
                              INBOX.c.attempts == 0, INBOX.c.not_before.is_(None))
                       .order_by(INBOX.c.received_at, INBOX.c.id).limit(bindparam("limit")))

    def add(self, event: TicketEvent, now: datetime) -> bool:
        """Store an acknowledged event in one INSERT, committed when this returns; False (nothing stored) for a
        redelivery."""
        received_at = self._received_at(now)
        text = self._json(event_to_json(event))
        if self._sqlite:
            return self._add_sqlite((event.platform, event.delivery_id, event.ticket_id, event.kind.value,
                                     received_at, text, self._from_us(event.from_us), 0, self._received))
        values = (event.platform, event.delivery_id, event.ticket_id, event.kind.value, received_at.isoformat(),
                  text, "true" if event.from_us else "false", "0", self._received)
        return self._add_postgresql(values)

    def _add_sqlite(self, parameters: tuple[Any, ...]) -> bool:
        with self.store.write_turn():  # in line with the process's transactions (see turns.py)
            if not self._keeps:
                pooled = self.store.engine.raw_connection()
                try:
                    return _insert_sqlite(pooled.dbapi_connection, self._sql, parameters)
                finally:
                    pooled.close()
            return _insert_sqlite(self._own_connection()[0], self._sql, parameters)

    def _add_postgresql(self, values: tuple[str, ...]) -> bool:
        """One round trip: the prepared INSERT alone, in autocommit (a statement is its own transaction). A
        connection found broken is replaced and the INSERT sent again: harmless, as a delivery is stored once
        whatever happens."""
        for text in values:
            if "\x00" in text:  # libpq would cut the text there; psycopg refuses it with the same error
                from psycopg import DataError

                raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
        for attempt in (1, 2):
            connection, encoding = self._own_connection()
            try:
                return self._execute_prepared(connection, [v.encode(encoding) for v in values])
            except self._disconnects:
                self._forget(connection)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _execute_prepared(self, connection: Any, parameters: list[bytes]) -> bool:
        from psycopg import pq
        from psycopg.errors import OperationalError, error_from_result

        result = connection.pgconn.exec_prepared(PREPARED, parameters)
        if result.status == pq.ExecStatus.TUPLES_OK:
            return bool(result.ntuples)
        if connection.pgconn.status != pq.ConnStatus.OK:
            raise OperationalError(f"the inbox's connection broke: {connection.pgconn.error_message.decode()}")
        raise error_from_result(result, encoding=connection.info.encoding)

    def _own_connection(self) -> tuple[Any, str]:
        """This thread's connection and the encoding of the text it sends."""
        own = getattr(self._local, "own", None)
        if own is not None and own[2] == self._generation and not _closed(own[0]):
            return own[0], own[1]
        generation = self._generation
        fairy = self.store.engine.raw_connection()  # the engine's connect hooks ran on it (pragmas, tracing)
        fairy.detach()  # ours from now on: never returned to the pool, closed with the engine
        connection: Any = fairy.dbapi_connection
        encoding = "utf-8"
        if self._sqlite:
            connection.isolation_level = None  # autocommit
        else:
            connection.autocommit = True
            encoding = connection.info.encoding
            self._prepare(connection)
        with self._opened_lock:
            self._opened = [c for c in self._opened if not _closed(c)] + [connection]
        self._local.own = (connection, encoding, generation)
        return connection, encoding

    def _prepare(self, connection: Any) -> None:
        from psycopg import pq
        from psycopg.errors import error_from_result

        result = connection.pgconn.prepare(PREPARED, self._sql.encode())
        if result.status != pq.ExecStatus.COMMAND_OK:
            error = error_from_result(result, encoding=connection.info.encoding)
            _close_quietly(connection)
            raise error

    def _forget(self, connection: Any) -> None:
        self._local.own = None
        _close_quietly(connection)

    def _close_all(self, _engine: Any = None) -> None:
        with self._opened_lock:
            opened, self._opened = self._opened, []
            self._generation += 1
        for connection in opened:
            _close_quietly(connection)

    def fresh(self, since: datetime, limit: int) -> list[tuple[int, str, str]]:
        """(id, platform, ticket id) of events received at `since` or later that no worker has taken yet."""
        with self.store.write_turn(), self.store.engine.begin() as connection:
            return [(int(i), str(p), str(t)) for i, p, t in
                    connection.execute(self._fresh, {"since": since, "limit": limit})]


def _insert_sqlite(connection: Any, sql: str, parameters: tuple[Any, ...]) -> bool:
    cursor = connection.execute(sql, parameters)
    try:
        return bool(cursor.fetchall())  # stepped to its end: the statement's implicit transaction commits
    finally:
        cursor.close()


def _same(value: Any) -> Any:
    return value


def _closed(connection: Any) -> bool:
    closed = getattr(connection, "closed", False)  # psycopg: a property; sqlite3 has none (closed ones raise)
    return bool(closed)


def _close_quietly(connection: Any) -> None:
    with contextlib.suppress(Exception):  # it is broken already
        connection.close()


def _dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
