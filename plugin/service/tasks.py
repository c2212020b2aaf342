"""The queued work, as huey tasks: the WorkQueue port on huey, and what each task does with an outcome.

A ticket's task runs the pipeline for that ticket; when its outcome asks to try again, the ticket is queued again
at exactly that time (a Retry-After to the second, or a short backoff after a lost answer) by this process's
`Later`, without spending a huey retry and without a worker ever sleeping. After `queue.retries` attempts a
ticket's failure is written to the dead letters once (`escalator dead-letters list|retry|drop`) and its work is
left to the sweep, which tries it again every few minutes: an acknowledged event is never dropped. An unexpected
error (a bug, the database away) is retried by huey with backoff and dead-lettered when it persists.

A busy queue runs the highest priority first (equal ones in the order queued): a retry the platform timed
(Retry-After) or a backoff promised, then what someone is waiting on now (a helpdesk event, a recovery, the alerts'
sending pass), then a clock's check (an SLA or handoff warning, a reminder's re-page, a due ticket the sweep found),
then the periodic jobs. So a burst of new escalations is not queued behind the re-pages of older ones. A consumer
also keeps a few threads of its own for timed retries (`run_timed_retries_here`): when every worker is busy with
slow helpdesk calls, a retry still starts at its Retry-After, not when a worker comes free.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from huey import Huey, crontab
from huey.api import Task
from huey.exceptions import RetryTask

from plugin.config import EscalatorConfig
from plugin.ports import PermanentError, TicketStore
from plugin.service.channels import scrub
from plugin.service.intake import FreshEvents, InboxFeed
from plugin.service.jobs import local_cron
from plugin.service.later import Later
from plugin.service.metrics import Metrics
from plugin.service.pipeline import GIVEN_UP_EVERY, RETRY_BACKOFF_CAP, Outcome, Pipeline, spends_an_attempt

log = logging.getLogger(__name__)


def timer_task_id(platform: str, ticket_id: str, version: int) -> str:
    """Versioned: huey's revocation sticks to an id, so a re-armed timer needs a new one."""
    return f"timer:{platform}:{ticket_id}:v{version}"


@dataclass
class Handlers:
    """What the tasks run, given once the service is wired (the pipeline needs the queue, and the queue these)."""

    pipeline: Pipeline
    send: Callable[[], object]
    sweep: Callable[[], Any]
    reconcile: Callable[[datetime | None], Any]
    periodic: Mapping[str, Callable[[], object]] = field(default_factory=dict)
    requeue_notification: Callable[[int], bool] = lambda _id: False


TIMED = 30  # a retry at the time the platform (Retry-After) or a backoff gave
FRESH = 20  # a helpdesk event, a recovery, a follow-up, the sending pass
CLOCK = 10  # a timer falling due, a due ticket the sweep found, the sweep itself


def priority_of(cause: str) -> int:
    """The queue priority of a ticket's run for `cause`."""
    return CLOCK if cause == "timer" else FRESH


class TaskQueue:
    """Registers the service's tasks on its huey instance and queues them (plugin.ports.WorkQueue)."""

    def __init__(self, huey: Huey, config: EscalatorConfig, store: TicketStore, clock: Callable[[], datetime],
                 metrics: Metrics, later: Later | None = None) -> None:
        self.huey, self.config, self.store, self.clock, self.metrics = huey, config, store, clock, metrics
        self.later = later or Later()
        self._handlers: Handlers | None = None
        self._next_send: datetime | None = None  # the sending pass this process has scheduled
        self._schedule_lock = threading.Lock()
        self._spare: threading.Semaphore | None = None  # threads for timed retries (a consumer's process only)
        self.feed: InboxFeed | None = None  # queues new inbox events' tickets (the periodic consumer's process)
        queue = config.queue
        retry = {"retries": queue.retries, "retry_delay": int(queue.retry_delay.total_seconds()), "retry_backoff": 2,
                 "context": True}
        self._process = huey.task(name="process_ticket", priority=FRESH, **retry)(
            self._guard("process_ticket", self._run_process))
        self._timer = huey.task(name="timer_fired", priority=CLOCK, **retry)(
            self._guard("timer_fired", self._run_timer))
        self._due = huey.task(name="timers_due", priority=CLOCK, **retry)(self._guard("timers_due", self._run_due))
        self._notify = huey.task(name="send_notifications", priority=FRESH, **retry)(
            self._guard("send_notifications", self._run_notifications))
        self._sweep = huey.periodic_task(crontab(minute="*"), name="sweep", priority=CLOCK)(self._run_sweep)
        reports, zone = config.reports, config.organization.timezone
        hour, minute = (int(part) for part in reports.weekly_time.split(":"))
        schedules = {
            "weekly_report": local_cron(zone, weekday=reports.weekly_day, hour=hour, minute=minute),
            "resolution_averages": local_cron(zone, hour=6, minute=0),
            "cleanup": local_cron(zone, hour=3, minute=30),
            "import_ratings": local_cron(zone, minute=15),
        }
        every = max(int(queue.reconcile_every.total_seconds() // 60), 1)
        self._reconcile_ran: datetime | None = None
        self._reconcile = huey.periodic_task(crontab(minute=f"*/{every}"), name="reconcile")(self._run_reconcile)
        self.periodic: dict[str, Callable[..., Any]] = {"sweep": self._sweep, "reconcile": self._reconcile}
        for name, schedule in schedules.items():
            self.periodic[name] = huey.periodic_task(schedule, name=name)(self._periodic(name))
        self._periodic_again = huey.task(name="periodic_again")(self._run_periodic)

    def bind(self, handlers: Handlers) -> None:
        self._handlers = handlers

    @property
    def handlers(self) -> Handlers:
        if self._handlers is None:
            raise RuntimeError("the task queue has no handlers yet (TaskQueue.bind)")
        return self._handlers

    # -- queueing (the WorkQueue port)

    def enqueue_process(self, platform: str, ticket_id: str, *, cause: str = "event", delay: float | None = None
                        ) -> None:
        self._enqueue_process(platform, ticket_id, cause, delay, priority_of(cause))

    def _enqueue_process(self, platform: str, ticket_id: str, cause: str, delay: float | None, priority: int
                         ) -> None:
        if delay:
            self._process.schedule((platform, ticket_id, cause), delay=delay, priority=priority)
        else:
            self._process(platform, ticket_id, cause, priority=priority)

    def inbox_changed(self) -> None:
        """The request path's nudge (plugin.service.intake.InboxSignal): wakes this process's inbox feed, if it
        runs one; nothing durable, nothing at all in a web-only process (the feed elsewhere polls)."""
        feed = self.feed
        if feed is not None:
            feed.wake()

    def feed_from_inbox(self, inbox: FreshEvents) -> InboxFeed:
        """Run the inbox feed beside this huey's consumer (started and stopped with its workers): the consumer that
        runs the periodic jobs asks for it, so one feed queues each new event's ticket."""
        if self.feed is None:
            self.feed = InboxFeed(inbox, self._enqueue_event, self.clock, self.config.queue.requeue_after)
            self.huey.on_startup("inbox_feed")(self.feed.start)
            self.huey.on_shutdown("inbox_feed")(self.feed.stop)
        return self.feed

    def _enqueue_event(self, platform: str, ticket_id: str) -> None:
        self.enqueue_process(platform, ticket_id)

    def schedule_timer(self, platform: str, ticket_id: str, version: int, due_at: datetime) -> None:
        self._timer.schedule((platform, ticket_id, version, due_at.isoformat()), eta=due_at,
                             id=timer_task_id(platform, ticket_id, version))

    def queue_due_timers(self, platform: str, due: Sequence[tuple[str, int, datetime]]) -> None:
        self._due(platform, [[ticket_id, version, due_at.isoformat()] for ticket_id, version, due_at in due])

    def enqueue_notifications(self) -> None:
        self._notify()

    def schedule_notifications(self, due_at: datetime) -> bool:
        """A sending pass at `due_at` (when the next notification falls due), unless this process has one queued
        already at or before that time. The delay is measured on the service's clock, so a pass falls due with the
        notifications it is for."""
        now = self.clock()
        with self._schedule_lock:
            if self._next_send is not None and now < self._next_send <= due_at:
                return False
            self._next_send = due_at
        self._notify.schedule(delay=max((due_at - now).total_seconds(), 0.0) + 0.05)
        return True

    # -- bodies

    def _run_process(self, platform: str, ticket_id: str, cause: str) -> None:
        [outcome] = self.handlers.pipeline.run(platform, [ticket_id], cause)
        self._follow_up("process_ticket", [platform, ticket_id, cause], outcome)

    def _run_timer(self, platform: str, ticket_id: str, version: int, due_at: str) -> None:
        if not self.store.timer_armed(platform, ticket_id, version):
            return  # superseded by a newer timer for this ticket, or fired by the sweep
        now = self.clock()
        self.metrics.timer_lag.observe(max((now - datetime.fromisoformat(due_at)).total_seconds(), 0.0))
        [outcome] = self.handlers.pipeline.run(platform, [ticket_id], "timer")
        if outcome.finished:
            self.store.fire_timer(platform, ticket_id, version, self.clock())
        self._follow_up("timer_fired", [platform, ticket_id, "timer"], outcome)

    def _run_due(self, platform: str, due: list[list[Any]]) -> None:
        """Due timers the sweep found, decided together: one run, so the platform's bulk read and write carry them
        (Zendesk: show_many and update_many, 100 tickets a request). Each ticket is then on its own: fired when
        its decision is done, else retried alone."""
        armed = [(str(t), int(v), str(d)) for t, v, d in due if self.store.timer_armed(platform, str(t), int(v))]
        if not armed:
            return
        now = self.clock()
        for _, _, due_at in armed:
            self.metrics.timer_lag.observe(max((now - datetime.fromisoformat(due_at)).total_seconds(), 0.0))
        outcomes = self.handlers.pipeline.run(platform, [t for t, _, _ in armed], "timer")
        for (ticket_id, version, _), outcome in zip(armed, outcomes, strict=True):
            if outcome.finished:
                self.store.fire_timer(platform, ticket_id, version, self.clock())
            self._follow_up("timer_fired", [platform, ticket_id, "timer"], outcome)

    def _follow_up(self, name: str, args: list[Any], outcome: Outcome) -> None:
        """Queue the ticket again when its outcome asks for it: at its retry time, or (after `queue.retries`
        attempts) as a dead letter, leaving the retries to the sweep."""
        if outcome.finished:
            return
        limited = not spends_an_attempt(outcome.error)  # a rate limit is waited out, never given up on
        refused = isinstance(outcome.error, PermanentError)  # a read refused (bad credentials?): no quick retries
        retries = self.config.queue.retries
        if outcome.status == "retry" and not limited and (refused or outcome.attempts > retries):
            if outcome.attempts == (1 if refused else retries + 1):  # once, not at every later attempt
                error = scrub(f"{type(outcome.error).__name__}: {outcome.error}")
                self.store.add_dead_letter(name, args, f"{error} (still retried every "
                                           f"{int(GIVEN_UP_EVERY.total_seconds() // 60)} minutes by the sweep)",
                                           outcome.attempts, self.clock(), platform=args[0], ticket_id=args[1])
                log.error("%s %s/%s failed %d times: %s", name, args[0], args[1], outcome.attempts, error)
            self.store.defer(args[0], args[1], self.clock() + GIVEN_UP_EVERY)
            return
        # queued again at its exact time by this process (huey's scheduler would run it up to a second late); the
        # store keeps the work unfinished meanwhile, so a process that dies first loses nothing
        platform, ticket_id, cause = str(args[0]), str(args[1]), str(args[2])
        delay = max(outcome.retry_in or 1.0, 0.0)
        if limited:  # the helpdesk named the moment: kept to it even when every worker is busy
            self.later.after(delay, lambda: self._retry_now(platform, ticket_id, cause))
        else:
            self.later.after(delay, lambda: self._enqueue_process(platform, ticket_id, cause, None, TIMED))

    def run_timed_retries_here(self, threads: int) -> None:
        """Let up to `threads` threads of this process (a consumer's) run a retry at the moment a Retry-After
        named; past them, or in a process that did not ask, the retry goes on the queue ahead of other work (as
        does a retry after a backoff or a busy ticket)."""
        self._spare = threading.Semaphore(threads) if threads > 0 else None

    def _retry_now(self, platform: str, ticket_id: str, cause: str) -> None:
        spare = self._spare
        if spare is None or not spare.acquire(blocking=False):
            self._enqueue_process(platform, ticket_id, cause, None, TIMED)
            return
        threading.Thread(target=self._run_spare, args=(spare, platform, ticket_id, cause), name="timed-retry",
                         daemon=True).start()

    def _run_spare(self, spare: threading.Semaphore, platform: str, ticket_id: str, cause: str) -> None:
        try:
            self._run_process(platform, ticket_id, cause)
        except Exception:  # a bug or the database away: the queue's task, with huey's retries, takes it from here
            log.warning("timed retry of %s/%s failed; queued", platform, ticket_id, exc_info=True)
            self._enqueue_process(platform, ticket_id, cause, None, TIMED)
        finally:
            spare.release()

    def _run_notifications(self) -> None:
        self.handlers.send()

    def _run_sweep(self) -> None:
        report = self.handlers.sweep()
        if report.requeued or report.due_tickets or report.notifications_sent or report.notifications_failed \
                or report.errors:
            log.info("sweep: %s", "; ".join(report.lines()))

    def _run_reconcile(self) -> None:
        started = self.clock()
        report = self.handlers.reconcile(self._reconcile_ran)
        if not report.errors:
            self._reconcile_ran = started  # else the next run reads back to the last good one
        if report.queued or report.errors:
            log.info("reconcile: %s", "; ".join(report.lines()))

    def _periodic(self, name: str) -> Callable[[], None]:
        def run() -> None:
            self._run_periodic(name, 0)

        run.__name__ = name
        return run

    def _run_periodic(self, name: str, failures: int) -> None:
        """Run a periodic job. When the helpdesk rate-limits it or fails for a moment, it runs again at the
        Retry-After (which spends no attempt) or after a doubling backoff, `queue.retries` times, before it is
        written to the dead letters: a 429 on the hourly ratings import is not a failure to show an admin."""
        try:
            result = self.handlers.periodic[name]()
            log.info("%s: %s", name, result)
        except Exception as exc:
            error = scrub(f"{type(exc).__name__}: {exc}")
            if getattr(exc, "retryable", False) and failures < self.config.queue.retries:
                counted = failures + 1 if spends_an_attempt(exc) else failures
                delay = getattr(exc, "retry_after", None) or min(
                    self.config.queue.retry_delay * (2 ** min(failures, 16)), RETRY_BACKOFF_CAP).total_seconds()
                log.warning("periodic job %s: %s; run again in %.0f s", name, error, delay)
                self._periodic_again.schedule((name, counted), delay=delay)
                return
            log.exception("periodic job %s failed", name)
            self.store.add_dead_letter(name, [], error, failures + 1, self.clock())

    # -- failure handling

    def _guard(self, name: str, body: Callable[..., None]) -> Callable[..., None]:
        def run(*args: Any, task: Task | None = None) -> None:
            try:
                body(*args)
            except RetryTask:
                raise
            except Exception as exc:
                if task is not None and task.retries > 0:
                    self.metrics.retries.labels("error").inc()
                    raise
                log.exception("%s%r failed for good; written to dead letters", name, args)
                ticket = name in ("process_ticket", "timer_fired")
                self.store.add_dead_letter(name, list(args), scrub(f"{type(exc).__name__}: {exc}"),
                                           self.config.queue.retries + 1, self.clock(),
                                           platform=args[0] if ticket else None, ticket_id=args[1] if ticket else None)

        run.__name__ = name
        return run

    def replay(self, name: str, args: list[Any]) -> None:
        """Queue a dead letter's task again."""
        if name == "process_ticket":
            self.enqueue_process(str(args[0]), str(args[1]), cause=str(args[2]) if len(args) > 2 else "event")
        elif name == "timer_fired":
            self.enqueue_process(str(args[0]), str(args[1]), cause="timer")
        elif name == "timers_due":  # [platform, [[ticket id, version, due at], ...]]
            for ticket_id, _version, _due_at in args[1]:
                self.enqueue_process(str(args[0]), str(ticket_id), cause="timer")
        elif name == "send_notifications":
            self.enqueue_notifications()
        elif name == "send_notification":  # one notification that failed for good: [row id, role]
            if not self.handlers.requeue_notification(int(args[0])):
                raise ValueError(f"notification #{args[0]} is not failed any more (sent, requeued or cleaned up)")
            self.enqueue_notifications()
        elif name in self.periodic and name not in ("sweep", "reconcile"):
            self.periodic[name].call_local()  # type: ignore[attr-defined]
        else:
            raise ValueError(f"unknown task {name!r}")

