"""Benchmark: the memory `escalator serve` holds when idle, and a worker's memory over 10,000 decisions.

    .venv/bin/python tests/benchmarks/bench_memory.py [--backend sqlite|postgres+redis|both] [--idle 10]
                                                      [--decisions 10000] [--window 100] [--trace] [--json]

1. Idle serve: the fault suite's world (tests/faults/world.py: the local Zendesk sandbox over HTTP, seeded, its
   webhooks subscribed; alert receivers), `escalator serve` started as a process of its own from an escalator.yaml
   on the backend asked for (SQLite files in a temporary folder by default), /healthz answered, then `--idle`
   seconds with nothing to do. Prints VmRSS (/proc/<pid>/status) of serve and of every process it started (its
   worker processes, on PostgreSQL + Redis) and their total. The sandbox and the receivers live in this process and
   are not counted.
2. A worker over `--decisions` decisions, in this process: the service wired as every entry point wires it
   (`webhooks.bootstrap.bootstrap`: a SQLite store and a SQLite queue in a temporary folder, the real engine,
   budget, notifier and lease keeper) on the in-memory helpdesk (adapters/memory.py, platform "memory"). Tickets come
   `--window` at a time, each decided 10 times: each time the customer (or, one time in three, an agent) adds a
   comment, the event goes into the inbox (`add_event`, as intake does) and `Services.process` decides it, as a
   worker's task does. When a window's tickets have had their 10 decisions they leave the in-memory helpdesk (the
   fake helpdesk's memory is not the worker's), and new tickets from new customers come in: what the worker keeps
   per ticket or per customer shows as growth. VmRSS is sampled every 1,000 decisions; the figure is the growth
   from the 2,000th decision (after the warm-up) to the last, and beside it (no target) the growth over the run's
   second half, when the bounded caches (the last 4,096 texts read and their sentences) have filled: a leak grows
   there too. When the first exceeds 5 % (or with `--trace`) the run is done again under tracemalloc and the five
   sites that grew most between the same two points are printed.

With --json the last line of stdout is one JSON object: {"bench": "memory", "figures": {...}, "targets": {...}}.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "faults"))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT))

PLATFORM = "memory"
DECISIONS_PER_TICKET = 10
SAMPLE_EVERY = 1000
WARM_UP = 2000
TARGET_IDLE_MB = 120.0
TARGET_GROWTH_PCT = 5.0

# What customers and agents write, in turn: calm, impatient, a legal threat, French anger, an outage, a thank-you.
CUSTOMER_TEXTS = (
    "Hello, could you tell me when my order will ship? Thanks.",
    "This is the third time I am writing about this. Nobody answers and I am running out of patience.",
    "You charged us twice. If this is not refunded today my lawyer will take legal action.",
    "C'est inadmissible, personne ne répond depuis trois jours et notre équipe est bloquée.",
    "Our whole production site is down since this morning, every customer sees an error page.",
    "Thanks, that fixed it for now, but please confirm the refund in writing.",
)
AGENT_TEXT = "Thanks for your patience, we are looking into it and will update you shortly."


def rss_mb(pid: int | str = "self") -> float:
    """Resident set size of a process in MB (VmRSS from /proc/<pid>/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def descendants(pid: int) -> list[int]:
    """Every living process started by `pid`, its children's children included (from /proc's parent ids)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        parents.setdefault(parent, []).append(int(stat.parent.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        children = sorted(parents.get(todo.pop(), []))
        found += children
        todo += children
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return "?"


# -- 1. idle serve


@dataclass
class IdleServe:
    backend: str
    serve_mb: float
    children: list[tuple[int, str, float]]

    @property
    def total_mb(self) -> float:
        return self.serve_mb + sum(mb for _, _, mb in self.children)


def idle_serve(backend_name: str, idle: float) -> IdleServe:
    """Start `escalator serve` against the sandbox, wait for /healthz and `idle` seconds, read the processes' RSS."""
    from world import World, open_backend

    with tempfile.TemporaryDirectory(prefix="bench-memory-serve-") as tmp, \
            open_backend(backend_name, Path(tmp)) as backend, World(Path(tmp), backend) as world:
        world.start()
        assert world.process is not None
        time.sleep(idle)
        if world.process.poll() is not None:
            raise RuntimeError(f"escalator serve exited with {world.process.returncode}\n{world.logs()}")
        pid = world.process.pid
        serve = rss_mb(pid)
        children = []
        for child in descendants(pid):
            try:
                children.append((child, command_line(child), rss_mb(child)))
            except (OSError, RuntimeError):
                continue  # ended meanwhile
        return IdleServe(backend_name, serve, children)


# -- 2. a worker over many decisions


class Clock:
    """The wall clock, never behind the last moment it gave (comments and events must move forward)."""

    def __init__(self) -> None:
        self.last = datetime.now(UTC)

    def __call__(self) -> datetime:
        self.last = max(datetime.now(UTC), self.last + timedelta(microseconds=1))
        return self.last


def worker_config(folder: Path) -> Any:
    from plugin.config import load_config

    return load_config(data={
        "tiers": [{"name": name, "groups": {PLATFORM: str(100 * (i + 1))}, "response_target": target}
                  for i, (name, target) in enumerate([("Frontline", "2h"), ("Technical", "4h"),
                                                     ("Engineering", "8h"), ("Management", "0")])],
        "schedules": {"default": {"hours": {d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat",
                                                                        "sun")}}},
        "database": {"url": f"sqlite:///{folder / 'escalator.db'}"},
        "queue": {"url": f"sqlite:///{folder / 'queue.db'}"},
        "notifications": {"respect_business_hours": False},
    })


@dataclass
class WorkerRun:
    samples: list[tuple[int, float]] = field(default_factory=list)  # (decisions so far, RSS MB)
    outcomes: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    top: list[str] = field(default_factory=list)  # tracemalloc's sites that grew most, when traced

    def at(self, decisions: int) -> float:
        return dict(self.samples)[decisions]

    @property
    def growth_mb(self) -> float:
        return self.samples[-1][1] - self.at(WARM_UP)

    @property
    def growth_pct(self) -> float:
        return 100 * self.growth_mb / self.at(WARM_UP)

    @property
    def second_half_mb(self) -> float:
        """Growth over the run's second half: bounded caches have filled by then, a leak still grows."""
        middle = self.samples[-1][0] // 2 // SAMPLE_EVERY * SAMPLE_EVERY
        return self.samples[-1][1] - self.at(middle)


def run_worker(decisions: int, window: int, *, trace: bool = False,
               progress: Callable[[int, float], None] | None = None) -> WorkerRun:
    """Decide `decisions` times through the wired service; RSS every SAMPLE_EVERY decisions."""
    from adapters.memory import MemoryHelpdesk
    from plugin.domain import Comment, Customer, EventKind, Priority, Status, Ticket, TicketEvent
    from webhooks.bootstrap import bootstrap

    run = WorkerRun()
    clock = Clock()
    with tempfile.TemporaryDirectory(prefix="bench-memory-worker-") as tmp:
        helpdesk = MemoryHelpdesk(clock=clock)
        services = bootstrap(worker_config(Path(tmp)), adapters={PLATFORM: helpdesk}, clock=clock)
        first: tracemalloc.Snapshot | None = None
        done = 0
        next_ticket = 1
        start = time.perf_counter()
        try:
            while done < decisions:
                ids = [str(n) for n in range(next_ticket, next_ticket + window)]
                next_ticket += window
                for ticket_id in ids:
                    customer = f"c{ticket_id}"
                    helpdesk.customers[customer] = Customer(id=customer, name=f"Customer {ticket_id}",
                                                            email=f"customer{ticket_id}@example.com")
                    at = clock() - timedelta(minutes=5)
                    helpdesk.add(Ticket(platform=PLATFORM, id=ticket_id, subject=f"Order {ticket_id} problem",
                                        status=Status.NEW, created_at=at, updated_at=at, priority=Priority.MEDIUM,
                                        requester_id=customer, description="My order has not arrived.",
                                        group_id="100"))
                for round_ in range(DECISIONS_PER_TICKET):
                    for ticket_id in ids:
                        if done >= decisions:
                            break
                        now = clock()
                        ticket = helpdesk.tickets[ticket_id]
                        by_agent = round_ % 3 == 2
                        number = int(ticket_id) + round_
                        comment = Comment(id=f"{ticket_id}-{round_}", public=True, created_at=now,
                                          body=AGENT_TEXT if by_agent else CUSTOMER_TEXTS[number % len(CUSTOMER_TEXTS)],
                                          author_id="agent-1" if by_agent else ticket.requester_id, by_agent=by_agent)
                        helpdesk.agent_edit(ticket_id, comments=(*ticket.comments, comment), status=Status.OPEN)
                        services.tickets.add_event(TicketEvent(
                            platform=PLATFORM, delivery_id=f"d-{ticket_id}-{round_}", ticket_id=ticket_id,
                            kind=EventKind.COMMENT_ADDED, occurred_at=now, status=Status.OPEN,
                            ticket_updated_at=now), now)
                        outcome = services.process(PLATFORM, ticket_id)
                        run.outcomes[outcome.status] += 1
                        done += 1
                        if done % SAMPLE_EVERY == 0:
                            gc.collect()
                            rss = rss_mb()
                            run.samples.append((done, rss))
                            if progress is not None:
                                progress(done, rss)
                            if trace and done == WARM_UP:
                                first = tracemalloc.take_snapshot()
                for ticket_id in ids:  # the fake helpdesk forgets them; the worker should too
                    helpdesk.tickets.pop(ticket_id, None)
                    helpdesk.customers.pop(f"c{ticket_id}", None)
                helpdesk.calls.clear()
                helpdesk.tasks.clear()
            run.seconds = time.perf_counter() - start
            if trace and first is not None:
                last = tracemalloc.take_snapshot()
                keep = [tracemalloc.Filter(False, tracemalloc.__file__)]
                stats = last.filter_traces(keep).compare_to(first.filter_traces(keep), "lineno")
                run.top = [str(stat) for stat in stats[:5]]
        finally:
            services.close()
    return run


def traced_worker(decisions: int, window: int) -> WorkerRun:
    tracemalloc.start(1)  # the sites are compared by line: one frame is enough, and the slowest part of the run
    try:
        return run_worker(decisions, window, trace=True,
                          progress=lambda n, mb: print(f"      {n:>6,} decisions (traced)", flush=True))
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=("sqlite", "postgres+redis", "both"), default="sqlite",
                        help="the backend of the idle serve (the worker run is on SQLite)")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds serve stays idle before the reading")
    parser.add_argument("--decisions", type=int, default=10_000)
    parser.add_argument("--window", type=int, default=100, help="tickets in the helpdesk at once")
    parser.add_argument("--trace", action="store_true", help="always do the tracemalloc run")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-worker", action="store_true")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    args = parser.parse_args()
    if args.decisions < WARM_UP + SAMPLE_EVERY or args.decisions % SAMPLE_EVERY:
        parser.error(f"--decisions must be a multiple of {SAMPLE_EVERY} above {WARM_UP}")

    figures: dict[str, Any] = {}
    targets: dict[str, str] = {}
    if not args.skip_serve:
        for backend in ("sqlite", "postgres+redis") if args.backend == "both" else (args.backend,):
            idle = idle_serve(backend, args.idle)
            print(f"idle escalator serve ({backend}, {args.idle:g} s after /healthz): serve {idle.serve_mb:.1f} MB RSS")
            for pid, command, mb in idle.children:
                print(f"    child {pid} {mb:6.1f} MB  {command[:100]}")
            print(f"    total {idle.total_mb:.1f} MB over {1 + len(idle.children)} process(es) "
                  f"(target: serve <= {TARGET_IDLE_MB:g} MB)", flush=True)
            suffix = "" if backend == "sqlite" else "_postgres"
            figures[f"serve_idle_rss_mb{suffix}"] = round(idle.serve_mb, 1)
            figures[f"serve_idle_total_rss_mb{suffix}"] = round(idle.total_mb, 1)
            figures[f"serve_idle_processes{suffix}"] = 1 + len(idle.children)
            targets[f"serve_idle_rss_mb{suffix}"] = f"<= {TARGET_IDLE_MB:g}"

    if not args.skip_worker:
        print(f"worker: {args.decisions:,} decisions, {args.window} tickets at a time, "
              f"{DECISIONS_PER_TICKET} decisions each (RSS every {SAMPLE_EVERY:,})", flush=True)
        run = run_worker(args.decisions, args.window,
                         progress=lambda n, mb: print(f"    {n:>6,} decisions  {mb:7.1f} MB", flush=True))
        print(f"    outcomes: {dict(run.outcomes.most_common())}; {args.decisions / run.seconds:.0f} decisions/s")
        print(f"    growth from decision {WARM_UP:,} to {args.decisions:,}: {run.growth_mb:+.1f} MB "
              f"({run.growth_pct:+.1f} %; target: flat, <= {TARGET_GROWTH_PCT:g} %); over the second half "
              f"{run.second_half_mb:+.1f} MB", flush=True)
        if args.trace or run.growth_pct > TARGET_GROWTH_PCT:
            print("    again under tracemalloc: the 5 sites that grew most between the same two points", flush=True)
            traced = traced_worker(args.decisions, args.window)
            for line in traced.top:
                print(f"      {line}")
        figures.update({"worker_rss_mb_at_2k": round(run.at(WARM_UP), 1),
                        "worker_rss_growth_mb_2k_to_10k": round(run.growth_mb, 1),
                        "worker_rss_growth_pct": round(run.growth_pct, 1),
                        "worker_rss_growth_mb_second_half": round(run.second_half_mb, 1), "decisions": args.decisions,
                        "worker_rss_series_mb": [round(mb, 1) for _, mb in run.samples]})
        targets["worker_rss_growth_pct"] = f"flat (<= {TARGET_GROWTH_PCT:g})"

    if args.json:
        print(json.dumps({"bench": "memory", "figures": figures, "targets": targets}))
    sys.stdout.flush()
    os._exit(0)  # the sandbox's and the lease keeper's threads need not be waited for


if __name__ == "__main__":
    main()
