"""Benchmark: a burst of escalations against a helpdesk account limited to N requests a minute.

    .venv/bin/python tests/benchmarks/bench_burst.py [--platform zendesk|freshdesk] [--tickets 2000]
        [--per-minute 700] [--window 60] [--p0-every 20] [--backend sqlite|postgres+redis] [--json]

Through the real service against the sandbox (webhooks, a huey consumer, the adapters over HTTP), files `--tickets`
legal threats at once, every `--p0-every`th at urgent priority, on an account that allows `--per-minute` requests a
window (`--window` seconds; 60 is the platforms' own minute, a shorter one plays the same rate faster but with a
smaller burst allowance). Waits until every ticket has exactly one handoff note and every event is processed, then
prints: 429s received, the most the escalator spent in any window against its share, when the P0 tickets and the
routine ones finished (median and slowest, from the filing), the requests per escalation, and whether anything was
lost (dead letters, events not processed, tickets without their note).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from harness import World, world

from plugin.store import repository as repo

LEGAL = "Fix this today or my lawyer will take legal action."


def backend_urls(name: str) -> dict[str, Any]:
    if name == "sqlite":
        return {}
    return {"database_url": "postgresql+psycopg://postgres@127.0.0.1:5432/test", "queue_url": "redis://127.0.0.1:6379/0"}


def run(args: argparse.Namespace) -> dict[str, Any]:
    overrides: dict[str, Any] = {"api_budget": {"window": f"{args.window:g}s"},
                                 "queue": {"workers": 4, "retries": 8, "retry_delay": "1s"}}
    with tempfile.TemporaryDirectory() as tmp, world(args.platform, Path(tmp), **backend_urls(args.backend),
                                                      **overrides) as live:
        time.sleep(args.window - time.time() % args.window)  # the sandbox's windows start where ours do
        sandbox: Any = live.sandbox
        sandbox.limit_rate(args.per_minute, window=args.window)
        window_began = sandbox.rate_limit._window
        first = len(sandbox.recorded())
        filed: dict[int, float] = {}
        p0: set[int] = set()
        began = time.monotonic()
        for n in range(args.tickets):
            urgent = args.p0_every > 0 and n % args.p0_every == args.p0_every - 1
            ticket = live.customer_ticket(subject=f"Invoice export {n}", description=LEGAL,
                                          priority="urgent" if urgent else "normal")
            filed[ticket] = time.monotonic()
            if urgent:
                p0.add(ticket)
        print(f"filed {args.tickets} tickets in {time.monotonic() - began:.1f}s", flush=True)
        done: dict[int, float] = {}
        last_report = time.monotonic()
        while len(done) < len(filed):
            for ticket in filed:
                if ticket not in done and live.handoffs(ticket):
                    done[ticket] = time.monotonic()
            if time.monotonic() - last_report > 30:
                print(f"  {len(done)} of {len(filed)} escalated after {time.monotonic() - began:.0f}s", flush=True)
                last_report = time.monotonic()
            if time.monotonic() - began > args.timeout:
                break
            time.sleep(1)
        finished = time.monotonic() - began
        live.settle()
        return measure(live, args, filed, done, p0, first, window_began, finished)


def measure(live: World, args: argparse.Namespace, filed: dict[int, float], done: dict[int, float], p0: set[int],
            first: int, window_began: float, finished: float) -> dict[str, Any]:
    sandbox: Any = live.sandbox
    ours = sandbox.recorded()[first:]
    per_window: dict[int, int] = {}
    for record in ours:
        index = int((record.started - window_began) // args.window)
        per_window[index] = per_window.get(index, 0) + (record.credits or 1)
    share = int(args.per_minute * (1 - live.config.api_budget.leave_to_others))
    latency = {t: done[t] - filed[t] for t in done}
    routine = [latency[t] for t in latency if t not in p0]
    urgent = [latency[t] for t in latency if t in p0]
    notes = {t: live.handoffs(t) for t in filed}
    refs = {t: [re.findall(r"escalator-ref:[^\]\s]+", n.text) for n in found] for t, found in notes.items()}
    # the same decision's note written twice (a lost or repeated write) against a later decision of its own (a
    # P0 whose SLA clock warned while the burst was still being worked off)
    twice = [t for t, found in refs.items() if len({tuple(r) for r in found}) < len(found)]
    later = [t for t, found in notes.items() if len(found) > 1 and t not in twice]
    with live.services.store.session() as session:
        dead, unprocessed = len(repo.list_dead_letters(session)), len(repo.unprocessed_events(session))
    return {
        "platform": args.platform, "tickets": args.tickets, "per_minute": args.per_minute, "window_s": args.window,
        "escalated": len(done), "twice": len(twice), "later_escalations": len(later),
        "later_escalations_p0": len([t for t in later if t in p0]), "dead_letters": dead, "unprocessed": unprocessed,
        "429s": sandbox.count(status=429), "requests": len(ours),
        "requests_per_escalation": round(len(ours) / max(len(done), 1), 2),
        "most_in_a_window": max(per_window.values(), default=0), "share_per_window": share,
        "p0_median_s": round(statistics.median(urgent), 1) if urgent else None,
        "p0_slowest_s": round(max(urgent), 1) if urgent else None,
        "routine_median_s": round(statistics.median(routine), 1) if routine else None,
        "routine_slowest_s": round(max(routine), 1) if routine else None,
        "all_done_s": round(finished, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--platform", choices=("zendesk", "freshdesk"), default="zendesk")
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--per-minute", type=int, default=700)
    parser.add_argument("--window", type=float, default=60.0)
    parser.add_argument("--p0-every", type=int, default=20)
    parser.add_argument("--backend", choices=("sqlite", "postgres+redis"), default="sqlite")
    parser.add_argument("--timeout", type=float, default=3 * 3600)
    parser.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    args = parser.parse_args()
    result = run(args)
    print(f"{result['platform']}: {result['escalated']} of {result['tickets']} escalated in {result['all_done_s']}s "
          f"against {result['per_minute']} requests a {result['window_s']:g}s window")
    print(f"  429s received: {result['429s']}; most spent in one window: {result['most_in_a_window']} "
          f"(our share {result['share_per_window']})")
    print(f"  P0 tickets: median {result['p0_median_s']}s, slowest {result['p0_slowest_s']}s from filing; routine: "
          f"median {result['routine_median_s']}s, slowest {result['routine_slowest_s']}s")
    print(f"  {result['requests']} requests, {result['requests_per_escalation']} per escalation; lost: "
          f"{result['dead_letters']} dead letters, {result['unprocessed']} events not processed, "
          f"{result['tickets'] - result['escalated']} tickets without their note; {result['twice']} with one "
          f"decision's note twice; {result['later_escalations']} escalated again later by a decision of their own "
          f"({result['later_escalations_p0']} of them P0)")
    if args.json:
        print(json.dumps({"bench": "burst", "figures": result,
                          "targets": {"429s": "== 0", "most_in_a_window": f"<= {result['share_per_window']}",
                                      "escalated": f"== {result['tickets']}", "twice": "== 0"}}))


if __name__ == "__main__":
    main()
