"""Fixtures of the fault suite: each scenario runs once per helpdesk (the Zendesk and the Freshdesk sandbox) and
backend, on a fresh one (SQLite files in the test's directory; a new PostgreSQL schema and an emptied Redis
database)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from world import BACKENDS, PLATFORMS, Backend, open_backend


@pytest.fixture(params=BACKENDS)
def fault_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        with open_backend("sqlite", tmp_path) as backend:
            yield backend
        return
    postgres = request.getfixturevalue("fresh_postgres_url")
    redis = request.getfixturevalue("redis_url")
    with open_backend(request.param, tmp_path, postgres_url=postgres, redis_url=redis) as backend:
        yield backend


@pytest.fixture(params=PLATFORMS)
def fault_platform(request: pytest.FixtureRequest) -> str:
    """The helpdesk a scenario runs against: "zendesk" or "freshdesk" (world.World)."""
    return str(request.param)
