"""`escalator import freshdesk` against the Freshdesk sandbox: its SLA policies, business hours and groups become a
configuration that check-config accepts and that decides the sandbox's tickets as Freshdesk's own policies do: the
same policy (the first active one by position whose applicable_to holds, else the default), the same targets, and the
due times the sandbox itself gives each ticket (`fr_due_by`, `due_by`), worked out by the sandbox from the policies'
and business hours' JSON (adapters/sandbox/freshdesk/sla.py), in the group's hours or the default ones."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
import yaml
from click.testing import CliRunner

from adapters.freshdesk import FreshdeskAdapter
from adapters.sandbox.freshdesk import FreshdeskSandbox
from plugin.config import load_config
from plugin.domain import ClockKind, TicketHistory
from plugin.facts import gather
from webhooks.cli import main

WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONDAY = datetime(2026, 11, 23, tzinfo=UTC)


def target(respond: int, resolve: int, business: bool = True) -> dict[str, Any]:
    return {"respond_within": respond, "resolve_within": resolve, "business_hours": business,
            "escalation_enabled": True}


def matrix(*targets: dict[str, Any]) -> dict[str, Any]:
    return dict(zip(("priority_4", "priority_3", "priority_2", "priority_1"), targets, strict=True))


def seed(sandbox: FreshdeskSandbox) -> dict[str, Any]:
    state = sandbox.state
    head = state.add_business_hours("Default", "Eastern Time (US & Canada)",
                                    dict.fromkeys(WEEK[:5], ("09:00:00 am", "05:00:00 pm")), is_default=True)
    paris = state.add_business_hours("EU Tier 1", "Paris", dict.fromkeys(WEEK[:6], ("08:00:00 am", "04:30:00 pm")))
    eu = state.add_group("Frontline EU", business_hour_id=paris["id"])
    billing = state.add_group("Billing", business_hour_id=head["id"])
    state.add_group("Night")
    premium = [state.add_company(name) for name in ("Initech", "Globex")]
    state.add_sla_policy({"name": "Default SLA Policy", "is_default": True, "sla_target": matrix(
        target(3600, 14400, False), target(7200, 28800), target(14400, 86400), target(28800, 172800)),
        "escalation": {"response": {"escalation_time": 0, "agent_ids": [-1]}}})
    state.add_sla_policy({"name": "Premium companies", "position": 2,
                          "applicable_to": {"company_ids": [c["id"] for c in premium]}, "sla_target": matrix(
                              target(900, 7200, False), target(1800, 14400), target(3600, 28800),
                              target(7200, 57600))})
    state.add_sla_policy({"name": "Phone incidents", "position": 3,
                          "applicable_to": {"sources": [3], "ticket_types": ["Incident"]}, "sla_target": matrix(
                              target(900, 3600, False), target(1200, 7200), target(2400, 14400),
                              target(4800, 28800))})
    state.add_sla_policy({"name": "Retired", "position": 4, "active": False,
                          "applicable_to": {"group_ids": [billing["id"]]},
                          "sla_target": matrix(*[target(900, 900)] * 4)})
    state.add_sla_policy({"name": "Product X", "position": 5, "applicable_to": {"product_ids": [9]},
                          "sla_target": matrix(*[target(900, 900)] * 4)})
    state.add_sla_policy({"name": "EU frontline", "position": 6, "applicable_to": {"group_ids": [eu["id"]]},
                          "sla_target": matrix(target(1800, 7200), target(3600, 14400), target(7200, 43200),
                                               target(14400, 86400))})
    dana = state.add_contact("Dana Scully", "dana@example.com")
    hank = state.add_contact("Hank Scorpio", "hank@globex.example", company_id=premium[1]["id"])
    return {"dana": dana["id"], "hank": hank["id"], "eu": eu["id"], "billing": billing["id"]}


TICKETS = {  # who, created, fields
    1: ("hank", MONDAY.replace(hour=15), {"priority": 3}),  # premium company
    2: ("dana", MONDAY.replace(hour=20), {"source": 3, "type": "Incident", "priority": 2}),  # phone incident
    3: ("dana", MONDAY.replace(hour=6), {"group": "eu", "priority": 2}),  # Paris hours, before they open
    4: ("dana", MONDAY.replace(hour=21), {"group": "billing", "priority": 2}),  # the retired policy: default
    5: ("dana", MONDAY.replace(hour=16), {"priority": 4}),  # urgent on the default policy: calendar time
    6: ("hank", MONDAY.replace(hour=14), {"source": 3, "type": "Incident", "priority": 1}),  # the first match wins
    7: ("dana", datetime(2026, 11, 28, 9, tzinfo=UTC), {"group": "eu", "priority": 3}),  # Saturday in Paris
    8: ("dana", datetime(2026, 11, 27, 21, 30, tzinfo=UTC), {"priority": 1}),  # Friday evening: over the weekend
}
EXPECTED = {1: "premium_companies", 2: "phone_incidents", 3: "eu_frontline", 4: "default", 5: "default",
            6: "premium_companies", 7: "eu_frontline", 8: "default"}


@pytest.fixture
def imported(tmp_path: Path) -> Iterator[tuple[FreshdeskSandbox, dict[str, Any], Path]]:
    with FreshdeskSandbox() as sandbox:
        ids = seed(sandbox)
        path = tmp_path / "escalator.yaml"
        path.write_text(yaml.safe_dump({"freshdesk": sandbox.settings(), "organization": {"timezone": "UTC"},
                                        "database": {"url": f"sqlite:///{tmp_path / 'db.sqlite'}"}}),
                        encoding="utf-8")
        yield sandbox, ids, path


def served(sandbox: FreshdeskSandbox, ticket_id: int) -> dict[str, Any]:
    answer = requests.get(f"{sandbox.url}/api/v2/tickets/{ticket_id}", auth=(sandbox.api_key, "X"), timeout=5)
    assert answer.status_code == 200
    data: dict[str, Any] = answer.json()
    return data


def stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_import_freshdesk_writes_a_config_that_decides_as_freshdesk(imported: Any) -> None:
    sandbox, ids, path = imported
    runner = CliRunner()
    shown = runner.invoke(main, ["import", "freshdesk", "--config", str(path)], catch_exceptions=False)
    assert shown.exit_code == 0
    assert "timezone: America/New_York" in shown.stdout and "timezone: Europe/Paris" in shown.stdout
    assert "not translated: policy 'Retired' is inactive in Freshdesk; left out" in shown.stderr
    assert "not translated: policy 'Product X': products [9] are not read from tickets here" in shown.stderr
    assert sandbox.api_key not in shown.output
    assert sandbox.write_requests() == 0  # an import only reads
    merged = runner.invoke(main, ["import", "freshdesk", "--config", str(path), "--merge"], catch_exceptions=False)
    assert merged.exit_code == 0, merged.output
    assert "check-config accepts it" in merged.stdout
    checked = runner.invoke(main, ["check-config", "--config", str(path)], catch_exceptions=False)
    assert checked.exit_code == 0 and "Configuration OK" in checked.stdout
    config = load_config(path)
    assert config.sla.schedule == "default"
    assert config.sla.group_schedules == {"freshdesk": {str(ids["eu"]): "eu_tier_1"}}
    assert [p.name for p in config.sla.policies] == ["premium_companies", "phone_incidents", "eu_frontline"]
    assert [(r.method, r.path) for r in sandbox.recorded()] == [
        ("GET", "/api/v2/sla_policies"), ("GET", "/api/v2/business_hours"), ("GET", "/api/v2/groups")] * 2

    adapter = FreshdeskAdapter(config.freshdesk)
    for number, (who, created, fields) in TICKETS.items():
        data = {"requester_id": ids[who], "subject": f"Ticket {number}", "description": "Help", **fields}
        if "group" in data:
            data["group_id"] = ids[data.pop("group")]
        raw = sandbox.state.create_ticket(data, created_at=created)
        ticket = adapter.get_ticket(str(raw["id"]))
        customer = adapter.get_customer(str(raw["requester_id"]))
        facts = gather(ticket, customer, TicketHistory(), created + timedelta(minutes=1), config)
        assert facts.policy.name == EXPECTED[number], number
        theirs = served(sandbox, raw["id"])
        clocks = {c.status.kind: c.status for c in facts.clocks}
        assert clocks[ClockKind.FIRST_RESPONSE].due_at == stamp(theirs["fr_due_by"]), number
        assert clocks[ClockKind.RESOLUTION].due_at == stamp(theirs["due_by"]), number
    # 3: Monday 06:00 UTC is 07:00 in Paris; the EU desk opens at 08:00, + 2 h of EU frontline's medium target
    [three] = [t for t in sandbox.state.tickets.values() if t["subject"] == "Ticket 3"]
    assert stamp(three["fr_due_by"]) == datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Paris"))
    # 8: Friday 16:30 in New York + 8 h low target: 30 min on Friday, 7 h 30 on Monday from 09:00
    [eight] = [t for t in sandbox.state.tickets.values() if t["subject"] == "Ticket 8"]
    assert stamp(eight["fr_due_by"]) == datetime(2026, 11, 30, 16, 30, tzinfo=ZoneInfo("America/New_York"))


def test_a_new_priority_moves_the_due_times_the_same_way(imported: Any) -> None:
    sandbox, ids, path = imported
    assert CliRunner().invoke(main, ["import", "freshdesk", "--config", str(path), "--merge"]).exit_code == 0
    config = load_config(path)
    adapter = FreshdeskAdapter(config.freshdesk)
    created = MONDAY.replace(hour=15)
    raw = sandbox.state.create_ticket({"requester_id": ids["dana"], "subject": "Upgraded", "priority": 1},
                                      created_at=created)
    before = served(sandbox, raw["id"])["fr_due_by"]
    answer = requests.put(f"{sandbox.url}/api/v2/tickets/{raw['id']}", json={"priority": 3},
                          auth=(sandbox.api_key, "X"), timeout=5)
    assert answer.status_code == 200
    theirs = served(sandbox, raw["id"])
    assert theirs["fr_due_by"] < before  # High answers sooner than Low, counted from the creation
    facts = gather(adapter.get_ticket(str(raw["id"])), None, TicketHistory(), created + timedelta(minutes=1),
                   config)
    first = next(c.status for c in facts.clocks if c.status.kind == ClockKind.FIRST_RESPONSE)
    assert first.due_at == stamp(theirs["fr_due_by"])


def test_sla_policies_are_served_and_checked_as_freshdesks(imported: Any) -> None:
    sandbox, _ids, path = imported
    auth = (sandbox.api_key, "X")
    policies = requests.get(f"{sandbox.url}/api/v2/sla_policies", auth=auth, timeout=5).json()
    assert [p["position"] for p in policies] == sorted(p["position"] for p in policies)
    assert set(policies[0]) >= {"id", "name", "description", "active", "is_default", "position", "sla_target",
                                "applicable_to", "escalation", "created_at", "updated_at"}
    assert set(policies[0]["sla_target"]["priority_4"]) == {"respond_within", "resolve_within", "business_hours",
                                                            "escalation_enabled"}
    hours = requests.get(f"{sandbox.url}/api/v2/business_hours", auth=auth, timeout=5).json()
    assert hours[0]["business_hours"]["monday"] == {"start_time": "09:00:00 am", "end_time": "05:00:00 pm"}
    assert "saturday" not in hours[0]["business_hours"]  # a closed day is left out
    short = requests.post(f"{sandbox.url}/api/v2/sla_policies", auth=auth, timeout=5, json={
        "name": "Too fast", "applicable_to": {"sources": [7]}, "sla_target": matrix(*[target(600, 900)] * 4)})
    assert short.status_code == 400
    assert short.json()["errors"][0]["field"] == "sla_target.priority_4.respond_within"
    made = requests.post(f"{sandbox.url}/api/v2/sla_policies", auth=auth, timeout=5, json={
        "name": "Chat", "applicable_to": {"sources": [7]}, "sla_target": matrix(*[target(900, 1800)] * 4)})
    assert made.status_code == 201 and made.json()["is_default"] is False
    sandbox.account.admin = False
    refused = CliRunner().invoke(main, ["import", "freshdesk", "--config", str(path)])
    assert refused.exit_code == 1 and "freshdesk refused" in refused.stderr
