"""The write turns: first come first served, handed straight to the next waiter, re-entrant, patient only so long."""

from __future__ import annotations

import threading
import time

import pytest

from plugin.store.turns import WriteTurns


def _queue_up(turns: WriteTurns, count: int, order: list[int]) -> list[threading.Thread]:
    """`count` threads asking for a turn one after the other, each queued before the next asks."""
    threads = []
    for i in range(count):
        def take(i: int = i) -> None:
            with turns.turn():
                order.append(i)
        thread = threading.Thread(target=take)
        thread.start()
        deadline = time.monotonic() + 5
        while turns.queued < i + 1 and time.monotonic() < deadline:
            time.sleep(0.001)
        assert turns.queued == i + 1
        threads.append(thread)
    return threads


def test_waiters_get_their_turns_in_the_order_they_asked() -> None:
    turns = WriteTurns(patience=10)
    order: list[int] = []
    assert turns.acquire()
    threads = _queue_up(turns, 8, order)
    assert order == []  # nobody goes while the turn is held
    turns.release()
    for thread in threads:
        thread.join(5)
    assert order == list(range(8))
    assert turns.queued == 0


def test_the_holder_may_take_its_turn_again_inside_its_own() -> None:
    turns = WriteTurns(patience=0.2)
    order: list[int] = []
    with turns.turn(), turns.turn():
        threads = _queue_up(turns, 1, order)
    for thread in threads:
        thread.join(5)
    assert order == [0]  # released only when the outer block ended


def test_a_waiter_out_of_patience_goes_on_without_a_turn_and_leaves_the_queue() -> None:
    turns = WriteTurns(patience=0.05)
    assert turns.acquire()
    started = time.monotonic()
    got: list[bool] = []
    waiter = threading.Thread(target=lambda: got.append(turns.acquire()))
    waiter.start()
    waiter.join(5)
    assert got == [False] and time.monotonic() - started >= 0.05
    assert turns.queued == 0
    turns.release()
    assert turns.acquire()  # free again: the one who gave up holds nothing
    turns.release()


def test_a_turn_nobody_holds_cannot_be_given_back() -> None:
    turns = WriteTurns(patience=1)
    with pytest.raises(RuntimeError):
        turns.release()


def test_another_thread_may_end_the_block_and_give_the_turn_back() -> None:
    """A streamed response's generator may be closed by a thread other than the one that opened its session."""
    turns = WriteTurns(patience=5)
    block = turns.turn()
    block.__enter__()
    closer = threading.Thread(target=lambda: block.__exit__(None, None, None))
    closer.start()
    closer.join(5)
    got: list[bool] = []
    other = threading.Thread(target=lambda: got.append(turns.acquire()))
    started = time.monotonic()
    other.start()
    other.join(5)
    assert got == [True] and time.monotonic() - started < 1


def test_a_turn_left_by_a_thread_that_ended_is_taken_over(caplog: pytest.LogCaptureFixture) -> None:
    turns = WriteTurns(patience=0.05)
    leaver = threading.Thread(target=turns.acquire, name="leaver")  # takes the turn and ends without giving it back
    leaver.start()
    leaver.join(5)
    with caplog.at_level("WARNING"):
        assert turns.acquire()
    assert "leaver" in caplog.text
    turns.release()


def test_a_waiter_out_of_patience_says_who_holds_the_turn(caplog: pytest.LogCaptureFixture) -> None:
    turns = WriteTurns(patience=0.05)
    assert turns.acquire()
    got: list[bool] = []
    with caplog.at_level("WARNING"):
        waiter = threading.Thread(target=lambda: got.append(turns.acquire()))
        waiter.start()
        waiter.join(5)
    assert got == [False]
    assert threading.current_thread().name in caplog.text
    turns.release()


def test_many_threads_never_hold_a_turn_together() -> None:
    turns = WriteTurns(patience=10)
    inside = 0
    most = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal inside, most
        for _ in range(200):
            with turns.turn():
                with lock:
                    inside += 1
                    most = max(most, inside)
                time.sleep(0)
                with lock:
                    inside -= 1
    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert most == 1 and inside == 0
