"""The `--seed demo` account of the Freshdesk sandbox: business hours, tier groups, a default and a premium SLA
policy, a VIP company with a customer, and one open ticket."""

from __future__ import annotations

from adapters.sandbox.freshdesk.state import FreshdeskState

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


def target(respond: int, resolve: int, business: bool = True) -> dict[str, object]:
    return {"respond_within": respond, "resolve_within": resolve, "business_hours": business,
            "escalation_enabled": True}


def seed_demo(state: FreshdeskState) -> None:
    hours = state.add_business_hours("Head office", "Eastern Time (US & Canada)",
                                     dict.fromkeys(WEEKDAYS, ("09:00:00 am", "05:00:00 pm")), is_default=True)
    for name in ("Frontline", "Technical", "Engineering", "Management"):
        state.add_group(name, business_hour_id=hours["id"])
    globex = state.add_company("Globex", account_tier="Premium", custom_fields={"lifetime_value": 48000})
    state.add_sla_policy({"name": "Default SLA Policy", "is_default": True, "sla_target": {
        "priority_4": target(3600, 14400, False), "priority_3": target(7200, 28800),
        "priority_2": target(14400, 86400), "priority_1": target(28800, 172800)}})
    state.add_sla_policy({"name": "Premium companies", "applicable_to": {"company_ids": [globex["id"]]},
                          "sla_target": {"priority_4": target(900, 7200, False), "priority_3": target(1800, 14400),
                                         "priority_2": target(3600, 28800), "priority_1": target(7200, 57600)}})
    customer = state.add_contact("Hank Scorpio", "hank@globex.example", company_id=globex["id"], tags=["vip"])
    state.create_ticket({"requester_id": customer["id"], "subject": "Dashboard slow since this morning",
                         "description": "Our dashboards take a minute to load.", "priority": 2, "source": 1})
