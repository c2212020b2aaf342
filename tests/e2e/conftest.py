"""The two shapes every end-to-end test runs in: one box (SQLite state, SQLite queue) and scale-out (PostgreSQL
state, Redis queue, on the local servers)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def scale_out(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """The scale-out shape's URLs (PostgreSQL state, Redis queue), every table emptied and the queue flushed after
    the test, so the next one starts from nothing."""
    database = request.getfixturevalue("postgres_url")
    queue = request.getfixturevalue("redis_url")
    yield {"database_url": database, "queue_url": queue}
    from sqlalchemy import create_engine

    from plugin.store.models import Base

    engine = create_engine(database)
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    engine.dispose()
    import redis

    redis.Redis.from_url(queue).flushdb()


@pytest.fixture(params=["sqlite", "postgres+redis"])
def backend(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """Keyword arguments for harness.running(): empty for the one-box shape, the URLs for the scale-out one."""
    if request.param == "sqlite":
        yield {}
        return
    yield request.getfixturevalue("scale_out")


@pytest.fixture(params=["zendesk", "freshdesk"])
def platform(request: pytest.FixtureRequest) -> str:
    """The helpdesk a scenario plays on: its sandbox, its webhooks, its adapter (harness.world(platform, ...))."""
    return str(request.param)
