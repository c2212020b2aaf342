"""The weekly escalation report and the 30-day resolution averages, as plain data (see render.py for formats).

A week is an ISO week (Monday 00:00 to Monday 00:00) in the organization's time zone. Definitions, written down so
managers and the tests agree on them:
- escalated: distinct tickets escalated at least once during the week; resolved: tickets solved during the week;
- escalation rate per tier n: of the tickets created in the week that reached tier n, the share that went above it;
- time to escalate: creation to first escalation, for tickets first escalated in the week (mean and median);
- resolution after escalation: first escalation to resolution, for escalated tickets resolved in the week;
- escalation-to-resolution ratio: escalated / resolved in the week;
- satisfaction after escalation: positive share of the ratings received in the week for escalated tickets;
- first-contact resolution by tier: tickets resolved in the week, by the tier they ended at, with at most one agent
  reply and never reopened;
- SLA achievement by priority: of the tickets resolved in the week, the share that met first response / resolution;
- top reasons: escalations of the week by rule;
- tier target met by tier: of the handoffs to tier n in the week whose outcome is known (the tier acted, or its
  response target passed), the share the tier acted on within its target (the handoff clock, plugin/handoff.py).
Tickets learnt of through the backfill export count where the export tells (see plugin/service/backfill.py): an
escalation whose time is known only within an interval counts in a week or a day that holds the whole interval; its
rule, SLA outcome and agent replies are unknown, so it is left out of the top reasons, SLA achievement and
first-contact resolution rather than counted wrong.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from plugin.config import EscalatorConfig
from plugin.domain import Priority
from plugin.reports import queries as q
from plugin.store.models import TicketRow


def week_window(week: str, timezone: str) -> q.Window:
    """"2026-W47" -> Monday 00:00 to the next Monday 00:00, in the zone, as aware datetimes."""
    try:
        year, number = week.upper().split("-W")
        monday = date.fromisocalendar(int(year), int(number), 1)
    except ValueError:
        raise ValueError(f"week {week!r} must look like 2026-W47") from None
    zone = ZoneInfo(timezone)
    start = datetime.combine(monday, time(0), tzinfo=zone)
    return q.Window(start, datetime.combine(monday + timedelta(days=7), time(0), tzinfo=zone))


def week_of(moment: datetime, timezone: str) -> str:
    year, number, _ = moment.astimezone(ZoneInfo(timezone)).isocalendar()
    return f"{year}-W{number:02d}"


def previous_week(week: str) -> str:
    year, number = week.upper().split("-W")
    monday = date.fromisocalendar(int(year), int(number), 1) - timedelta(days=7)
    y, n, _ = monday.isocalendar()
    return f"{y}-W{n:02d}"


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class WeekFigures:
    created: int
    escalated: int
    resolved: int
    escalation_rate: float | None
    escalation_rate_by_tier: dict[int, float | None]
    time_to_escalate_mean: float | None
    time_to_escalate_median: float | None
    resolution_after_escalation_mean: float | None
    escalation_to_resolution_ratio: float | None
    satisfaction_after_escalation: float | None
    satisfaction_ratings: int
    first_contact_resolution_by_tier: dict[int, float | None]
    sla_first_response_by_priority: dict[str, float | None]
    sla_resolution_by_priority: dict[str, float | None]
    top_reasons: list[tuple[str, int]]
    reason_counts: dict[str, int] = field(default_factory=dict)  # every rule's escalations, for the change
    tier_target_by_tier: dict[int, float | None] = field(default_factory=dict)
    tier_target_counts: dict[int, tuple[int, int]] = field(default_factory=dict)  # tier -> (met, measured)


@dataclass
class WeeklyReport:
    week: str
    timezone: str
    start: datetime
    end: datetime
    figures: WeekFigures
    previous: WeekFigures
    days: list[str]
    escalated_per_day: list[int]
    resolved_per_day: list[int]
    escalations_per_day_by_tier: dict[int, list[int]]
    tier_names: dict[int, str] = field(default_factory=dict)

    def change(self, name: str) -> float | None:
        now, before = getattr(self.figures, name), getattr(self.previous, name)
        if isinstance(now, int | float) and isinstance(before, int | float):
            return float(now) - float(before)
        return None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        return data


def priority_name(value: int | None) -> str:
    return Priority(value).name.lower() if value else "none"


def figures(session: Session, window: q.Window, tiers: int) -> WeekFigures:
    created = q.count_created(session, window)
    escalated = q.count_escalated_tickets(session, window)
    resolved = q.count_resolved(session, window)
    reached = q.reached_tiers(session, window, tiers)
    first_escalated = window.has(TicketRow.first_escalated_at)
    _, tte_mean = q.average(session, TicketRow.escalation_seconds, first_escalated)
    _, after_mean = q.average(session, TicketRow.after_escalation_seconds, window.has(TicketRow.solved_at),
                              TicketRow.escalated.is_(True))
    positive, rated = q.satisfaction_after_escalation(session, window)
    fcr = q.first_contact_by_tier(session, window)
    sla = q.sla_by_priority(session, window)
    reasons = q.escalations_by_rule(session, window)
    targets = q.tier_targets(session, window)
    return WeekFigures(
        created=created, escalated=escalated, resolved=resolved,
        escalation_rate=_share(reached[1][1], reached[1][0]) if tiers else None,
        escalation_rate_by_tier={tier: _share(left, n) for tier, (n, left) in reached.items() if tier < tiers},
        time_to_escalate_mean=tte_mean,
        time_to_escalate_median=q.median(session, TicketRow.escalation_seconds, first_escalated),
        resolution_after_escalation_mean=after_mean,
        escalation_to_resolution_ratio=_share(escalated, resolved),
        satisfaction_after_escalation=_share(positive, rated), satisfaction_ratings=rated,
        first_contact_resolution_by_tier={tier: _share(hits, total) for tier, (hits, total) in sorted(fcr.items())},
        sla_first_response_by_priority={priority_name(p): _share(v[0], v[1]) for p, v in sorted(
            sla.items(), key=lambda kv: -(kv[0] or 0))},
        sla_resolution_by_priority={priority_name(p): _share(v[2], v[3]) for p, v in sorted(
            sla.items(), key=lambda kv: -(kv[0] or 0))},
        top_reasons=sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:5],
        reason_counts=dict(sorted(reasons.items())),
        tier_target_by_tier={tier: _share(met, total) for tier, (met, total) in sorted(targets.items())},
        tier_target_counts=dict(sorted(targets.items())),
    )


def weekly_report(session: Session, config: EscalatorConfig, week: str) -> WeeklyReport:
    timezone = config.organization.timezone
    window = week_window(week, timezone)
    tiers = config.tier_count
    # Day boundaries in the zone (a DST week has a 23- or 25-hour day):
    zone = ZoneInfo(timezone)
    days = [q.Window(datetime.combine((window.start + timedelta(days=i)).date(), time(0), tzinfo=zone),
                     datetime.combine((window.start + timedelta(days=i + 1)).date(), time(0), tzinfo=zone))
            for i in range(7)]
    daily = q.daily_counts(session, days)
    return WeeklyReport(
        week=week, timezone=timezone, start=window.start, end=window.end,
        figures=figures(session, window, tiers), previous=figures(session, week_window(previous_week(week), timezone),
                                                                  tiers),
        days=[d.start.strftime("%a %d %b") for d in days], escalated_per_day=[e for e, _ in daily],
        resolved_per_day=[r for _, r in daily], escalations_per_day_by_tier=q.daily_by_tier(session, days, tiers),
        tier_names={n: t.name for n, t in enumerate(config.tiers, start=1)},
    )


@dataclass
class ResolutionAverages:
    since: datetime
    until: datetime
    tickets: int
    business_seconds: float | None
    calendar_seconds: float | None
    by_priority: dict[str, dict[str, float | int]]
    by_tier: dict[int, dict[str, float | int]]
    by_escalation: dict[str, dict[str, float | int]]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["since"], data["until"] = self.since.isoformat(), self.until.isoformat()
        return data


def resolution_averages(session: Session, now: datetime, days: int = 30) -> ResolutionAverages:
    """Mean resolution time of the tickets closed in the last `days` days, in business and calendar time."""
    window = q.Window(now - timedelta(days=days), now)
    closed = window.has(TicketRow.solved_at)
    count, business = q.average(session, TicketRow.resolution_business_seconds, closed)
    _, calendar = q.average(session, TicketRow.resolution_calendar_seconds, closed)

    def split(key: Any) -> dict[Any, dict[str, float | int]]:
        b = q.grouped_average(session, TicketRow.resolution_business_seconds, key, closed)
        c = q.grouped_average(session, TicketRow.resolution_calendar_seconds, key, closed)
        return {k: {"tickets": b[k][0], "business_seconds": b[k][1], "calendar_seconds": c[k][1]}
                for k in sorted(b, key=lambda x: (x is None, x))}

    return ResolutionAverages(
        since=window.start, until=window.end, tickets=count, business_seconds=business, calendar_seconds=calendar,
        by_priority={priority_name(k): v for k, v in split(TicketRow.priority).items()},
        by_tier={int(k): v for k, v in split(TicketRow.tier).items()},
        by_escalation={("escalated" if k else "not escalated"): v for k, v in split(TicketRow.escalated).items()},
    )
