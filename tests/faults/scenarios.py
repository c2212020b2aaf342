"""The fault scenarios of issue 9, run from the outside: `escalator serve` as a process, the sandbox over HTTP, real
alert receivers. Each returns a Result: the figures it measured, each checked against the issue's "Must show" limit.
The tests assert that every check holds; tests/faults/figures.py prints the same checks as a table.

- sigkill_loop: rounds of paced bursts of escalating tickets; in each, the service is SIGKILLed at a random moment
  (while it handles a webhook, just after the sandbox applied one of its notes and before the answer, or while an
  alert receiver holds an alert) and started again at once; the sandbox resends every webhook that got no 2xx.
- lost_answer: the sandbox applies one write (the update with the note, the public reply, update_many, the task
  ticket's create) and holds its answer past the client's timeout.
- storm: a share of all API calls answer 429 (with Retry-After), 500, 503, or slowly, through thousands of events.
- redelivery: every webhook delivered several times, out of order, while our own writes come back as webhooks.

Each runs on either helpdesk (`platform`: "zendesk" or "freshdesk", world.PLATFORMS) with the same checks; what
differs between the two sandboxes is the World's to hide (world.py).
"""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from effects import (
    MARKER,
    TEMPLATES,
    Expected,
    Tally,
    TicketCount,
    Written,
    anomalies,
    count,
    expected_for,
    median,
    percentile,
    tally,
)
from world import Backend, World, wait_for

from adapters.sandbox.faults import SLOW, RequestRecord

# The suite's bounds for timing figures (the figures script holds them to the limits): far enough out for a
# shared two-core machine running other suites, near enough to fail on what issue 9 found (minutes of waiting).
RESTART_BOUND = 60.0
LAST_EFFECT_BOUND = 120.0
RETRY_AFTER_BOUND = 10.0
FOLLOW_UP = "Adding the invoice number for reference: INV-4711."


# -- results


@dataclass(frozen=True)
class Check:
    """One figure against its limit. A timing figure (`bound` set) depends on how busy the machine is: the figures
    script holds it to its limit (the issue's), the test suite only to `bound`, far enough out that a shared, noisy
    machine stays inside it while the failures it guards against (minutes of waiting) do not."""

    name: str
    value: str
    limit: str
    ok: bool
    bound: str | None = None
    within_bound: bool = True


@dataclass
class Result:
    scenario: str
    backend: str
    platform: str = "zendesk"
    seconds: float = 0.0
    checks: list[Check] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def check(self, name: str, value: Any, limit: str, ok: bool) -> None:
        self.checks.append(Check(name, _show(value), limit, bool(ok)))

    def timing(self, name: str, value: Any, limit: str, ok: bool, bound: str, within_bound: bool) -> None:
        """A figure that depends on the machine's load: its limit for the figures, `bound` for the suite."""
        self.checks.append(Check(name, _show(value), limit, bool(ok), bound, bool(within_bound)))

    def failed(self) -> list[Check]:
        """Every figure off its limit (the figures script)."""
        return [c for c in self.checks if not c.ok]

    def broken(self) -> list[Check]:
        """What the test suite fails on: a correctness figure off its limit, a timing figure off its bound."""
        return [c for c in self.checks if not (c.within_bound if c.bound is not None else c.ok)]

    def report(self) -> str:
        lines = [f"{self.scenario} on {self.platform}, {self.backend} ({self.seconds:.0f} s):"]
        lines += [f"  {'ok  ' if c.ok else 'SLOW' if c.bound is not None and c.within_bound else 'FAIL'} {c.name}: "
                  f"{c.value} (must be {c.limit}" + (f"; the suite's bound {c.bound})" if c.bound else ")")
                  for c in self.checks]
        lines += [f"  . {d}" for d in self.details]
        return "\n".join(lines)


def _show(value: Any) -> str:
    if value is None:
        return "never"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def exactly_once_checks(result: Result, figures: Tally, *, tasks: bool = False) -> None:
    """The "exactly once" figures every scenario reports."""
    result.check("tickets", figures.tickets, "> 0", figures.tickets > 0)
    result.check("lost (never acted on)", figures.lost, "0", figures.lost == 0)
    result.check("notes twice", figures.notes_twice, "0", figures.notes_twice == 0)
    result.check("replies missing", figures.replies_missing, "0", figures.replies_missing == 0)
    result.check("replies twice", figures.replies_twice, "0", figures.replies_twice == 0)
    if tasks:
        result.check("task tickets missing", figures.tasks_missing, "0", figures.tasks_missing == 0)
        result.check("task tickets twice", figures.tasks_twice, "0", figures.tasks_twice == 0)
    result.check("alerts missing", figures.alerts_missing, "0", figures.alerts_missing == 0)
    result.check("alerts twice", figures.alerts_twice, "0", figures.alerts_twice == 0)
    result.check("alerts to roles not concerned", figures.alerts_unexpected, "0", figures.alerts_unexpected == 0)
    if figures.follow_ups:
        result.details.append(f"warning notes of the tickets' clocks (later decisions, each once): "
                              f"{figures.follow_ups}")
    if figures.reminders:
        result.details.append(f"reminders of alerts nobody acknowledged (the product's re-pages, each once): "
                              f"{figures.reminders}")


@contextmanager
def timed(result: Result) -> Iterator[None]:
    start = time.monotonic()
    try:
        yield
    finally:
        result.seconds = time.monotonic() - start


def settle(world: World, expected: Mapping[int, Expected], *, cap: float, quiet: float = 4.0) -> bool:
    """Wait until every expected effect landed and the sandbox has no webhook left to deliver, then until `quiet`
    seconds pass with nothing new landing (a late second copy would land then). Gives up after `cap` seconds; what
    did not land is counted by the caller. True when everything landed."""
    deadline = time.monotonic() + cap

    def done() -> bool:
        counts = count(expected, world.effects, kills=world.kills)
        return all(c.landed() for c in counts.values()) and world.sandbox.deliverer.pending() == 0

    landed = False
    while time.monotonic() < deadline:
        if done():
            landed = True
            break
        time.sleep(0.25)
    seen, still = _activity(world), time.monotonic()
    while time.monotonic() - still < quiet and time.monotonic() < deadline + quiet:
        time.sleep(0.25)
        now_seen = _activity(world)
        if now_seen != seen:
            seen, still = now_seen, time.monotonic()
    return landed


def _activity(world: World) -> tuple[int, int, int]:
    return len(world.effects.snapshot()), len(world.receivers.snapshot()), world.sandbox.write_requests()


def created_invocations(world: World) -> dict[int, Any]:
    """Each ticket's `ticket.created` webhook invocation."""
    return {i.ticket_id: i for i in list(world.sandbox.invocations) if i.ticket_id is not None
            and world.is_created(i)}


def paced(count_: int, rate: float) -> Iterator[int]:
    """0..count_-1, the i-th yielded at start + i / rate."""
    start = time.monotonic()
    for i in range(count_):
        pause = start + i / rate - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        yield i


# -- 1. the SIGKILL loop


class KillSwitch:
    """Kills the service at the n-th moment of one kind, from inside that moment, then starts it again at once.

    - "webhook": a few milliseconds after the sandbox sent the n-th new ticket's webhook (the service has it and has
      not answered yet);
    - "write": inside the sandbox, right after it applied the n-th internal note, before the answer leaves;
    - "alert": inside an alert receiver, on the n-th alert, before the receiver answers.
    """

    KINDS = ("webhook", "write", "alert")

    def __init__(self, world: World, kind: str, nth: int, rng: random.Random, tickets: set[int]) -> None:
        self.world, self.kind, self.nth, self.rng, self.tickets = world, kind, nth, rng, tickets
        self.seen = 0
        self.fired = threading.Event()
        self.killed_at: float | None = None
        self.restarted_at: float | None = None
        self._lock = threading.Lock()

    def arm(self) -> None:
        if self.kind == "webhook":
            self.world.sandbox.deliverer.before_send.append(self._on_webhook)
        elif self.kind == "write":
            self.world.sandbox.state.listeners.append(self._on_write)
        else:
            self.world.receivers.observers.append(self._on_alert)

    def disarm(self) -> None:
        for hooks, hook in ((self.world.sandbox.deliverer.before_send, self._on_webhook),
                            (self.world.sandbox.state.listeners, self._on_write),
                            (self.world.receivers.observers, self._on_alert)):
            if hook in hooks:
                hooks.remove(hook)  # type: ignore[arg-type]

    def _count(self) -> bool:
        with self._lock:
            self.seen += 1
            return self.seen == self.nth

    def _on_webhook(self, invocation: Any) -> None:
        if invocation.ticket_id in self.tickets and invocation.attempts == 1 and self.world.is_created(invocation) \
                and self._count():
            threading.Timer(self.rng.uniform(0.005, 0.05), self.fire).start()

    def _on_write(self, change: Any) -> None:
        comment = Written.of(change).comment
        if change.ticket_id in self.tickets and comment is not None and not comment.public \
                and MARKER.search(comment.html) and self._count():
            self.fire()

    def _on_alert(self, alert: Any) -> None:
        if alert.ticket_id in self.tickets and self._count():
            self.fire()

    def fire(self) -> None:
        with self._lock:
            if self.fired.is_set():
                return
            self.killed_at = self.world.kill()
            self.restarted_at = self.world.start(wait=False)
            self.fired.set()


@dataclass
class Round:
    index: int
    kind: str
    tickets: list[int]
    created: dict[int, float]
    killed_at: float
    restarted_at: float
    burst_started: float

    def recovery(self, counts: Mapping[int, TicketCount]) -> float | None:
        """Seconds from the restart to the last effect of every ticket that arrived before it (None: some never
        landed)."""
        before = [t for t in self.tickets if self.created[t] < self.restarted_at and t in counts]
        ends = [counts[t].last_effect() for t in before]
        if any(end is None for end in ends):
            return None
        return max([0.0, *[end - self.restarted_at for end in ends if end is not None]])


def sigkill_loop(tmp: Path, backend: Backend, *, platform: str = "zendesk", rounds: int = 10, burst: int = 200,
                 rate: float = 7.0, seed: int = 9, recovery_limit: float = 10.0, round_cap: float = 30.0,
                 settle_cap: float = 150.0, workers: int = 8) -> Result:
    """The service runs `workers` worker threads (as the storm does): after a restart the backlog the dead process
    left is worked off in parallel, most of a decision's time being spent waiting for the helpdesk's answers."""
    result = Result("SIGKILL loop", backend.name, platform)
    rng = random.Random(seed)
    kinds = itertools.cycle(rng.sample(KillSwitch.KINDS, len(KillSwitch.KINDS)))
    with timed(result), World(tmp, backend, platform=platform, timeout=5, queue={"workers": workers}) as world:
        world.start()
        expected: dict[int, Expected] = {}
        done: list[Round] = []
        for index in range(rounds):
            world.wait_ready()
            tickets: set[int] = set()
            created: dict[int, float] = {}
            switch = KillSwitch(world, next(kinds), rng.randint(burst // 10, burst * 9 // 10), rng, tickets)
            switch.arm()
            burst_started = time.monotonic()
            for i in paced(burst, rate):
                kind = "legal" if i % 2 == 0 else "vip_outage"
                ticket = world.customer_ticket(TEMPLATES[kind])
                created[ticket["id"]] = time.monotonic()
                tickets.add(ticket["id"])
                expected[ticket["id"]] = expected_for(kind)
            if not switch.fired.wait(20):  # the n-th moment did not come: kill at the end of the burst
                switch.kind += " (not reached: killed at the end)"
                switch.fire()
            switch.disarm()
            assert switch.killed_at is not None and switch.restarted_at is not None
            this = Round(index, switch.kind, sorted(tickets), created, switch.killed_at, switch.restarted_at,
                         burst_started)
            done.append(this)
            world.wait_ready()
            if not _landed_by(world, {t: expected[t] for t in tickets}, this.restarted_at + round_cap):
                result.details.append(f"round {index}: not every ticket landed {round_cap:g} s after the restart; "
                                      f"going on")
        settle(world, expected, cap=settle_cap)
        counts = count(expected, world.effects, kills=world.kills)
        invocations = created_invocations(world)
        acknowledged = [t for t in expected if t in invocations and invocations[t].delivered]
        result.check("events acknowledged (2xx)", f"{len(acknowledged)}/{len(expected)}", "all",
                     len(acknowledged) == len(expected))
        figures = tally(counts[t] for t in acknowledged)
        exactly_once_checks(result, figures)
        recoveries = [r.recovery(counts) for r in done]
        worst = None if any(r is None for r in recoveries) else max([0.0, *[r for r in recoveries if r is not None]])
        result.timing("restart to last effect, worst round (s)", worst, f"<= {recovery_limit:g}",
                      worst is not None and worst <= recovery_limit, f"<= {RESTART_BOUND:g}",
                      worst is not None and worst <= RESTART_BOUND)
        result.details.append(f"alerts sent again after a kill caught them in flight (excused): "
                              f"{figures.alerts_excused}")
        for r, recovery in zip(done, recoveries, strict=True):
            stuck = sum(1 for t in r.tickets if not counts[t].landed())
            result.details.append(
                f"round {r.index}: killed on {r.kind} {r.killed_at - r.burst_started:.1f} s into the burst; "
                + (f"restart to last effect {recovery:.2f} s" if recovery is not None else
                   f"{stuck} ticket(s) never complete"))
        result.details.append(f"service restarts: {len(world.starts) - 1}; waited {settle_cap:g} s at most for "
                              f"the last effects")
        result.details += anomalies({t: counts[t] for t in acknowledged}, world.effects, origin=world.starts[0],
                                    kills=world.kills)
    return result


def _landed_by(world: World, expected: Mapping[int, Expected], deadline: float) -> bool:
    """Wait until every expected effect landed, or the deadline passed."""
    while True:
        if all(c.landed() for c in count(expected, world.effects).values()):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)


# -- 2. lost answers


def lost_answer(tmp: Path, backend: Backend, kind: str, *, platform: str = "zendesk", template: str = "vip_outage",
                hold: float = 4.0, timeout: float = 2.0, limit: float = 30.0, cap: float = 90.0) -> Result:
    """One escalation (a VIP's outage: a P0 with a page, by default) whose `kind` of write lands while its answer
    is held past the client's timeout."""
    if kind == "update_many":
        return _lost_answer_on_the_sweep(tmp, backend, platform=platform, hold=hold, timeout=timeout, limit=limit,
                                         cap=cap)
    result = Result(f"lost answer: {kind}", backend.name, platform)
    overrides: dict[str, Any] = {"workflow": {"escalation_task": "task_ticket"}} if kind == "create" else {}
    with timed(result), World(tmp, backend, platform=platform, timeout=timeout, **overrides) as world:
        world.start()
        world.hold_answer(kind, hold)
        ticket = world.customer_ticket(TEMPLATES[template])
        began = time.monotonic()
        expected = {ticket["id"]: expected_for(template, task=kind == "create")}
        settle(world, expected, cap=cap)
        _lost_answer_checks(result, world, kind, expected, began, limit)
    return result


def _lost_answer_checks(result: Result, world: World, kind: str, expected: Mapping[int, Expected], began: float,
                        limit: float) -> None:
    def held() -> list[RequestRecord]:
        return [r for r in world.sandbox.recorded() if r.held > 0]

    if not world.sandbox.faults.holds_left():  # taken: its record is written once the held answer left
        with suppress(AssertionError):
            wait_for(lambda: bool(held()), 30, "the held answer to leave")
    result.check(f"{kind} answers held past the timeout", len(held()), "1 (the fault happened)",
                 len(held()) == 1 and world.sandbox.faults.holds_left() == 0)
    counts = count(expected, world.effects)
    exactly_once_checks(result, tally(counts.values()), tasks=any(e.task for e in expected.values()))
    result.details += anomalies(counts, world.effects, origin=began)
    ends = [c.last_effect() for c in counts.values()]
    last = None if any(e is None for e in ends) else max(e for e in ends if e is not None) - began
    result.timing("to the last effect (s)", last, f"<= {limit:g}", last is not None and last <= limit,
                  f"<= {LAST_EFFECT_BOUND:g}", last is not None and last <= LAST_EFFECT_BOUND)


def _lost_answer_on_the_sweep(tmp: Path, backend: Backend, *, platform: str, hold: float, timeout: float,
                              limit: float, cap: float) -> Result:
    """update_many is the bulk write of the due tickets the sweep hands to the workers, a hundred a task (a decision
    carrying a public reply or a task ticket is written alone, so these run with `customer_notice: none`). Two High
    tickets opened 48 min before their first response's 80 % come due in a few seconds; the service takes them (and
    arms their timers) and is stopped, and its queue loses the exact timers' tasks, so the due tickets are the
    sweep's to find (`escalator sweep`, the same code the minute sweep runs, queues them as one task); then the
    service is started again and its worker decides them together. The service is stopped with SIGKILL: a graceful
    stop would let its consumer fire the timers while it winds down.

    Freshdesk has no bulk update: the sweep writes each due ticket with a PUT of its own (apply_many), and the first
    of those is the write whose answer is held."""
    result = Result("lost answer: update_many", backend.name, platform)
    with timed(result), World(tmp, backend, platform=platform, timeout=timeout,
                              notifications={"customer_notice": "none"}) as world:
        world.start()
        due_in = 10.0
        opened = datetime.now(UTC) - timedelta(minutes=48) + timedelta(seconds=due_in)
        tickets = [world.customer_ticket({**TEMPLATES["slow_reports"], "subject": subject, "created_at": opened})
                   for subject in ("Reports slow", "Exports slow")]
        due = time.monotonic() + due_in
        for ticket in tickets:
            wait_for(lambda t=ticket: any(e.kind == "tags" and e.ticket_id == t["id"]  # type: ignore[misc]
                                          for e in world.effects.snapshot()),
                     30, "the first decision (the ticket's tier)")
        world.sandbox.flush_webhooks(10)
        settle(world, {}, cap=10, quiet=1.0)
        world.kill()
        world.lose_queued_tasks()  # the exact timers' tasks are gone with the queue: the sweep is the safety net
        time.sleep(max(due - time.monotonic(), 0) + 1.0)  # the timers are due: waiting for the clock, not a result
        world.hold_answer("update_many", hold)
        began = time.monotonic()
        swept = world.run("sweep")
        result.details.append("escalator sweep: " + " | ".join(swept.stdout.strip().splitlines()))
        result.details.append("escalator sweep (stderr): " + " | ".join(swept.stderr.strip().splitlines()[-5:]))
        world.start()
        base = expected_for("slow_reports")
        expected = {t["id"]: Expected(base.note, False, False, base.roles) for t in tickets}
        settle(world, expected, cap=cap)
        _lost_answer_checks(result, world, "update_many", expected, began, limit)
    return result


# -- 3. the storm


@dataclass(frozen=True)
class RetryAfterCheck:
    """Each 429 about a ticket against the next request about the same ticket."""

    honoured: int
    early: list[float]  # how much too early (s) each early one came
    late: list[float]  # how much later than Retry-After + slack each late one came
    unfollowed: int  # no later request about that ticket: nothing needed it again
    not_about_a_ticket: int  # e.g. a requester's ticket list: shared by many tickets, not checked

    @property
    def checked(self) -> int:
        return self.honoured + len(self.early) + len(self.late)


def retry_after_check(records: list[RequestRecord], *, slack: float = 1.0) -> RetryAfterCheck:
    """For each 429 answered at time A with Retry-After RA about a ticket (its path, its ids, or the external id
    of the task ticket being created), the next request about that ticket must arrive no earlier than A + RA and
    no later than A + RA + slack."""
    ordered = sorted(records, key=lambda r: r.started)
    honoured, unfollowed, elsewhere = 0, 0, 0
    early: list[float] = []
    late: list[float] = []
    for record in ordered:
        if record.status != 429 or record.retry_after is None:
            continue
        subjects = {s for s in record.subjects if s.startswith(("ticket:", "external:"))}
        if not subjects:
            elsewhere += 1
            continue
        following = next((r for r in ordered if r.started > record.at and r.subjects & subjects), None)
        if following is None:
            unfollowed += 1
            continue
        gap = following.started - record.at
        if gap < record.retry_after:
            early.append(record.retry_after - gap)
        elif gap > record.retry_after + slack:
            late.append(gap - record.retry_after - slack)
        else:
            honoured += 1
    return RetryAfterCheck(honoured, early, late, unfollowed, elsewhere)


def storm(tmp: Path, backend: Backend, *, platform: str = "zendesk", tickets: int = 500, follow_ups: int = 3,
          rate: float = 3.0, share: float = 0.2, workers: int = 8, seed: int = 20, p95_limit: float = 30.0,
          settle_cap: float = 240.0) -> Result:
    """`tickets` escalating tickets opened at `rate` a second, each followed by `follow_ups` comments of the
    customer's: tickets * (1 + follow_ups) events from the helpdesk, while `share` of all API calls answer 429
    (Retry-After 1 to 3 s), 500, 503 or slowly (0.5 to 2.5 s, below the 5 s timeout).

    The service runs `workers` worker threads: slow answers hold a thread each, and the load must stay well under
    what the workers can carry, or the latency measured would be the queue's backlog, not the handling of faults
    (the latency by fifth of the run, in the details, shows which)."""
    result = Result("storm", backend.name, platform)
    rng = random.Random(seed)
    with timed(result), World(tmp, backend, platform=platform, timeout=5, queue={"workers": workers}) as world:
        world.start()
        world.fail_share(share, (429, 500, 503, SLOW), seed=seed, retry_after=(1, 2, 3), slow=(0.5, 2.5))
        expected: dict[int, Expected] = {}
        plan: list[tuple[float, int, str]] = []  # (offset, ticket index, what)
        for i in range(tickets):
            at = i / rate
            plan.append((at, i, "open"))
            plan += [(at + rng.uniform(2, 20), i, "follow_up") for _ in range(follow_ups)]
        plan.sort()
        opened: dict[int, dict[str, Any]] = {}
        start = time.monotonic()
        for offset, i, what in plan:
            pause = start + offset - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            if what == "open":
                kind = "legal" if i % 2 == 0 else "vip_outage"
                opened[i] = world.customer_ticket(TEMPLATES[kind])
                expected[opened[i]["id"]] = expected_for(kind)
            else:
                world.follow_up(opened[i], FOLLOW_UP)
        events = len(plan)
        landed = settle(world, expected, cap=settle_cap)
        world.fail_share(0)
        counts = count(expected, world.effects)
        exactly_once_checks(result, tally(counts.values()))
        invocations = created_invocations(world)
        latencies = [c.last_effect() - invocations[t].at[0] for t, c in counts.items()  # type: ignore[operator]
                     if c.last_effect() is not None and t in invocations]
        p95 = percentile(latencies, 0.95) if landed else None
        result.timing("webhook to last effect, p95 (s)", p95, f"<= {p95_limit:g}", p95 is not None and p95 <= p95_limit,
                      f"<= {LAST_EFFECT_BOUND:g}", p95 is not None and p95 <= LAST_EFFECT_BOUND)
        records = world.sandbox.recorded()
        honour = retry_after_check(records)
        result.check("requests about a ticket before its Retry-After time", len(honour.early), "0",
                     not honour.early)
        result.timing("429s about a ticket whose Retry-After was honoured within 1 s",
                      f"{honour.honoured}/{honour.checked}", "all", not honour.early and not honour.late,
                      f"none more than {RETRY_AFTER_BOUND:g} s late", max(honour.late, default=0) <= RETRY_AFTER_BOUND)
        faults = {status: sum(1 for r in records if r.status == status) for status in (429, 500, 503)}
        slow = sum(1 for r in records if r.held > 0)
        result.details.append(f"{events} events from the helpdesk ({tickets} tickets); {len(records)} API calls, "
                              f"{faults[429]} answered 429, {faults[500]} 500, {faults[503]} 503, {slow} slowly")
        result.details += anomalies(counts, world.effects, origin=world.starts[0])
        ordered = [c.last_effect() - invocations[t].at[0] for t, c in sorted(counts.items())  # type: ignore[operator]
                   if c.last_effect() is not None and t in invocations]
        fifths = [ordered[i * len(ordered) // 5:(i + 1) * len(ordered) // 5] for i in range(5)]
        result.details.append("median latency by fifth of the tickets, in order of opening: " + ", ".join(
            f"{_show(median(part))} s" for part in fifths))
        result.details.append(f"webhook to last effect: median {_show(median(latencies))} s, max "
                              f"{_show(max(latencies, default=None))} s, {len(latencies)} of {len(counts)} landed")
        if honour.early:
            result.details.append(f"after {len(honour.early)} 429s the next request about the ticket came before "
                                  f"the Retry-After time (median {median(honour.early):.2f} s, up to "
                                  f"{max(honour.early):.2f} s too early)")
        if honour.late:
            result.details.append(f"after {len(honour.late)} it came more than 1 s after it (median "
                                  f"{median(honour.late):.2f} s, up to {max(honour.late):.1f} s past the second)")
        result.details.append(f"429s followed by no request about their ticket: {honour.unfollowed}; 429s not "
                              f"about one ticket (not checked): {honour.not_about_a_ticket}")
    return result


# -- 4. redelivery


def redelivery(tmp: Path, backend: Backend, *, platform: str = "zendesk", tickets: int = 60, follow_ups: int = 2,
               copies: int = 3, spread: float = 3.0, rate: float = 4.0, seed: int = 4, settle_cap: float = 120.0
               ) -> Result:
    """Every webhook (the customers' and our own writes coming back) delivered `copies` times, each copy at a random
    moment within `spread` seconds, so copies and events arrive out of order."""
    result = Result("redelivery", backend.name, platform)
    rng = random.Random(seed)
    with timed(result), World(tmp, backend, platform=platform, timeout=5) as world:
        world.start()
        world.redeliver(copies, spread, seed=seed)
        expected: dict[int, Expected] = {}
        opened = []
        for i in paced(tickets, rate):
            kind = "legal" if i % 2 == 0 else "vip_outage"
            ticket = world.customer_ticket(TEMPLATES[kind])
            opened.append(ticket)
            expected[ticket["id"]] = expected_for(kind)
            # follow-ups on earlier tickets: their webhooks overtake and trail the ones before them
            for earlier in rng.sample(opened, min(len(opened), follow_ups)):
                world.follow_up(earlier, FOLLOW_UP)
        settle(world, expected, cap=settle_cap, quiet=spread + 3)
        counts = count(expected, world.effects)
        figures = tally(counts.values())
        exactly_once_checks(result, figures)
        result.check("tag churn (a tag of ours removed or added again)", figures.tag_churn, "0",
                     figures.tag_churn == 0)
        result.check("writes of ours that changed nothing", figures.empty_writes, "0", figures.empty_writes == 0)
        result.details += anomalies(counts, world.effects, origin=world.starts[0])
        invocations = list(world.sandbox.invocations)
        ours = world.own_invocations()
        deliveries = sum(i.attempts for i in invocations)
        result.details.append(f"{len(invocations)} webhook events ({ours} of them our own writes coming back), "
                              f"{deliveries} deliveries")
    return result


SCENARIOS: dict[str, Callable[..., Result]] = {"sigkill": sigkill_loop, "storm": storm, "redelivery": redelivery}
LOST_ANSWER_KINDS = ("update", "reply", "update_many", "create")
