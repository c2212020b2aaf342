"""Redelivery (issue 9): every webhook delivered 3 times, out of order, the customers' and our own writes coming
back alike. No second note, reply or alert; no tag of ours removed or added again; no write that changes nothing.

On Freshdesk 40 tickets instead of 60 (the run is the same few cases, repeated), to keep the suite's time."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenarios import redelivery
from world import Backend

pytestmark = pytest.mark.faults

# The scenario's defaults on Zendesk; fewer tickets on Freshdesk (repetitive: the same two templates over and over)
SIZES: dict[str, dict[str, int]] = {"zendesk": {}, "freshdesk": {"tickets": 40}}


@pytest.mark.timeout(600)
def test_redelivered_and_reordered_webhooks_add_nothing(tmp_path: Path, fault_backend: Backend,
                                                        fault_platform: str) -> None:
    result = redelivery(tmp_path, fault_backend, platform=fault_platform, **SIZES[fault_platform])
    assert not result.broken(), result.report()
