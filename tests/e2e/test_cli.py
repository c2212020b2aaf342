"""The operating commands: report, cleanup (dry run changes nothing), notify test, backfill, dead letters, sweep."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from harness import config_file, running

from plugin.config import load_config
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.models import EscalationRow, InboxRow, TicketRow
from webhooks.cli import main


def write_config(tmp_path: Path, **extra: Any) -> Path:
    data: dict[str, Any] = {"database": {"url": f"sqlite:///{tmp_path / 'db.sqlite'}"},
                            "queue": {"url": f"sqlite:///{tmp_path / 'queue.sqlite'}"}}
    data.update(extra)
    path = tmp_path / "escalator.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def hook_server() -> Iterator[tuple[int, list[bytes]]]:
    got: list[bytes] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            got.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port, got
    server.shutdown()
    server.server_close()


def test_report_weekly_in_each_format(tmp_path: Path) -> None:
    path = write_config(tmp_path)
    store = Store(load_config(path).database.url)
    store.upgrade()
    with store.session() as session:
        session.add(EscalationRow(platform="zendesk", ticket_id="7", at=datetime(2026, 11, 18, 10, tzinfo=UTC),
                                  from_tier=1, to_tier=2, rule="sla_breach", reason="r", figures={}, actor="rule",
                                  note=""))
    text = run("report", "weekly", "--week", "2026-W47", "--config", str(path))
    assert text.exit_code == 0 and "Tickets escalated" in text.output and "Top reason: sla_breach" in text.output
    as_json = run("report", "weekly", "--week", "2026-W47", "--format", "json", "--config", str(path))
    assert '"escalated": 1' in as_json.output
    out = tmp_path / "report.html"
    assert run("report", "weekly", "--week", "2026-W47", "--format", "html", "--out", str(out),
               "--config", str(path)).exit_code == 0
    assert "<table" in out.read_text(encoding="utf-8")
    assert "Average resolution" in run("report", "resolution", "--config", str(path)).output
    bad = CliRunner().invoke(main, ["report", "weekly", "--week", "last", "--config", str(path)])
    assert bad.exit_code == 2 and "2026-W47" in bad.output
    # the 30-day averages have no week: --week is refused, not silently ignored
    ignored = CliRunner().invoke(main, ["report", "resolution", "--week", "2026-W47", "--config", str(path)])
    assert ignored.exit_code == 2 and "weekly report only" in ignored.output


def test_report_weekly_send_says_what_really_happened(tmp_path: Path, hook_server: tuple[int, list[bytes]]) -> None:
    port, got = hook_server
    closed = write_config(tmp_path, notifications={"channels": {"support_manager": ["json://127.0.0.1:9/closed"]}})
    failed = CliRunner().invoke(main, ["report", "weekly", "--week", "2026-W47", "--send", "--config", str(closed)])
    assert failed.exit_code == 1, failed.output
    assert "not sent yet: not delivered to json://127.0.0.1:9 (support_manager #1); it will be retried" in \
        failed.output
    assert "sent to" not in failed.output
    working = write_config(tmp_path, notifications={"channels": {"support_manager": [
        f"json://127.0.0.1:{port}/report"]}})
    sent = CliRunner().invoke(main, ["report", "weekly", "--week", "2026-W46", "--send", "--config", str(working)])
    assert sent.exit_code == 0, sent.output
    assert "sent to support_manager at " in sent.output and f"json://127.0.0.1:{port} (support_manager #1)" in \
        sent.output
    again = CliRunner().invoke(main, ["report", "weekly", "--week", "2026-W46", "--send", "--config", str(working)])
    assert again.exit_code == 0 and "sent to support_manager (earlier)" in again.output
    assert len(got) == 1 and b"Weekly escalation report 2026-W46" in got[0]
    # the week whose send failed is still waiting for its retry time: said so, not sent twice, not claimed sent
    waiting = CliRunner().invoke(main, ["report", "weekly", "--week", "2026-W47", "--send", "--config", str(working)])
    assert waiting.exit_code == 1 and "it will be retried" in waiting.output


def test_cleanup_dry_run_changes_nothing_and_keeps_history(tmp_path: Path) -> None:
    path = write_config(tmp_path)
    store = Store(load_config(path).database.url)
    store.upgrade()
    old = datetime.now(UTC) - timedelta(days=60)
    with store.session() as session:
        session.add(InboxRow(platform="zendesk", delivery_id="old", ticket_id="1", kind="created", received_at=old,
                             event={}, from_us=False, processed_at=old, attempts=0))
        session.add(EscalationRow(platform="zendesk", ticket_id="1", at=old, from_tier=1, to_tier=2, rule="r",
                                  reason="", figures={}, actor="rule", note=""))
    dry = run("cleanup", "--dry-run", "--config", str(path))
    assert "would delete 1 processed inbox events" in dry.output
    with store.session() as session:
        assert session.query(InboxRow).count() == 1
    real = run("cleanup", "--config", str(path))
    assert "deleted 1 processed inbox events" in real.output
    with store.session() as session:
        assert session.query(InboxRow).count() == 0
        assert session.query(EscalationRow).count() == 1


def test_notify_test_says_which_channels_worked(tmp_path: Path, hook_server: tuple[int, list[bytes]]) -> None:
    port, got = hook_server
    token = "pd-t0ken-secret"
    path = write_config(tmp_path, notifications={"channels": {"on_call": [
        f"json://127.0.0.1:{port}/page?token={token}", "json://127.0.0.1:9/closed"]}})
    result = CliRunner().invoke(main, ["notify", "test", "on_call", "--config", str(path)])
    assert result.exit_code == 1
    assert f"ok      json://127.0.0.1:{port}" in result.output
    assert "failed  json://127.0.0.1:9" in result.output
    assert token not in result.output
    assert len(got) == 1 and b"A test message for the on_call role." in got[0]
    empty = CliRunner().invoke(main, ["notify", "test", "team_lead", "--config", str(path)])
    assert empty.exit_code == 1 and "has no channel" in empty.output


def test_backfill_sweep_and_dead_letters(tmp_path: Path) -> None:
    with running(tmp_path, consumer=False) as live:
        for days in (3, 10):
            live.customer_ticket(subject=f"Old {days}", status="solved", tags=["tier_2", "escalated"],
                                 created_at=datetime.now(UTC) - timedelta(days=days))
        live.customer_ticket(subject="Recent")
        path = config_file(live.config, tmp_path / "cli.yaml")
        result = run("backfill", "--since", "30d", "--config", str(path))
        assert result.exit_code == 0, result.output
        assert "zendesk: 3 tickets (2 solved)" in result.output
        with live.services.store.session() as session:
            solved = [r for r in session.query(TicketRow).all() if r.solved_at is not None]
            assert len(solved) == 2 and all(r.tier == 2 and r.escalated for r in solved)
            assert all(r.resolution_calendar_seconds is not None for r in solved)
        sweep = run("sweep", "--config", str(path))
        assert "re-queued" in sweep.output and "due for a threshold check" in sweep.output
        with live.services.store.session() as session:
            dead = repo.add_dead_letter(session, "process_ticket", ["zendesk", "1", "event"], "TransientError: boom",
                                        6, datetime.now(UTC), "zendesk", "1")
            dead_id = dead.id
        listed = run("dead-letters", "list", "--config", str(path))
        assert f"#{dead_id}" in listed.output and "TransientError: boom" in listed.output
        assert "queued again" in run("dead-letters", "retry", str(dead_id), "--config", str(path)).output
        assert "dropped" in run("dead-letters", "drop", str(dead_id), "--config", str(path)).output
        assert "no dead letters" in run("dead-letters", "list", "--config", str(path)).output
