"""Benchmark: what the minute's sweep costs against a store of many open tickets, none due and 1,000 due.

    .venv/bin/python tests/benchmarks/bench_sweep.py [--backend sqlite|postgres|both] [--sizes 10000,100000]
                                                     [--due 1000] [--runs 3] [--json]

Each size is a fresh store (a temporary SQLite file; a schema of its own in the local PostgreSQL database `test`)
holding that many open tickets as the service leaves them: the mirror row, an armed threshold timer an hour or more
ahead and the one it superseded, two finished inbox events, a recorded decision, a sent notification for one in ten.
The run timed is the whole periodic job as the consumer runs it (`Services.sweep()`: recovery, the due tickets,
the due notifications, the run's note), on the queue the deployment would use (a SQLite file; Redis beside
PostgreSQL, when reachable). "1,000 due": before each such run, that many other tickets have their timer moved a
minute into the past, and the in-memory helpdesk holds them, so a sweep that decides inline can. Each figure is
the median of `--runs` runs. With `--json` the last line of stdout is one JSON object with the figures (seconds).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from huey import Huey, MemoryHuey, PriorityRedisHuey, SqliteHuey
from sqlalchemy import create_engine, inspect, text, update

from adapters.memory import MemoryHelpdesk
from plugin.config import load_config
from plugin.domain import Priority, Status, Ticket
from plugin.store import Store
from plugin.store.models import AppliedChangeRow, InboxRow, NotificationRow, TicketRow, TimerRow
from webhooks.bootstrap import Services, bootstrap

PLATFORM = "memory"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/12"
TARGETS = {"sqlite_100k_none_due_s": "<= 0.2"}
CHUNK = 5000


@dataclass
class Figures:
    backend: str
    size: int
    none_due: float
    due: float
    due_count: int


def _label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def _rows(start: int, stop: int, now: datetime) -> dict[type[Any], list[dict[str, Any]]]:
    """The rows the service leaves for open tickets number start..stop-1."""
    rows: dict[type[Any], list[dict[str, Any]]] = {TicketRow: [], TimerRow: [], InboxRow: [], AppliedChangeRow: [],
                                                   NotificationRow: []}
    for number in range(start, stop):
        ticket_id = str(number + 1)
        created = now - timedelta(minutes=30 + number % 600)
        ahead = now + timedelta(hours=1, seconds=number % 86_400)
        ticket = {"platform": PLATFORM, "ticket_id": ticket_id}
        rows[TicketRow].append({
            **ticket, "subject": f"Ticket {ticket_id}", "requester_id": None, "status": "open",
            "workflow_state": "new", "priority": 2, "initial_priority": 2, "tier": 1, "created_at": created,
            "platform_updated_at": created, "first_seen_at": created, "last_decided_at": created, "escalated": False,
            "agent_public_replies": 0, "reopened": 0, "contact_count": 1, "tags": [], "fired": [], "clocks": [],
            "sentiment": "neutral", "next_check_at": ahead, "timer_version": 2, "risk_at": ahead})
        rows[TimerRow] += [
            {**ticket, "version": 1, "due_at": created, "reason": "threshold", "state": "superseded",
             "created_at": created},
            {**ticket, "version": 2, "due_at": ahead, "reason": "threshold", "state": "armed", "created_at": created}]
        rows[InboxRow] += [
            {**ticket, "delivery_id": f"{kind}-{ticket_id}", "kind": kind, "received_at": created, "event": {},
             "from_us": False, "processed_at": created, "attempts": 1, "state": "done"}
            for kind in ("created", "updated")]
        rows[AppliedChangeRow].append({
            **ticket, "idempotency_key": f"k-{ticket_id}", "decided_at": created, "applied_at": created,
            "changes": {}, "write_requests": 1, "outcome": "recorded", "state": "recorded", "attempts": 1, "tier": 1,
            "mode": "live"})
        if number % 10 == 0:
            rows[NotificationRow].append({
                **ticket, "role": "manager", "dedupe_key": f"d-{ticket_id}", "kind": "escalated",
                "title": "Escalated", "body": "", "status": "sent", "created_at": created, "not_before": created,
                "sent_at": created, "attempts": 1, "channels_ok": ["mailto"], "channels_failed": []})
    return rows


def populate(store: Store, size: int, now: datetime) -> None:
    for start in range(0, size, CHUNK):
        with store.engine.begin() as connection:
            for model, rows in _rows(start, min(start + CHUNK, size), now).items():
                if rows:
                    connection.execute(model.__table__.insert(), rows)
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))


def make_due(store: Store, ticket_ids: list[str], at: datetime) -> None:
    """Move these tickets' armed timers (and whatever the store keeps of their next check) to `at`."""
    columns = {c["name"] for c in inspect(store.engine).get_columns("tickets")}
    with store.engine.begin() as connection:
        for start in range(0, len(ticket_ids), 500):
            chunk = ticket_ids[start:start + 500]
            connection.execute(update(TimerRow).where(TimerRow.platform == PLATFORM, TimerRow.ticket_id.in_(chunk),
                                                      TimerRow.state == "armed").values(due_at=at))
            values: dict[str, Any] = {"next_check_at": at}
            if "next_due_at" in columns:
                values["next_due_at"] = at
            connection.execute(update(TicketRow).where(TicketRow.platform == PLATFORM,
                                                       TicketRow.ticket_id.in_(chunk)).values(**values))


def helpdesk_with(ticket_ids: list[str], now: datetime) -> MemoryHelpdesk:
    helpdesk = MemoryHelpdesk()
    for ticket_id in ticket_ids:
        created = now - timedelta(hours=3)
        helpdesk.add(Ticket(platform=PLATFORM, id=ticket_id, subject=f"Ticket {ticket_id}", status=Status.OPEN,
                            created_at=created, updated_at=created, priority=Priority.HIGH,
                            description="The export fails."))
    return helpdesk


def timed(services: Services) -> float:
    started = time.perf_counter()
    services.sweep()
    return time.perf_counter() - started


def measure(backend: str, url: str, huey: Huey, size: int, due: int, runs: int) -> Figures:
    store = Store(url)
    store.upgrade()
    now = datetime.now(UTC)
    populate(store, size, now)
    due_sets = [[str(size - due * (run + 1) + n + 1) for n in range(due)] for run in range(runs)]
    helpdesk = helpdesk_with([t for chunk in due_sets for t in chunk], now)
    config = load_config(data={"database": {"url": url}, "notifications": {"respect_business_hours": False}})
    services = bootstrap(config, store=store, huey=huey, adapters={PLATFORM: helpdesk}, upgrade=False)
    try:
        huey.flush()
        timed(services)  # a first run warms the connections and caches, as every minute's run after the first
        none_due = [timed(services) for _ in range(runs)]
        with_due = []
        for chunk in due_sets:
            huey.flush()
            make_due(store, chunk, datetime.now(UTC) - timedelta(minutes=1))
            with_due.append(timed(services))
        huey.flush()
    finally:
        services.close()
    return Figures(backend, size, statistics.median(none_due), statistics.median(with_due), due)


@contextmanager
def sqlite_backend(folder: Path, size: int) -> Iterator[tuple[str, Huey]]:
    yield f"sqlite:///{folder / f'escalator-{size}.db'}", SqliteHuey("bench", filename=str(folder / f"queue-{size}.db"),
                                                                      results=False, utc=True)


@contextmanager
def postgres_backend(folder: Path, size: int) -> Iterator[tuple[str, Huey]]:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    huey: Huey
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
        huey = PriorityRedisHuey(f"bench-sweep-{schema}", url=REDIS_URL, results=False, utc=True)
    except Exception:
        huey = MemoryHuey("bench", results=False, utc=True)
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}", huey
    finally:
        huey.flush()
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def postgres_reachable() -> bool:
    engine = create_engine(PG_URL)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both",
                        help="both: SQLite, and PostgreSQL when reachable")
    parser.add_argument("--sizes", default="10000,100000", help="open tickets, comma-separated")
    parser.add_argument("--due", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="the figures as one JSON object, the last line")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    if "postgres" in backends and not postgres_reachable():
        if args.backend == "postgres":
            sys.exit(f"PostgreSQL not reachable at {PG_URL}")
        print("PostgreSQL not reachable: SQLite only", file=sys.stderr)
        backends.remove("postgres")
    results: list[Figures] = []
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            for size in sizes:
                opened = sqlite_backend if backend == "sqlite" else postgres_backend
                with opened(Path(tmp), size) as (url, huey):
                    figures = measure(backend, url, huey, size, min(args.due, size // (args.runs + 1)), args.runs)
                results.append(figures)
                print(f"{backend:<9} {size:>8,} open  none due {figures.none_due:7.3f} s   "
                      f"{figures.due_count:,} due {figures.due:7.3f} s", file=sys.stderr, flush=True)
    print(f"{'backend':<9} {'open tickets':>12}  {'none due':>10}  {'due':>6}  {'with due':>10}")
    for figures in results:
        print(f"{figures.backend:<9} {figures.size:>12,}  {figures.none_due:>9.3f}s  {figures.due_count:>6,}  "
              f"{figures.due:>9.3f}s")
    print(f"(median of {args.runs} runs; target: 100,000 open tickets with none due <= 0.2 s on SQLite)")
    if args.json:
        out: dict[str, float] = {}
        for figures in results:
            key = f"{figures.backend}_{_label(figures.size)}"
            out[f"{key}_none_due_s"] = round(figures.none_due, 4)
            out[f"{key}_{figures.due_count}_due_s"] = round(figures.due, 4)
        print(json.dumps({"bench": "sweep", "figures": out, "targets": TARGETS}))


if __name__ == "__main__":
    main()
