"""The arithmetic of a helpdesk account's API budget, pure: which window a moment falls in, how much of the
account's limit the escalator may spend in it (its share, less a reserve only urgent work may use), whether a
request of a given cost may go now, and how long it must wait otherwise.

A helpdesk counts requests per account per window (a minute on Zendesk and Freshdesk) over every integration on the
account. The escalator keeps to its share (`api_budget.leave_to_others` is left to the others) and, from the
platform's own headers, to what the account as a whole has left, so its work waits for the next window instead of
meeting a 429. Which work is urgent travels with the work itself (`urgent_work`), from the pipeline to the adapter
that makes the request.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from plugin.config import ApiBudgetConfig

# How much of the urgent reserve work may spend: routine work none of it, the writes of a decision already read and
# made (finishing it, so it never pays for its reads twice) half, urgent work (a P0, a clock's check) all of it.
ROUTINE, FINISHING, URGENT = 0, 1, 2
_LEVEL: ContextVar[int] = ContextVar("escalator_work_urgency", default=ROUTINE)
ACCOUNT_MARGIN = 0.02  # of the account's limit, never spent by us: what other integrations' requests in flight need


@contextmanager
def urgent_work(level: int = URGENT) -> Iterator[None]:
    """Mark the helpdesk requests made inside with how much of the urgent reserve they may spend."""
    token = _LEVEL.set(level)
    try:
        yield
    finally:
        _LEVEL.reset(token)


def urgency() -> int:
    return _LEVEL.get()


def window_start(now: float, window: float) -> float:
    """The start (epoch seconds) of the window `now` falls in."""
    return math.floor(now / window) * window


def allowance(limit: int, policy: ApiBudgetConfig, level: int) -> int:
    """What work of `level` may spend of `limit` in one window: the escalator's share, less the part of the urgent
    reserve its level may not touch. At least 1, so a tiny limit still lets work through."""
    ours = limit * (1 - policy.leave_to_others)
    held_back = ours * policy.urgent_reserve * (URGENT - level) / URGENT
    return max(math.floor(ours - held_back + 1e-9), 1)


def account_floor(limit: int) -> int:
    """What the account as a whole must keep: a request of ours never takes the account's remaining below it."""
    return max(math.ceil(limit * ACCOUNT_MARGIN), 1)


@dataclass(frozen=True)
class BudgetState:
    """What is known of one platform's budget: the window our spending is counted in, what we spent in it, the
    account's limit, and what the platform last said the account has left (until `remaining_until`)."""

    window_start: float
    used: int
    limit: int
    remaining: int | None = None
    remaining_until: float | None = None


def wait_for(state: BudgetState, now: float, cost: int, level: int, policy: ApiBudgetConfig) -> float:
    """Seconds until a request of `cost` may go (0: now). Pure: the caller counts the spending when it is 0."""
    window = policy.window.total_seconds()
    current = window_start(now, window)
    used = state.used if state.window_start == current else 0
    waits = [0.0]
    if used + cost > allowance(state.limit, policy, level):
        waits.append(current + window - now)
    if (state.remaining is not None and state.remaining_until is not None and now < state.remaining_until
            and state.remaining - cost < account_floor(state.limit)):
        waits.append(state.remaining_until - now)
    return max(waits)


RUN_COST = 4  # requests a ticket's run spends, about (tests/benchmarks/bench_requests.py: 4 to 5)


def queue_wait(wait: float, waiting: int, level: int, limit: int, policy: ApiBudgetConfig) -> float:
    """When work that found the budget spent should come back: not all at the next window's start (the whole backlog
    would come back each window to be refused again, and a P0 queued behind it with it), but each in the window its
    place in the line reaches: `waiting` runs were turned away before it this window, and a window carries about
    allowance / RUN_COST of them. Urgent work comes back at the next window: the reserve is its own."""
    if wait <= 0 or level >= URGENT:
        return wait
    per_window = max(allowance(limit, policy, level) // RUN_COST, 1)
    return wait + policy.window.total_seconds() * (waiting // per_window)
