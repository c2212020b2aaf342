"""`escalator import zendesk` against the sandbox: its SLA policies and business-hour schedules become a configuration
that check-config accepts and that decides the sandbox's tickets as Zendesk's own policies would: the same policy
(the first whose filter matches), the same targets, the same due times in the same hours (holidays included). What
Zendesk would do is worked out here independently, minute by minute from the policies' and schedules' JSON."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from click.testing import CliRunner

from adapters.sandbox import Sandbox
from adapters.zendesk import ZendeskAdapter
from plugin.config import ZendeskConfig, load_config
from plugin.domain import ClockKind, TicketHistory
from plugin.facts import gather
from webhooks.cli import main

NEW_YORK = ZoneInfo("America/New_York")
MONDAY = datetime(2026, 11, 23, tzinfo=UTC)


def minutes(day: int, start: str, end: str) -> dict[str, int]:
    """A Zendesk interval: minutes from Sunday 00:00 (day 0 is Sunday)."""
    h1, m1 = (int(p) for p in start.split(":"))
    h2, m2 = (int(p) for p in end.split(":"))
    return {"start_time": day * 1440 + h1 * 60 + m1, "end_time": day * 1440 + h2 * 60 + m2}


def metric(priority: str, name: str, target: int, business: bool = True) -> dict[str, Any]:
    return {"priority": priority, "metric": name, "target": target, "business_hours": business}


def seed(sandbox: Sandbox) -> dict[str, Any]:
    state = sandbox.state
    state.add_user("Escalator Bot", sandbox.email, role="admin")
    globex = state.add_organization("Globex")
    support = state.add_schedule("Support Hours", "Eastern Time (US & Canada)",
                                 [minutes(d, "09:00", "17:00") for d in range(1, 6)])
    state.add_holiday(support["id"], "Thanksgiving", "2026-11-26", "2026-11-26")
    state.add_schedule("Night Desk", "UTC", [i for d in range(7) for i in (minutes(d, "00:00", "06:00"),
                                                                            minutes(d, "22:00", "24:00"))])
    state.add_sla_policy("Enterprise Plan", position=1, filter={"all": [
        {"field": "organization_id", "operator": "is", "value": str(globex["id"])}], "any": []}, policy_metrics=[
        metric("urgent", "first_reply_time", 30, False), metric("urgent", "agent_work_time", 240, False),
        metric("high", "first_reply_time", 60), metric("high", "agent_work_time", 480),
        metric("normal", "first_reply_time", 120), metric("normal", "agent_work_time", 960),
        metric("low", "first_reply_time", 240), metric("low", "agent_work_time", 1440)])
    state.add_sla_policy("Incidents", position=2, filter={"all": [
        {"field": "type", "operator": "is", "value": "incident"}], "any": []}, policy_metrics=[
        metric("urgent", "first_reply_time", 15, False), metric("urgent", "requester_wait_time", 120, False),
        metric("high", "first_reply_time", 60), metric("high", "requester_wait_time", 480),
        metric("normal", "first_reply_time", 240), metric("normal", "requester_wait_time", 1440),
        metric("low", "first_reply_time", 480), metric("low", "requester_wait_time", 2880)])
    state.add_sla_policy("VIP or press", position=3, filter={"all": [], "any": [
        {"field": "current_tags", "operator": "includes", "value": "vip press"}]}, policy_metrics=[
        metric(p, "first_reply_time", t) for p, t in (("urgent", 15), ("high", 30), ("normal", 60), ("low", 120))]
        + [metric(p, "agent_work_time", t) for p, t in (("urgent", 120), ("high", 240), ("normal", 600),
                                                          ("low", 960))])
    state.add_sla_policy("Brand B", position=4, filter={"all": [{"field": "brand_id", "operator": "is",
                                                                 "value": "2"}], "any": []},
                         policy_metrics=[metric("normal", "first_reply_time", 5)])
    dana = state.add_user("Dana Scully", "dana@example.com")
    hank = state.add_user("Hank Scorpio", "hank@globex.example", organization_id=globex["id"])
    return {"dana": dana["id"], "hank": hank["id"], "support": support}


# ---------------------------------------------------------------- what Zendesk would do, worked out independently


def _holds(condition: Mapping[str, Any], ticket: Mapping[str, Any]) -> bool:
    field, operator, value = condition["field"], condition["operator"], condition["value"]
    if field == "current_tags":
        return bool(set(str(value).split()) & set(ticket["tags"]))
    actual = {"organization_id": str(ticket["organization_id"]), "type": ticket["type"]}.get(field)
    if actual is None and field not in ("organization_id", "type"):
        return False  # a field the sandbox's tickets do not carry (a brand): not this ticket
    return (actual == str(value)) == (operator == "is")


def zendesk_policy(ticket: Mapping[str, Any], policies: list[dict[str, Any]]) -> dict[str, Any] | None:
    for policy in sorted(policies, key=lambda p: p["position"]):
        conditions = policy["filter"]
        if all(_holds(c, ticket) for c in conditions["all"]) and (
                not conditions["any"] or any(_holds(c, ticket) for c in conditions["any"])):
            return policy
    return None


def zendesk_due(start: datetime, target: int, business: bool, schedule: Mapping[str, Any],
                holidays: set[date]) -> datetime:
    """Minute by minute: a minute counts when it lies in an interval of the schedule (minutes from Sunday in its
    zone) on a day that is not a holiday; calendar minutes all count."""
    if not business:
        return start + timedelta(minutes=target)
    zone = ZoneInfo("America/New_York")
    moment, counted = start, 0
    while counted < target:
        local = moment.astimezone(zone)
        week_minute = ((local.weekday() + 1) % 7) * 1440 + local.hour * 60 + local.minute
        if local.date() not in holidays and any(i["start_time"] <= week_minute < i["end_time"]
                                                for i in schedule["intervals"]):
            counted += 1
        moment += timedelta(minutes=1)
    return moment


TICKETS = {
    # who, created, fields: what Zendesk decides is worked out below
    "A": ("hank", MONDAY.replace(hour=14), {"priority": "high"}),
    "B": ("dana", datetime(2026, 11, 25, 20, tzinfo=UTC), {"priority": "normal", "ticket_type": "incident"}),
    "C": ("dana", MONDAY.replace(hour=16), {"priority": "normal", "tags": ["vip"]}),
    "D": ("dana", MONDAY.replace(hour=15, minute=30), {"priority": "low", "tags": ["press"]}),
    "E": ("dana", MONDAY.replace(hour=15), {"priority": "normal"}),
    "F": ("hank", MONDAY.replace(hour=13), {"priority": "normal", "ticket_type": "incident"}),
    "G": ("dana", MONDAY.replace(hour=18, minute=10), {"priority": "urgent", "ticket_type": "incident"}),
}
EXPECTED_POLICY = {"A": "enterprise_plan", "B": "incidents", "C": "vip_or_press", "D": "vip_or_press",
                   "E": "default", "F": "enterprise_plan", "G": "incidents"}


@pytest.fixture
def imported(tmp_path: Path) -> Any:
    with Sandbox(job_delay=0.02) as sandbox:
        ids = seed(sandbox)
        settings = {"subdomain": "sandbox", "email": sandbox.email, "api_token": sandbox.token,
                    "base_url": sandbox.url}
        path = tmp_path / "escalator.yaml"
        path.write_text(yaml.safe_dump({"zendesk": settings, "organization": {"timezone": "UTC"},
                                        "database": {"url": f"sqlite:///{tmp_path / 'db.sqlite'}"}}),
                        encoding="utf-8")
        yield sandbox, ids, path


def test_import_zendesk_writes_a_config_check_config_accepts_and_that_decides_as_zendesk(imported: Any) -> None:
    sandbox, ids, path = imported
    runner = CliRunner()
    shown = runner.invoke(main, ["import", "zendesk", "--config", str(path)], catch_exceptions=False)
    assert shown.exit_code == 0
    assert "Eastern Time" not in shown.stdout and "timezone: America/New_York" in shown.stdout
    assert "not translated: policy 'Brand B': condition brand_id is '2' has no equivalent" in shown.stderr
    assert "not translated: schedule 'night_desk': Zendesk gives it to tickets by trigger" in shown.stderr
    merged = runner.invoke(main, ["import", "zendesk", "--config", str(path), "--merge"], catch_exceptions=False)
    assert merged.exit_code == 0, merged.output
    assert "check-config accepts it" in merged.stdout
    checked = runner.invoke(main, ["check-config", "--config", str(path)], catch_exceptions=False)
    assert checked.exit_code == 0 and "Configuration OK" in checked.stdout
    config = load_config(path)
    assert config.sla.schedule == "support_hours"
    assert config.schedules["support_hours"].extra_holidays == [date(2026, 11, 26)]
    assert [p.name for p in config.sla.policies] == ["enterprise_plan", "incidents", "vip_or_press"]

    state = sandbox.state
    policies = list(state.sla_policies.values())
    holidays = {date(2026, 11, 26)}
    adapter = ZendeskAdapter(ZendeskConfig(**yaml.safe_load(path.read_text())["zendesk"]))
    now = datetime(2026, 11, 23, 18, 20, tzinfo=UTC)
    for name, (who, created, fields) in TICKETS.items():
        raw = state.create_ticket(requester_id=ids[who], subject=f"Ticket {name}", description="Help",
                                  created_at=created, **fields)
        ticket = adapter.get_ticket(str(raw["id"]))
        customer = adapter.get_customer(str(raw["requester_id"]))
        facts = gather(ticket, customer, TicketHistory(), max(now, created), config)
        theirs = zendesk_policy(state.ticket(raw["id"]), policies)
        assert facts.policy.name == EXPECTED_POLICY[name], name
        if theirs is None:
            assert facts.policy.name == "default"  # Zendesk: no SLA; here the default matrix (said at import)
            continue
        priority = raw["priority"]
        metrics = {m["metric"]: m for m in theirs["policy_metrics"] if m["priority"] == priority}
        first_metric = metrics["first_reply_time"]
        resolution_metric = next(metrics[m] for m in ("agent_work_time", "requester_wait_time") if m in metrics)
        clocks = {c.status.kind: c.status for c in facts.clocks}
        first, resolution = clocks[ClockKind.FIRST_RESPONSE], clocks[ClockKind.RESOLUTION]
        assert first.target == timedelta(minutes=first_metric["target"]), name
        assert first.business_time == first_metric["business_hours"], name
        assert first.due_at == zendesk_due(created, first_metric["target"], first_metric["business_hours"],
                                           ids["support"], holidays), name
        assert resolution.target == timedelta(minutes=resolution_metric["target"]), name
        assert resolution.due_at == zendesk_due(created, resolution_metric["target"],
                                                resolution_metric["business_hours"], ids["support"], holidays), name
    # B: Wednesday 15:00 New York + 4h: 2h Wednesday, Thanksgiving closed, Friday 09:00 + 2h
    [b] = [t for t in state.tickets.values() if t["subject"] == "Ticket B"]
    facts = gather(adapter.get_ticket(str(b["id"])), None, TicketHistory(), TICKETS["B"][1], config)
    first = next(c.status for c in facts.clocks if c.status.kind == ClockKind.FIRST_RESPONSE)
    assert first.due_at == datetime(2026, 11, 27, 11, tzinfo=NEW_YORK)


def test_the_sandbox_serves_zendesk_shaped_sla_policies_and_schedules(imported: Any) -> None:
    import requests

    sandbox, ids, _ = imported
    auth = (f"{sandbox.email}/token", sandbox.token)
    policies = requests.get(f"{sandbox.url}/api/v2/slas/policies.json", auth=auth, timeout=5).json()
    assert policies["count"] == 4 and policies["next_page"] is None
    first = policies["sla_policies"][0]
    assert set(first) >= {"id", "url", "title", "description", "position", "filter", "policy_metrics", "created_at",
                          "updated_at"}
    assert set(first["filter"]) == {"all", "any"} and set(first["policy_metrics"][0]) == {
        "priority", "metric", "target", "business_hours"}
    schedules = requests.get(f"{sandbox.url}/api/v2/business_hours/schedules.json", auth=auth, timeout=5).json()
    assert [s["name"] for s in schedules["schedules"]] == ["Support Hours", "Night Desk"]
    holidays = requests.get(f"{sandbox.url}/api/v2/business_hours/schedules/{ids['support']['id']}/holidays.json",
                            auth=auth, timeout=5).json()
    assert holidays["holidays"][0]["start_date"] == "2026-11-26"
    refused = requests.post(f"{sandbox.url}/api/v2/business_hours/schedules.json", auth=auth, timeout=5,
                            json={"schedule": {"name": "Bad", "time_zone": "UTC",
                                               "intervals": [{"start_time": 1380, "end_time": 1500}]}})
    assert refused.status_code == 422  # an interval may not span two days
