"""The operating commands: report, cleanup (dry run changes nothing), notify test, backfill, dead letters, sweep."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
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
        assert "zendesk: 3 tickets (2 solved, 2 escalated)" in result.output
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


ZENDESK_PRIORITY = {"urgent": "critical", "high": "high", "normal": "medium", "low": "low", None: "none"}


def stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def rounded(value: Any) -> Any:
    """`value` with every float rounded, to compare nested figures computed two ways."""
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(v) for v in value]
    return value


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def expected_week(tickets: list[dict[str, Any]], ratings: list[dict[str, Any]], week: str) -> dict[str, Any]:
    """The week's figures from the sandbox's own tickets, as docs/reports.md and the backfill define them: an
    escalation the export shows happened between the ticket's creation and its last update, so it belongs to a week
    (a day) only when both are in it; when both are one moment, it was escalated on creation."""
    year, number = (int(x) for x in week.split("-W"))
    start = datetime.combine(date.fromisocalendar(year, number, 1), datetime.min.time(), tzinfo=UTC)
    end = start + timedelta(days=7)

    def within(moment: datetime, low: datetime = start, high: datetime = end) -> bool:
        return low <= moment < high

    created = [t for t in tickets if within(t["created"])]
    resolved = [t for t in tickets if t["done"] and within(t["updated"])]
    escalated = [t for t in tickets if t["escalated"] and within(t["created"]) and within(t["updated"])]
    exact = [t for t in tickets if t["escalated"] and t["created"] == t["updated"]]
    rates = {}
    for tier in (1, 2, 3):
        reached = [t for t in created if t["tier"] >= tier]
        rates[str(tier)] = share(sum(1 for t in reached if t["tier"] > tier), len(reached))
    rated = [r for r in ratings if within(r["at"]) and r["ticket"]["escalated"]]
    days_escalated, days_resolved = [], []
    by_tier: dict[str, list[int]] = {"2": [], "3": [], "4": []}
    for i in range(7):
        low, high = start + timedelta(days=i), start + timedelta(days=i + 1)
        day = [t for t in tickets if t["escalated"] and within(t["created"], low, high)
               and within(t["updated"], low, high)]
        days_escalated.append(len(day))
        days_resolved.append(sum(1 for t in tickets if t["done"] and within(t["updated"], low, high)))
        for tier in by_tier:
            by_tier[tier].append(sum(1 for t in day if str(t["tier"]) == tier))
    firsts = sorted(0.0 for t in exact if within(t["created"]))
    return {
        "figures": {
            "created": len(created), "escalated": len(escalated), "resolved": len(resolved),
            "escalation_rate": rates["1"], "escalation_rate_by_tier": rates,
            "time_to_escalate_mean": mean(firsts), "time_to_escalate_median": mean(firsts),
            "resolution_after_escalation_mean": mean([0.0 for t in resolved if t in exact]),
            "escalation_to_resolution_ratio": share(len(escalated), len(resolved)),
            "satisfaction_after_escalation": share(sum(1 for r in rated if r["positive"]), len(rated)),
            "satisfaction_ratings": len(rated),
            "first_contact_resolution_by_tier": {},  # the export has no replies: left out, not counted as 0 replies
            "sla_first_response_by_priority": {t["priority"]: None for t in resolved},  # no SLA outcome either
            "sla_resolution_by_priority": {t["priority"]: None for t in resolved},
            "top_reasons": [], "reason_counts": {},  # nor the rule that escalated it
            "tier_target_by_tier": {}, "tier_target_counts": {},  # nor when the receiving tier first acted
        },
        "escalated_per_day": days_escalated, "resolved_per_day": days_resolved,
        "escalations_per_day_by_tier": by_tier,
    }


def test_a_backfill_gives_the_figures_a_plain_loop_over_the_helpdesk_tickets_gives(tmp_path: Path) -> None:
    from plugin.reports.weekly import previous_week, week_of

    now = datetime.now(UTC)
    week = previous_week(week_of(now, "UTC"))
    year, number = (int(x) for x in week.split("-W"))
    monday = datetime.combine(date.fromisocalendar(year, number, 1), datetime.min.time(), tzinfo=UTC)
    h = timedelta(hours=1)
    # (created, updated or None, priority, tags, status); times from Monday 00:00 of last week
    specs = [
        (10 * h, 63 * h, "normal", ["tier_2", "escalated"], "solved"),  # escalated within the week, not one day
        (-4 * h, 33 * h, "high", ["tier_3", "escalated"], "open"),  # interval across two weeks: in neither
        (80 * h, None, "urgent", ["tier_2", "escalated"], "solved"),  # created escalated: the time is known
        (34 * h, 107 * h, "low", [], "solved"),
        (-159 * h, -158 * h, "normal", ["escalated"], "open"),  # the week before, within one day
        (105 * h, None, "normal", [], "open"),
        (130 * h, 132 * h, "high", ["tier_4", "escalated"], "closed"),  # within one day
        (-144 * h, -120 * h, "normal", ["tier_2"], "solved"),
    ]
    with running(tmp_path, consumer=False) as live:
        state = live.state
        made = []
        for created, updated, priority, tags, status in specs:
            ticket = live.customer_ticket(subject="Backfilled", priority=priority, tags=tags,
                                          status="solved" if status == "closed" else status,
                                          created_at=monday + created)
            if updated is not None:
                state.clock = lambda moment=monday + updated: moment  # type: ignore[misc]
                state.update_ticket(ticket["id"], {"status": status} if status == "closed" else {
                    "subject": "Backfilled (updated)"})
            made.append(ticket["id"])
        for index, score, at in ((0, "good", 72 * h), (3, "bad", 120 * h), (6, "bad", 140 * h),
                                 (7, "good", -96 * h)):
            state.rate(made[index], score, at=monday + at)
        state.clock = lambda: datetime.now(UTC)
        path = config_file(live.config, tmp_path / "cli.yaml")
        result = run("backfill", "--since", "30d", "--config", str(path))
        assert result.exit_code == 0, result.output
        assert "zendesk: 8 tickets (5 solved, 6 escalated)" in result.output, result.output
        again = run("backfill", "--since", "30d", "--config", str(path))
        assert "zendesk: 8 tickets (0 solved, 0 escalated)" in again.output  # running it again adds nothing
        weekly = json.loads(run("report", "weekly", "--week", week, "--format", "json", "--config", str(path)).output)
        averages = json.loads(run("report", "resolution", "--format", "json", "--config", str(path)).output)
        with live.services.store.session() as session:
            history = session.query(EscalationRow).all()
        raw = [state.ticket(i) for i in made]
    tickets = []
    for t in raw:
        tier = max([int(tag[5:]) for tag in t["tags"] if tag.startswith("tier_")] or [1])
        tickets.append({"created": stamp(t["created_at"]), "updated": stamp(t["updated_at"]), "tier": tier,
                        "escalated": "escalated" in t["tags"] or tier > 1, "done": t["status"] in ("solved", "closed"),
                        "priority": ZENDESK_PRIORITY[t["priority"]]})
    by_id = dict(zip(made, tickets, strict=True))
    ratings = [{"ticket": by_id[r["ticket_id"]], "at": stamp(r["created_at"]), "positive": r["score"] == "good"}
               for r in state.ratings]
    for got, name in ((weekly, week), (weekly["previous"], previous_week(week))):
        expected = expected_week(tickets, ratings, name)
        figures = got if name != week else got["figures"]
        assert rounded(figures) == rounded(expected["figures"]), name
    this_week = expected_week(tickets, ratings, week)
    assert weekly["escalated_per_day"] == this_week["escalated_per_day"]
    assert weekly["resolved_per_day"] == this_week["resolved_per_day"]
    assert weekly["escalations_per_day_by_tier"] == this_week["escalations_per_day_by_tier"]
    assert this_week["figures"]["escalated"] == 3 and this_week["figures"]["resolved"] == 4  # the data tests something
    # the 30-day averages (the e2e schedule is open around the clock: business time is calendar time)
    closed = [t for t in tickets if t["done"] and now - timedelta(days=30) <= t["updated"]]
    durations = {id(t): (t["updated"] - t["created"]).total_seconds() for t in closed}
    assert averages["tickets"] == len(closed)
    assert averages["calendar_seconds"] == pytest.approx(mean(list(durations.values())))
    assert averages["business_seconds"] == pytest.approx(mean(list(durations.values())))
    for key, group_of in (("by_priority", lambda t: t["priority"]), ("by_tier", lambda t: str(t["tier"])),
                          ("by_escalation", lambda t: "escalated" if t["escalated"] else "not escalated")):
        groups: dict[str, list[float]] = {}
        for t in closed:
            groups.setdefault(group_of(t), []).append(durations[id(t)])
        assert rounded({k: (v["tickets"], v["calendar_seconds"]) for k, v in averages[key].items()}) == rounded(
            {k: (len(v), mean(v)) for k, v in groups.items()}), key
    # the history says where those escalations came from
    assert len(history) == 6 and {(e.actor, e.rule) for e in history} == {("backfill", "backfill")}
    assert all(e.earliest_at is not None and e.earliest_at <= e.at for e in history)
