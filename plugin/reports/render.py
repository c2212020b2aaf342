"""Reports as text, Markdown, JSON, CSV or HTML. The HTML is what managers receive by email (with the chart inline
where the mail client allows, attached otherwise).

Every format shows the same metrics, each with its change from the week before. Calendar durations read in days
("1d 10h 30m"), business durations in business hours ("24h 39m": a business day is however long the schedule is
open). CSV carries raw numbers (counts, shares as fractions, durations in seconds) with the week before and the
change in columns of their own, for spreadsheets.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from plugin.durations import format_duration
from plugin.reports.weekly import ResolutionAverages, WeekFigures, WeeklyReport

FORMATS = ("text", "markdown", "json", "csv", "html")
UNITS = {"count": "tickets", "share": "share", "calendar": "seconds", "business": "business seconds",
         "ratio": "ratio"}

Number = int | float


@dataclass(frozen=True)
class Metric:
    """One row of a report: its value, and (weekly) the value the week before. `kind` is count, share, ratio,
    calendar (seconds) or business (seconds of business time)."""

    name: str
    kind: str
    value: Number | None
    previous: Number | None = None
    note: str = ""
    compared: bool = True  # False: a figure with no week before (the 30-day averages)

    @property
    def change(self) -> Number | None:
        if self.value is None or self.previous is None:
            return None
        if isinstance(self.value, int) and isinstance(self.previous, int):
            return self.value - self.previous
        return float(self.value) - float(self.previous)


def _hours(seconds: float) -> str:
    """Business time in hours and minutes: 24h 39m, 45m, 30s."""
    total = round(abs(seconds))
    sign = "-" if seconds < 0 and total else ""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}h {minutes}m" if minutes else f"{sign}{hours}h"
    if minutes:
        return f"{sign}{minutes}m"
    return f"{sign}{secs}s"


def _value(kind: str, value: Number | None) -> str:
    if value is None:
        return "-"
    if kind == "share":
        return f"{value:.0%}"
    if kind == "ratio":
        return f"{value:.2f}"
    if kind == "calendar":
        return format_duration(timedelta(seconds=round(value)))
    if kind == "business":
        return _hours(value)
    return f"{int(value)}"


def _change(metric: Metric) -> str:
    diff = metric.change
    if diff is None:
        return ""
    if metric.kind == "share":
        return f"{diff * 100:+.0f} pts"
    if metric.kind == "ratio":
        return f"{diff:+.2f}"
    if metric.kind in ("calendar", "business"):
        sign = "+" if diff >= 0 else "-"
        return sign + (_hours(abs(diff)) if metric.kind == "business" else
                       format_duration(timedelta(seconds=round(abs(diff)))))
    return f"{diff:+g}"


def shown(metric: Metric) -> str:
    """The value as people read it, with its note and the change from the week before: "38% (-8 pts)"."""
    text = _value(metric.kind, metric.value)
    if metric.note:
        text += f" {metric.note}"
    change = _change(metric)
    if change:
        text += f" ({change})"
    elif metric.compared and metric.value is not None and metric.previous is None:
        text += " (n/a last week)"
    return text


def weekly_metrics(report: WeeklyReport) -> list[Metric]:
    """The weekly report's rows, the same in every format, each with the week before."""
    f, p = report.figures, report.previous
    rows = [
        Metric("Tickets created", "count", f.created, p.created),
        Metric("Tickets escalated", "count", f.escalated, p.escalated),
        Metric("Tickets resolved", "count", f.resolved, p.resolved),
        Metric("Escalation rate", "share", f.escalation_rate, p.escalation_rate),
    ]
    for tier, rate in f.escalation_rate_by_tier.items():
        rows.append(Metric(f"Escalation rate from Tier {tier} ({report.tier_names.get(tier, '')})", "share", rate,
                           p.escalation_rate_by_tier.get(tier)))
    rows += [
        Metric("Time to escalate (mean)", "calendar", f.time_to_escalate_mean, p.time_to_escalate_mean),
        Metric("Time to escalate (median)", "calendar", f.time_to_escalate_median, p.time_to_escalate_median),
        Metric("Resolution after escalation (mean)", "calendar", f.resolution_after_escalation_mean,
               p.resolution_after_escalation_mean),
        Metric("Escalation-to-resolution ratio", "ratio", f.escalation_to_resolution_ratio,
               p.escalation_to_resolution_ratio),
        Metric("Satisfaction after escalation", "share", f.satisfaction_after_escalation,
               p.satisfaction_after_escalation, note=f"of {f.satisfaction_ratings} rating(s)"),
    ]
    for tier in sorted(set(f.first_contact_resolution_by_tier) | set(p.first_contact_resolution_by_tier)):
        rows.append(Metric(f"First-contact resolution, Tier {tier}", "share",
                           f.first_contact_resolution_by_tier.get(tier), p.first_contact_resolution_by_tier.get(tier)))
    priorities = list(dict.fromkeys([*f.sla_first_response_by_priority, *p.sla_first_response_by_priority]))
    for priority in priorities:
        rows.append(Metric(f"SLA met, {priority}: first response", "share",
                           f.sla_first_response_by_priority.get(priority),
                           p.sla_first_response_by_priority.get(priority)))
        rows.append(Metric(f"SLA met, {priority}: resolution", "share", f.sla_resolution_by_priority.get(priority),
                           p.sla_resolution_by_priority.get(priority)))
    for tier in sorted(set(f.tier_target_by_tier) | set(p.tier_target_by_tier)):
        met, measured = f.tier_target_counts.get(tier, (0, 0))
        rows.append(Metric(f"Tier target met, Tier {tier} ({report.tier_names.get(tier, '')})", "share",
                           f.tier_target_by_tier.get(tier), p.tier_target_by_tier.get(tier),
                           note=f"({met} of {measured} handoff(s) within target)"))
    for rule, count in f.top_reasons:
        rows.append(Metric(f"Top reason: {rule}", "count", count, p.reason_counts.get(rule, 0)))
    return rows


def resolution_metrics(averages: ResolutionAverages) -> list[tuple[str, int, Metric, Metric]]:
    """(group, tickets, business time, calendar time) for all tickets and each split."""
    rows = [("All tickets", averages.tickets, Metric("business", "business", averages.business_seconds,
                                                     compared=False),
             Metric("calendar", "calendar", averages.calendar_seconds, compared=False))]

    def add(label: str, groups: dict[Any, dict[str, float | int]]) -> None:
        for key, values in groups.items():
            rows.append((f"{label}{key}", int(values["tickets"]),
                         Metric("business", "business", float(values["business_seconds"]), compared=False),
                         Metric("calendar", "calendar", float(values["calendar_seconds"]), compared=False)))

    add("Priority ", averages.by_priority)
    add("Tier ", averages.by_tier)
    add("", {str(k).capitalize(): v for k, v in averages.by_escalation.items()})
    return rows


def _text(title: str, rows: Sequence[tuple[str, str]]) -> str:
    width = max((len(name) for name, _ in rows), default=10)
    return "\n".join([title, "=" * len(title), *[f"{name.ljust(width)}  {value}" for name, value in rows]]) + "\n"


def _markdown(title: str, rows: Iterable[tuple[str, str]], header: str = "| metric | value |") -> str:
    lines = [f"# {title}", "", header, "| " + " | ".join("---" for _ in header.strip("|").split("|")) + " |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return buffer.getvalue()


def _html(title: str, rows: Iterable[tuple[str, str]], extra: str = "") -> str:
    cells = "\n".join(f"<tr><td>{html.escape(n)}</td><td style=\"text-align:right\">{html.escape(v)}</td></tr>"
                      for n, v in rows)
    return (f"<html><body style=\"font-family:sans-serif\"><h1>{html.escape(title)}</h1>{extra}"
            f"<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">"
            f"<tr><th>metric</th><th>value</th></tr>\n{cells}</table></body></html>\n")


def _raw(value: Number | None) -> Number | None:
    if value is None or isinstance(value, int):
        return value
    return round(value, 6)


def weekly_title(report: WeeklyReport) -> str:
    last_day = report.end - timedelta(days=1)  # the window ends at the next Monday 00:00, exclusive
    return f"Weekly escalation report {report.week} ({report.start:%d %b} - {last_day:%d %b %Y}, {report.timezone})"


def render_weekly(report: WeeklyReport, fmt: str, *, chart_cid: str | None = None) -> str:
    title = weekly_title(report)
    metrics = weekly_metrics(report)
    rows = [(m.name, shown(m)) for m in metrics]
    if fmt == "json":
        return json.dumps(report.to_json(), indent=2, default=str) + "\n"
    if fmt == "csv":
        return _csv(["metric", "unit", "value", "previous_week", "change"],
                    [(m.name, UNITS[m.kind], _raw(m.value), _raw(m.previous), _raw(m.change)) for m in metrics])
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


def render_resolution(averages: ResolutionAverages, fmt: str) -> str:
    title = f"Average resolution time, {averages.since:%d %b} - {averages.until:%d %b %Y}"
    groups = resolution_metrics(averages)
    if fmt == "json":
        return json.dumps(averages.to_json(), indent=2, default=str) + "\n"
    if fmt == "csv":
        return _csv(["group", "tickets", "business_seconds", "calendar_seconds"],
                    [(name, count, _raw(b.value), _raw(c.value)) for name, count, b, c in groups])
    rows = [(f"{name} ({count} tickets): business / calendar", f"{shown(b)} / {shown(c)}")
            for name, count, b, c in groups]
    renderers: dict[str, Any] = {"text": lambda: _text(title, rows), "markdown": lambda: _markdown(title, rows),
                                 "html": lambda: _html(title, rows)}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return str(renderers[fmt]())


def figures_summary(figures: WeekFigures) -> str:
    return f"{figures.escalated} escalated, {figures.resolved} resolved"
