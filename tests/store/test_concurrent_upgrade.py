"""Several hosts starting at once run the migrations at once: one migrates, the others wait and find nothing to do."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect

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
