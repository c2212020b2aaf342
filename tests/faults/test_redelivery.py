"""Redelivery (issue 9): every webhook delivered 3 times, out of order, the customers' and our own writes coming
back alike. No second note, reply or alert; no tag of ours removed or added again; no write that changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenarios import redelivery
from world import Backend

pytestmark = pytest.mark.faults


@pytest.mark.timeout(600)
def test_redelivered_and_reordered_webhooks_add_nothing(tmp_path: Path, fault_backend: Backend) -> None:
    result = redelivery(tmp_path, fault_backend)
    assert not result.broken(), result.report()
