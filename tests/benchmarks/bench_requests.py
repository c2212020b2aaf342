"""Benchmark: the helpdesk API requests each decision costs, per platform, counted by the sandbox.

    .venv/bin/python tests/benchmarks/bench_requests.py [--platform zendesk|freshdesk|both] [--rounds 3]
                                                        [--escalations 5] [--no-demo] [--json]

A helpdesk's rate limit is shared by every integration on the account, so what bounds the escalator's throughput
is not its own speed but the requests each decision spends. Through the real service (sandbox over HTTP, the
webhooks it sends, a huey consumer), a warm-up ticket caches the customer; then each round plays a mix like the
demo's: a calm question, a legal threat, a VIP customer's outage, an agent's manual escalation by tag and an agent
solving a ticket, each until every event (our own writes coming back included) is processed. Prints, per platform:
decisions, read and write requests (Freshdesk: credits), requests per decision and per escalation, and what the
writes alone cost a decision (the floor no saved read goes below). Then the figures issue 15 sets targets on: the
requests a decision over the demo's own mix (`escalator demo`, read from its last line; --no-demo skips it), and
Freshdesk's credits for one escalation at a time with the customer cached (bench_freshdesk_credits.py).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_freshdesk_credits import measure as measure_credits
from harness import World, world

WRITES = ("POST", "PUT", "DELETE", "PATCH")
LEGAL = "If this is not fixed by Friday our lawyers will take legal action."
OUTAGE = "Our production is down, nobody can log in."


def decisions(live: World) -> float:
    return sum(sample.value for metric in live.services.metrics.decisions.collect() for sample in metric.samples
               if sample.name.endswith("_total"))


def play_round(live: World, index: int) -> int:
    """One round of the mix; returns the escalations it should cause."""
    calm = live.customer_ticket(subject=f"How do I export invoices? ({index})",
                                description="Where can I find the export button?")
    legal = live.customer_ticket(subject=f"Invoices wrong ({index})", description=LEGAL)
    outage = live.customer_ticket(subject=f"Everything is down ({index})", description=OUTAGE, priority="normal")
    live.settle()
    live.agent_adds_tags(calm, ["escalate_tier_2"])
    live.settle()
    live.agent_solves(legal, "We corrected the invoices and refunded the difference.")
    live.settle()
    _ = outage
    return 3


def measure(platform: str, rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, world(platform, Path(tmp)) as live:
        live.customer_ticket(subject="Warm-up: the customer is read and cached", description="Hello")
        live.settle()
        sandbox: Any = live.sandbox
        start, decided = len(sandbox.recorded()), decisions(live)
        escalations = sum(play_round(live, index) for index in range(rounds))
        spent = sandbox.recorded()[start:]
        made = decisions(live) - decided
        writes = sum(1 for r in spent if r.method in WRITES)
        cost = sum(r.credits for r in spent) if platform == "freshdesk" else len(spent)  # Zendesk: a request each
        by_path: dict[str, int] = {}
        for r in spent:
            key = f"{r.method} {re.sub(r'/[0-9]+', '/{id}', r.path.split('?')[0])}"
            by_path[key] = by_path.get(key, 0) + 1
        return {"platform": platform, "decisions": int(made), "requests": len(spent), "writes": writes,
                "reads": len(spent) - writes, "cost": cost, "escalations": escalations,
                "per_decision": round(len(spent) / made, 2) if made else None,
                "cost_per_escalation": round(cost / escalations, 2), "by_path": by_path}


def demo_mix(platform: str) -> dict[str, Any]:
    """The figure over the demo's own mix (its eight scenes, timers and the live SLA included): `escalator demo`
    prints what its decisions cost each helpdesk; this runs it and reads that line."""
    done = subprocess.run([sys.executable, "-m", "webhooks.cli", "demo", "--platform", platform],
                          capture_output=True, text=True, timeout=600, check=True)
    label = {"zendesk": "Zendesk", "freshdesk": "Freshdesk"}[platform]
    found = re.search(rf"{label}: (\d+) write requests, \d+ \S+ webhooks, (\d+) (?:API requests|credits) over "
                      rf"(\d+) decisions", done.stdout)
    if found is None:
        raise SystemExit(f"the demo did not print its cost line:\n{done.stdout[-2000:]}")
    writes, cost, decided = (int(found[i]) for i in (1, 2, 3))
    return {"writes": writes, "cost": cost, "decisions": decided,
            "per_decision": round(cost / decided, 2), "writes_per_decision": round(writes / decided, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--platform", choices=("zendesk", "freshdesk", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-demo", dest="demo", action="store_false",
                        help="skip the figure over the demo's own mix (`escalator demo`, about 30 s a platform)")
    parser.add_argument("--escalations", type=int, default=5,
                        help="Freshdesk: escalations measured one at a time, the customer cached")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    args = parser.parse_args()
    platforms = ("zendesk", "freshdesk") if args.platform == "both" else (args.platform,)
    figures: dict[str, Any] = {}
    for platform in platforms:
        result = measure(platform, args.rounds)
        unit = "credits" if platform == "freshdesk" else "requests"
        print(f"{platform}: {result['decisions']} decisions, {result['reads']} reads + {result['writes']} writes; "
              f"{result['per_decision']} requests per decision; {result['cost_per_escalation']} {unit} per "
              f"escalation (the whole mix over its {result['escalations']} escalations)")
        for key, count in sorted(result["by_path"].items(), key=lambda item: -item[1]):
            print(f"    {count:4} {key}")
        print(f"    writes alone: {result['writes'] / result['decisions']:.2f} per decision (the floor with no read)")
        if args.demo:
            demo = demo_mix(platform)
            print(f"  over the demo's mix: {demo['cost']} {unit} over {demo['decisions']} decisions, "
                  f"{demo['per_decision']} a decision ({demo['writes_per_decision']} of it writes)")
            figures[f"{platform}_demo_{unit}_per_decision"] = demo["per_decision"]
            figures[f"{platform}_demo_writes_per_decision"] = demo["writes_per_decision"]
        figures[f"{platform}_requests_per_decision"] = result["per_decision"]
        figures[f"{platform}_{unit}_per_escalation_over_the_mix"] = result["cost_per_escalation"]
        if platform == "freshdesk":
            credits, _ = measure_credits(args.escalations)
            figures["freshdesk_credits_per_escalation"] = statistics.median(credits)
            print(f"  one escalation at a time, the customer cached: credits median "
                  f"{statistics.median(credits):g}, max {max(credits)} (of {len(credits)})")
    if args.json:
        targets = {"zendesk_demo_requests_per_decision" if args.demo else "zendesk_requests_per_decision": "<= 1.5",
                   "freshdesk_credits_per_escalation": "<= 6"}
        print(json.dumps({"bench": "requests", "figures": figures,
                          "targets": {k: v for k, v in targets.items() if k in figures}}))


if __name__ == "__main__":
    main()
