"""On SQLite the store's transactions and the inbox's INSERTs take the write lock in the order they asked for it, not
by the busy handler's lottery; on PostgreSQL nothing queues in the process."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from plugin.domain import EventKind, TicketEvent
from plugin.store import Store
from plugin.store.inbox import Inbox

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _wait_queued(store: Store, count: int) -> None:
    assert store.turns is not None
    deadline = time.monotonic() + 5
    while store.turns.queued < count and time.monotonic() < deadline:
        time.sleep(0.001)
    assert store.turns.queued == count


def test_transactions_and_inbox_inserts_take_the_write_lock_in_the_order_they_asked(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'escalator.db'}")
    store.upgrade()
    inbox = Inbox(store)
    order: list[str] = []
    threads: list[threading.Thread] = []
    try:
        with store.session() as session:  # holds SQLite's write lock (BEGIN IMMEDIATE) until the block ends
            session.execute(text("SELECT 1"))
            for i in range(6):
                if i % 2:
                    def add(i: int = i) -> None:
                        inbox.add(TicketEvent(platform="zendesk", delivery_id=f"d-{i}", ticket_id=str(i),
                                              kind=EventKind.COMMENT_ADDED, occurred_at=NOW), NOW)
                        order.append(f"insert {i}")
                    target = add
                else:
                    def transact(i: int = i) -> None:
                        with store.session() as other:
                            other.execute(text("SELECT 1"))
                            order.append(f"transaction {i}")
                    target = transact
                thread = threading.Thread(target=target)
                thread.start()
                threads.append(thread)
                _wait_queued(store, i + 1)
            time.sleep(0.3)  # long enough for the busy handler to have let a latecomer through, were it deciding
            assert order == []
        for thread in threads:
            thread.join(10)
        assert order == [f"{'insert' if i % 2 else 'transaction'} {i}" for i in range(6)]
    finally:
        store.dispose()


def test_postgresql_stores_queue_nothing_in_the_process(fresh_postgres_url: str) -> None:
    store = Store(fresh_postgres_url)
    try:
        assert store.turns is None
        with store.write_turn():
            assert store.ping()
    finally:
        store.dispose()
