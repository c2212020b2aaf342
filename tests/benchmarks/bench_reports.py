"""Benchmark: the weekly report and the 30-day averages over 1,000,000 stored tickets.

Prints the time to build each report (median of 3 runs) and the peak memory of the process while reporting
(tracemalloc's peak of Python allocations, and the process's maximum resident set). Aggregation happens in SQL, so
the report's memory does not grow with the number of tickets. The SQLite file it fills (about 400 MB for a million
tickets) is deleted at the end unless --keep is given; a --url database is left as it is.

    .venv/bin/python tests/benchmarks/bench_reports.py [--tickets 1000000] [--url sqlite:///path.db] [--keep]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from plugin.config import load_config
from plugin.reports.weekly import resolution_averages, weekly_report
from plugin.store import Store
from plugin.store.models import EscalationRow, SatisfactionRow, TicketRow

RULES = ["sla_breach", "legal_threat", "repeat_contact", "auto_escalate_sla", "critical_incident", "vip_fast_track"]


def fill(store: Store, count: int, seed: int = 1) -> float:
    rng = random.Random(seed)
    start = datetime(2026, 9, 1, tzinfo=UTC)
    span = 90 * 86400
    began = time.perf_counter()
    chunk = 50_000
    for offset in range(0, count, chunk):
        tickets, escalations, ratings = [], [], []
        for number in range(offset, min(offset + chunk, count)):
            created = start + timedelta(seconds=rng.randrange(span))
            tier = rng.choices((1, 2, 3, 4), (60, 25, 10, 5))[0]
            escalated_at = created + timedelta(seconds=rng.randrange(60, 3 * 86400)) if tier > 1 else None
            solved = (escalated_at or created) + timedelta(seconds=rng.randrange(600, 5 * 86400)) \
                if rng.random() < 0.75 else None
            tickets.append({
                "platform": "zendesk", "ticket_id": str(number), "subject": "",
                "status": "solved" if solved else "open",
                "workflow_state": "resolved", "priority": rng.randint(1, 4), "initial_priority": 2, "tier": tier,
                "created_at": created, "platform_updated_at": created, "first_seen_at": created,
                "escalated": tier > 1, "first_escalated_at": escalated_at, "solved_at": solved,
                "agent_public_replies": rng.randint(0, 4), "reopened": 0, "contact_count": 1,
                "first_response_breached": rng.random() < 0.2 if solved else None,
                "resolution_breached": rng.random() < 0.1 if solved else None,
                "resolution_calendar_seconds": (solved - created).total_seconds() if solved else None,
                "resolution_business_seconds": (solved - created).total_seconds() * 0.4 if solved else None,
                "escalation_seconds": (escalated_at - created).total_seconds() if escalated_at else None,
                "after_escalation_seconds": (solved - escalated_at).total_seconds() if solved and escalated_at
                else None, "tags": [], "fired": [], "clocks": [], "timer_version": 0,
            })
            if escalated_at is not None:
                escalations.append({"platform": "zendesk", "ticket_id": str(number), "at": escalated_at,
                                    "from_tier": 1, "to_tier": tier, "rule": rng.choice(RULES), "reason": "",
                                    "figures": {}, "actor": "rule", "note": ""})
            if solved is not None and rng.random() < 0.3:
                ratings.append({"platform": "zendesk", "ticket_id": str(number), "score": "good",
                                "positive": rng.random() < 0.8, "created_at": solved + timedelta(hours=2)})
        with store.engine.begin() as connection:
            connection.execute(insert(TicketRow), tickets)
            if escalations:
                connection.execute(insert(EscalationRow), escalations)
            if ratings:
                connection.execute(insert(SatisfactionRow), ratings)
    return time.perf_counter() - began


def measure(label: str, build: object, runs: int = 3) -> None:
    times = []
    peak = 0
    for _ in range(runs):
        tracemalloc.start()
        began = time.perf_counter()
        build()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    print(f"{label}: median {statistics.median(times):.2f}s over {runs} runs (min {min(times):.2f}s); "
          f"peak Python allocations {peak / 2**20:.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--url", default=None)
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite file (its path is printed)")
    args = parser.parse_args()
    folder = None if args.url else tempfile.mkdtemp(prefix="escalator-bench-")
    try:
        run(args.url or f"sqlite:///{Path(str(folder)) / 'bench.db'}", args.tickets)
    finally:
        if folder is not None and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def run(url: str, tickets: int) -> None:
    store = Store(url)
    try:
        store.upgrade()
        config = load_config(data={"organization": {"timezone": "Europe/Paris"}})
        print(f"filling {tickets:,} tickets into {url.split('@')[-1]} ...")
        print(f"filled in {fill(store, tickets):.1f}s")
        with store.session() as session:
            measure("weekly report 2026-W42", lambda: weekly_report(session, config, "2026-W42"))
            measure("30-day resolution averages",
                    lambda: resolution_averages(session, datetime(2026, 11, 15, tzinfo=UTC)))
            report = weekly_report(session, config, "2026-W42")
        print(f"  week figures: created {report.figures.created:,}, escalated {report.figures.escalated:,}, "
              f"resolved {report.figures.resolved:,}")
        print(f"process peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    finally:
        store.dispose()


if __name__ == "__main__":
    main()
