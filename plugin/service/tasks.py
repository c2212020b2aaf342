"""The queued work, as huey tasks: process a ticket, fire a threshold timer, send notifications, sweep.

Failures are retried with backoff; a `Retry-After` from the platform re-queues the task for that time without
spending a retry; a ticket locked by another worker is tried again a second later; a task that still fails after
its retries is written to the dead letters (`escalator dead-letters list|retry|drop`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from huey import crontab
from huey.api import Task
from huey.exceptions import RetryTask

from adapters.base import RetryAfterError
from plugin.service.bootstrap import Services
from plugin.service.channels import scrub
from plugin.service.jobs import (
    import_ratings,
    local_cron,
    run_cleanup,
    send_weekly_report,
    store_resolution_averages,
)
from plugin.store import repository as repo

log = logging.getLogger(__name__)


def timer_task_id(platform: str, ticket_id: str, version: int) -> str:
    """Versioned: huey's revocation sticks to an id, so a re-armed timer needs a new one."""
    return f"timer:{platform}:{ticket_id}:v{version}"


class TaskQueue:
    """Registers the service's tasks on its huey instance and queues them."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._next_send: datetime | None = None  # the sending pass this process has scheduled
        self._schedule_lock = threading.Lock()
        huey = services.huey
        queue = services.config.queue
        retry = {"retries": queue.retries, "retry_delay": int(queue.retry_delay.total_seconds()), "retry_backoff": 2,
                 "context": True}
        self._process = huey.task(name="process_ticket", **retry)(self._guard("process_ticket", self._run_process))
        self._timer = huey.task(name="timer_fired", **retry)(self._guard("timer_fired", self._run_timer))
        self._notify = huey.task(name="send_notifications", **retry)(
            self._guard("send_notifications", self._run_notifications))
        self._sweep = huey.periodic_task(crontab(minute="*"), name="sweep")(self._run_sweep)
        reports, zone = services.config.reports, services.config.organization.timezone
        hour, minute = (int(part) for part in reports.weekly_time.split(":"))
        self._weekly = huey.periodic_task(local_cron(zone, weekday=reports.weekly_day, hour=hour, minute=minute),
                                          name="weekly_report")(self._periodic("weekly_report", send_weekly_report))
        self._resolution = huey.periodic_task(local_cron(zone, hour=6, minute=0), name="resolution_averages")(
            self._periodic("resolution_averages", store_resolution_averages))
        self._cleanup = huey.periodic_task(local_cron(zone, hour=3, minute=30), name="cleanup")(
            self._periodic("cleanup", run_cleanup))
        self._ratings = huey.periodic_task(local_cron(zone, minute=15), name="import_ratings")(
            self._periodic("import_ratings", import_ratings))
        every = max(int(queue.reconcile_every.total_seconds() // 60), 1)
        self._reconcile_ran: datetime | None = None
        self._reconcile = huey.periodic_task(crontab(minute=f"*/{every}"), name="reconcile")(self._run_reconcile)
        self.periodic: dict[str, Callable[..., Any]] = {
            "sweep": self._sweep, "reconcile": self._reconcile, "weekly_report": self._weekly,
            "resolution_averages": self._resolution, "cleanup": self._cleanup, "import_ratings": self._ratings}

    # -- queueing

    def enqueue_process(self, platform: str, ticket_id: str, *, cause: str = "event", delay: float | None = None
                        ) -> None:
        if delay:
            self._process.schedule((platform, ticket_id, cause), delay=delay)
        else:
            self._process(platform, ticket_id, cause)

    def schedule_timer(self, platform: str, ticket_id: str, version: int, due_at: datetime) -> None:
        self._timer.schedule((platform, ticket_id, version, due_at.isoformat()), eta=due_at,
                             id=timer_task_id(platform, ticket_id, version))

    def enqueue_notifications(self) -> None:
        self._notify()

    def schedule_notifications(self, due_at: datetime) -> bool:
        """A sending pass at `due_at` (when the next notification falls due), unless this process has one queued
        already at or before that time. The delay is measured on the service's clock, so a pass falls due with the
        notifications it is for."""
        now = self.services.clock()
        with self._schedule_lock:
            if self._next_send is not None and now < self._next_send <= due_at:
                return False
            self._next_send = due_at
        self._notify.schedule(delay=max((due_at - now).total_seconds(), 0.0) + 0.05)
        return True

    # -- bodies

    def _run_process(self, platform: str, ticket_id: str, cause: str) -> None:
        from plugin.service.processing import process_ticket

        process_ticket(self.services, platform, ticket_id, cause=cause)

    def _run_timer(self, platform: str, ticket_id: str, version: int, due_at: str) -> None:
        from plugin.service.processing import process_ticket

        services = self.services
        now = services.clock()
        with services.store.session() as session:
            current = repo.mark_timer_fired(session, platform, ticket_id, version, now)
        if not current:
            return  # superseded by a newer timer for this ticket
        services.metrics.timer_lag.observe(max((now - datetime.fromisoformat(due_at)).total_seconds(), 0.0))
        process_ticket(services, platform, ticket_id, cause="timer")

    def _run_notifications(self) -> None:
        self.services.notifier.send_pending(self.services)

    def _run_sweep(self) -> None:
        from plugin.service.sweep import sweep

        report = sweep(self.services)
        if report.requeued_events or report.due_tickets or report.notifications_sent or report.notifications_failed \
                or report.errors:
            log.info("sweep: %s", "; ".join(report.lines()))

    def _run_reconcile(self) -> None:
        from plugin.service.reconcile import reconcile

        started = self.services.clock()
        report = reconcile(self.services, last_run=self._reconcile_ran)
        if not report.errors:
            self._reconcile_ran = started  # else the next run reads back to the last good one
        if report.queued or report.errors:
            log.info("reconcile: %s", "; ".join(report.lines()))

    def _periodic(self, name: str, job: Callable[[Services], Any]) -> Callable[[], None]:
        services = self.services

        def run() -> None:
            try:
                result = job(services)
                log.info("%s: %s", name, result)
            except Exception as exc:
                log.exception("periodic job %s failed", name)
                with services.store.session() as session:
                    repo.add_dead_letter(session, name, [], scrub(f"{type(exc).__name__}: {exc}"), 1,
                                         services.clock())

        run.__name__ = name
        return run

    # -- failure handling

    def _guard(self, name: str, body: Callable[..., None]) -> Callable[..., None]:
        services = self.services

        def run(*args: Any, task: Task | None = None) -> None:
            from plugin.service.processing import TicketBusy

            try:
                body(*args)
            except RetryAfterError as exc:
                services.metrics.retries.labels("rate_limited").inc()
                raise RetryTask(f"rate limited: {exc}", delay=max(exc.retry_after, 1)) from None
            except TicketBusy:
                services.metrics.retries.labels("ticket_locked").inc()
                raise RetryTask("ticket locked", delay=1) from None
            except Exception as exc:
                if task is not None and task.retries > 0:
                    services.metrics.retries.labels("error").inc()
                    raise
                log.exception("%s%r failed for good; written to dead letters", name, args)
                with services.store.session() as session:
                    platform = args[0] if name in ("process_ticket", "timer_fired") else None
                    ticket_id = args[1] if name in ("process_ticket", "timer_fired") else None
                    repo.add_dead_letter(session, name, list(args), scrub(f"{type(exc).__name__}: {exc}"),
                                         services.config.queue.retries + 1, services.clock(),
                                         platform=platform, ticket_id=ticket_id)

        run.__name__ = name
        return run

    def replay(self, name: str, args: list[Any]) -> None:
        """Queue a dead letter's task again."""
        if name == "process_ticket":
            self.enqueue_process(str(args[0]), str(args[1]), cause=str(args[2]) if len(args) > 2 else "event")
        elif name == "timer_fired":
            self.enqueue_process(str(args[0]), str(args[1]), cause="timer")
        elif name == "send_notifications":
            self.enqueue_notifications()
        elif name == "send_notification":  # one notification that failed for good: [row id, role]
            with self.services.store.session() as session:
                requeued = repo.requeue_notification(session, int(args[0]))
            if not requeued:
                raise ValueError(f"notification #{args[0]} is not failed any more (sent, requeued or cleaned up)")
            self.enqueue_notifications()
        elif name in self.periodic and name not in ("sweep", "reconcile"):
            self.periodic[name].call_local()  # type: ignore[attr-defined]
        else:
            raise ValueError(f"unknown task {name!r}")
