"""The status pages' fixture: an app with the pages enabled, on a SQLite store seeded by status_kit, its clock
stopped at status_kit.NOW."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from status_client import make_app
from status_kit import seed

from webhooks.extension import Escalator


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    application = make_app(tmp_path)
    seed(Escalator.services(application).store)
    yield application
    Escalator.services(application).close()
