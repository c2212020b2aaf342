"""The periodic jobs, run by the one consumer that runs periodic tasks, on cron schedules in the organization's
time zone: the weekly escalation report, the 30-day resolution averages, cleanup, and the satisfaction ratings
import the reports need."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from plugin.config import WEEKDAYS
from plugin.domain import Notification
from plugin.reports.chart import weekly_chart
from plugin.reports.render import render_resolution, render_weekly
from plugin.reports.weekly import previous_week, resolution_averages, week_of, weekly_report
from plugin.service.bootstrap import Services
from plugin.service.delivery import CHART_CID
from plugin.store import repository as repo
from plugin.store.cleanup import cleanup

log = logging.getLogger(__name__)
REPORT_TICKET = "-"  # notifications about no ticket in particular (reports) use this ticket id
REPORT_PLATFORM = "reports"  # ... and this platform


def local_cron(timezone: str, *, weekday: str | None = None, hour: int | None = None, minute: int = 0
               ) -> Callable[[datetime], bool]:
    """A huey schedule (called each minute with a naive UTC time) that fires at a local wall-clock time."""
    zone = ZoneInfo(timezone)
    day = WEEKDAYS.index(weekday) if weekday else None

    def due(moment: datetime) -> bool:
        local = moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone)
        return (local.minute == minute and (hour is None or local.hour == hour)
                and (day is None or local.weekday() == day))

    return due


def build_weekly_report(services: Services, week: str) -> dict[str, Any]:
    """Compute the week's report, keep it (reports are never deleted), and return what was saved."""
    with services.store.session() as session:
        report = weekly_report(session, services.config, week)
        content = report.to_json()
        content["text"] = render_weekly(report, "text")
        if services.config.reports.chart:
            content["chart_png"] = base64.b64encode(weekly_chart(report)).decode()
            content["html_email"] = render_weekly(report, "html", chart_cid=CHART_CID)
        repo.save_report(session, "weekly", week, content, render_weekly(report, "html"), services.clock())
    return content


def send_weekly_report(services: Services, week: str | None = None) -> bool:
    """Report last week (or `week`) to the configured role, once: a retry or a second run queues nothing new."""
    now = services.clock()
    week = week or previous_week(week_of(now, services.config.organization.timezone))
    content = build_weekly_report(services, week)
    figures = content["figures"]
    notification = Notification(
        role=services.config.reports.recipients, kind="weekly_report", ticket_id=REPORT_TICKET,
        dedupe_key=f"weekly_report:{week}",
        title=f"Weekly escalation report {week}: {figures['escalated']} escalated, {figures['resolved']} resolved",
        body=content["text"])
    with services.store.session() as session:
        queued = repo.queue_notification(session, REPORT_PLATFORM, notification, now, timedelta(days=6))
    if queued:
        services.tasks.enqueue_notifications()
    return queued


def store_resolution_averages(services: Services) -> None:
    now = services.clock()
    with services.store.session() as session:
        averages = resolution_averages(session, now)
        repo.save_report(session, "resolution_30d", now.date().isoformat(), averages.to_json(),
                         render_resolution(averages, "html"), now)


def run_cleanup(services: Services, *, dry_run: bool = False) -> dict[str, int]:
    config = services.config
    with services.store.session() as session:
        return cleanup(session, services.clock(), config.database.retention, dry_run,
                       config.notifications.dedupe_period)


def import_ratings(services: Services, since: timedelta = timedelta(days=2)) -> int:
    """Satisfaction ratings from every connected helpdesk (they feed 'satisfaction after escalation')."""
    added = 0
    now = services.clock()
    for platform in services.adapters.names():
        adapter = services.adapters.get(platform)
        for rating in adapter.satisfaction_ratings(now - since):
            with services.store.session() as session:
                added += repo.add_rating(session, platform, rating.ticket_id, rating.score, rating.positive,
                                         rating.created_at)
    return added
