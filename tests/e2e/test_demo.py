"""`escalator demo`, the README's main command: runs in under a minute, shows every scenario, leaves nothing behind."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.slow
def test_the_demo_tells_the_whole_story_and_cleans_up(tmp_path: Path) -> None:
    # A temp folder and a working folder of its own, so a demo run by anyone else at the same time cannot interfere.
    scratch, workdir = tmp_path / "tmp", tmp_path / "cwd"
    scratch.mkdir()
    workdir.mkdir()
    started = time.monotonic()
    env = {**os.environ, "ESCALATOR_CONFIG": "", "TMPDIR": str(scratch)}
    result = subprocess.run([sys.executable, "-m", "webhooks.cli", "demo"], capture_output=True, text=True,
                            timeout=120, cwd=workdir, env=env, stdin=subprocess.DEVNULL)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert elapsed < 60
    for scene in ("VIP outage", "Legal threat", "Third contact", "Unassigned for 2 hours", "SLA crossing live",
                  "Manual escalation", "Frustrated, in French", "Calm question"):
        assert scene in out, scene
    assert "escalated Tier 1 -> 4 by rule:legal_threat" in out
    assert "escalated Tier 1 -> 2 by rule:auto_escalate_sla" in out
    assert "escalated Tier 1 -> 3 by agent:" in out
    assert "on_call: [P0] PAGE" in out
    assert "support_manager: [P3] Manager alert" in out  # the unassigned ticket
    assert "ESCALATION TO TIER 4 (Management/Executive)" in out
    assert "reply to customer: Thank you for your patience. We have escalated your request" in out  # not "Hello X,"
    assert "Where to look next" in out
    assert re.search(r"Status page: http://127\.0\.0\.1:\d+/escalator/ \(sign in as demo-admin / \S+, or "
                     r"read-only as demo-viewer / \S+\)", out)  # the pages run beside the demo (see tests/browser)
    assert "Still running" not in out  # without --keep, it ends
    assert f"data in {scratch}" in out  # it did use the temp folder it was given
    assert not list(scratch.iterdir())  # and removed everything it put there
    assert not list(workdir.iterdir())  # nothing written where it ran
