"""Benchmark: how many escalations a second `escalator serve` carries out, and the CPU each costs.

    .venv/bin/python tests/benchmarks/bench_throughput.py [--backend sqlite|postgres+redis] [--tickets 200]
                                                          [--processes N] [--runs 3]

Against the fault suite's world (the local sandbox over HTTP, real alert receivers, the real `escalator serve`
process), files `--tickets` escalations at once (half legal threats, half VIP outages: each a note, a reply to the
customer and three or four alerts) and waits until every effect has landed. Prints, per run and as medians: the
escalations finished per second, the median time from filing to the last effect, and the CPU the service's processes
spent per escalation (serve and the worker processes it starts; the sandbox and receivers run in this process and
are counted apart). PostgreSQL and Redis must be running for postgres+redis.

What made recovery after a crash fast on PostgreSQL was this figure: with arrivals at 7 a second, a service that
finishes 7 a second never works off the backlog a restart leaves.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "faults"))

from effects import count
from scenarios import TEMPLATES, expected_for
from world import World, open_backend, wait_for

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User and system CPU of one process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def family_cpu(pid: int) -> float:
    """CPU of `pid` and of its living children (serve's worker processes)."""
    total = cpu_seconds(pid)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent == pid:
                total += cpu_seconds(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return total


def one_run(backend_name: str, tickets: int, processes: int | None) -> tuple[float, float, float]:
    """(escalations per second, median seconds from filing to the last effect, service CPU ms per escalation)."""
    queue = {"workers": 8, **({"processes": processes} if processes else {})}
    with tempfile.TemporaryDirectory() as tmp, open_backend(backend_name, Path(tmp)) as backend, \
            World(Path(tmp), backend, timeout=5, queue=queue) as world:
        world.start()
        warm = {world.customer_ticket(TEMPLATES["legal"])["id"]: expected_for("legal") for _ in range(4)}
        wait_for(lambda: all(c.landed() for c in count(warm, world.effects).values()), 60, "the warm-up")
        assert world.process is not None
        before = family_cpu(world.process.pid)
        expected, filed = {}, {}
        start = time.monotonic()
        for i in range(tickets):
            kind = "legal" if i % 2 == 0 else "vip_outage"
            ticket = world.customer_ticket(TEMPLATES[kind])
            expected[ticket["id"]], filed[ticket["id"]] = expected_for(kind), time.monotonic()
        wait_for(lambda: all(c.landed() for c in count(expected, world.effects).values()), 300,
                 "every escalation's effects", interval=0.25)
        took = time.monotonic() - start
        spent = family_cpu(world.process.pid) - before
        ends = [c.last_effect() for c in count(expected, world.effects).values()]
        latency = statistics.median(end - filed[t] for t, end in zip(expected, ends, strict=True) if end)
        return tickets / took, latency, spent / tickets * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgres+redis"])
    parser.add_argument("--tickets", type=int, default=200)
    parser.add_argument("--processes", type=int, default=None, help="queue.processes (default: auto)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = []
    for index in range(args.runs):
        rate, latency, cpu = one_run(args.backend, args.tickets, args.processes)
        results.append((rate, latency, cpu))
        print(f"run {index + 1}: {rate:5.1f} escalations/s, filing to last effect median {latency:5.1f} s, "
              f"service CPU {cpu:4.0f} ms per escalation", flush=True)
    rates, latencies, cpus = zip(*results, strict=True)
    print(f"{args.backend}, {args.tickets} escalations at once, processes {args.processes or 'auto'}: median "
          f"{statistics.median(rates):.1f} escalations/s, {statistics.median(latencies):.1f} s to the last effect, "
          f"{statistics.median(cpus):.0f} ms of service CPU each")


if __name__ == "__main__":
    main()
