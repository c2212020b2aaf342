"""`escalator import freshdesk` against replies shaped from Freshdesk's documented SLA policy, business hours and group
objects (shared/reference/freshdesk.md, section 3): a configuration check-config accepts, that decides tickets as
Freshdesk's own policies would (the first active policy whose applicable_to holds, else the default one; targets in
seconds; business hours per group, else the default set), worked out here independently minute by minute. The
end-to-end run against the Freshdesk sandbox is to come with that sandbox."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import responses
import yaml
from click.testing import CliRunner

from adapters.freshdesk import FreshdeskAdapter
from adapters.freshdesk_sla import translate
from plugin.config import FreshdeskConfig, load_config
from plugin.domain import ClockKind, TicketHistory
from plugin.facts import gather
from webhooks.cli import main

BASE = "https://acme.freshdesk.com/api/v2"
WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def target(respond: int, resolve: int, business: bool = True) -> dict[str, Any]:
    return {"respond_within": respond, "resolve_within": resolve, "business_hours": business,
            "escalation_enabled": True}


BUSINESS_HOURS = [
    {"id": 1, "name": "Default", "description": "Head office", "time_zone": "Eastern Time (US & Canada)",
     "is_default": True, "business_hours": {d: {"start_time": "09:00:00 am", "end_time": "05:00:00 pm"}
                                            for d in WEEK[:5]}},
    {"id": 2, "name": "EU Tier 1", "description": "Paris desk", "time_zone": "Paris", "is_default": False,
     "business_hours": {d: {"start_time": "08:00:00 am", "end_time": "04:30:00 pm"} for d in WEEK[:6]}},
]
GROUPS = [{"id": 11, "name": "Frontline EU", "business_hour_id": 2}, {"id": 12, "name": "Billing",
                                                                      "business_hour_id": 1},
          {"id": 13, "name": "Night", "business_hour_id": None}]
POLICIES = [
    {"id": 1, "name": "Default SLA Policy", "description": "default", "active": True, "is_default": True,
     "position": 1, "applicable_to": {},
     "sla_target": {"priority_4": target(3600, 14400, False), "priority_3": target(7200, 28800),
                    "priority_2": target(14400, 86400), "priority_1": target(28800, 172800)},
     "escalation": {"response": {"escalation_time": 0, "agent_ids": [-1]}}},
    {"id": 2, "name": "Premium companies", "description": "", "active": True, "is_default": False, "position": 2,
     "applicable_to": {"company_ids": [501, 502]},
     "sla_target": {"priority_4": target(900, 7200, False), "priority_3": target(1800, 14400),
                    "priority_2": target(3600, 28800), "priority_1": target(7200, 57600)}},
    {"id": 3, "name": "Phone incidents", "description": "", "active": True, "is_default": False, "position": 3,
     "applicable_to": {"sources": [3], "ticket_types": ["Incident"]},
     "sla_target": {"priority_4": target(600, 3600, False), "priority_3": target(1200, 7200),
                    "priority_2": target(2400, 14400), "priority_1": target(4800, 28800)}},
    {"id": 4, "name": "Retired", "description": "", "active": False, "is_default": False, "position": 4,
     "applicable_to": {"group_ids": [12]}, "sla_target": {"priority_2": target(60, 120)}},
    {"id": 5, "name": "Product X", "description": "", "active": True, "is_default": False, "position": 5,
     "applicable_to": {"product_ids": [9]}, "sla_target": {"priority_2": target(60, 120)}},
    {"id": 6, "name": "EU frontline", "description": "", "active": True, "is_default": False, "position": 6,
     "applicable_to": {"group_ids": [11]},
     "sla_target": {"priority_4": target(1800, 7200), "priority_3": target(3600, 14400),
                    "priority_2": target(7200, 43200), "priority_1": target(14400, 86400)}},
]


def ticket_json(number: int, created: datetime, **fields: Any) -> dict[str, Any]:
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    values: dict[str, Any] = {"id": number, "subject": f"Ticket {number}", "description_text": "Help",
                              "status": 2, "priority": 2, "source": 1, "type": "Question", "company_id": None,
                              "group_id": None, "requester_id": 900, "responder_id": None, "tags": [],
                              "custom_fields": {}, "created_at": stamp, "updated_at": stamp}
    values.update(fields)
    return values


# ---------------------------------------------------------------- what Freshdesk would do, worked out independently


def freshdesk_policy(ticket: Mapping[str, Any]) -> dict[str, Any]:
    actual = {"company_ids": ticket["company_id"], "group_ids": ticket["group_id"], "sources": ticket["source"],
              "ticket_types": ticket["type"], "product_ids": ticket.get("product_id")}
    for policy in sorted(POLICIES, key=lambda p: p["position"]):
        if policy["is_default"] or not policy["active"]:
            continue
        if all(actual[key] in values for key, values in policy["applicable_to"].items() if values):
            return policy
    return POLICIES[0]


def _open(hours: Mapping[str, Any], moment: datetime) -> bool:
    zone = ZoneInfo({"Eastern Time (US & Canada)": "America/New_York", "Paris": "Europe/Paris"}[hours["time_zone"]])
    local = moment.astimezone(zone)
    day = hours["business_hours"].get(WEEK[local.weekday()])
    if day is None:
        return False

    def minute(text: str) -> int:
        clock, half = text.split(" ")
        h, m, _ = (int(p) for p in clock.split(":"))
        return (h % 12 + (12 if half == "pm" else 0)) * 60 + m

    return minute(day["start_time"]) <= local.hour * 60 + local.minute < minute(day["end_time"])


def freshdesk_due(ticket: Mapping[str, Any], seconds: int, business: bool) -> datetime:
    created = datetime.fromisoformat(ticket["created_at"].replace("Z", "+00:00"))
    if not business:
        return created + timedelta(seconds=seconds)
    group = next((g for g in GROUPS if g["id"] == ticket["group_id"]), None)
    hours_id = group["business_hour_id"] if group and group["business_hour_id"] else 1
    hours = next(h for h in BUSINESS_HOURS if h["id"] == hours_id)
    moment, counted = created, 0
    while counted < seconds // 60:
        counted += _open(hours, moment)
        moment += timedelta(minutes=1)
    return moment


MONDAY = datetime(2026, 11, 23, tzinfo=UTC)
TICKETS = [
    ticket_json(1, MONDAY.replace(hour=15), company_id=501, priority=3),  # premium company
    ticket_json(2, MONDAY.replace(hour=20), source=3, type="Incident", priority=2),  # phone incident, 15:00 NY
    ticket_json(3, MONDAY.replace(hour=6), group_id=11, priority=2),  # EU frontline, Paris hours 08:00-16:30
    ticket_json(4, MONDAY.replace(hour=21), group_id=12, priority=2),  # the retired policy: the default one
    ticket_json(5, MONDAY.replace(hour=16), priority=4),  # urgent, default: calendar time
    ticket_json(6, MONDAY.replace(hour=14), company_id=502, source=3, type="Incident", priority=1),  # first match
    ticket_json(7, datetime(2026, 11, 28, 9, tzinfo=UTC), group_id=11, priority=3),  # Saturday in Paris
]
EXPECTED = {1: "premium_companies", 2: "phone_incidents", 3: "eu_frontline", 4: "default", 5: "default",
            6: "premium_companies", 7: "eu_frontline"}


def stub(rsps: responses.RequestsMock) -> None:
    rsps.get(f"{BASE}/sla_policies", json=POLICIES)
    rsps.get(f"{BASE}/business_hours", json=BUSINESS_HOURS)
    rsps.get(f"{BASE}/groups", json=GROUPS)


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "escalator.yaml"
    path.write_text(yaml.safe_dump({"freshdesk": {"domain": "acme", "api_key": "k3y"},
                                    "organization": {"timezone": "UTC"}}), encoding="utf-8")
    return path


@responses.activate
def test_import_freshdesk_writes_a_config_check_config_accepts_and_that_decides_as_freshdesk(
        config_path: Path) -> None:
    stub(responses.mock)
    runner = CliRunner()
    merged = runner.invoke(main, ["import", "freshdesk", "--config", str(config_path), "--merge"],
                           catch_exceptions=False)
    assert merged.exit_code == 0, merged.output
    assert "not translated: policy 'Retired' is inactive in Freshdesk; left out" in merged.stderr
    assert "not translated: policy 'Product X': products [9] are not read from tickets here" in merged.stderr
    assert "escalation e-mails are not translated" in merged.stderr
    assert runner.invoke(main, ["check-config", "--config", str(config_path)]).exit_code == 0
    config = load_config(config_path)
    assert config.sla.schedule == "default" and config.sla.group_schedules == {"freshdesk": {"11": "eu_tier_1"}}
    assert config.schedules["eu_tier_1"].timezone == "Europe/Paris"
    assert config.schedules["eu_tier_1"].hours["sat"] == ["08:00-16:30"]
    assert [p.name for p in config.sla.policies] == ["premium_companies", "phone_incidents", "eu_frontline"]
    adapter = FreshdeskAdapter(config.freshdesk)
    for raw in TICKETS:
        ticket = adapter._ticket(raw)
        created = ticket.created_at
        facts = gather(ticket, None, TicketHistory(), created + timedelta(minutes=1), config)
        theirs = freshdesk_policy(raw)
        assert facts.policy.name == EXPECTED[raw["id"]], raw["id"]
        wanted = theirs["sla_target"][f"priority_{raw['priority']}"]
        clocks = {c.status.kind: c.status for c in facts.clocks}
        first, resolution = clocks[ClockKind.FIRST_RESPONSE], clocks[ClockKind.RESOLUTION]
        assert first.due_at == freshdesk_due(raw, wanted["respond_within"], wanted["business_hours"]), raw["id"]
        assert resolution.due_at == freshdesk_due(raw, wanted["resolve_within"], wanted["business_hours"]), raw["id"]
    # Ticket 3: Monday 06:00 UTC is 07:00 in Paris; the EU desk opens at 08:00: + 2h = 10:00 Paris
    first3 = next(c.status for c in gather(adapter._ticket(TICKETS[2]), None, TicketHistory(), MONDAY.replace(
        hour=7), config).clocks if c.status.kind == ClockKind.FIRST_RESPONSE)
    assert first3.due_at == datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Paris"))


@responses.activate
def test_import_freshdesk_prints_the_sections_with_what_it_left_out(config_path: Path) -> None:
    stub(responses.mock)
    shown = CliRunner().invoke(main, ["import", "freshdesk", "--config", str(config_path)], catch_exceptions=False)
    assert shown.exit_code == 0
    text = shown.stdout
    assert text.startswith("# Imported from freshdesk by `escalator import freshdesk`.\n# Not translated as it is:")
    data = yaml.safe_load(text)
    assert data["sla"]["matrix"]["critical"] == {"business_hours": False, "first_response": "60m",
                                                 "resolution": "240m"}
    assert data["sla"]["policies"][1]["match"] == {"all": [
        {"field": "channel", "operator": "one_of", "value": ["3"]},
        {"field": "ticket_type", "operator": "one_of", "value": ["Incident"]}]}
    assert "k3y" not in shown.output


def test_times_of_day_as_freshdesk_writes_them() -> None:
    hours = [{"id": 9, "name": "Odd", "time_zone": "Nowhere/Land", "is_default": True, "business_hours": {
        "monday": {"start_time": "12:00:00 am", "end_time": "11:59:59 pm"},
        "tuesday": {"start_time": "12:30:00 pm", "end_time": "01:15:00 pm"}, "funday": {}}}]
    result = translate([], hours)
    assert result.schedules["odd"]["hours"] == {"mon": ["00:00-24:00"], "tue": ["12:30-13:15"]}
    assert any("time zone 'Nowhere/Land' is not known" in note for note in result.untranslated)
    assert any("day 'funday' is not known" in note for note in result.untranslated)


@responses.activate
def test_a_refusal_is_said_and_nothing_is_written(config_path: Path) -> None:
    responses.get(f"{BASE}/sla_policies", status=403, json={"code": "access_denied", "message": "admins only"})
    before = config_path.read_text()
    result = CliRunner().invoke(main, ["import", "freshdesk", "--config", str(config_path), "--merge"])
    assert result.exit_code == 1 and "freshdesk refused" in result.stderr
    assert config_path.read_text() == before
    assert FreshdeskConfig(domain="acme").configured
