"""Deciding twice adds nothing: decide, apply, decide again on the resulting state -> no new changes, notes,
notifications or escalations. This is what makes a redelivered webhook or our own update coming back harmless."""

from __future__ import annotations

from datetime import timedelta

from engine_kit import (
    MONDAY_10,
    agent_reply,
    customer_comment,
    later,
    make_config,
    make_customer,
    make_ticket,
    play_back,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.config import load_config
from plugin.domain import Priority, Status, TicketHistory, TicketSummary
from plugin.engine import Engine

ENGINE = Engine(make_config())

SCENARIOS = {
    "sla warning on high": {"ticket": make_ticket(priority=Priority.HIGH), "minutes": 49},
    "legal threat": {"ticket": make_ticket(description="My lawyer will take legal action."), "minutes": 3},
    "manual tag": {"ticket": make_ticket(tags=frozenset({"escalate_tier_2", "escalation_reason_pr_risk"})),
                       "minutes": 3},
    "angry": {"ticket": make_ticket(comments=(customer_comment("Worst, most horrible service, I am furious!!!",
                                                                 later(MONDAY_10, minutes=1)),)), "minutes": 3},
    "unassigned": {"ticket": make_ticket(assignee_id=None, priority=Priority.LOW), "minutes": 130},
    "breach": {"ticket": make_ticket(priority=Priority.MEDIUM), "minutes": 260},
    "angry vip": {"ticket": make_ticket(comments=(customer_comment("Unacceptable, I am furious!!!",
                                                                    later(MONDAY_10, minutes=1)),)),
                  "minutes": 3, "vip": True},
    "outage vip": {"ticket": make_ticket(priority=Priority.HIGH, description="Production is down."),
                       "minutes": 2, "vip": True},
}


def test_every_scenario_is_quiet_the_second_time() -> None:
    for name, scenario in SCENARIOS.items():
        ticket = scenario["ticket"]
        customer = make_customer(tags=frozenset({"vip"})) if scenario.get("vip") else make_customer()
        now = later(MONDAY_10, minutes=scenario["minutes"])
        first = ENGINE.decide(ticket, customer, TicketHistory(), now)
        assert first.has_effects, name
        after, history = play_back(ticket, TicketHistory(), first)
        second = ENGINE.decide(after, customer, history, now)
        assert not second.has_effects, (name, second.changes, second.notifications)
        assert second.changes.internal_note is None, name
        # and a minute later, when nothing happened in between, still nothing
        third = ENGINE.decide(after, customer, history, now + timedelta(minutes=1))
        assert not third.escalations and third.changes.internal_note is None, name


def test_our_own_note_coming_back_does_not_feed_the_sentiment() -> None:
    ticket = make_ticket(description="This is unacceptable, my lawyer will sue.")
    first = ENGINE.decide(ticket, make_customer(), TicketHistory(), later(MONDAY_10, minutes=2))
    after, history = play_back(ticket, TicketHistory(), first)
    assert any(c.body.startswith(first.changes.internal_note or "-") for c in after.comments)
    again = ENGINE.decide(after, make_customer(), history, later(MONDAY_10, minutes=3))
    assert not again.has_effects


def test_a_new_threshold_is_new_but_an_old_one_is_not() -> None:
    ticket = make_ticket(priority=Priority.MEDIUM)
    warned = ENGINE.decide(ticket, make_customer(), TicketHistory(), later(MONDAY_10, hours=3, minutes=20))
    after, history = play_back(ticket, TicketHistory(), warned)
    breached = ENGINE.decide(after, make_customer(), history, later(MONDAY_10, hours=4, minutes=5))
    assert "sla_breached:first_response" in breached.fired
    assert "sla_breached" in breached.changes.add_tags
    assert not any(k.startswith("sla_warning:first_response") for k in breached.fired)


def test_an_agent_lowering_the_priority_is_not_fought() -> None:
    ticket = make_ticket(description="Everything is terrible, worst tool ever.")
    first = ENGINE.decide(ticket, make_customer(), TicketHistory(), later(MONDAY_10, minutes=2))
    assert first.changes.priority == Priority.HIGH
    after, history = play_back(ticket, TicketHistory(), first)
    lowered = after.with_changes(priority=Priority.LOW)
    again = ENGINE.decide(lowered, make_customer(), history, later(MONDAY_10, minutes=5))
    assert again.changes.priority is None


words = st.sampled_from(["hello", "export", "lawyer", "inacceptable", "outage", "hacked", "terrible", "thanks",
                         "invoice", "worst", "tribunal", "please", "down", "media", "refund", "!!!"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(words, min_size=1, max_size=12).map(" ".join),
    priority=st.sampled_from(list(Priority)),
    status=st.sampled_from([Status.NEW, Status.OPEN, Status.PENDING]),
    minutes=st.integers(0, 60 * 24 * 4),
    tags=st.sets(st.sampled_from(["vip", "escalate_tier_3", "escalation_reason_pr_risk", "tier_2", "billing"])),
    assigned=st.booleans(),
    ltv=st.sampled_from([None, 500, 50000]),
    related=st.integers(0, 3),
    three_tiers=st.booleans(),
)
def test_decide_apply_decide_adds_nothing(text: str, priority: Priority, status: Status, minutes: int,
                                          tags: set[str], assigned: bool, ltv: int | None, related: int,
                                          three_tiers: bool) -> None:
    config = make_config() if not three_tiers else load_config(data={"tiers": [
        {"name": "L1", "groups": {"zendesk": "1"}}, {"name": "L2", "groups": {"zendesk": "2"}},
        {"name": "L3", "groups": {"zendesk": "3"}}]})
    engine = Engine(config)
    customer_tags = frozenset({"vip"}) & tags
    ticket = make_ticket(description=text, priority=priority, status=status, tags=frozenset(tags - {"vip"}),
                         assignee_id="7001" if assigned else None)
    customer = make_customer(tags=customer_tags, fields={"lifetime_value": ltv} if ltv else {})
    history = TicketHistory(related_tickets=tuple(
        TicketSummary(str(900 + i), "Cannot export my invoices", MONDAY_10 - timedelta(days=i + 1), Status.SOLVED)
        for i in range(related)))
    now = later(MONDAY_10, minutes=minutes)
    first = engine.decide(ticket, customer, history, now)
    assert 1 <= first.tier <= config.tier_count
    after, history_after = play_back(ticket, history, first)
    second = engine.decide(after, customer, history_after, now)
    assert not second.has_effects, second
    assert second.tier == first.tier


def test_a_breach_acted_on_is_not_acted_on_again_when_another_clock_drops_out() -> None:
    """Medium: first response (4h) breaches Mon 14:01 -> Tier 2; resolution (24h business) breaches Thu 10:01 ->
    Tier 3; the agent replies Thu 10:30, the first-response clock is fulfilled and leaves the rule's reasons:
    the resolution breach was already acted on, so nothing happens."""
    customer = make_customer()
    ticket, history = make_ticket(priority=Priority.MEDIUM), TicketHistory()
    first = ENGINE.decide(ticket, customer, history, later(MONDAY_10, hours=4, minutes=1))
    assert [(e.from_tier, e.to_tier, e.rule) for e in first.escalations] == [(1, 2, "sla_breach")]
    ticket, history = play_back(ticket, history, first)
    second = ENGINE.decide(ticket, customer, history, later(MONDAY_10, days=3, minutes=1))
    assert [(e.from_tier, e.to_tier, e.rule) for e in second.escalations] == [(2, 3, "sla_breach")]
    assert {"rule:sla_breach[sla_breached:first_response]", "rule:sla_breach[sla_breached:resolution]"} <= (
        history.fired | second.fired)
    ticket, history = play_back(ticket, history, second)
    reply_at = later(MONDAY_10, days=3, minutes=30)
    ticket = ticket.with_changes(comments=(*ticket.comments, agent_reply("Sorry for the wait.", reply_at, ident="r1")),
                                 updated_at=reply_at)
    third = ENGINE.decide(ticket, customer, history, later(MONDAY_10, days=3, minutes=31))
    assert third.escalations == () and third.notifications == (), third
    assert third.tier == 3
    assert third.changes.internal_note is None


def test_a_combined_rule_key_recorded_by_an_earlier_version_still_counts_for_each_clock() -> None:
    reply = agent_reply("Sorry for the wait.", later(MONDAY_10, days=3, minutes=30), ident="r1")
    ticket = make_ticket(priority=Priority.MEDIUM, tags=frozenset({"tier_3", "escalated", "sla_breached"}),
                         comments=(reply,))  # first response fulfilled: only the resolution breach fires
    history = TicketHistory(fired=frozenset({
        "scored", "routed", "sla_breached:first_response", "sla_breached:resolution",
        "rule:sla_breach[sla_breached:first_response|sla_breached:resolution]"}))
    decision = ENGINE.decide(ticket, make_customer(), history, later(MONDAY_10, days=3, minutes=31))
    assert decision.escalations == ()
    assert not any(n.kind == "sla_breach" for n in decision.notifications)
