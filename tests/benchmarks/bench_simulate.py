"""Benchmark: `escalator simulate` over real HTTP against the sandboxes seeded with a generated month of history.

    .venv/bin/python tests/benchmarks/bench_simulate.py [--tickets 10000] [--platform zendesk|freshdesk|both]

Prints, per platform, the tickets replayed a second and the time for all of them: the export, the requesters, each
ticket's audits (Zendesk) or conversations and stats (Freshdesk), and the replay of each ticket at every change and
threshold. The sandbox runs in a process of its own (`python -m adapters.sandbox --history 30d --tickets N`), as a
remote helpdesk would: the figures are the simulate process's, on one core (it runs one thread).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from plugin.config import EscalatorConfig, load_config
from plugin.ports import HelpdeskAdapter

WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TIERS = [("Frontline", "2h"), ("Technical", "4h"), ("Engineering", "8h"), ("Management", "0")]


def _config(platform: str, section: dict[str, Any], groups: list[Any]) -> EscalatorConfig:
    return load_config(data={
        platform: section,
        "tiers": [{"name": n, "groups": {platform: str(groups[i])}, "response_target": t}
                  for i, (n, t) in enumerate(TIERS)],
        "schedules": {"default": {"hours": {day: ["00:00-24:00"] for day in WEEK}}},
        "notifications": {"respect_business_hours": False}})


@contextmanager
def world(platform: str, tickets: int) -> Iterator[tuple[HelpdeskAdapter, EscalatorConfig]]:
    """The platform's sandbox in a process of its own, seeded with `tickets` generated tickets over 30 days."""
    module = "adapters.sandbox" if platform == "zendesk" else "adapters.sandbox.freshdesk"
    process = subprocess.Popen([sys.executable, "-m", module, "--port", "0", "--history", "30d", "--tickets",
                                str(tickets)], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        seeded = process.stdout.readline()
        address = process.stdout.readline()
        groups = re.search(r"tier groups ([\d, ]+)", seeded)
        url = re.search(r"(http://127\.0\.0\.1:\d+)", address)
        assert groups and url, (seeded, address)
        ids = [g.strip() for g in groups.group(1).split(",")]
        if platform == "zendesk":
            from adapters.sandbox.server import DEFAULT_EMAIL, DEFAULT_TOKEN
            from adapters.zendesk import ZendeskAdapter

            config = _config(platform, {"subdomain": "sandbox", "email": DEFAULT_EMAIL, "api_token": DEFAULT_TOKEN,
                                        "base_url": url.group(1)}, ids)
            yield ZendeskAdapter(config.zendesk), config
        else:
            from adapters.freshdesk import FreshdeskAdapter
            from adapters.sandbox.freshdesk.server import DEFAULT_AGENT_EMAIL, DEFAULT_API_KEY

            config = _config(platform, {"domain": "sandbox", "base_url": url.group(1), "api_key": DEFAULT_API_KEY,
                                        "agent_email": DEFAULT_AGENT_EMAIL}, ids)
            yield FreshdeskAdapter(config.freshdesk), config
    finally:
        process.terminate()
        process.wait(10)


def main() -> None:
    from plugin.service.simulate import simulate

    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--platform", choices=["zendesk", "freshdesk", "both"], default="both")
    parser.add_argument("--readers", type=int, default=None, help="timelines read at once (default: simulate's)")
    args = parser.parse_args()
    for platform in (["zendesk", "freshdesk"] if args.platform == "both" else [args.platform]):
        with world(platform, args.tickets) as (adapter, config):
            until = datetime.now(UTC).replace(microsecond=0)
            began, cpu = time.perf_counter(), time.process_time()
            options = {} if args.readers is None else {"readers": args.readers}
            report = simulate(adapter, config, until - timedelta(days=30), until, **options)
            elapsed, used = time.perf_counter() - began, time.process_time() - cpu
        totals = report.totals
        print(f"{platform}: {totals.tickets:,} tickets, {totals.decisions:,} decisions in {elapsed:.1f} s: "
              f"{totals.tickets / elapsed:,.0f} tickets/s; {totals.tickets / used:,.0f} tickets per CPU second of "
              f"the simulate process (the sandbox runs in its own); for 10,000 tickets: "
              f"{10_000 * elapsed / max(totals.tickets, 1):.1f} s (readers: {args.readers or 'default'})",
              flush=True)


if __name__ == "__main__":
    main()
