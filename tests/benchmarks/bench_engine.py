"""Benchmark: how fast the pure core decides, and how fast business time is counted.

    .venv/bin/python tests/benchmarks/bench_engine.py

Prints medians: decisions per second on a mix of realistic tickets (calm, SLA at risk, legal threat, angry, VIP),
and the cost of `elapsed` and `add` on an office-hours schedule with holidays over 1 day, 30 days and 2 years.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from engine_kit import MONDAY_10, customer_comment, later, make_config, make_customer, make_ticket

from plugin.calendar import schedule_from_config
from plugin.config import load_config
from plugin.domain import Priority, TicketHistory
from plugin.engine import Engine


def timed(action: object, repeat: int) -> float:
    began = time.perf_counter()
    for _ in range(repeat):
        action()  # type: ignore[operator]
    return (time.perf_counter() - began) / repeat


def main() -> None:
    engine = Engine(make_config())
    tickets = [
        (make_ticket(), make_customer()),
        (make_ticket(priority=Priority.HIGH), make_customer()),
        (make_ticket(description="My lawyer will take legal action."), make_customer()),
        (make_ticket(comments=(customer_comment("Worst, most horrible support, I am furious!!!",
                                                later(MONDAY_10, minutes=1)),)), make_customer()),
        (make_ticket(), make_customer(tags=frozenset({"vip"}))),
    ]
    now = later(MONDAY_10, minutes=49)
    for ticket, customer in tickets:
        engine.decide(ticket, customer, TicketHistory(), now)  # warm the caches
    runs = []
    for _ in range(5):
        per = timed(lambda: [engine.decide(t, c, TicketHistory(), now) for t, c in tickets], 40) / len(tickets)
        runs.append(per)
    median = statistics.median(runs)
    print(f"decide(): median {median * 1e3:.2f} ms per decision ({1 / median:,.0f} decisions/s on one core)")

    config = load_config(data={"schedules": {"default": {
        "timezone": "America/New_York", "hours": {d: ["09:00-12:00", "13:00-17:00"] for d in
                                                  ("mon", "tue", "wed", "thu", "fri")},
        "holidays": {"country": "US", "subdivision": "NY"}}}})
    calendar = schedule_from_config(config, "default")
    start = datetime(2025, 1, 6, 15, tzinfo=UTC)
    for label, span in (("1 day", timedelta(days=1)), ("30 days", timedelta(days=30)),
                        ("2 years", timedelta(days=730))):
        elapsed = statistics.median(timed(lambda s=span: calendar.elapsed(start, start + s), 50) for _ in range(5))
        added = calendar.elapsed(start, start + span)
        add = statistics.median(timed(lambda a=added: calendar.add(start, a), 50) for _ in range(5))
        print(f"calendar over {label}: elapsed median {elapsed * 1e6:,.0f} us, add median {add * 1e6:,.0f} us")


if __name__ == "__main__":
    main()
