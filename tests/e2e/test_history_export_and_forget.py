"""The escalation history leaves the store as it is in it, and a requester's text leaves it for good: on a store
filled by the running service (sandbox, signed webhooks, the consumer, real decisions, notes, replies and alerts),
in both shapes (SQLite, PostgreSQL), through the `escalator` command line.

- `history export --format csv|json`: the rows read back equal the store's history, row for row.
- `forget --requester EMAIL`: a scan of every column of every table (and, on SQLite, of the file's bytes) finds
  none of the requester's text; another requester's stays; the weekly report, the 30-day averages and the
  history's figures do not change.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from harness import config_file, running
from sqlalchemy import select

from plugin.reports.weekly import resolution_averages, week_of, weekly_report
from plugin.store import Store
from plugin.store.history_export import HistoryFilter, history_record, history_rows
from plugin.store.models import Base, EscalationRow
from webhooks.cli import main

DANA = ("dana@example.com", "Dana Scully", "Scully")  # the harness's customer
DANA_TEXT = ("ZQXNOVEMBER", "ZQXSOLICITOR", "ZQXEXPORT")
HANK_TEXT = "ZQXHANK"


def everything(store: Store) -> list[tuple[str, str, str]]:
    """(table, column, text) for every non-empty value of every column of every table, JSON as its text."""
    found = []
    with store.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(table.select()):
                for name, value in row._mapping.items():
                    if value is None:
                        continue
                    text = json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, dict | list) \
                        else str(value)
                    found.append((table.name, str(name), text))
    return found


def traces(store: Store, needles: tuple[str, ...]) -> list[tuple[str, str, str]]:
    return [(table, column, text[:80]) for table, column, text in everything(store)
            if any(n.lower() in text.lower() for n in needles)]


def figures_of(store: Store, now: datetime, timezone: str, config: Any) -> dict[str, Any]:
    with store.session() as session:
        week = week_of(now, timezone)
        return {"weekly": weekly_report(session, config, week).to_json(),
                "averages": resolution_averages(session, now + timedelta(minutes=5)).to_json()}


def without_text(record: dict[str, Any]) -> dict[str, Any]:
    figures = json.loads(record["figures"])
    for value in figures.values():
        if isinstance(value, dict) and "keywords" in value:
            value["keywords"] = []
    return {**{k: v for k, v in record.items() if k not in ("reason", "note", "text_removed_at", "figures")},
            "figures": figures}


def test_the_history_exports_as_stored_and_forget_leaves_no_trace(tmp_path: Path, backend: dict[str, Any]) -> None:
    with running(tmp_path, **backend) as run:
        legal = run.customer_ticket(subject="Charged twice ZQXNOVEMBER",
                                    description="You charged us twice for the ZQXEXPORT plan. If this is not "
                                                "refunded today my ZQXSOLICITOR lawyer will take legal action.")
        outage = run.state.create_ticket(requester_id=run.ids["vip"], subject=f"Production down {HANK_TEXT}",
                                         description="Our production is down, none of our dashboards load.",
                                         priority="high")
        run.wait(lambda: "tier_4" in run.state.ticket(legal["id"])["tags"], 20, "the legal escalation")
        run.wait(lambda: "tier_3" in run.state.ticket(outage["id"])["tags"], 20, "the outage escalation")
        run.wait(lambda: run.sandbox.flush_webhooks(1) and run.settled(), 20, "the queue to settle")
        config = run.config
        now = run.services.clock()
        path = config_file(config, tmp_path / "escalator.yaml")
    store = Store(config.database.url)
    cli = CliRunner()
    try:
        with store.session() as session:
            stored = [history_record(r) for r in session.scalars(
                select(EscalationRow).order_by(EscalationRow.at, EscalationRow.id))]
        assert {r["rule"] for r in stored} >= {"legal_threat"} and len(stored) >= 2
        assert any("ZQXSOLICITOR" in r["note"] for r in stored)  # the note as written, customer's words and all

        exported = cli.invoke(main, ["history", "export", "--since", "30d", "--format", "csv", "--config",
                                     str(path)])
        assert exported.exit_code == 0, exported.output
        assert list(csv.DictReader(io.StringIO(exported.stdout))) == [
            {k: "" if v is None else str(v) for k, v in r.items()} for r in stored]
        as_json = cli.invoke(main, ["history", "export", "--since", "30d", "--format", "json", "--config",
                                    str(path), "--out", str(tmp_path / "history.json")])
        assert as_json.exit_code == 0, as_json.output
        assert json.loads((tmp_path / "history.json").read_text(encoding="utf-8")) == stored
        before = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
        recent = json.loads(cli.invoke(main, ["history", "export", "--since", "1s", "--format", "json", "--config",
                                              str(path)]).stdout)
        after = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
        # the command's own "now" lies between the two: every row newer than a second then, none older
        assert [r for r in stored if r["at"] > after] == [r for r in recent if r["at"] > after]
        assert all(r in stored and r["at"] > before for r in recent)

        assert traces(store, DANA + DANA_TEXT)  # the requester's text is in the store, in many places
        before = figures_of(store, now, config.organization.timezone, config)

        dry = cli.invoke(main, ["forget", "--requester", "DANA@example.com", "--dry-run", "--config", str(path)])
        assert dry.exit_code == 0 and "would remove" in dry.stdout and traces(store, DANA + DANA_TEXT)
        forgot = cli.invoke(main, ["forget", "--requester", "dana@example.com", "--config", str(path)])
        assert forgot.exit_code == 0, forgot.output
        assert "1 requester id(s), 1 ticket(s)" in forgot.stdout and "deleted 1 customer profiles" in forgot.stdout

        assert traces(store, DANA + DANA_TEXT) == []  # every column of every table
        if store.dialect == "sqlite":
            assert "the SQLite file was rebuilt" in forgot.stdout
            database = Path(str(store.engine.url.database))
            raw = b"".join(p.read_bytes() for p in (database, Path(f"{database}-wal")) if p.exists())
            for needle in (*DANA, *DANA_TEXT):
                assert needle.encode() not in raw, needle  # not left in free pages or the log either
        assert traces(store, (HANK_TEXT,))  # another requester's text stays

        assert figures_of(store, now, config.organization.timezone, config) == before
        with store.session() as session:
            after = list(history_rows(session, HistoryFilter(since=now - timedelta(days=30))))
        assert [without_text(r) for r in after] == [without_text(r) for r in stored]
        assert [r["text_removed_at"] is not None for r in after] == [r["ticket_id"] == str(legal["id"])
                                                                     for r in stored]
        again = cli.invoke(main, ["forget", "--requester", "dana@example.com", "--config", str(path)])
        assert "no requester with that email address" in again.stdout
    finally:
        store.dispose()
