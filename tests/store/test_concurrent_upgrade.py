"""Several hosts starting at once run the migrations at once: one migrates, the others wait and find nothing to do."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import OperationalError

from plugin.store import Store


@pytest.mark.postgres
def test_concurrent_upgrades_on_a_fresh_postgresql_database(fresh_postgres_url: str) -> None:
    _concurrently_upgrade(fresh_postgres_url)


def test_concurrent_upgrades_on_a_fresh_sqlite_file(tmp_path: Path) -> None:
    _concurrently_upgrade(f"sqlite:///{tmp_path / 'escalator.db'}")


def _concurrently_upgrade(url: str) -> None:
    stores = [Store(url) for _ in range(4)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(stores))

    def run(store: Store) -> None:
        start.wait()
        try:
            store.upgrade()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    try:
        assert errors == []
        assert {"tickets", "inbox", "escalations"} <= set(inspect(stores[0].engine).get_table_names())
    finally:
        for store in stores:
            store.dispose()


def test_a_start_that_waited_past_the_busy_timeout_tries_again(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """On a busy machine another process's migration can hold the file longer than the busy timeout."""
    store = Store(f"sqlite:///{tmp_path / 'escalator.db'}")
    attempts: list[int] = []
    migrate = store._upgrade

    def locked_once() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))
        migrate()

    monkeypatch.setattr(store, "_upgrade", locked_once)
    try:
        store.upgrade()
        assert len(attempts) == 2
        assert "tickets" in inspect(store.engine).get_table_names()
    finally:
        store.dispose()
