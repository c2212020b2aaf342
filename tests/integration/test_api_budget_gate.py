"""The API budget at the adapters' door, over real HTTP to both sandboxes: a request the budget has no room for is
never sent (the sandbox sees nothing and answers no 429), it surfaces as a RetryAfterError naming the wait, and the
limit the platform's headers report (Zendesk X-Rate-Limit / ratelimit-limit, Freshdesk X-RateLimit-Total) replaces
the one assumed; a Freshdesk request with embeds costs its credits."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from worlds import FreshdeskWorld, World

from plugin.config import ApiBudgetConfig
from plugin.ports import RetryAfterError
from plugin.service.budget import StoreBudget
from plugin.store import Store


def budget_in(tmp_path: Path, **policy: object) -> StoreBudget:
    store = Store(f"sqlite:///{tmp_path / 'budget.db'}")
    store.upgrade()
    return StoreBudget(store, ApiBudgetConfig.model_validate(policy), lambda: datetime.now(UTC))


def test_zendesk_reads_stop_at_our_share_and_the_sandbox_sees_no_429(world: World, tmp_path: Path) -> None:
    world.sandbox.limit_rate(10)  # the account: 10 a minute; ours: 5, of which routine work 4
    ticket = world.ticket()
    adapter = world.adapter()
    budget = budget_in(tmp_path, per_window={"zendesk": 700})  # assumed until the headers say otherwise
    adapter.use_budget(budget)
    sent = len(world.sandbox.recorded())
    def read_on() -> None:
        for _ in range(300):  # 700 assumed: would go on, but the first answer said 10
            adapter.get_ticket(str(ticket["id"]))

    with pytest.raises(RetryAfterError) as refused:
        read_on()
    assert "API budget" in str(refused.value) and 0 < refused.value.retry_after <= 60
    records = world.sandbox.recorded()[sent:]
    assert len(records) == 4 and all(r.status < 400 for r in records)  # routine work's 4, and no 429 met
    [view] = budget.views()
    assert (view.limit, view.used, view.routine) == (10, 4, 4) and view.waits == 1


def test_freshdesk_embeds_cost_their_credits_and_the_limit_comes_from_the_headers(fd_world: FreshdeskWorld,
                                                                                  tmp_path: Path) -> None:
    fd_world.sandbox.limit_rate(40)  # ours: 20 credits, routine 16
    ticket = fd_world.ticket()
    adapter = fd_world.adapter()
    budget = budget_in(tmp_path)
    adapter.use_budget(budget)
    adapter.get_ticket(str(ticket["id"]))
    [view] = budget.views()
    spent = sum(r.credits for r in fd_world.sandbox.faults.recorded())
    assert view.limit == 40 and view.used == spent  # what we counted is what Freshdesk charged
    def read_on() -> None:
        for _ in range(20):
            adapter.get_ticket(str(ticket["id"]))

    with pytest.raises(RetryAfterError):
        read_on()
    assert budget.views()[0].used <= 16
    assert all(r.status != 429 for r in fd_world.sandbox.faults.recorded())


class BrokenBudget:
    """A budget whose store is away: taking and noting both fail."""

    def take(self, platform: str, cost: int = 1) -> float:
        raise OSError("database is locked")

    def observe(self, platform: str, limit: int | None, remaining: int | None, reset_in: float | None) -> None:
        raise OSError("database is locked")


def test_a_budget_whose_store_is_away_never_fails_a_request_let_alone_one_that_was_made(world: World) -> None:
    ticket = world.ticket()
    adapter = world.adapter()
    adapter.use_budget(BrokenBudget())
    before = len(world.sandbox.recorded())
    assert adapter.get_ticket(str(ticket["id"])).id == str(ticket["id"])  # the read went, and its answer came back
    assert len(world.sandbox.recorded()) == before + 2
