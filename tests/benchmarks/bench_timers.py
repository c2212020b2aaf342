"""Benchmark: how late threshold timers fire through the real service (sandbox, webhooks, huey consumer).

    .venv/bin/python tests/benchmarks/bench_timers.py [--tickets 20]

Opens tickets whose 80 % SLA point is a few seconds ahead and prints the lag between that point and the decision that
acted on it: median, 90th percentile and maximum. The huey scheduler looks for due timers every second, so about a
second of lag is expected, against up to an hour for the helpdesks' own automations.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from harness import running

from plugin.store import repository as repo

TOPICS = ["Invoices", "Passwords", "Webhooks", "Calendars", "Refunds", "Invitations", "Domains", "Quotas",
          "Printers", "Languages", "Exports", "Imports", "Dashboards", "Mobile", "Permissions", "Backups", "Billing",
          "Reports", "Notifications", "Integrations"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=20)
    args = parser.parse_args()
    overrides = {"sla": {"matrix": {"high": {"first_response": "60s", "resolution": "1h", "business_hours": False}}}}
    with tempfile.TemporaryDirectory() as folder, running(Path(folder), **overrides) as live:
        due: dict[int, datetime] = {}
        for number in range(args.tickets):
            ahead = 3 + (number % 5)  # the 80 % point (48 s) comes 3 to 7 seconds from now
            opened = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=48 - ahead)
            # Distinct issues: tickets about the same one would escalate at once as repeat contacts.
            ticket = live.customer_ticket(priority="high", subject=TOPICS[number % len(TOPICS)] + f" ({number})",
                                          created_at=opened)
            due[ticket["id"]] = opened + timedelta(seconds=48)
        live.wait(lambda: all("tier_2" in live.state.ticket(t)["tags"] for t in due), 60, "every escalation")
        lags = []
        with live.services.store.session() as session:
            for ticket_id, moment in due.items():
                [entry] = repo.load_history(session, "zendesk", str(ticket_id)).escalations
                lags.append((entry.at - moment).total_seconds())
    lags.sort()
    print(f"timer lag over {len(lags)} tickets: median {statistics.median(lags):.2f}s, "
          f"p90 {lags[int(len(lags) * 0.9) - 1]:.2f}s, max {lags[-1]:.2f}s")


if __name__ == "__main__":
    main()
