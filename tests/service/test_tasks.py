"""What a ticket's task does with the pipeline's outcome: queue it again at exactly its retry time without
spending a huey retry, never give up on a rate limit, and write a dead letter once (not every time) when errors
persist, leaving the retries to the sweep."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from huey import MemoryHuey
from pipeline_kit import PLATFORM, Clock, config

from adapters.memory import MemoryStore
from plugin.domain import EventKind, TicketEvent
from plugin.ports import PermanentError, RetryAfterError, TransientError
from plugin.service.metrics import Metrics
from plugin.service.pipeline import GIVEN_UP_EVERY, Outcome
from plugin.service.tasks import Handlers, TaskQueue


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


class SlowPipeline:
    """Stands for the pipeline: records each run, and holds it until told to go on."""

    def __init__(self) -> None:
        self.runs: list[tuple[str, float]] = []
        self.go_on = threading.Event()

    def run(self, platform: str, ticket_ids: list[str], cause: str = "event") -> list[Outcome]:
        self.runs.append((ticket_ids[0], time.monotonic()))
        self.go_on.wait(5)
        return [Outcome(platform, ticket_ids[0], "applied")]


def test_a_consumer_runs_a_timed_retry_at_its_moment_even_when_every_worker_is_busy() -> None:
    """No huey worker runs here at all (as when all of them are in slow calls): the retry starts on a thread of
    the consumer's own at its time; a second one due while that thread is taken goes on the queue, first."""
    tasks, _, _ = queue()
    pipeline = SlowPipeline()
    tasks.bind(Handlers(pipeline=pipeline, send=lambda: None, sweep=lambda: None,  # type: ignore[arg-type]
                        reconcile=lambda _since: None))
    tasks.run_timed_retries_here(1)
    tasks.enqueue_process(PLATFORM, "9")  # ordinary work waiting for a worker
    started = time.monotonic()
    for ticket in ("1", "2"):
        tasks._follow_up("process_ticket", [PLATFORM, ticket, "event"],
                         Outcome(PLATFORM, ticket, "retry", error=RetryAfterError(0.2), retry_in=0.2, attempts=1))
    deadline = time.monotonic() + 5
    while (not pipeline.runs or tasks.huey.pending_count() < 2) and time.monotonic() < deadline:
        time.sleep(0.01)
    [(ticket, at)] = pipeline.runs
    assert ticket in ("1", "2") and 0.2 <= at - started < 0.5
    other = "2" if ticket == "1" else "1"
    assert [t.args[1] for t in tasks.huey.pending()] in ([other, "9"], ["9", other])
    assert tasks.huey.dequeue().args[1] == other  # the timed retry ahead of the waiting event
    pipeline.go_on.set()


def test_without_spare_threads_a_timed_retry_goes_on_the_queue() -> None:
    tasks, _, _ = queue()
    pipeline = SlowPipeline()
    tasks.bind(Handlers(pipeline=pipeline, send=lambda: None, sweep=lambda: None,  # type: ignore[arg-type]
                        reconcile=lambda _since: None))
    tasks._follow_up("process_ticket", [PLATFORM, "1", "event"],
                     Outcome(PLATFORM, "1", "retry", error=RetryAfterError(0.05), retry_in=0.05, attempts=1))
    deadline = time.monotonic() + 5
    while tasks.huey.pending_count() == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pipeline.runs == [] and tasks.huey.pending_count() == 1


def test_a_busy_ticket_or_a_backoff_is_retried_through_the_queue_not_on_a_spare_thread() -> None:
    tasks, _, _ = queue()
    pipeline = SlowPipeline()
    tasks.bind(Handlers(pipeline=pipeline, send=lambda: None, sweep=lambda: None,  # type: ignore[arg-type]
                        reconcile=lambda _since: None))
    tasks.run_timed_retries_here(2)
    tasks._follow_up("process_ticket", [PLATFORM, "1", "event"], Outcome(PLATFORM, "1", "busy", retry_in=0.05))
    tasks._follow_up("process_ticket", [PLATFORM, "2", "event"],
                     Outcome(PLATFORM, "2", "retry", error=TransientError("503"), retry_in=0.05, attempts=1))
    deadline = time.monotonic() + 5
    while tasks.huey.pending_count() < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pipeline.runs == [] and tasks.huey.pending_count() == 2


def bound(jobs: dict[str, Callable[[], object]]) -> tuple[TaskQueue, MemoryStore]:
    tasks, store, _ = queue()
    tasks.bind(Handlers(pipeline=None, send=lambda: None, sweep=lambda: None,  # type: ignore[arg-type]
                        reconcile=lambda _since: None, periodic=jobs))
    return tasks, store


def test_a_periodic_job_the_helpdesk_rate_limits_runs_again_at_its_retry_after_not_as_a_dead_letter() -> None:
    failures: list[Exception] = [RetryAfterError(7), TransientError("503"), TransientError("503")]
    ran: list[str] = []

    def ratings() -> int:
        if failures:
            raise failures.pop(0)
        ran.append("imported")
        return 3

    tasks, store = bound({"import_ratings": ratings})
    tasks.periodic["import_ratings"].call_local()  # type: ignore[attr-defined]
    waits = []
    for _ in range(3):
        [again] = tasks.huey.pending()
        tasks.huey.flush()
        waits.append(round((again.eta - datetime.now(UTC).replace(tzinfo=None)).total_seconds()))
        tasks._run_periodic(*again.args)
    assert ran == ["imported"] and store.dead_letters == [] and tasks.huey.pending() == []
    assert waits[0] == 7  # the Retry-After, to the second; then the queue's backoff: 1 s, then 2 s
    assert waits[1:] == [1, 2]


def test_a_periodic_job_that_keeps_failing_is_one_dead_letter_after_the_retries() -> None:
    def ratings() -> int:
        raise TransientError("503 from the helpdesk")

    tasks, store = bound({"import_ratings": ratings})
    tasks.periodic["import_ratings"].call_local()  # type: ignore[attr-defined]
    for _ in range(3):
        [again] = tasks.huey.pending()
        tasks.huey.flush()
        tasks._run_periodic(*again.args)
    assert tasks.huey.pending() == []
    [(task, args, error)] = store.dead_letters
    assert task == "import_ratings" and args == [] and "503 from the helpdesk" in error


def test_a_periodic_job_with_a_bug_is_a_dead_letter_at_once() -> None:
    def ratings() -> int:
        raise KeyError("score")

    tasks, store = bound({"import_ratings": ratings})
    tasks.periodic["import_ratings"].call_local()  # type: ignore[attr-defined]
    assert tasks.huey.pending() == [] and [task for task, _, _ in store.dead_letters] == ["import_ratings"]
