"""Fixtures shared by every test: the real local PostgreSQL and Redis (skipped with a reason on a machine without
them, but never skipped in CI), and stores on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from plugin.store import Store

IN_CI = os.environ.get("CI", "").lower() == "true"
PG_ADMIN_URLS = ("postgresql+psycopg://postgres@127.0.0.1:5432/test", "postgresql+psycopg://root@127.0.0.1:5432/test")


def _unavailable(what: str, reason: str) -> None:
    message = f"{what} not reachable: {reason}"
    if IN_CI:
        pytest.fail(f"{message} (CI=true: the scale-out tests must run, start the service)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh schema in the local `test` database, dropped at the end; the URL's connections use it."""
    from sqlalchemy import create_engine, text

    errors = []
    for admin_url in PG_ADMIN_URLS:
        engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            break
        except Exception as exc:
            errors.append(f"{admin_url.split('@')[0].split('//')[1]}: {type(exc).__name__}")
            engine.dispose()
    else:
        _unavailable("PostgreSQL on 127.0.0.1:5432 (database test)", "; ".join(errors))
        raise AssertionError("unreachable")
    try:
        with _schema(engine, "t") as url:
            yield url
    finally:
        engine.dispose()


@contextmanager
def _schema(engine: Any, prefix: str) -> Iterator[str]:
    """A new schema in the database `engine` reaches, dropped at the end; the URL's connections use it."""
    from sqlalchemy import text

    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with engine.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{engine.url.render_as_string(hide_password=False)}?options=-csearch_path%3D{schema}"
    finally:
        with engine.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> Iterator[str]:
    """A schema of this test's own, empty and dropped after it: for tests that create tables of their own (the
    PostgreSQL queue) or need a database no migration has touched."""
    from sqlalchemy import create_engine

    engine = create_engine(postgres_url.split("?")[0], isolation_level="AUTOCOMMIT")
    try:
        with _schema(engine, "f") as url:
            yield url
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A Redis database number of our own on the local server, flushed before and after."""
    try:
        import redis
    except ImportError:  # pragma: no cover
        _unavailable("Redis client", "the redis package is not installed")
        raise AssertionError("unreachable") from None
    database = 11
    client = redis.Redis(host="127.0.0.1", port=6379, db=database, socket_connect_timeout=2)
    try:
        client.ping()
    except Exception as exc:
        _unavailable("Redis on 127.0.0.1:6379", type(exc).__name__)
    client.flushdb()
    try:
        yield f"redis://127.0.0.1:6379/{database}"
    finally:
        client.flushdb()
        client.close()


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An upgraded store on each backend; the PostgreSQL one is emptied after each test."""
    if request.param == "sqlite":
        db = Store(f"sqlite:///{tmp_path / 'escalator.db'}")
        db.upgrade()
        yield db
        db.dispose()
        return
    url = request.getfixturevalue("postgres_url")
    db = Store(url)
    db.upgrade()
    yield db
    from plugin.store.models import Base

    with db.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    db.dispose()
