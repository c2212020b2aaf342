"""SLA policies: twelve tickets against four policies (an enterprise contract, a VIP tag, a group on a night
schedule, the default), each ticket's policy, due times and clock states, with one policy change and one priority
change mid-way (the convention: the time already spent is kept, counted in the hours in force while it passed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from engine_kit import agent_reply, make_customer, make_ticket, play_back

from plugin.config import ConfigError, load_config
from plugin.describe import describe
from plugin.domain import ClockKind, ClockState, Priority, SlaBasis, Status, StatusChange, TicketHistory
from plugin.engine import Engine
from plugin.facts import gather
from plugin.sla import ClockReading

ALL_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


MON = 23  # Monday 2026-11-23; Friday the 20th before it
NOW = utc(MON, 12)

POLICIES: dict[str, Any] = {
    "schedules": {
        "default": {"timezone": "UTC", "hours": {d: ["09:00-17:00"] for d in ALL_WEEK[:5]}},
        "premium": {"timezone": "UTC", "hours": {d: ["00:00-24:00"] for d in ALL_WEEK}},
        "extended": {"timezone": "UTC", "hours": {d: ["07:00-22:00"] for d in ALL_WEEK[:6]}},
        "night": {"timezone": "UTC", "hours": {d: ["22:00-06:00"] for d in ALL_WEEK}},
    },
    "sla": {"policies": [
        {"name": "enterprise_contract", "schedule": "premium",
         "match": {"all": [{"field": "customer_tier", "operator": "at_least", "value": "enterprise"}]},
         "matrix": {"critical": {"first_response": "15m", "resolution": "2h"},
                    "high": {"first_response": "30m", "resolution": "4h"},
                    "medium": {"first_response": "1h", "resolution": "8h"},
                    "low": {"first_response": "4h", "resolution": "24h"}}},
        {"name": "vip_tag", "schedule": "extended", "warning_at": [0.5, 0.75],
         "match": {"all": [{"field": "tags", "operator": "includes", "value": "vip"}]},
         "matrix": {"high": {"first_response": "1h", "resolution": "6h"},
                    "medium": {"first_response": "2h", "resolution": "12h"}}},
        {"name": "night_group", "schedule": "night",
         "match": {"all": [{"field": "group", "operator": "is", "value": "300"}]}},
    ]},
}
CONFIG = load_config(data=POLICIES)
STANDARD = make_customer()
ENTERPRISE = make_customer(fields={"customer_tier": "enterprise"})
M, H, C, L = Priority.MEDIUM, Priority.HIGH, Priority.CRITICAL, Priority.LOW
OK, WARN, BREACHED, PAUSED, MET = (ClockState.OK, ClockState.WARNING, ClockState.BREACHED, ClockState.PAUSED,
                                   ClockState.FULFILLED)

# id: (customer, ticket fields, history, policy, first response (due, state), resolution (due, state)),
# each due time with its arithmetic
CASES: dict[str, tuple[Any, dict[str, Any], TicketHistory, str, tuple[Any, Any], tuple[Any, Any]]] = {
    # enterprise contract, 24/7 "premium" hours: 10:00 + 30m; 10:00 + 4h (2h of 4h at noon: ok)
    "T1": (ENTERPRISE, {"priority": H, "created_at": utc(MON, 10)}, TicketHistory(), "enterprise_contract",
           (utc(MON, 10, 30), BREACHED), (utc(MON, 14), OK)),
    # a VIP-tagged ticket, "extended" hours 07-22: 10:30 + 2h = 12:30 (1h30 at noon: 75%, the second warning);
    # 12h: 11h30 to 22:00, then Tuesday 07:00 + 30m
    "T2": (STANDARD, {"priority": M, "tags": frozenset({"vip"}), "created_at": utc(MON, 10, 30)}, TicketHistory(),
           "vip_tag", (utc(MON, 12, 30), WARN), (utc(24, 7, 30), OK)),
    # an enterprise customer's VIP-tagged ticket: the first policy that matches wins: 11:00 + 4h; + 24h
    "T3": (ENTERPRISE, {"priority": L, "tags": frozenset({"vip"}), "created_at": utc(MON, 11)}, TicketHistory(),
           "enterprise_contract", (utc(MON, 15), OK), (utc(24, 11), OK)),
    # the night group, 22:00-06:00: nothing counts before Monday 22:00; + 4h = Tuesday 02:00; 24h = three nights
    # (Mon-Tue, Tue-Wed, Wed-Thu), Thursday 06:00
    "T4": (STANDARD, {"priority": M, "group_id": "300", "created_at": utc(MON, 10)}, TicketHistory(), "night_group",
           (utc(24, 2), OK), (utc(26, 6), OK)),
    # the night group's ticket of an enterprise customer: the contract comes first: 09:00 + 1h; + 8h
    "T5": (ENTERPRISE, {"priority": M, "group_id": "300", "created_at": utc(MON, 9)}, TicketHistory(),
           "enterprise_contract", (utc(MON, 10), BREACHED), (utc(MON, 17), OK)),
    # the default policy, office hours 09-17: 10:00 + 1h; 8h = 7h Monday + 1h Tuesday
    "T6": (STANDARD, {"priority": H, "created_at": utc(MON, 10)}, TicketHistory(), "default",
           (utc(MON, 11), BREACHED), (utc(24, 10), OK)),
    # created Friday 16:00: 1h Friday + 7h Monday = Monday 16:00 (4h at noon: 50%); 48h = 1 + 8 x 5 + 7: the
    # Monday after, 16:00
    "T7": (STANDARD, {"priority": L, "created_at": utc(20, 16)}, TicketHistory(), "default",
           (utc(MON, 16), OK), (utc(30, 16), OK)),
    # Critical counts calendar time: 11:50 + 15m (10m at noon: 67%); + 4h
    "T8": (STANDARD, {"priority": C, "created_at": utc(MON, 11, 50)}, TicketHistory(), "default",
           (utc(MON, 12, 5), OK), (utc(MON, 15, 50), OK)),
    # pending since 10:00: both clocks stopped after 1h, no due time while paused
    "T9": (STANDARD, {"priority": M, "status": Status.PENDING, "created_at": utc(MON, 9)},
           TicketHistory(status_changes=(StatusChange(utc(MON, 9), Status.OPEN),
                                         StatusChange(utc(MON, 10), Status.PENDING))), "default",
           (None, PAUSED), (None, PAUSED)),
    # a VIP ticket answered at 10:20: first response met; 10:00 + 6h in the extended hours
    "T10": (STANDARD, {"priority": H, "tags": frozenset({"vip"}), "created_at": utc(MON, 10),
                       "comments": (agent_reply("On it.", utc(MON, 10, 20)),)}, TicketHistory(), "vip_tag",
            (utc(MON, 10, 20), MET), (utc(MON, 16), OK)),
    # POLICY CHANGE: created 07:30 under the default policy (office hours), tagged VIP at 10:00. Kept: 1h spent
    # before the change (09:00-10:00 of office hours); then the VIP policy's extended hours: 2h by noon: 3h in all,
    # not the 4h30 the extended hours would count from 07:30. 2h reached at 10:00 + 1h = 11:00; 12h: 9h left at
    # noon, 21:00
    "T11": (STANDARD, {"priority": M, "tags": frozenset({"vip"}), "created_at": utc(MON, 7, 30),
                       "updated_at": utc(MON, 10)},
            TicketHistory(sla_bases=(SlaBasis(utc(MON, 7, 30), "default", M, "default"),)), "vip_tag",
            (utc(MON, 11), BREACHED), (utc(MON, 21), OK)),
    # PRIORITY CHANGE: created 08:00 at Medium (office hours), raised to Critical at 11:00 (calendar time). Kept:
    # 2h (09:00-11:00); then 1h of calendar time: 3h by noon against the Critical targets: 15m was reached at
    # 09:15 (breached); 4h resolution: 75%, 1h left, 13:00
    "T12": (STANDARD, {"priority": C, "created_at": utc(MON, 8), "updated_at": utc(MON, 11)},
            TicketHistory(sla_bases=(SlaBasis(utc(MON, 8), "default", M, "default"),)), "default",
            (utc(MON, 9, 15), BREACHED), (utc(MON, 13), OK)),
}


def clock(readings: tuple[ClockReading, ...], kind: ClockKind) -> ClockReading:
    return next(r for r in readings if r.status.kind == kind)


@pytest.mark.parametrize("name", list(CASES))
def test_twelve_tickets_four_policies(name: str) -> None:
    customer, fields, history, policy, (first_due, first_state), (resolution_due, resolution_state) = CASES[name]
    ticket = make_ticket(id=name, **{"updated_at": fields["created_at"], **fields})
    facts = gather(ticket, customer, history, NOW, CONFIG)
    assert facts.policy.name == policy
    first = clock(facts.clocks, ClockKind.FIRST_RESPONSE).status
    resolution = clock(facts.clocks, ClockKind.RESOLUTION).status
    if first_state == MET:
        assert first.fulfilled_at == first_due and first.state == MET
    else:
        assert (first.due_at, first.state) == (first_due, first_state)
    assert (resolution.due_at, resolution.state) == (resolution_due, resolution_state)


def test_the_policy_change_keeps_the_time_spent_in_the_hours_it_was_spent() -> None:
    customer, fields, history, *_ = CASES["T11"]
    facts = gather(make_ticket(**fields), customer, history, NOW, CONFIG)
    assert clock(facts.clocks, ClockKind.FIRST_RESPONSE).status.elapsed == timedelta(hours=3)
    assert [(b.at, b.policy, b.schedule) for b in facts.sla_timeline] == [
        (utc(MON, 7, 30), "default", "default"), (utc(MON, 10), "vip_tag", "extended")]
    # without a recorded basis the ticket is measured as if it had always been under its current policy
    fresh = gather(make_ticket(**fields), customer, TicketHistory(), NOW, CONFIG)
    assert clock(fresh.clocks, ClockKind.FIRST_RESPONSE).status.elapsed == timedelta(hours=4, minutes=30)


def test_the_priority_change_keeps_the_time_spent_and_retargets() -> None:
    customer, fields, history, *_ = CASES["T12"]
    facts = gather(make_ticket(**fields), customer, history, NOW, CONFIG)
    first = clock(facts.clocks, ClockKind.FIRST_RESPONSE).status
    assert (first.elapsed, first.target, first.business_time) == (timedelta(hours=3), timedelta(minutes=15), False)
    assert facts.sla_basis == SlaBasis(utc(MON, 11), "default", C, None)


def test_a_decision_records_the_basis_and_a_priority_it_sets_changes_it_at_that_moment() -> None:
    """The engine's own priority change (a VIP fast track to High) re-targets at the moment of the decision."""
    config = load_config(data={**POLICIES, "sla": {**POLICIES["sla"], "policies": [
        *POLICIES["sla"]["policies"],
        {"name": "urgent_lane", "match": {"all": [{"field": "priority", "operator": "at_least", "value": "high"}]},
         "schedule": "premium"}]}})
    engine = Engine(config)
    ticket = make_ticket(priority=M, created_at=utc(MON, 9), updated_at=utc(MON, 9))
    customer = make_customer(fields={"lifetime_value": 50000})  # a high-value account: minimum priority high
    first = engine.decide(ticket, customer, TicketHistory(sla_bases=(SlaBasis(utc(MON, 9), "default", M,
                                                                              "default"),)), utc(MON, 10))
    assert first.priority == H and first.changes.priority == H
    assert first.sla_basis == SlaBasis(utc(MON, 10), "urgent_lane", H, "premium")
    ticket, history = play_back(ticket, TicketHistory(sla_bases=(SlaBasis(utc(MON, 9), "default", M, "default"),
                                                                 first.sla_basis)), first)
    again = engine.decide(ticket, customer, history, utc(MON, 10, 1))
    assert again.sla_basis == first.sla_basis and not again.has_effects


def test_policies_are_validated_with_their_paths() -> None:
    bad = {"schedules": POLICIES["schedules"], "sla": {"warning_at": [0.8], "policies": [
        {"name": "default", "match": {"all": [{"field": "tags", "operator": "includes", "value": "x"}]}},
        {"name": "clocky", "schedule": "moon", "breach_at": 0.5,
         "match": {"any": [{"field": "sla_elapsed", "operator": "at_least", "value": 0.5}]}},
        {"name": "empty", "match": {}},
    ]}}
    with pytest.raises(ConfigError) as caught:
        load_config(data=bad)
    problems = "\n".join(caught.value.problems)
    assert "sla.policies[1].match.any[0].field: a policy matches on what the ticket is, not on sla_elapsed" in problems
    assert "sla.policies[2].match: a policy's match needs at least one condition" in problems
    assert "sla.policies[1].schedule: names 'moon', which is not among schedules" in problems


def test_describe_shows_the_policies_in_order_and_which_tickets_each_takes() -> None:
    subjects = [gather(make_ticket(id=name, **{"updated_at": f["created_at"], **f}), c, h, NOW, CONFIG).subject
                for name, (c, f, h, *_) in CASES.items()]
    text = describe(CONFIG, subjects)
    assert ("| 1 | enterprise_contract | customer_tier at least enterprise | 15m / 2h (calendar) | 30m / 4h | 1h / 8h "
            "| 4h / 24h | premium | 80%; 100% |") in text
    assert "| 2 | vip_tag | tags includes vip | 15m / 4h (calendar) | 1h / 6h | 2h / 12h | 8h / 48h | extended | " \
           "50%, 75%; 100% |" in text
    assert "| 4 | default | every ticket no policy above matches |" in text
    assert "| enterprise_contract | #T1, #T3, #T5 |" in text
    assert "| vip_tag | #T2, #T10, #T11 |" in text
    assert "| night_group | #T4 |" in text
    assert "| default | #T6, #T7, #T8, #T9, #T12 |" in text
