"""The weekly report and the 30-day averages on a generated data set, against answers this test computes on its own
with plain loops over the generated tickets (never through the SQL under test). On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import random
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from plugin.config import load_config
from plugin.reports.render import FORMATS, render_resolution, render_weekly, weekly_metrics
from plugin.reports.weekly import resolution_averages, week_window, weekly_report
from plugin.store import Store
from plugin.store.models import EscalationRow, SatisfactionRow, TicketRow

ZONE = "Europe/Paris"
CONFIG = load_config(data={"organization": {"timezone": ZONE}})
WEEK, PREVIOUS = "2026-W47", "2026-W46"
PRIORITY_NAMES = {1: "low", 2: "medium", 3: "high", 4: "critical"}
RULES = ["sla_breach", "legal_threat", "repeat_contact", "auto_escalate_sla", "critical_incident"]


@dataclass
class Generated:
    tickets: list[dict[str, object]] = field(default_factory=list)
    escalations: list[dict[str, object]] = field(default_factory=list)
    ratings: list[dict[str, object]] = field(default_factory=list)


def generate(seed: int = 47, count: int = 600) -> Generated:
    rng = random.Random(seed)
    start = datetime(2026, 11, 2, tzinfo=ZoneInfo(ZONE))  # Monday of W45
    data = Generated()
    for number in range(count):
        created = start + timedelta(seconds=rng.randint(0, 21 * 86400))
        tier = rng.choices([1, 2, 3, 4], [60, 25, 10, 5])[0]
        escalated = tier > 1
        first_escalated = created + timedelta(seconds=rng.randint(60, 3 * 86400)) if escalated else None
        solved = None
        if rng.random() < 0.7:
            floor = first_escalated or created
            solved = floor + timedelta(seconds=rng.randint(600, 4 * 86400))
        calendar = (solved - created).total_seconds() if solved else None
        business = calendar * rng.uniform(0.2, 0.6) if calendar else None
        ticket = {
            "platform": "zendesk", "ticket_id": str(1000 + number), "status": "solved" if solved else "open",
            "workflow_state": "resolved" if solved else "escalated", "priority": rng.choice([1, 2, 3, 4, None]),
            "tier": tier, "created_at": created.astimezone(UTC), "platform_updated_at": created.astimezone(UTC),
            "first_seen_at": created.astimezone(UTC), "escalated": escalated,
            "first_escalated_at": first_escalated.astimezone(UTC) if first_escalated else None,
            "solved_at": solved.astimezone(UTC) if solved else None,
            "agent_public_replies": rng.randint(0, 3), "reopened": rng.choice([0, 0, 0, 1]),
            "first_response_breached": rng.choice([True, False, False]) if solved else None,
            "resolution_breached": rng.choice([True, False, False, False]) if solved else None,
            "resolution_calendar_seconds": calendar, "resolution_business_seconds": business,
            "escalation_seconds": (first_escalated - created).total_seconds() if first_escalated else None,
            "after_escalation_seconds": (solved - first_escalated).total_seconds() if solved and first_escalated
            else None,
        }
        data.tickets.append(ticket)
        if escalated and first_escalated:
            at = first_escalated
            for to_tier in range(2, tier + 1):
                data.escalations.append({"platform": "zendesk", "ticket_id": ticket["ticket_id"],
                                         "at": at.astimezone(UTC),
                                         "from_tier": to_tier - 1, "to_tier": to_tier, "rule": rng.choice(RULES),
                                         "reason": "generated", "figures": {}, "actor": "rule:x", "note": ""})
                at += timedelta(seconds=rng.randint(60, 86400))
        if solved and rng.random() < 0.5:
            data.ratings.append({"platform": "zendesk", "ticket_id": ticket["ticket_id"],
                                 "score": "good", "positive": rng.random() < 0.7,
                                 "created_at": (solved + timedelta(hours=rng.randint(1, 48))).astimezone(UTC)})
    return data


def load(store: Store, data: Generated) -> None:
    with store.session() as session:
        session.bulk_insert_mappings(TicketRow, [  # type: ignore[arg-type]
            {**t, "subject": "", "tags": [], "fired": [], "clocks": [], "contact_count": 1, "timer_version": 0}
            for t in data.tickets])
        session.bulk_insert_mappings(EscalationRow, data.escalations)  # type: ignore[arg-type]
        session.bulk_insert_mappings(SatisfactionRow, data.ratings)  # type: ignore[arg-type]


def expected_week(data: Generated, week: str) -> dict[str, object]:
    window = week_window(week, ZONE)

    def inside(moment: object) -> bool:
        return isinstance(moment, datetime) and window.start <= moment < window.end

    created = [t for t in data.tickets if inside(t["created_at"])]
    resolved = [t for t in data.tickets if inside(t["solved_at"])]
    escalated_ids = {e["ticket_id"] for e in data.escalations if inside(e["at"])}
    by_id = {t["ticket_id"]: t for t in data.tickets}
    rates = {}
    for tier in range(1, 4):
        reached = [t for t in created if t["tier"] >= tier]  # type: ignore[operator]
        rates[tier] = (sum(1 for t in reached if t["tier"] > tier) / len(reached)) if reached else None  # type: ignore[operator]
    firsts = [t["escalation_seconds"] for t in data.tickets if inside(t["first_escalated_at"])]
    afters = [t["after_escalation_seconds"] for t in resolved if t["escalated"]]
    rated = [r for r in data.ratings if inside(r["created_at"]) and by_id[r["ticket_id"]]["escalated"]]
    fcr: dict[int, list[bool]] = {}
    for t in resolved:
        fcr.setdefault(t["tier"], []).append(t["agent_public_replies"] <= 1 and t["reopened"] == 0)  # type: ignore
    sla: dict[str, list[bool]] = {}
    sla_resolution: dict[str, list[bool]] = {}
    for t in resolved:
        name = PRIORITY_NAMES.get(t["priority"], "none")  # type: ignore[arg-type]
        sla.setdefault(name, []).append(t["first_response_breached"] is False)
        sla_resolution.setdefault(name, []).append(t["resolution_breached"] is False)
    reasons: dict[str, int] = {}
    for e in data.escalations:
        if inside(e["at"]):
            reasons[e["rule"]] = reasons.get(e["rule"], 0) + 1  # type: ignore[index]
    days_escalated, days_resolved = [], []
    days_by_tier: dict[int, list[int]] = {2: [], 3: [], 4: []}
    zone = ZoneInfo(ZONE)
    for i in range(7):
        day = (window.start + timedelta(days=i)).date()
        days_escalated.append(len({e["ticket_id"] for e in data.escalations
                                   if e["at"].astimezone(zone).date() == day}))  # type: ignore[attr-defined]
        for tier, counts in days_by_tier.items():
            counts.append(sum(1 for e in data.escalations if e["to_tier"] == tier
                              and e["at"].astimezone(zone).date() == day))  # type: ignore[attr-defined]
        days_resolved.append(sum(1 for t in data.tickets if t["solved_at"] is not None
                                 and t["solved_at"].astimezone(zone).date() == day))  # type: ignore[attr-defined]
    return {
        "created": len(created), "resolved": len(resolved), "escalated": len(escalated_ids),
        "escalation_rate": rates[1], "escalation_rate_by_tier": rates,
        "time_to_escalate_mean": statistics.fmean(firsts) if firsts else None,
        "time_to_escalate_median": statistics.median(firsts) if firsts else None,
        "resolution_after_escalation_mean": statistics.fmean(afters) if afters else None,
        "escalation_to_resolution_ratio": len(escalated_ids) / len(resolved) if resolved else None,
        "satisfaction": (sum(1 for r in rated if r["positive"]) / len(rated)) if rated else None,
        "fcr": {tier: sum(v) / len(v) for tier, v in fcr.items()},
        "sla": {name: sum(v) / len(v) for name, v in sla.items()},
        "sla_resolution": {name: sum(v) / len(v) for name, v in sla_resolution.items()},
        "reasons": sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:5],
        "days_escalated": days_escalated, "days_resolved": days_resolved, "days_by_tier": days_by_tier,
    }


def check_week(figures: object, expected: dict[str, object]) -> None:
    f = figures
    assert (f.created, f.resolved, f.escalated) == (expected["created"], expected["resolved"],  # type: ignore
                                                    expected["escalated"])
    assert f.escalation_rate == pytest.approx(expected["escalation_rate"])  # type: ignore[attr-defined]
    for tier in (1, 2, 3):
        assert f.escalation_rate_by_tier[tier] == pytest.approx(expected["escalation_rate_by_tier"][tier])  # type: ignore
    for name in ("time_to_escalate_mean", "time_to_escalate_median", "resolution_after_escalation_mean",
                 "escalation_to_resolution_ratio"):
        assert getattr(f, name) == pytest.approx(expected[name], rel=1e-6), name
    assert f.satisfaction_after_escalation == pytest.approx(expected["satisfaction"])  # type: ignore[attr-defined]
    assert f.first_contact_resolution_by_tier == pytest.approx(expected["fcr"])  # type: ignore[attr-defined]
    assert f.sla_first_response_by_priority == pytest.approx(expected["sla"])  # type: ignore[attr-defined]
    assert f.sla_resolution_by_priority == pytest.approx(expected["sla_resolution"])  # type: ignore[attr-defined]
    assert f.top_reasons == expected["reasons"]  # type: ignore[attr-defined]


def test_weekly_report_matches_an_independent_count(store: Store) -> None:
    data = generate()
    load(store, data)
    with store.session() as session:
        report = weekly_report(session, CONFIG, WEEK)
    expected = expected_week(data, WEEK)
    assert expected["created"] > 100 and expected["escalated"] > 20  # the data set exercises every metric
    check_week(report.figures, expected)
    check_week(report.previous, expected_week(data, PREVIOUS))
    assert report.escalated_per_day == expected["days_escalated"]
    assert report.resolved_per_day == expected["days_resolved"]
    assert report.escalations_per_day_by_tier == expected["days_by_tier"]
    assert sum(map(sum, report.escalations_per_day_by_tier.values())) > 20
    assert report.change("escalated") == report.figures.escalated - report.previous.escalated


def test_thirty_day_averages_match_an_independent_count(store: Store) -> None:
    data = generate(seed=3)
    load(store, data)
    now = datetime(2026, 11, 26, 12, tzinfo=UTC)
    with store.session() as session:
        averages = resolution_averages(session, now)
    since = now - timedelta(days=30)
    closed = [t for t in data.tickets if t["solved_at"] is not None and since <= t["solved_at"] < now]  # type: ignore
    assert averages.tickets == len(closed) > 50
    business = statistics.fmean(t["resolution_business_seconds"] for t in closed)  # type: ignore[misc]
    calendar = statistics.fmean(t["resolution_calendar_seconds"] for t in closed)  # type: ignore[misc]
    assert averages.business_seconds == pytest.approx(business)
    assert averages.calendar_seconds == pytest.approx(calendar)
    splits = (("by_priority", lambda t: PRIORITY_NAMES.get(t["priority"], "none")),
              ("by_tier", lambda t: t["tier"]),
              ("by_escalation", lambda t: "escalated" if t["escalated"] else "not escalated"))
    for attribute, key in splits:
        groups: dict[object, list[dict[str, object]]] = {}
        for t in closed:
            groups.setdefault(key(t), []).append(t)
        got = getattr(averages, attribute)
        assert set(got) == set(groups), attribute
        for name, group in groups.items():
            assert got[name]["tickets"] == len(group), (attribute, name)
            for field_name in ("business_seconds", "calendar_seconds"):
                assert got[name][field_name] == pytest.approx(statistics.fmean(
                    t[f"resolution_{field_name}"] for t in group)), (attribute, name, field_name)  # type: ignore[misc]
    assert len(averages.by_priority) == 5 and len(averages.by_tier) == 4


def test_local_cron_follows_the_zone_across_daylight_saving() -> None:
    from plugin.service.jobs import local_cron

    monday_nine = local_cron("Europe/Paris", weekday="mon", hour=9, minute=0)
    winter, summer = datetime(2026, 11, 23, 8, 0), datetime(2026, 6, 22, 7, 0)  # naive UTC, as huey passes it
    assert monday_nine(winter) and monday_nine(summer)
    for moment in (winter - timedelta(hours=1), winter + timedelta(hours=1), winter + timedelta(minutes=1),
                   summer + timedelta(hours=1), winter + timedelta(days=1), winter - timedelta(days=7, hours=1)):
        assert not monday_nine(moment), moment
    fired = [datetime(2026, 3, 23) + timedelta(minutes=m) for m in range(14 * 24 * 60)]  # DST starts on the 29th
    assert [m for m in fired if monday_nine(m)] == [datetime(2026, 3, 23, 8, 0), datetime(2026, 3, 30, 7, 0)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders(store: Store, fmt: str) -> None:
    load(store, generate(count=120))
    with store.session() as session:
        report = weekly_report(session, CONFIG, WEEK)
        averages = resolution_averages(session, datetime(2026, 11, 26, tzinfo=UTC))
    text = render_weekly(report, fmt)
    assert WEEK in text or fmt in ("csv",)
    assert str(report.figures.escalated) in text
    assert render_resolution(averages, fmt)


def test_every_metric_shows_its_change_from_the_week_before(store: Store) -> None:
    load(store, generate())
    with store.session() as session:
        report = weekly_report(session, CONFIG, WEEK)
    metrics = weekly_metrics(report)
    lines = {line.split("  ")[0]: line for line in render_weekly(report, "text").splitlines()}
    prefixes = ("Time to escalate (median)", "Escalation-to-resolution ratio", "Satisfaction after escalation",
                "First-contact resolution", "SLA met", "Top reason")
    for prefix in prefixes:
        assert any(m.name.startswith(prefix) for m in metrics), prefix
    for metric in metrics:
        assert metric.value is not None and metric.previous is not None, metric.name  # both weeks have data
        assert metric.change is not None
        assert lines[metric.name].rstrip().endswith(")") and "(" in lines[metric.name], lines[metric.name]
    ratio = next(m for m in metrics if m.name == "Escalation-to-resolution ratio")
    assert ratio.change == pytest.approx(report.figures.escalation_to_resolution_ratio  # type: ignore[operator]
                                         - report.previous.escalation_to_resolution_ratio)  # type: ignore[operator]
    reason = report.figures.top_reasons[0][0]
    assert next(m for m in metrics if m.name == f"Top reason: {reason}").previous == \
        report.previous.reason_counts.get(reason, 0)


def test_csv_holds_raw_numbers_with_the_change_in_columns_of_its_own(store: Store) -> None:
    load(store, generate())
    with store.session() as session:
        report = weekly_report(session, CONFIG, WEEK)
        averages = resolution_averages(session, datetime(2026, 11, 26, tzinfo=UTC))
    rows = {r["metric"]: r for r in csv.DictReader(io.StringIO(render_weekly(report, "csv")))}
    f, p = report.figures, report.previous
    escalated = rows["Tickets escalated"]
    assert (escalated["unit"], escalated["value"], escalated["previous_week"], escalated["change"]) == (
        "tickets", str(f.escalated), str(p.escalated), str(f.escalated - p.escalated))
    rate = rows["Escalation rate"]
    assert rate["unit"] == "share" and float(rate["value"]) == pytest.approx(f.escalation_rate, abs=1e-6)
    assert float(rate["change"]) == pytest.approx(f.escalation_rate - p.escalation_rate, abs=1e-6)  # type: ignore
    tte = rows["Time to escalate (median)"]
    assert tte["unit"] == "seconds" and float(tte["value"]) == pytest.approx(f.time_to_escalate_median)
    groups = {r["group"]: r for r in csv.DictReader(io.StringIO(render_resolution(averages, "csv")))}
    assert int(groups["All tickets"]["tickets"]) == averages.tickets
    assert float(groups["Tier 2"]["business_seconds"]) == pytest.approx(averages.by_tier[2]["business_seconds"])


def test_titles_name_the_last_day_and_business_time_reads_in_hours(store: Store) -> None:
    load(store, generate(seed=3))
    with store.session() as session:
        report = weekly_report(session, CONFIG, WEEK)
        averages = resolution_averages(session, datetime(2026, 11, 26, tzinfo=UTC))
    assert render_weekly(report, "text").startswith("Weekly escalation report 2026-W47 (16 Nov - 22 Nov 2026, ")
    escalated = averages.by_escalation["escalated"]
    line = next(line for line in render_resolution(averages, "text").splitlines() if line.startswith("Escalated"))
    business, calendar = line.split("business / calendar", 1)[1].strip().split(" / ")
    hours = int(escalated["business_seconds"] // 3600)
    assert hours > 24 and business.startswith(f"{hours}h ") and "d" not in business  # hours, not 24-hour days
    assert calendar.startswith(f"{int(escalated['calendar_seconds'] // 86400)}d ")


def test_a_week_must_be_written_as_an_iso_week() -> None:
    with pytest.raises(ValueError, match="2026-W47"):
        week_window("November", ZONE)
