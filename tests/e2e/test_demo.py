"""`escalator demo`, the README's main command, on each platform (`--platform zendesk|freshdesk|both`): it runs in
under a minute, plays the eight scenes with the same outcome on every helpdesk, names each ticket's platform, and
leaves nothing behind: no thread, no file, and nothing running after Ctrl+C or SIGTERM either."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from plugin.config import WorkflowConfig
from webhooks.cli import main

LABELS = {"zendesk": ["Zendesk"], "freshdesk": ["Freshdesk"], "both": ["Zendesk", "Freshdesk"]}
ESCALATED = ("VIP outage", "Legal threat", "Third contact", "SLA crossing live", "Manual escalation")
REASON_TAG = f"{WorkflowConfig().manual_reason_prefix}beyond_knowledge"

# What each scene must show on every platform: lines (or parts of lines) of the ticket's block in the printout.
OUTCOMES: dict[str, tuple[str, ...]] = {
    "VIP outage": ("priority: high -> urgent;  group: Senior/Engineering",
                   "escalated Tier 1 -> 3 by rule:critical_incident"),
    "Legal threat": ("priority: normal -> high;  group: Management/Executive",
                     "escalated Tier 1 -> 4 by rule:legal_threat", "internal note: ESCALATION TO TIER 4 "
                     "(Management/Executive)"),
    "Third contact": ("group: Technical/Specialist", "escalated Tier 1 -> 2 by rule:repeat_contact: Contact number 3",
                      "repeat_contact"),
    "Unassigned for 2 hours": ("priority: low -> low;  group: Frontline", "tags: tier_1, unassigned_alert"),
    "SLA crossing live": ("group: Technical/Specialist", "escalated Tier 1 -> 2 by rule:auto_escalate_sla",
                          "SLA elapsed 80%", "sla_at_risk"),
    "Frustrated, in French": ("priority: normal -> high;  group: Frontline", "tags: needs_review, tier_1",
                              "internal note: Escalator : negative_sentiment sur la demande"),
    "Calm question": ("priority: low -> low;  group: Frontline", "tags: tier_1\n"),
    "Manual escalation": ("priority: normal -> normal;  group: Senior/Engineering", "escalated Tier 1 -> 3 by agent:",
                          "Outside the agent's knowledge", REASON_TAG),
}
# Whom each scene alerted (the alerts the catcher received, by role).
ALERTED: dict[str, set[str]] = {
    "VIP outage": {"account_manager", "on_call", "tier_3_team"},
    "Legal threat": {"team_lead", "support_manager", "tier_4_team"},
    "Third contact": {"team_lead", "tier_2_team"},
    "Unassigned for 2 hours": {"support_manager"},
    "SLA crossing live": {"account_manager", "support_manager", "tier_2_team"},
    "Frustrated, in French": {"team_lead"},
    "Calm question": set(),
    "Manual escalation": {"tier_3_team"},
}


def blocks(out: str) -> dict[tuple[str, str], str]:
    """The printout's block of each ticket, by (platform label, scene title)."""
    found = {}
    for match in re.finditer(r"^(Zendesk|Freshdesk) #\d+ ([^:\n]+): .*?(?=\n\n)", out, re.M | re.S):
        found[(match.group(1), match.group(2))] = match.group(0) + "\n"
    return found


def library_pools() -> set[threading.Thread]:
    """The threads of apprise's process-wide worker pools: the library keeps them for the next notification sent
    from this process (they are not the demo's to stop, and end with the process)."""
    import apprise.apprise as shared

    pools = (shared._shared_executor, shared._coordinator_executor)
    return {thread for pool in pools if pool is not None for thread in pool._threads}


def same_everywhere(block: str) -> str:
    """A block without what differs between platforms by nature: ticket ids (and the platform named with them), agent
    ids, and a new ticket's status (Freshdesk has no "new": its tickets are open from the start)."""
    block = re.sub(r"(?:(?:Zendesk|Freshdesk) )?#\d+", "#N", block)
    return re.sub(r"agent:\d+", "agent:N", block).replace("status new,", "status open,")


def story_told(out: str, platform: str) -> None:
    """The printout shows every scene's outcome on each of the platform's helpdesks, the same on all of them."""
    found = blocks(out)
    assert sorted(found) == sorted((label, scene) for label in LABELS[platform] for scene in OUTCOMES)
    for (label, scene), block in found.items():
        for expected in OUTCOMES[scene]:
            assert expected in block, (label, scene, expected, block)
        alerted = re.search(r"^  alerted: (.+)$", block, re.M)
        assert (set(alerted.group(1).split(", ")) if alerted else set()) == ALERTED[scene], (label, scene, block)
        escalated = scene in ESCALATED
        # one handoff note and one acknowledgment per escalation, never two; nothing at all on a calm ticket
        assert block.count("escalated Tier") == (1 if escalated else 0), block
        assert block.count("internal note: ESCALATION TO TIER") == (1 if escalated else 0), block
        assert block.count("reply to customer: Thank you for your patience. We have escalated your request") == (
            1 if escalated else 0), block  # the reply's gist skips "Hello X,"
        if scene == "Calm question":
            assert "internal note" not in block, block
    if platform == "both":  # one service, one rule set: the same ticket ends the same way on both helpdesks
        for scene in OUTCOMES:
            assert same_everywhere(found[("Zendesk", scene)]) == same_everywhere(found[("Freshdesk", scene)])

    pages = len(LABELS[platform])
    assert out.count("on_call: [P0] PAGE") == pages
    assert len(re.findall(r"support_manager: \[P3\] Manager alert: .*Unassigned", out)) == pages
    assert "| ESCALATION TO TIER 4 (Management/Executive)" in out  # the handoff note, as agents see it
    for label in LABELS[platform]:
        cost = re.search(rf"{label}: (\d+) write requests, \d+ (signed|shared-secret) webhooks, (\d+) "
                         rf"(API requests|credits) over (\d+) decisions \((\d+\.\d+) a decision\)", out)
        assert cost is not None, label
        writes, spent, decided, each = int(cost[1]), int(cost[3]), int(cost[5]), float(cost[6])
        # every scene decides at least once; the reads come on top of the writes, and the figure is their quotient
        assert decided >= len(OUTCOMES) and spent > writes and each == round(spent / decided, 2), cost[0]
        assert f"{label} sandbox on http://127.0.0.1:" in out
    assert "Where to look next" in out
    assert re.search(r"Status page: http://127\.0\.0\.1:\d+/escalator/ \(sign in as demo-admin / \S+, or "
                     r"read-only as demo-viewer / \S+\)", out)  # the pages run beside the demo (see tests/browser)


@pytest.mark.slow
@pytest.mark.parametrize("platform", ["zendesk", "freshdesk", "both"])
def test_the_demo_plays_eight_scenes_the_same_way_on_each_platform_and_leaves_nothing(
        platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A temp folder and a working folder of its own, so a demo run by anyone else at the same time cannot interfere.
    scratch, workdir = tmp_path / "tmp", tmp_path / "cwd"
    scratch.mkdir()
    workdir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("ESCALATOR_CONFIG", "")
    threads_before = set(threading.enumerate())
    handlers_before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    started = time.monotonic()
    result = CliRunner().invoke(main, ["demo", "--platform", platform], catch_exceptions=False)
    elapsed = time.monotonic() - started
    print(f"escalator demo --platform {platform}: {elapsed:.1f}s")  # the figure reported (pytest -s shows it)
    assert result.exit_code == 0, result.output[-3000:]
    out = result.output
    assert elapsed < 60

    story_told(out, platform)
    assert "Still running" not in out  # without --keep, it ends

    # nothing left: its threads stopped, its signal handlers given back, its files removed
    deadline = time.monotonic() + 5
    while (left := set(threading.enumerate()) - threads_before - library_pools()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not left, sorted(t.name for t in left)
    assert {s: signal.getsignal(s) for s in handlers_before} == handlers_before
    assert f"data in {scratch}" in out  # it did use the temp folder it was given
    assert not list(scratch.iterdir())  # and removed everything it put there
    assert not list(workdir.iterdir())  # nothing written where it ran


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_mid_story_stops_everything_and_removes_the_folder(signum: int, tmp_path: Path) -> None:
    scratch, workdir = tmp_path / "tmp", tmp_path / "cwd"
    scratch.mkdir()
    workdir.mkdir()
    env = {**os.environ, "ESCALATOR_CONFIG": "", "TMPDIR": str(scratch), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "webhooks.cli", "demo", "--platform", "both"], cwd=workdir,
                               env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    assert process.stdout is not None
    stream, lines = process.stdout, []
    reader = threading.Thread(target=lambda: lines.extend(iter(stream.readline, "")), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while "Status page:" not in "".join(lines):  # everything is running: sandboxes, service, consumer
            assert process.poll() is None and time.monotonic() < deadline, "".join(lines)[-3000:]
            time.sleep(0.05)
        time.sleep(1.0)  # into the story
        assert list(scratch.iterdir())  # its folder is there while it runs
        stopped_at = time.monotonic()
        process.send_signal(signum)
        code = process.wait(timeout=30)
        stop_time = time.monotonic() - stopped_at
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    reader.join(timeout=5)
    out = "".join(lines)
    assert code == 128 + signum, out[-3000:]
    assert stop_time < 15, stop_time
    assert "Stopped: everything the demo started is stopped and removed." in out
    assert "What the escalator decided" not in out  # it was cut short, not finished
    assert "Traceback" not in out, out[-3000:]
    assert not list(scratch.iterdir())
    assert not list(workdir.iterdir())


@pytest.mark.slow
def test_the_demo_on_postgresql_and_redis_plays_the_same_story(scale_out: dict[str, str], tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """`--database-url` and `--queue-url`: the scale-out shape, both helpdesks, the same outcomes as on SQLite."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ESCALATOR_CONFIG", "")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["demo", "--platform", "both", "--database-url", scale_out["database_url"],
                                       "--queue-url", scale_out["queue_url"]], catch_exceptions=False)
    print(f"escalator demo --platform both on PostgreSQL + Redis: {time.monotonic() - started:.1f}s")
    assert result.exit_code == 0, result.output[-3000:]
    story_told(result.output, "both")
    from sqlalchemy import create_engine, func, select

    from plugin.store.models import EscalationRow

    engine = create_engine(scale_out["database_url"])
    with engine.connect() as connection:  # it did keep its state there
        assert connection.scalar(select(func.count()).select_from(EscalationRow)) == 2 * len(ESCALATED)
    engine.dispose()
