"""One rule set with per-platform field names escalates the same ticket the same way on both platforms: one service
serves the Zendesk sandbox and the Freshdesk sandbox; the same ticket (revenue impact, urgency and plan in custom
fields Zendesk keys by number and Freshdesk by cf_ name, the customer's tier in an organization field on Zendesk and
the company's account tier on Freshdesk) is decided and written back through each real adapter, and both tickets
end up alike. Without the `fields` mapping the Zendesk ticket is not escalated at all."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from worlds import FreshdeskWorld, World

from plugin.config import EscalatorConfig, load_config
from plugin.domain import Priority, TicketHistory
from plugin.engine import Engine
from plugin.registry import adapter_class
from webhooks.bootstrap import Services, bootstrap

REVENUE, URGENCY, PLAN = 360000101, 360000102, 360000103  # Zendesk's custom field ids
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SUBJECT = "Checkout fails for all our shoppers"
TEXT = "Since this morning no order goes through the checkout."


def rule_set(world: World, fd_world: FreshdeskWorld, tmp_path: Path, *, mapped: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "zendesk": world.settings().model_dump(mode="json") | {"api_token": world.sandbox.token},
        "freshdesk": {**fd_world.sandbox.settings(), "webhook_secret": "fd-shared-secret"},
        "tiers": [{"name": name, "groups": {"zendesk": str(world.groups[i]["id"]),
                                            "freshdesk": str(fd_world.groups[i]["id"])}}
                  for i, name in enumerate(("Frontline", "Technical", "Engineering", "Management"))],
        "schedules": {"default": {"hours": {day: ["00:00-24:00"] for day in WEEK}}},
        "customers": {"tier_values": {"vip": "vip", "enterprise": "enterprise", "premium": "enterprise",
                                      "standard": "standard"}},
        "priority": {"urgency_field": "urgency"},
        "extra_rules": [{"name": "platinum_plan", "all": [{"field": "field:plan", "operator": "is",
                                                           "value": "platinum"}],
                         "actions": [{"action": "add_tags", "value": ["platinum_plan"]}]}],
        "database": {"url": f"sqlite:///{tmp_path / 'escalator.db'}"},
        "queue": {"url": f"sqlite:///{tmp_path / 'queue.db'}"},
        "notifications": {"respect_business_hours": False},
    }
    if mapped:
        data["fields"] = {
            "revenue_impact": {"zendesk": REVENUE, "freshdesk": "cf_deal_size"},
            "urgency": {"zendesk": URGENCY, "freshdesk": "cf_customer_urgency"},
            "plan": {"zendesk": PLAN, "freshdesk": "cf_plan"},
            "customer_tier": {"freshdesk": "account_tier"},  # Zendesk: the organization field customer_tier
        }
    return data


def same_ticket(world: World, fd_world: FreshdeskWorld) -> dict[str, str]:
    """The same customer's same ticket on both platforms, each in its platform's own shape; their ids."""
    zd = world.sandbox.state
    organization = zd.add_organization("Initech", organization_fields={"customer_tier": "enterprise"})
    requester = zd.add_user("Peter Gibbons", "peter@initech.example", organization_id=organization["id"])
    zendesk = zd.create_ticket(requester_id=requester["id"], subject=SUBJECT, description=TEXT, priority="low",
                               custom_fields=[{"id": REVENUE, "value": "5000"}, {"id": URGENCY, "value": "high"},
                                              {"id": PLAN, "value": "platinum"}])
    fd = fd_world.sandbox.state
    company = fd.add_company("Initech", account_tier="Premium")
    contact = fd.add_contact("Peter Gibbons", "peter@initech.example", company_id=company["id"])
    freshdesk = fd.create_ticket({"requester_id": contact["id"], "subject": SUBJECT, "description": TEXT,
                                  "priority": 1, "custom_fields": {"cf_deal_size": 5000,
                                                                   "cf_customer_urgency": "High",
                                                                   "cf_plan": "platinum"}})
    return {"zendesk": str(zendesk["id"]), "freshdesk": str(freshdesk["id"])}


@pytest.fixture
def service(world: World, fd_world: FreshdeskWorld, tmp_path: Path) -> Iterator[Services]:
    built = bootstrap(load_config(data=rule_set(world, fd_world, tmp_path), environ={}))
    try:
        yield built
    finally:
        built.close()


def test_one_rule_set_escalates_the_same_ticket_the_same_way_on_both(world: World, fd_world: FreshdeskWorld,
                                                                     service: Services) -> None:
    ids = same_ticket(world, fd_world)
    after = {}
    for platform, ticket_id in ids.items():
        outcome = service.process(platform, ticket_id, cause="reconcile")  # as reconcile finds a new ticket
        assert outcome.status == "applied", (platform, outcome)
        assert outcome.decision is not None
        titles = [n.title for n in outcome.decision.notifications if n.role == "tier_2_team"]
        assert titles and titles[0].endswith(f"{platform.capitalize()} #{ticket_id}")  # "Freshdesk #1007"
        after[platform] = service.adapters.get(platform).get_ticket(ticket_id)
    zendesk, freshdesk = after["zendesk"], after["freshdesk"]
    assert zendesk.priority == freshdesk.priority == Priority.CRITICAL
    assert zendesk.tags == freshdesk.tags
    assert {"escalated", "tier_2", "revenue_at_risk", "vip_fast_track", "platinum_plan"} <= zendesk.tags
    config = service.config
    assert zendesk.group_id == config.tiers[1].groups["zendesk"]
    assert freshdesk.group_id == config.tiers[1].groups["freshdesk"]
    notes = {platform: next(c.body for c in ticket.comments if not c.public and c.by_agent)
             for platform, ticket in after.items()}
    for platform, note in notes.items():
        # the same reasons, figures and priority steps; the ticket named with its platform
        assert f"Ticket: {platform.capitalize()} #{ids[platform]} - {SUBJECT}" in note
        assert "enterprise customer x high urgency" in note and "5,000" in note
    assert notes["zendesk"].splitlines()[0] == notes["freshdesk"].splitlines()[0]


def test_without_the_mapping_zendesk_reads_none_of_the_fields(world: World, fd_world: FreshdeskWorld,
                                                              tmp_path: Path) -> None:
    ids = same_ticket(world, fd_world)
    now = datetime.now(UTC)
    decided = {}
    for mapped in (True, False):
        config = EscalatorConfig.model_validate(rule_set(world, fd_world, tmp_path, mapped=mapped))
        engine = Engine(config)
        for platform, ticket_id in ids.items():
            adapter = adapter_class(platform).from_config(config)
            ticket = adapter.get_ticket(ticket_id)
            customer = adapter.get_customer(ticket.requester_id or "")
            decided[(platform, mapped)] = engine.decide(ticket, customer, TicketHistory(), now)
    for platform in ids:
        assert "revenue_at_risk" in decided[(platform, True)].changes.add_tags
    assert "revenue_at_risk" not in decided[("zendesk", False)].changes.add_tags  # 360000101 is not revenue_impact
    assert "platinum_plan" not in decided[("zendesk", False)].changes.add_tags
    # Freshdesk's cf_ fields are also read without their prefix (cf_plan as plan), but cf_deal_size is no
    # revenue_impact and Premium is no customer_tier without the mapping
    assert "platinum_plan" in decided[("freshdesk", False)].changes.add_tags
    assert "revenue_at_risk" not in decided[("freshdesk", False)].changes.add_tags
