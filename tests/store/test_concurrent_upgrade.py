"""Several hosts starting at once run the migrations at once: one migrates, the others wait and find nothing to do."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from plugin.store import Store


@pytest.mark.postgres
def test_concurrent_upgrades_on_a_fresh_postgresql_database(postgres_url: str) -> None:
    admin = create_engine(postgres_url.split("?")[0], isolation_level="AUTOCOMMIT")
    schema = f"fresh_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        _concurrently_upgrade(f"{postgres_url.split('?')[0]}?options=-csearch_path%3D{schema}")
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


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
