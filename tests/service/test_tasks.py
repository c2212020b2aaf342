"""What a ticket's task does with the pipeline's outcome: queue it again at exactly its retry time without
spending a huey retry, never give up on a rate limit, and write a dead letter once (not every time) when errors
persist, leaving the retries to the sweep."""

from __future__ import annotations

import time
from dataclasses import replace

from huey import MemoryHuey
from pipeline_kit import PLATFORM, Clock, config

from adapters.memory import MemoryStore
from plugin.domain import EventKind, TicketEvent
from plugin.ports import PermanentError, RetryAfterError, TransientError
from plugin.service.metrics import Metrics
from plugin.service.pipeline import GIVEN_UP_EVERY, Outcome
from plugin.service.tasks import TaskQueue


def queue() -> tuple[TaskQueue, MemoryStore, Clock]:
    store, clock = MemoryStore(), Clock()
    return TaskQueue(MemoryHuey("t"), config(queue={"retries": 3}), store, clock, Metrics()), store, clock


def test_a_retry_is_queued_for_exactly_its_time() -> None:
    tasks, store, _ = queue()
    outcome = Outcome(PLATFORM, "1", "retry", error=RetryAfterError(7), retry_in=7.0, attempts=40)
    tasks._follow_up("process_ticket", [PLATFORM, "1", "event"], outcome)
    [wait] = tasks.later.pending()
    assert 6.9 < wait <= 7.0
    assert store.dead_letters == []  # however many times: a rate limit is waited out, never given up on


def test_the_retry_reaches_the_queue_at_its_time_not_at_the_next_scheduler_tick() -> None:
    tasks, _, _ = queue()
    started = time.monotonic()
    tasks._follow_up("process_ticket", [PLATFORM, "1", "event"],
                     Outcome(PLATFORM, "1", "retry", error=RetryAfterError(0.3), retry_in=0.3, attempts=1))
    while tasks.huey.pending_count() == 0 and time.monotonic() - started < 5:
        time.sleep(0.01)
    arrived = time.monotonic() - started
    assert 0.3 <= arrived < 0.6  # huey's own scheduler would have taken up to a second more


def test_persistent_errors_make_one_dead_letter_and_leave_the_ticket_to_the_sweep() -> None:
    tasks, store, clock = queue()
    store.add_event(TicketEvent(platform=PLATFORM, delivery_id="d", ticket_id="1", kind=EventKind.CREATED), clock())
    for attempts in (1, 2, 3):
        tasks._follow_up("process_ticket", [PLATFORM, "1", "event"],
                         Outcome(PLATFORM, "1", "retry", error=TransientError("503"), retry_in=2.0, attempts=attempts))
    assert len(tasks.later.pending()) == 3
    for attempts in (4, 5):  # past the retries: no RetryTask, one dead letter
        tasks._follow_up("process_ticket", [PLATFORM, "1", "event"],
                         Outcome(PLATFORM, "1", "retry", error=TransientError("503"), retry_in=2.0, attempts=attempts))
    [(task, args, error)] = store.dead_letters
    assert task == "process_ticket" and args[:2] == [PLATFORM, "1"] and "still retried every 5 minutes" in error
    [(_, _, not_before)] = store.unfinished(clock(), None, 10)
    assert not_before == clock() + GIVEN_UP_EVERY  # the event stays in the inbox, for the sweep


def test_a_busy_ticket_is_tried_again_a_second_later() -> None:
    tasks, _, _ = queue()
    tasks._follow_up("process_ticket", [PLATFORM, "1", "event"], Outcome(PLATFORM, "1", "busy", retry_in=1.0))
    [wait] = tasks.later.pending()
    assert 0.9 < wait <= 1.0
    tasks._follow_up("process_ticket", [PLATFORM, "1", "event"], Outcome(PLATFORM, "1", "applied"))  # done: nothing



def test_a_refused_read_is_a_dead_letter_at_once_and_not_retried_every_second() -> None:
    tasks, store, clock = queue()
    store.add_event(TicketEvent(platform=PLATFORM, delivery_id="d", ticket_id="1", kind=EventKind.CREATED), clock())
    refused = Outcome(PLATFORM, "1", "retry", error=PermanentError("401 Couldn't authenticate you"), retry_in=300.0,
                      attempts=1)
    tasks._follow_up("process_ticket", [PLATFORM, "1", "event"], refused)  # not queued again soon
    tasks._follow_up("process_ticket", [PLATFORM, "1", "event"], replace(refused, attempts=2))
    [(_, _, error)] = store.dead_letters
    assert "401" in error and tasks.later.pending() == []
