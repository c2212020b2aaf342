"""Reports as text, Markdown, JSON, CSV or HTML. The HTML is what managers receive by email (the chart travels
as an attachment and is shown inline where the mail client allows)."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable
from typing import Any

from plugin.durations import format_duration
from plugin.reports.weekly import ResolutionAverages, WeekFigures, WeeklyReport

FORMATS = ("text", "markdown", "json", "csv", "html")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _time(seconds: float | None) -> str:
    from datetime import timedelta

    return "-" if seconds is None else format_duration(timedelta(seconds=round(seconds)))


def _delta(now: float | None, before: float | None, kind: str) -> str:
    if now is None or before is None:
        return ""
    diff = now - before
    if kind == "pct":
        return f" ({diff * 100:+.0f} pts)"
    if kind == "time":
        return f" ({'+' if diff >= 0 else '-'}{_time(abs(diff))})"
    return f" ({diff:+g})"


def weekly_rows(report: WeeklyReport) -> list[tuple[str, str]]:
    """(metric, value with the change from the week before), the same rows in every format."""
    f, p = report.figures, report.previous
    rows = [
        ("Tickets created", f"{f.created}{_delta(f.created, p.created, 'n')}"),
        ("Tickets escalated", f"{f.escalated}{_delta(f.escalated, p.escalated, 'n')}"),
        ("Tickets resolved", f"{f.resolved}{_delta(f.resolved, p.resolved, 'n')}"),
        ("Escalation rate", f"{_pct(f.escalation_rate)}{_delta(f.escalation_rate, p.escalation_rate, 'pct')}"),
    ]
    for tier, rate in f.escalation_rate_by_tier.items():
        before = p.escalation_rate_by_tier.get(tier)
        rows.append((f"Escalation rate from Tier {tier} ({report.tier_names.get(tier, '')})",
                     f"{_pct(rate)}{_delta(rate, before, 'pct')}"))
    rows += [
        ("Time to escalate (mean)", f"{_time(f.time_to_escalate_mean)}"
                                    f"{_delta(f.time_to_escalate_mean, p.time_to_escalate_mean, 'time')}"),
        ("Time to escalate (median)", _time(f.time_to_escalate_median)),
        ("Resolution after escalation (mean)", f"{_time(f.resolution_after_escalation_mean)}"
         f"{_delta(f.resolution_after_escalation_mean, p.resolution_after_escalation_mean, 'time')}"),
        ("Escalation-to-resolution ratio", "-" if f.escalation_to_resolution_ratio is None else
         f"{f.escalation_to_resolution_ratio:.2f}"),
        ("Satisfaction after escalation", f"{_pct(f.satisfaction_after_escalation)} of {f.satisfaction_ratings} "
                                          f"rating(s)"),
    ]
    for tier, rate in f.first_contact_resolution_by_tier.items():
        rows.append((f"First-contact resolution, Tier {tier}", _pct(rate)))
    for priority, rate in f.sla_first_response_by_priority.items():
        rows.append((f"SLA met, {priority}: first response / resolution",
                     f"{_pct(rate)} / {_pct(f.sla_resolution_by_priority.get(priority))}"))
    for rule, count in f.top_reasons:
        rows.append((f"Top reason: {rule}", str(count)))
    return rows


def _text(title: str, rows: Iterable[tuple[str, str]]) -> str:
    rows = list(rows)
    width = max((len(name) for name, _ in rows), default=10)
    return "\n".join([title, "=" * len(title), *[f"{name.ljust(width)}  {value}" for name, value in rows]]) + "\n"


def _markdown(title: str, rows: Iterable[tuple[str, str]]) -> str:
    lines = [f"# {title}", "", "| metric | value |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def _csv(rows: Iterable[tuple[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["metric", "value"])
    writer.writerows(rows)
    return buffer.getvalue()


def _html(title: str, rows: Iterable[tuple[str, str]], extra: str = "") -> str:
    cells = "\n".join(f"<tr><td>{html.escape(n)}</td><td style=\"text-align:right\">{html.escape(v)}</td></tr>"
                      for n, v in rows)
    return (f"<html><body style=\"font-family:sans-serif\"><h1>{html.escape(title)}</h1>{extra}"
            f"<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">"
            f"<tr><th>metric</th><th>value</th></tr>\n{cells}</table></body></html>\n")


def render_weekly(report: WeeklyReport, fmt: str, *, chart_cid: str | None = None) -> str:
    title = (f"Weekly escalation report {report.week} ({report.start:%d %b} - "
             f"{report.end:%d %b %Y}, {report.timezone})")
    rows = weekly_rows(report)
    if fmt == "json":
        return json.dumps(report.to_json(), indent=2, default=str) + "\n"
    if fmt == "csv":
        return _csv(rows)
    if fmt == "markdown":
        return _markdown(title, rows)
    if fmt == "html":
        days = "".join(f"<tr><td>{html.escape(d)}</td><td>{e}</td><td>{r}</td></tr>" for d, e, r in zip(
            report.days, report.escalated_per_day, report.resolved_per_day, strict=True))
        picture = f'<p><img src="cid:{chart_cid}" alt="escalated vs resolved per day"></p>' if chart_cid else ""
        daily = (f"{picture}<h2>Per day</h2><table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">"
                 f"<tr><th>day</th><th>escalated</th><th>resolved</th></tr>{days}</table><h2>Metrics</h2>")
        return _html(title, rows, daily)
    if fmt == "text":
        per_day = "\n".join(f"  {d}: escalated {e}, resolved {r}" for d, e, r in zip(
            report.days, report.escalated_per_day, report.resolved_per_day, strict=True))
        return _text(title, rows) + "\nPer day:\n" + per_day + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def resolution_rows(averages: ResolutionAverages) -> list[tuple[str, str]]:
    rows = [("Tickets resolved", str(averages.tickets)),
            ("Average resolution, business time", _time(averages.business_seconds)),
            ("Average resolution, calendar time", _time(averages.calendar_seconds))]

    def add(label: str, groups: dict[Any, dict[str, float | int]]) -> None:
        for key, values in groups.items():
            rows.append((f"{label} {key}: business / calendar ({int(values['tickets'])} tickets)",
                         f"{_time(float(values['business_seconds']))} / {_time(float(values['calendar_seconds']))}"))

    add("Priority", averages.by_priority)
    add("Tier", averages.by_tier)
    add("", averages.by_escalation)
    return [(name.strip(), value) for name, value in rows]


def render_resolution(averages: ResolutionAverages, fmt: str) -> str:
    title = f"Average resolution time, {averages.since:%d %b} - {averages.until:%d %b %Y}"
    rows = resolution_rows(averages)
    if fmt == "json":
        return json.dumps(averages.to_json(), indent=2, default=str) + "\n"
    renderers: dict[str, Any] = {"text": lambda: _text(title, rows), "markdown": lambda: _markdown(title, rows),
                                 "csv": lambda: _csv(rows), "html": lambda: _html(title, rows)}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return str(renderers[fmt]())


def figures_summary(figures: WeekFigures) -> str:
    return f"{figures.escalated} escalated, {figures.resolved} resolved"
