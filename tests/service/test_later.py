"""plugin/service/later.py: work queued at its moment by one thread, and stopped with its owner."""

from __future__ import annotations

import threading
import time

from plugin.service.later import Later


def test_an_action_runs_at_its_time_and_stop_ends_the_thread_leaving_the_rest_unrun() -> None:
    others = {t for t in threading.enumerate() if t.name == "later"}  # other tests' services may keep theirs
    later, ran = Later(), threading.Event()
    later.after(0.05, ran.set)
    later.after(60, lambda: (_ for _ in ()).throw(AssertionError("must not run after the stop")))
    assert ran.wait(5)
    later.stop()
    assert {t for t in threading.enumerate() if t.name == "later" and t.is_alive()} <= others
    assert len(later.pending()) == 1  # left for recovery, which queues the unfinished work again


def test_stopping_before_anything_was_queued_is_harmless() -> None:
    later = Later()
    started = time.monotonic()
    later.stop()
    assert time.monotonic() - started < 1
