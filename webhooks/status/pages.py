"""The status pages: At risk, Decisions (and the history download), Ticket, Operations (with the only actions:
retry and drop a dead letter, admins only) and Reports. Each reads its read model from the store in one short
transaction and renders a Jinja template; none writes but the two dead-letter actions.

Query parameters carry filters and page numbers only: never a secret, never customer text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from flask import Blueprint, Response, abort, redirect, render_template, request, stream_with_context, url_for
from flask.typing import ResponseReturnValue

from plugin.config import TRIGGER_NAMES
from plugin.durations import parse_duration
from plugin.reports.chart import weekly_chart
from plugin.reports.render import Metric, resolution_metrics, shown, weekly_metrics, weekly_title
from plugin.reports.weekly import previous_week, resolution_averages, week_of, weekly_report
from plugin.service.countdowns import live_clocks, open_periods
from plugin.service.dead_letters import drop_dead_letter, retry_dead_letter
from plugin.store.at_risk import at_risk as read_at_risk
from plugin.store.decisions import DecisionFilter, recent_decisions
from plugin.store.history_export import HistoryFilter, csv_chunks, history_rows, json_chunks
from plugin.store.operations import backlog, dead_letters, job_runs
from plugin.store.timeline import ticket_timeline
from webhooks.context import current_services
from webhooks.status.access import Session
from webhooks.status.formatting import TZ_COOKIE, Formatter, viewer_zone
from webhooks.status.site import site_of

NAME = "escalator_status"
_WEEK = re.compile(r"^\d{4}-W\d{2}$")
_DONE = {"retried": "queued again", "dropped": "dropped", "missing": "does not exist or was already dropped",
         "refused": "could not be retried (see the error)"}


def _int(name: str, low: int | None = None) -> int | None:
    value = request.args.get(name, "").strip()
    if not value.isdigit():
        return None
    number = int(value)
    return number if low is None or number >= low else None


def _text(name: str, pattern: str = r"^[A-Za-z0-9_.:-]{1,64}$") -> str | None:
    value = request.args.get(name, "").strip()
    return value if value and re.match(pattern, value) else None


def _day(formatter: Formatter) -> tuple[date | None, datetime | None, datetime | None]:
    value = request.args.get("day", "").strip()
    try:
        day = date.fromisoformat(value) if value else None
    except ValueError:
        return None, None, None
    if day is None:
        return None, None, None
    start = datetime.combine(day, time(0), tzinfo=formatter.zone)
    return day, start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=formatter.zone)


def _previous(metric: Metric) -> str:
    """A weekly metric's value the week before, as the report writes values."""
    return shown(Metric(metric.name, metric.kind, metric.previous, compared=False))


def _periods(periods: dict[str, list[tuple[datetime, datetime]]]) -> dict[str, list[list[int]]]:
    """Open periods as the page's script reads them: [start, end] in milliseconds since the epoch."""
    return {key: [[int(a.timestamp() * 1000), int(b.timestamp() * 1000)] for a, b in spans]
            for key, spans in periods.items()}


def add_pages(bp: Blueprint, current_session: Callable[[], Session]) -> None:
    def formatter() -> Formatter:
        services = current_services()
        return Formatter(viewer_zone(request.cookies.get(TZ_COOKIE), services.config.organization.timezone),
                         services.clock())

    def render(template: str, **context: Any) -> str:
        services = current_services()
        sla = services.config.sla
        return render_template(f"escalator_status/{template}", session=current_session(), fmt=formatter(),
                               platforms=services.adapters.names(), tiers=services.config.tiers,
                               refresh=int(services.config.status.refresh.total_seconds()),
                               prefix=site_of().prefix, warning=min(sla.warning_at, default=sla.breach_at),
                               breach=sla.breach_at, **context)

    def admin_only() -> None:
        if not current_session().viewer.is_admin:
            abort(403, "this needs the admin role")

    @bp.get("/")
    def at_risk() -> ResponseReturnValue:
        services = current_services()
        config, now = services.config, services.clock()
        platform, tier = _text("platform"), _int("tier", 1)
        page_number = _int("page", 1) or 1
        with services.store.session() as session:
            page = read_at_risk(session, page=page_number, size=config.status.page_size, platform=platform,
                                tier=tier)
        rows = [(ticket, live_clocks(ticket.clocks or [], config, now)) for ticket in page.tickets]
        periods = _periods(open_periods([c for _, clocks in rows for c in clocks], config, now))
        return render("at_risk.html", page=page, rows=rows, periods=periods, now=now,
                      filters={"platform": platform, "tier": tier})

    def _decision_filter(fmt: Formatter) -> tuple[DecisionFilter, date | None]:
        day, start, end = _day(fmt)
        mode = request.args.get("mode") if request.args.get("mode") in ("live", "shadow") else None
        return DecisionFilter(rule=_text("rule", r"^[a-z0-9_]{1,64}$"), tier=_int("tier", 1),
                              platform=_text("platform"), since=start, until=end, mode=mode), day

    @bp.get("/decisions")
    def decisions() -> ResponseReturnValue:
        services = current_services()
        fmt = formatter()
        chosen, day = _decision_filter(fmt)
        page_number = _int("page", 1) or 1
        with services.store.session() as session:
            page = recent_decisions(session, chosen, page=page_number, size=services.config.status.page_size)
        rules = sorted({r.name for r in services.config.all_rules} | set(TRIGGER_NAMES))
        return render("decisions.html", page=page, chosen=chosen, day=day, rules=rules,
                      query={k: v for k, v in request.args.items() if k != "page"})

    @bp.get("/decisions/export.<fmt_name>")
    def export(fmt_name: str) -> ResponseReturnValue:
        admin_only()
        if fmt_name not in ("csv", "json"):
            abort(404)
        services = current_services()
        fmt = formatter()
        chosen, _ = _decision_filter(fmt)
        since = chosen.since
        if since is None:
            try:
                since = fmt.now - parse_duration(request.args.get("since") or "30d")
            except ValueError:
                abort(400, "since must be a duration like 30d")
        wanted = HistoryFilter(since=since, until=chosen.until, rule=chosen.rule, tier=chosen.tier,
                               platform=chosen.platform)
        chunks = csv_chunks if fmt_name == "csv" else json_chunks

        def generate() -> Iterator[str]:
            with services.store.session() as session:
                yield from chunks(history_rows(session, wanted))

        name = f"escalation-history-{fmt.now:%Y%m%d-%H%M%S}.{fmt_name}"
        mimetype = "text/csv" if fmt_name == "csv" else "application/json"
        return Response(stream_with_context(generate()), mimetype=mimetype,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @bp.get("/tickets/<platform>/<ticket_id>")
    def ticket(platform: str, ticket_id: str) -> ResponseReturnValue:
        services = current_services()
        now = services.clock()
        with services.store.session() as session:
            timeline = ticket_timeline(session, platform, ticket_id)
        if timeline.ticket is None and not timeline.entries:
            abort(404, "the escalator has no record of this ticket")
        clocks = live_clocks(timeline.ticket.clocks or [], services.config, now) if timeline.ticket else []
        return render("ticket.html", platform=platform, ticket_id=ticket_id, timeline=timeline, clocks=clocks,
                      periods=_periods(open_periods(clocks, services.config, now)), now=now)

    @bp.get("/operations")
    def operations() -> ResponseReturnValue:
        services = current_services()
        now = services.clock()
        database = services.store.ping()
        try:
            depth: int | None = services.huey.pending_count()
        except Exception:
            depth = None
        page_number = _int("page", 1) or 1
        figures = letters = runs = budget = None
        if database:
            with services.store.session() as session:
                figures = backlog(session, now)
                letters = dead_letters(session, page=page_number, size=services.config.status.page_size)
                runs = job_runs(session)
            budget = services.budget.views() if services.budget is not None else []
        done = request.args.get("done")
        message = f"Dead letter #{_int('id')} {_DONE[done]}." if done in _DONE and _int("id") is not None else None
        return render("operations.html", database=database, depth=depth, figures=figures, letters=letters,
                      runs=runs, budget=budget, budget_enabled=services.config.api_budget.enabled, now=now,
                      message=message)

    def _back(done: str, dead_id: int) -> ResponseReturnValue:
        return redirect(url_for(f"{NAME}.operations", done=done, id=dead_id), code=303)

    @bp.post("/operations/dead-letters/<int:dead_id>/retry")
    def retry(dead_id: int) -> ResponseReturnValue:
        admin_only()
        services = current_services()
        return _back(retry_dead_letter(services.store, services.tasks.replay, dead_id, services.clock()), dead_id)

    @bp.post("/operations/dead-letters/<int:dead_id>/drop")
    def drop(dead_id: int) -> ResponseReturnValue:
        admin_only()
        services = current_services()
        return _back("dropped" if drop_dead_letter(services.store, dead_id, services.clock()) else "missing",
                     dead_id)

    @bp.get("/reports")
    def reports() -> ResponseReturnValue:
        services = current_services()
        config, now = services.config, services.clock()
        zone = config.organization.timezone
        week = request.args.get("week", "").strip().upper()
        if not _WEEK.match(week):
            week = previous_week(week_of(now, zone))
        with services.store.session() as session:
            try:
                report = weekly_report(session, config, week)
            except ValueError:
                abort(400, "week must look like 2026-W47")
            averages = resolution_averages(session, now)
        groups = resolution_metrics(averages)
        longest = max([b.value or 0 for _, _, b, _ in groups] + [1])
        return render("reports.html", report=report, title=weekly_title(report), metrics=weekly_metrics(report),
                      averages=averages, groups=groups, longest=longest, week=week,
                      earlier=previous_week(week), this_week=week_of(now, zone), chart=config.reports.chart,
                      shown=shown, value_of=_previous)

    @bp.get("/reports/weekly/<week>.png")
    def weekly_png(week: str) -> ResponseReturnValue:
        services = current_services()
        if not _WEEK.match(week.upper()):
            abort(404)
        with services.store.session() as session:
            try:
                report = weekly_report(session, services.config, week.upper())
            except ValueError:
                abort(404)
        return Response(weekly_chart(report), mimetype="image/png")
