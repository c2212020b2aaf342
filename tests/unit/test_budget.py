"""The API budget's arithmetic (plugin.budget): a window's spending never passes the escalator's share, routine
work leaves the urgent reserve alone, a wait ends exactly when the window does, and the account's own remaining
(from the platform's headers) holds a request back even when our share is not spent."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plugin.budget import BudgetState, account_floor, allowance, is_urgent, urgent_work, wait_for, window_start
from plugin.config import ApiBudgetConfig

POLICY = ApiBudgetConfig()  # half left to others, a fifth of ours kept for urgent work, a minute's window


def test_the_share_and_the_urgent_reserve_of_zendesks_700_a_minute() -> None:
    assert allowance(700, POLICY, urgent=True) == 350
    assert allowance(700, POLICY, urgent=False) == 280
    assert allowance(1, POLICY, urgent=False) == 1  # a tiny limit still lets work through


def test_a_spent_window_waits_until_the_next_one_to_the_second() -> None:
    start = window_start(1_000_000.0, 60)
    spent = BudgetState(window_start=start, used=280, limit=700)
    now = start + 45.5
    assert wait_for(spent, now, 1, False, POLICY) == 14.5
    assert wait_for(spent, now, 1, True, POLICY) == 0  # urgent work may still go: the reserve is its own
    assert wait_for(spent, start + 60, 1, False, POLICY) == 0  # a new window: nothing spent in it yet


def test_the_accounts_remaining_holds_us_back_when_others_spent_the_minute() -> None:
    start = window_start(1_000_000.0, 60)
    others_spent = BudgetState(window_start=start, used=3, limit=700, remaining=account_floor(700),
                               remaining_until=start + 50)
    assert wait_for(others_spent, start + 20, 1, True, POLICY) == 30  # until the platform's window resets
    assert wait_for(others_spent, start + 51, 1, True, POLICY) == 0  # the report no longer holds


@given(limit=st.integers(1, 5000), leave=st.floats(0, 0.95), reserve=st.floats(0, 0.95),
       costs=st.lists(st.tuples(st.integers(1, 3), st.booleans(), st.floats(0, 59.9)), max_size=400))
def test_a_windows_spending_never_passes_our_share_and_routine_never_touches_the_reserve(
        limit: int, leave: float, reserve: float, costs: list[tuple[int, bool, float]]) -> None:
    policy = ApiBudgetConfig(leave_to_others=leave, urgent_reserve=reserve)
    state = BudgetState(window_start=0.0, used=0, limit=limit)
    routine = 0
    for cost, urgent, offset in sorted(costs, key=lambda c: c[2]):
        if wait_for(state, offset, cost, urgent, policy) == 0:
            state = BudgetState(window_start=0.0, used=state.used + cost, limit=limit)
            routine += 0 if urgent else cost
    assert state.used <= allowance(limit, policy, True)
    assert routine <= allowance(limit, policy, False)


def test_urgency_travels_with_the_work_and_ends_with_it() -> None:
    assert not is_urgent()
    with urgent_work():
        assert is_urgent()
        with urgent_work(False):
            assert not is_urgent()
        assert is_urgent()
    assert not is_urgent()
