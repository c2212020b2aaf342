"""Per-platform field names (`fields:` in the configuration): how they are written and checked, how a ticket's and
a customer's fields are read under the names the rules use, Freshdesk's cf_ prefix, and the platform named with the
ticket number in alerts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from adapters.freshdesk import ticket_fields
from plugin.alerts import ticket_reference
from plugin.config import ConfigError, load_config, platform_fields
from plugin.domain import Customer, Status, Ticket
from plugin.facts import with_read_names

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)


def config(**fields: Any) -> Any:
    return load_config(data={"fields": fields, "priority": {"urgency_field": "urgency"},
                             "extra_rules": [{"name": "plan", "all": [{"field": "field:plan", "operator": "is",
                                                                       "value": "gold"}],
                                              "actions": [{"action": "add_tags", "value": ["gold"]}]}]},
                       environ={})


def test_both_forms_are_read() -> None:
    loaded = config(revenue_impact={"zendesk": 360012345, "freshdesk": "cf_revenue_impact"}, plan="cf_plan")
    assert loaded.field_names("zendesk") == {"revenue_impact": "360012345", "plan": "cf_plan"}
    assert loaded.field_names("freshdesk") == {"revenue_impact": "cf_revenue_impact", "plan": "cf_plan"}
    assert loaded.field_names("other") == {"plan": "cf_plan"}  # one name: every platform
    assert load_config(data={}, environ={}).field_names("zendesk") == {}  # no mapping: names read as they are


@pytest.mark.parametrize(("fields", "words"), [
    ({"revenue_impcat": {"zendesk": 1}}, "fields.revenue_impcat: no setting or rule reads a field 'revenue_impcat'"),
    ({"revenue_impact": {"Zendesk!": 1}}, "is not a platform name"),
    ({"revenue_impact": {"zendesk": ""}}, "expected a field's name on the platform"),
    ({"revenue_impact": {"zendesk": True}}, "expected a field's name on the platform"),
    ({"revenue_impact": {}}, "names no platform"),
])
def test_a_wrong_mapping_is_refused_with_its_path(fields: dict[str, Any], words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        config(**fields)
    assert any(words in problem and problem.startswith("fields.") for problem in caught.value.problems), \
        caught.value.problems


def test_a_field_read_anywhere_may_be_mapped() -> None:
    for name in ("customer_tier", "lifetime_value", "revenue_impact", "account_manager", "urgency", "plan"):
        assert config(**{name: {"freshdesk": "x"}}).field_names("freshdesk") == {name: "x"}


def test_platform_fields_adds_the_name_read_and_keeps_the_platforms() -> None:
    names = {"revenue_impact": "360012345", "plan": "CF_Plan"}
    assert platform_fields({"360012345": "5000", "cf_plan": "gold", "revenue_impact": 1}, names) == {
        "360012345": "5000", "cf_plan": "gold", "revenue_impact": "5000", "plan": "gold"}
    # an empty platform field does not hide a value the name read already has
    assert platform_fields({"360012345": None, "revenue_impact": 7}, names)["revenue_impact"] == 7


def test_the_facts_read_the_ticket_and_the_customer_under_the_names_read() -> None:
    loaded = config(revenue_impact={"zendesk": 360012345}, customer_tier={"freshdesk": "account_tier"})
    ticket = Ticket(platform="zendesk", id="7", subject="s", status=Status.OPEN, created_at=NOW, updated_at=NOW,
                    custom_fields={"360012345": "5000"})
    customer = Customer(id="1", fields={"account_tier": "Premium"})
    mapped, same = with_read_names(ticket, customer, loaded)
    assert mapped.custom_fields["revenue_impact"] == "5000" and same is not None
    assert "customer_tier" not in same.fields  # account_tier is Freshdesk's name, not Zendesk's
    fd_ticket = Ticket(platform="freshdesk", id="7", subject="s", status=Status.OPEN, created_at=NOW,
                       updated_at=NOW)
    _, fd_customer = with_read_names(fd_ticket, customer, loaded)
    assert fd_customer is not None and fd_customer.fields["customer_tier"] == "Premium"


def test_freshdesk_custom_ticket_fields_are_also_read_without_cf() -> None:
    assert ticket_fields({"cf_revenue_impact": 5000, "cf_plan": None, "plan": "own", "cf_": 1}) == {
        "cf_revenue_impact": 5000, "revenue_impact": 5000, "cf_plan": None, "plan": "own", "cf_": 1}


@pytest.mark.parametrize(("platform", "expected"), [
    ("freshdesk", "Freshdesk #1007"), ("zendesk", "Zendesk #1007"), ("helpscout", "Helpscout #1007")])
def test_a_ticket_is_named_with_its_platform(platform: str, expected: str) -> None:
    assert ticket_reference(platform, "1007") == expected
