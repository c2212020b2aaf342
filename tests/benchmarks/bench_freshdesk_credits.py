"""Benchmark: what an escalation costs of a Freshdesk account's API budget, counted by the Freshdesk sandbox.

    .venv/bin/python tests/benchmarks/bench_freshdesk_credits.py [--tickets 10]

Freshdesk's per-minute budget is in credits (a request costs 1, and 1 more for each `include`), shared by every
integration on the account (Growth: 200 a minute). Through the real service (the Freshdesk sandbox running the
automation rules `escalator install freshdesk` writes, webhooks, a huey consumer, the adapter over HTTP), a warm-up
escalation caches the customer, then `--tickets` legal threats by that customer are escalated one after the other,
each until every event (our own writes coming back included) is processed. Prints, per escalation: the credits
spent, the write requests, and the requests themselves for the first one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from harness import FreshdeskRunning, running_freshdesk

WRITES = ("POST", "PUT", "DELETE")
THREAT = "If this is not fixed today my lawyer will contact you."


def escalate(live: FreshdeskRunning, subject: str) -> None:
    raw = live.sandbox.state.create_ticket({"requester_id": live.ids["customer"], "subject": subject,
                                            "description": THREAT, "priority": 2, "source": 1})
    live.wait(lambda: len(live.ours(raw["id"])) >= 2, 30, "the note and the reply")
    for _ in range(2):  # our own writes come back as webhooks: what they cost counts too
        live.sandbox.flush_webhooks(10)
        live.wait(live.settled, 30, "every event processed")


def measure(tickets: int, *, show_first: bool = False) -> tuple[list[int], list[int]]:
    """(credits, write requests) of each of `tickets` escalations, the customer cached by a warm-up."""
    credits, writes = [], []
    with tempfile.TemporaryDirectory() as tmp, running_freshdesk(Path(tmp)) as live:
        escalate(live, "Warm-up: the customer is read and cached")
        for index in range(tickets):
            start = len(live.sandbox.recorded())
            escalate(live, f"Cannot export invoices ({index})")
            spent = live.sandbox.recorded()[start:]
            credits.append(sum(r.credits for r in spent))
            writes.append(sum(1 for r in spent if r.method in WRITES))
            if index == 0 and show_first:
                for r in spent:
                    print(f"  {r.method:4} {r.path}{'?' + r.query if r.query else ''} -> {r.status}, "
                          f"{r.credits} credit(s)")
    return credits, writes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=10)
    args = parser.parse_args()
    credits, writes = measure(args.tickets, show_first=True)
    print(f"{args.tickets} escalations (customer cached, acknowledgment included): credits median "
          f"{statistics.median(credits):g}, max {max(credits)}; write requests median {statistics.median(writes):g}, "
          f"max {max(writes)}")


if __name__ == "__main__":
    main()
