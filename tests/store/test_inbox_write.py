"""The request path's one write (plugin.store.inbox) on SQLite and PostgreSQL: an INSERT on a connection each thread
keeps, committed when it returns, its duplicate check folded into the INSERT; a connection closed under it (the
engine disposed, the server ending it) is replaced; a value the database refuses is refused as before, nothing
stored."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from plugin.domain import EventKind, TicketEvent
from plugin.store import Store
from plugin.store.ticket_store import SqlTicketStore

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def event(delivery: str, ticket_id: str = "42", **changes: object) -> TicketEvent:
    return TicketEvent(platform="zendesk", delivery_id=delivery, ticket_id=ticket_id, kind=EventKind.COMMENT_ADDED,
                       occurred_at=NOW, actor_id="5", changes=dict(changes), raw_type="zen:event-type:ticket.x")


def rows(store: Store) -> list[tuple[str, str, str, str]]:
    with store.engine.connect() as connection:
        return [(str(d), str(t), str(k), str(s)) for d, t, k, s in connection.execute(text(
            "SELECT delivery_id, ticket_id, kind, state FROM inbox ORDER BY id"))]


def test_a_redelivery_stores_nothing_and_says_so(store: Store) -> None:
    tickets = SqlTicketStore(store)
    assert tickets.add_event(event("d-1", note="first"), NOW) is True
    assert tickets.add_event(event("d-1", note="again"), NOW) is False
    assert tickets.add_event(event("d-2"), NOW) is True
    assert rows(store) == [("d-1", "42", "comment_added", "received"), ("d-2", "42", "comment_added", "received")]
    with store.session() as session:
        from plugin.store import repository as repo

        [first, _] = repo.unprocessed_events(session)
        assert first.event["changes"] == {"note": "first"}  # the first delivery's, untouched
        assert first.received_at == NOW and first.attempts == 0 and first.from_us is False


def test_the_same_delivery_from_many_threads_is_stored_once(store: Store) -> None:
    tickets = SqlTicketStore(store)
    barrier = threading.Barrier(6)
    results: list[bool] = []
    errors: list[BaseException] = []

    def add() -> None:
        try:
            barrier.wait()
            results.append(tickets.add_event(event("race"), NOW))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=add) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and sorted(results) == [False] * 5 + [True]
    assert [r[0] for r in rows(store)] == ["race"]


def test_an_event_is_committed_when_the_insert_returns(store: Store) -> None:
    tickets = SqlTicketStore(store)
    tickets.add_event(event("d-1"), NOW)
    if store.dialect == "sqlite":  # another connection (another process) sees it at once: no transaction left open
        other = sqlite3.connect(str(store.engine.url.database))
        try:
            assert other.execute("SELECT delivery_id FROM inbox").fetchall() == [("d-1",)]
        finally:
            other.close()
    assert [r[0] for r in rows(store)] == ["d-1"]


def test_the_inbox_writes_again_once_the_engine_is_disposed(store: Store) -> None:
    tickets = SqlTicketStore(store)
    assert tickets.add_event(event("d-1"), NOW)
    store.dispose()  # closes the inbox's own connections too
    assert tickets.add_event(event("d-2"), NOW)
    assert [r[0] for r in rows(store)] == ["d-1", "d-2"]


def test_a_connection_the_server_ended_is_replaced(fresh_postgres_url: str) -> None:
    """PostgreSQL only (a server that ends a connection); on a machine without it the fixture says why it skips."""
    store = Store(fresh_postgres_url)
    store.upgrade()
    tickets = SqlTicketStore(store)
    assert tickets.add_event(event("d-1"), NOW)
    connection, _ = tickets.inbox._own_connection()
    with store.engine.connect() as admin:
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": connection.info.backend_pid})
        admin.commit()
    assert tickets.add_event(event("d-2"), NOW)
    assert [r[0] for r in rows(store)] == ["d-1", "d-2"]
    store.dispose()


def test_a_value_the_database_refuses_is_refused_and_nothing_is_stored(store: Store) -> None:
    tickets = SqlTicketStore(store)
    if store.dialect == "postgresql":
        import psycopg

        with pytest.raises(psycopg.DataError, match="NUL"):  # as psycopg itself refuses it
            tickets.add_event(event("d-\x00-1"), NOW)
        with pytest.raises(psycopg.errors.StringDataRightTruncation):  # the server's own error, typed as psycopg's
            tickets.add_event(event("d" * 201), NOW)
    else:
        with pytest.raises(ValueError, match="naive"):
            tickets.add_event(event("d-1"), NOW.replace(tzinfo=None))
    assert rows(store) == []
    assert tickets.add_event(event("d-2"), NOW)  # the connection is still good
    assert [r[0] for r in rows(store)] == ["d-2"]
