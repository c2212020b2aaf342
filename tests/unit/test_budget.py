"""The API budget's arithmetic (plugin.budget): a window's spending never passes the escalator's share, routine
work leaves the urgent reserve alone, a wait ends exactly when the window does, and the account's own remaining
(from the platform's headers) holds a request back even when our share is not spent."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plugin.budget import (
    FINISHING,
    ROUTINE,
    URGENT,
    BudgetState,
    account_floor,
    allowance,
    queue_wait,
    urgency,
    urgent_work,
    wait_for,
    window_start,
)
from plugin.config import ApiBudgetConfig

POLICY = ApiBudgetConfig()  # half left to others, a fifth of ours kept for urgent work, a minute's window


def test_the_share_and_the_urgent_reserve_of_zendesks_700_a_minute() -> None:
    assert allowance(700, POLICY, URGENT) == 350
    assert allowance(700, POLICY, FINISHING) == 315  # a decision's writes: half the reserve
    assert allowance(700, POLICY, ROUTINE) == 280
    assert allowance(1, POLICY, ROUTINE) == 1  # a tiny limit still lets work through


def test_a_spent_window_waits_until_the_next_one_to_the_second() -> None:
    start = window_start(1_000_000.0, 60)
    spent = BudgetState(window_start=start, used=280, limit=700)
    now = start + 45.5
    assert wait_for(spent, now, 1, ROUTINE, POLICY) == 14.5
    assert wait_for(spent, now, 1, URGENT, POLICY) == 0  # urgent work may still go: the reserve is its own
    assert wait_for(spent, start + 60, 1, ROUTINE, POLICY) == 0  # a new window: nothing spent in it yet


def test_the_accounts_remaining_holds_us_back_when_others_spent_the_minute() -> None:
    start = window_start(1_000_000.0, 60)
    others_spent = BudgetState(window_start=start, used=3, limit=700, remaining=account_floor(700),
                               remaining_until=start + 50)
    assert wait_for(others_spent, start + 20, 1, URGENT, POLICY) == 30  # until the platform's window resets
    assert wait_for(others_spent, start + 51, 1, URGENT, POLICY) == 0  # the report no longer holds


@given(limit=st.integers(1, 5000), leave=st.floats(0, 0.95), reserve=st.floats(0, 0.95),
       costs=st.lists(st.tuples(st.integers(1, 3), st.sampled_from([ROUTINE, FINISHING, URGENT]),
                                st.floats(0, 59.9)), max_size=400))
def test_a_windows_spending_never_passes_our_share_and_each_level_keeps_out_of_the_reserve_above_it(
        limit: int, leave: float, reserve: float, costs: list[tuple[int, int, float]]) -> None:
    policy = ApiBudgetConfig(leave_to_others=leave, urgent_reserve=reserve)
    state = BudgetState(window_start=0.0, used=0, limit=limit)
    spent_when = {ROUTINE: 0, FINISHING: 0, URGENT: 0}  # the most spent, counting at most up to this level
    for cost, level, offset in sorted(costs, key=lambda c: c[2]):
        if wait_for(state, offset, cost, level, policy) == 0:
            state = BudgetState(window_start=0.0, used=state.used + cost, limit=limit)
            spent_when[level] = max(spent_when[level], state.used)
    assert state.used <= allowance(limit, policy, URGENT)
    for level in (ROUTINE, FINISHING):  # a level's own request never took the window past its allowance
        assert spent_when[level] <= allowance(limit, policy, level)
    assert allowance(limit, policy, ROUTINE) <= allowance(limit, policy, FINISHING) <= allowance(limit, policy, URGENT)


def test_urgency_travels_with_the_work_and_ends_with_it() -> None:
    assert urgency() == ROUTINE
    with urgent_work():
        assert urgency() == URGENT
        with urgent_work(FINISHING):
            assert urgency() == FINISHING
        assert urgency() == URGENT
    assert urgency() == ROUTINE


@given(waiting=st.integers(0, 5000), more=st.integers(0, 500), limit=st.integers(1, 3000))
def test_the_later_in_line_the_later_it_comes_back_and_urgent_work_never_waits_in_the_line(
        waiting: int, more: int, limit: int) -> None:
    first = queue_wait(12.0, waiting, ROUTINE, limit, POLICY)
    assert first >= 12.0 and (first - 12.0) % 60 == 0
    assert queue_wait(12.0, waiting + more, ROUTINE, limit, POLICY) >= first
    assert queue_wait(12.0, waiting, URGENT, limit, POLICY) == 12.0
    assert queue_wait(0.0, waiting, ROUTINE, limit, POLICY) == 0.0
