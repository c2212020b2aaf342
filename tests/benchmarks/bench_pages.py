"""Benchmark: the status pages with 100,000 open tickets and 1,000,000 history rows in the store.

Prints the median (and 90th percentile) time to answer a signed-in request for the At risk, Decisions and Ticket
pages through the Flask app (the session check, the indexed queries, the live clocks and the template), each over
--runs requests after one warm-up, for the first page, a filtered page and a deep page. No assertion: the figures
are for docs/status-page.md.

What it fills (--tickets open tickets, 20 % more solved ones; --history rows spread over them, newest last):
  history rows = write intents (decisions, 25 %) + escalations (15 %) + alerts (15 %) + status changes (20 %)
                 + priority and tier changes (15 %) + received events (10 %);
  plus each decision's rules in `decision_rules` (about 1.5 a decision; an index, not history). One ticket has
  500 rows of every kind, for the Ticket page's worst case (it shows the latest 200 of each).
The SQLite file it fills (about 1.5 GB) is deleted at the end unless --keep is given; a --url database (PostgreSQL:
use an empty schema, e.g. ?options=-csearch_path%3Dbench) is left as it is.

    .venv/bin/python tests/benchmarks/bench_pages.py [--tickets 100000] [--history 1000000] [--runs 15]
                                                     [--url postgresql+psycopg://...] [--keep]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from huey import MemoryHuey
from sqlalchemy import insert
from werkzeug.security import generate_password_hash

from plugin.config import load_config
from plugin.store import Store
from plugin.store.models import (
    AppliedChangeRow,
    DecisionRuleRow,
    EscalationRow,
    InboxRow,
    NotificationRow,
    PriorityHistoryRow,
    StatusHistoryRow,
    TicketRow,
)
from webhooks.app import create_app

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
RULES = ["sla_warning", "sla_breach", "legal_threat", "repeat_contact", "auto_escalate_sla", "critical_incident",
         "vip_fast_track", "sentiment_review", "unassigned_alert", "security_review"]
TRIGGERS = {"sla_warning": "sla_warning", "sla_breach": "sla_breached", "legal_threat": "legal_keywords",
            "repeat_contact": "repeat_contact", "auto_escalate_sla": "sla_warning",
            "critical_incident": "critical_incident", "vip_fast_track": "vip_customer",
            "sentiment_review": "negative_sentiment", "unassigned_alert": "unassigned",
            "security_review": "security_incident"}
NOTE = ("ESCALATION TO TIER {tier} (Technical/Specialist)\nTicket: #{ticket} - Cannot export the quarterly report\n"
        "Customer: Jane Doe, enterprise\nPriority: High (P1)\nReason:\n- [{rule}] SLA first response 82% elapsed "
        "(49m of 1h, business hours; warning at 80%)\n\nSummary: the export times out after 60 seconds.\n"
        "What has been tried:\n- Nothing yet: no agent reply or note on this ticket.\n[escalator-ref:0123456789ab]")
BUSY = "busy"  # the ticket with 500 rows of every kind
CHUNK = 20_000


def clocks(rng: random.Random, created: datetime) -> tuple[list[dict[str, Any]], datetime | None]:
    out, dues = [], []
    for kind, target in (("first_response", 3600.0), ("resolution", 28800.0)):
        elapsed = rng.uniform(0, target * 1.3)
        running = rng.random() > 0.1
        due = NOW + timedelta(seconds=target - elapsed) if running else None
        if due is not None:
            dues.append(due)
        share = elapsed / target
        state = "breached" if share >= 1 else "warning" if share >= 0.8 else "ok" if running else "paused"
        out.append({"kind": kind, "state": state, "target_seconds": target, "elapsed_seconds": elapsed,
                    "paused_seconds": 0.0, "due_at": due.isoformat() if due else None, "business_time": False,
                    "running": running, "fulfilled_at": None, "share": round(share, 4)})
    return out, min(dues, default=None)


def decision_json(rng: random.Random, ticket: str, rule: str, tier: int, at: datetime) -> dict[str, Any]:
    trigger = TRIGGERS[rule]
    reason = {"rule": trigger, "summary": "SLA first response 82% elapsed (49m of 1h, business hours)",
              "figures": {"clock": "first_response", "elapsed_share": 0.82, "threshold": 0.8,
                          "elapsed_seconds": 2952.0, "target_seconds": 3600.0}, "key": trigger}
    return {"priority": "high", "add_tags": ["escalated", f"tier_{tier}"], "remove_tags": ["tier_1"],
            "group_id": "3600002", "assignee_id": None, "clear_assignee": True, "status": None,
            "internal_note": NOTE.format(tier=tier, ticket=ticket, rule=trigger), "public_reply": None,
            "task": None, "at": at.isoformat(), "fired": [trigger, f"rule:{rule}"], "tier": tier,
            "sentiment": "calm", "decided_priority": "high", "workflow_state": "escalated", "next_check_at": None,
            "escalations": [{"at": at.isoformat(), "from_tier": 1, "to_tier": tier, "rule": rule,
                             "reason": reason["summary"], "figures": {}, "actor": f"rule:{rule}", "note": ""}],
            "notifications": [{"role": "support_manager", "kind": rule, "ticket_id": ticket, "dedupe_key": trigger,
                               "title": f"[P1] Manager alert: ticket #{ticket}", "body": "...", "urgent": False}],
            "reasons": [reason], "clocks": []}


def fill(store: Store, tickets: int, history: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    began = time.perf_counter()
    solved = tickets // 5
    ids = [BUSY] + [str(n) for n in range(2, tickets + solved + 1)]
    with store.engine.begin() as connection:
        for start in range(0, len(ids), CHUNK):
            rows = []
            for ticket in ids[start:start + CHUNK]:
                created = NOW - timedelta(seconds=rng.randrange(1, 14 * 86400))
                done = ticket != BUSY and int(ticket) > tickets
                stored, risk = clocks(rng, created)
                rows.append({"platform": "zendesk", "ticket_id": ticket, "subject": f"Ticket {ticket}: export fails",
                             "status": "solved" if done else rng.choice(("new", "open", "open", "pending")),
                             "workflow_state": "in_progress", "priority": rng.randint(1, 4), "initial_priority": 2,
                             "tier": rng.choices((1, 2, 3, 4), (60, 25, 10, 5))[0], "customer_tier": rng.choice(
                                 ("standard", "standard", "enterprise", "vip")), "created_at": created,
                             "platform_updated_at": created, "first_seen_at": created, "escalated": False,
                             "reopened": 0, "contact_count": 1, "tags": [], "fired": [],
                             "clocks": [] if done else stored, "timer_version": 0, "requester_id": str(rng.randrange(
                                 1, 50_000)), "url": f"https://acme.zendesk.com/agent/tickets/{ticket}",
                             "risk_at": None if done else risk, "solved_at": created if done else None,
                             "next_check_at": risk})
            connection.execute(insert(TicketRow), rows)
    print(f"  {len(ids):,} tickets ({tickets:,} open) in {time.perf_counter() - began:.0f}s")
    shares = {"decisions": 0.25, "escalations": 0.15, "alerts": 0.15, "statuses": 0.20, "priorities": 0.15,
              "events": 0.10}
    owners = ids[:]

    def owner(index: int, count: int) -> str:
        return BUSY if index >= count - 500 else rng.choice(owners)

    def moment(index: int, count: int) -> datetime:  # spread over 30 days, newest last
        return NOW - timedelta(seconds=(count - index) * (30 * 86400 / count))

    makers: dict[str, Callable[[int, int], list[tuple[Any, dict[str, Any]]]]] = {}

    def decisions(i: int, n: int) -> list[tuple[Any, dict[str, Any]]]:
        ticket, at, rule, tier = owner(i, n), moment(i, n), rng.choice(RULES), rng.choices((2, 3, 4), (70, 20, 10))[0]
        key = f"{i:012x}{rng.getrandbits(64):016x}"
        data = decision_json(rng, ticket, rule, tier, at)
        rows = [(AppliedChangeRow, {"idempotency_key": key, "platform": "zendesk", "ticket_id": ticket,
                                    "decided_at": at, "applied_at": at, "changes": data, "write_requests": 1,
                                    "outcome": "recorded", "state": "recorded", "version": None,
                                    "landed": ["fields", "note"], "attempts": 0, "tier": tier,
                                    "mode": "shadow" if rng.random() < 0.02 else "live"})]
        rows += [(DecisionRuleRow, {"decision_key": key, "rule": name, "decided_at": at})
                 for name in sorted({rule, TRIGGERS[rule]})]
        return rows

    def escalations(i: int, n: int) -> list[tuple[Any, dict[str, Any]]]:
        return [(EscalationRow, {"platform": "zendesk", "ticket_id": owner(i, n), "at": moment(i, n),
                                 "from_tier": 1, "to_tier": 2, "rule": rng.choice(RULES), "reason": "SLA 82%",
                                 "figures": {"elapsed_share": 0.82}, "actor": "rule:sla", "note": NOTE[:300]})]

    def alerts(i: int, n: int) -> list[tuple[Any, dict[str, Any]]]:
        return [(NotificationRow, {"platform": "zendesk", "ticket_id": owner(i, n), "role": "support_manager",
                                   "kind": "sla", "dedupe_key": f"sla:{i}", "title": "[P1] Manager alert",
                                   "body": NOTE[:300], "urgent": False, "created_at": moment(i, n),
                                   "status": rng.choice(("sent", "sent", "sent", "failed")), "attempts": 1,
                                   "channels_ok": ["mailto://manager"], "channels_failed": [],
                                   "decision_key": None})]

    def statuses(i: int, n: int) -> list[tuple[Any, dict[str, Any]]]:
        return [(StatusHistoryRow, {"platform": "zendesk", "ticket_id": owner(i, n), "at": moment(i, n),
                                    "status": rng.choice(("open", "pending")), "workflow_state": None,
                                    "source": "webhook"})]

    def priorities(i: int, n: int) -> list[tuple[Any, dict[str, Any]]]:
        return [(PriorityHistoryRow, {"platform": "zendesk", "ticket_id": owner(i, n), "at": moment(i, n),
                                      "priority": rng.randint(1, 4), "tier": rng.randint(1, 4),
                                      "actor": "escalator"})]

    def events(i: int, n: int) -> list[tuple[Any, dict[str, Any]]]:
        return [(InboxRow, {"platform": "zendesk", "delivery_id": f"d-{i}", "ticket_id": owner(i, n),
                            "kind": "updated", "received_at": moment(i, n),
                            "event": {"kind": "updated", "changes": {"status": "open"}}, "from_us": False,
                            "processed_at": moment(i, n), "attempts": 1, "state": "done"})]

    makers = {"decisions": decisions, "escalations": escalations, "alerts": alerts, "statuses": statuses,
              "priorities": priorities, "events": events}
    for name, share in shares.items():
        began = time.perf_counter()
        count = int(history * share)
        for start in range(0, count, CHUNK):
            batches: dict[Any, list[dict[str, Any]]] = {}
            for index in range(start, min(start + CHUNK, count)):
                for model, row in makers[name](index, count):
                    batches.setdefault(model, []).append(row)
            with store.engine.begin() as connection:
                for model, rows in batches.items():
                    connection.execute(insert(model), rows)
        print(f"  {count:,} {name} in {time.perf_counter() - began:.0f}s")
    if store.dialect == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
    else:
        with store.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")


def measure(label: str, request: Callable[[], Any], runs: int) -> None:
    request()  # warm-up: templates compiled, caches filled
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        answer = request()
        times.append((time.perf_counter() - began) * 1000)
        assert answer.status_code == 200, (label, answer.status_code)
    times.sort()
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print(f"  {label:<46} median {statistics.median(times):7.1f} ms   p90 {p90:7.1f} ms   ({len(answer.data):,} bytes)")


def pages(url: str, runs: int) -> Iterator[tuple[str, Callable[[], Any]]]:
    config = load_config(data={"database": {"url": url}, "zendesk": {"subdomain": "acme"}, "status": {
        "enabled": True, "secret_key": "b" * 40, "users": [{"name": "bench", "password_hash":
                                                              generate_password_hash("bench"), "role": "admin"}]}},
        environ={})
    app = create_app(config, huey=MemoryHuey(), clock=lambda: NOW, upgrade=False)
    client = app.test_client()
    form = client.get("/escalator/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert token is not None
    client.post("/escalator/login", data={"csrf_token": token.group(1), "name": "bench", "password": "bench"})
    yield from [
        ("At risk, page 1", lambda: client.get("/escalator/")),
        ("At risk, page 1000 (offset 49,950)", lambda: client.get("/escalator/?page=1000")),
        ("At risk, Tier 4", lambda: client.get("/escalator/?tier=4")),
        ("Decisions, page 1", lambda: client.get("/escalator/decisions")),
        ("Decisions, rule legal_threat", lambda: client.get("/escalator/decisions?rule=legal_threat")),
        ("Decisions, Tier 4 on one day", lambda: client.get("/escalator/decisions?tier=4&day=2026-11-10")),
        ("Decisions, shadow only", lambda: client.get("/escalator/decisions?mode=shadow")),
        ("Decisions, page 100", lambda: client.get("/escalator/decisions?page=100")),
        ("Ticket, a typical one", lambda: client.get("/escalator/tickets/zendesk/4242")),
        ("Ticket, 500 rows of every kind", lambda: client.get(f"/escalator/tickets/zendesk/{BUSY}")),
    ]
    app.extensions["escalator"].store.dispose()


def run(url: str, tickets: int, history: int, runs: int) -> None:
    store = Store(url)
    try:
        store.upgrade()
        print(f"filling {url.split('@')[-1].split('?')[0]} ...")
        fill(store, tickets, history)
    finally:
        store.dispose()
    print(f"median of {runs} signed-in requests through the Flask app:")
    for label, request in pages(url, runs):
        measure(label, request, runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--history", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--url", default=None)
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite file (its path is printed)")
    args = parser.parse_args()
    folder = None if args.url else tempfile.mkdtemp(prefix="escalator-bench-pages-")
    try:
        url = args.url or f"sqlite:///{Path(str(folder)) / 'bench.db'}"
        run(url, args.tickets, args.history, args.runs)
        if folder is not None and args.keep:
            print(f"kept {url}")
    finally:
        if folder is not None and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
