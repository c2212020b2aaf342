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

from plugin.config import WEEKDAYS, EscalatorConfig
from plugin.domain import Notification
from plugin.ports import Helpdesks
from plugin.reports.chart import weekly_chart
from plugin.reports.render import render_resolution, render_weekly
from plugin.reports.weekly import previous_week, resolution_averages, week_of, weekly_report
from plugin.service.delivery import CHART_CID
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.cleanup import cleanup
from plugin.store.erasure import remove_old_text

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


def build_weekly_report(store: Store, config: EscalatorConfig, now: datetime, week: str) -> dict[str, Any]:
    """Compute the week's report, keep it (reports are never deleted), and return what was saved."""
    with store.session() as session:
        report = weekly_report(session, config, week)
        content = report.to_json()
        content["text"] = render_weekly(report, "text")
        if config.reports.chart:
            content["chart_png"] = base64.b64encode(weekly_chart(report)).decode()
            content["html_email"] = render_weekly(report, "html", chart_cid=CHART_CID)
        repo.save_report(session, "weekly", week, content, render_weekly(report, "html"), now)
    return content


def send_weekly_report(store: Store, config: EscalatorConfig, now: datetime, enqueue: Callable[[], None],
                       week: str | None = None) -> bool:
    """Report last week (or `week`) to the configured role, once: a retry or a second run queues nothing new."""
    week = week or previous_week(week_of(now, config.organization.timezone))
    content = build_weekly_report(store, config, now, week)
    figures = content["figures"]
    notification = Notification(
        role=config.reports.recipients, kind="weekly_report", ticket_id=REPORT_TICKET,
        dedupe_key=f"weekly_report:{week}",
        title=f"Weekly escalation report {week}: {figures['escalated']} escalated, {figures['resolved']} resolved",
        body=content["text"])
    with store.session() as session:
        queued = repo.queue_notification(session, REPORT_PLATFORM, notification, now, timedelta(days=6))
    if queued:
        enqueue()
    return queued


def store_resolution_averages(store: Store, now: datetime) -> None:
    with store.session() as session:
        averages = resolution_averages(session, now)
        repo.save_report(session, "resolution_30d", now.date().isoformat(), averages.to_json(),
                         render_resolution(averages, "html"), now)


def run_cleanup(store: Store, config: EscalatorConfig, now: datetime, *, dry_run: bool = False) -> dict[str, int]:
    """Delete what is no longer needed, then (with `history.retention`) remove the text older than that."""
    with store.session() as session:
        counts = cleanup(session, now, config.database.retention, dry_run, config.notifications.dedupe_period)
    if config.history.retention is not None:
        with store.session() as session:
            removed = remove_old_text(session, now, config.history.retention, dry_run=dry_run)
        counts.update({f"{label} (text removed)": count for label, count in removed.items()})
    return counts


def import_ratings(store: Store, helpdesks: Helpdesks, now: datetime, since: timedelta = timedelta(days=2)) -> int:
    """Satisfaction ratings from every connected helpdesk (they feed 'satisfaction after escalation')."""
    added = 0
    for platform in helpdesks.names():
        for rating in helpdesks.get(platform).satisfaction_ratings(now - since):
            with store.session() as session:
                added += repo.add_rating(session, platform, rating.ticket_id, rating.score, rating.positive,
                                         rating.created_at)
    return added
