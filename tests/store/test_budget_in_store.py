"""The API budget in the store (plugin.service.budget), on SQLite and PostgreSQL: workers taking from it at once
never spend more than the escalator's share of a window between them, the platform's headers set the limit and,
when the account runs low, hold our requests back, and what it holds is what /metrics shows."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from plugin.budget import urgent_work
from plugin.config import ApiBudgetConfig
from plugin.service.budget import StoreBudget
from plugin.store import Store

START = datetime(2026, 12, 7, 9, 0, 0, tzinfo=UTC)  # the start of a minute


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def test_workers_taking_at_once_spend_no_more_than_our_share_of_the_window(store: Store) -> None:
    budget = StoreBudget(store, ApiBudgetConfig(per_window={"zendesk": 100}), Clock())
    granted: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(15):
            wait = budget.take("zendesk")
            with lock:
                granted.append(wait)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(granted) == 90
    assert granted.count(0.0) == 40  # 100 a minute, half left to others, a fifth of ours kept for urgent work
    assert all(wait > 0 for wait in granted if wait != 0.0)
    [view] = budget.views()
    assert (view.limit, view.ours, view.routine, view.used) == (100, 50, 40, 40) and view.waits >= 1


def test_urgent_work_spends_the_reserve_and_the_next_window_starts_afresh(store: Store) -> None:
    clock = Clock()
    budget = StoreBudget(store, ApiBudgetConfig(per_window={"freshdesk": 20}), clock)
    assert [budget.take("freshdesk", 2) for _ in range(5)] == [0.0, 0.0, 0.0, 0.0, 60.0]  # 8 of the 10 ours
    with urgent_work():
        assert budget.take("freshdesk", 2) == 0.0  # the reserve
        assert budget.take("freshdesk", 1) == 60.0
    clock.now = START.replace(second=59)
    assert budget.take("freshdesk") == 61.0  # third in this window's line, two runs a window (8 // 4): the one after
    clock.now = START.replace(minute=1)
    assert budget.take("freshdesk", 2) == 0.0


def test_work_turned_away_comes_back_spread_over_the_windows_its_place_in_line_reaches(store: Store) -> None:
    clock = Clock()
    budget = StoreBudget(store, ApiBudgetConfig(per_window={"zendesk": 40}), clock)  # routine 16: 4 runs a window
    while budget.take("zendesk") == 0.0:
        pass
    clock.now = START.replace(second=30)
    waits = [budget.take("zendesk") for _ in range(11)]  # the first was turned away at second 0
    assert waits == [30.0] * 3 + [90.0] * 4 + [150.0] * 4  # not the whole line back at the next window's start
    with urgent_work():
        assert budget.take("zendesk", 5) == 30.0  # a P0 is not in the routine line: the next window


def test_the_platforms_headers_set_the_limit_and_a_low_account_holds_us_back(store: Store) -> None:
    clock = Clock()
    budget = StoreBudget(store, ApiBudgetConfig(), clock)
    budget.observe("zendesk", 200, 199, 59)  # a Team plan: 200 a minute, not the 700 assumed
    assert [v.limit for v in budget.views()] == [200]
    assert sum(1 for _ in range(100) if budget.take("zendesk") == 0.0) == 80
    clock.now = START.replace(minute=1)
    budget.observe("zendesk", 200, 4, 30)  # other integrations spent the account's minute
    with urgent_work():
        assert budget.take("zendesk") == 30.0  # our share is untouched, but the account has only its margin left
    [view] = budget.views()
    assert view.remaining == 4
    budget.observe("zendesk", 200, 150, 59)  # plenty again
    assert budget.take("zendesk") == 0.0 and budget.views()[0].remaining is None


def test_switched_off_it_lets_everything_through_and_writes_nothing(store: Store) -> None:
    budget = StoreBudget(store, ApiBudgetConfig(enabled=False, per_window={"zendesk": 2}), Clock())
    assert all(budget.take("zendesk") == 0.0 for _ in range(10))
    budget.observe("zendesk", 2, 0, 60)
    assert budget.views() == []
