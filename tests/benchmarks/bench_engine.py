"""Benchmark: how fast the pure core decides, and how fast business time is counted.

    .venv/bin/python tests/benchmarks/bench_engine.py [--json]

Prints medians: decisions per second on a mix of realistic tickets (calm, SLA at risk, legal threat, angry, VIP),
then what one decision costs for each kind of ticket (a calm one writes nothing; the others escalate and write a
note, a message and a reply: where the time goes), the file-system stat calls per decision (the core does no I/O:
it should be 0), and the cost of `elapsed` and `add` on an office-hours schedule with holidays over 1 day, 30 days
and 2 years. With --json the last line of stdout is
one JSON object: {"bench": "engine", "figures": {...}, "targets": {...}}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
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


def stat_calls(action: Callable[[], object]) -> int:
    """How many times `action` calls os.stat (and os.lstat): the file system read while deciding."""
    calls = 0
    real_stat, real_lstat = os.stat, os.lstat

    def counted(real: Callable[..., os.stat_result]) -> Callable[..., os.stat_result]:
        def stat(*args: object, **kwargs: object) -> os.stat_result:
            nonlocal calls
            calls += 1
            return real(*args, **kwargs)
        return stat

    os.stat, os.lstat = counted(real_stat), counted(real_lstat)
    try:
        action()
    finally:
        os.stat, os.lstat = real_stat, real_lstat
    return calls


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object, last line")
    args = parser.parse_args(argv)
    engine = Engine(make_config())
    kinds = {
        "calm": (make_ticket(), make_customer()),
        "sla_at_risk": (make_ticket(priority=Priority.HIGH), make_customer()),
        "legal_threat": (make_ticket(description="My lawyer will take legal action."), make_customer()),
        "angry": (make_ticket(comments=(customer_comment("Worst, most horrible support, I am furious!!!",
                                                         later(MONDAY_10, minutes=1)),)), make_customer()),
        "vip": (make_ticket(), make_customer(tags=frozenset({"vip"}))),
    }
    tickets = list(kinds.values())
    now = later(MONDAY_10, minutes=49)
    for ticket, customer in tickets:
        engine.decide(ticket, customer, TicketHistory(), now)  # warm the caches
    runs = []
    for _ in range(5):
        per = timed(lambda: [engine.decide(t, c, TicketHistory(), now) for t, c in tickets], 40) / len(tickets)
        runs.append(per)
    median = statistics.median(runs)
    by_kind = {kind: statistics.median(timed(lambda t=t, c=c: engine.decide(t, c, TicketHistory(), now), 40)
                                       for _ in range(5)) for kind, (t, c) in kinds.items()}
    rounds = 20
    stats = stat_calls(lambda: [engine.decide(t, c, TicketHistory(), now) for _ in range(rounds)
                                for t, c in tickets]) / (rounds * len(tickets))
    print(f"decide(): median {median * 1e3:.2f} ms per decision ({1 / median:,.0f} decisions/s on one core)")
    print("decide() by ticket: " + ", ".join(f"{kind} {per * 1e3:.2f} ms" for kind, per in by_kind.items()))
    print(f"decide(): {stats:.1f} stat calls per decision")

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
    if args.json:
        print(json.dumps({"bench": "engine",
                          "figures": {"decide_per_s": round(1 / median), "decide_ms_median": round(median * 1e3, 3),
                                      "stat_calls_per_decision": round(stats, 2),
                                      **{f"decide_ms_{k}": round(v * 1e3, 3) for k, v in by_kind.items()}},
                          "targets": {"decide_per_s": ">= 10000"}}))


if __name__ == "__main__":
    main()
