"""The decision engine, one or more tests per built-in trigger and per default rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from engine_kit import (
    MONDAY_10,
    agent_reply,
    customer_comment,
    later,
    make_config,
    make_customer,
    make_ticket,
)

from plugin.domain import CustomerTier, Priority, Sentiment, TicketHistory, TicketSummary
from plugin.engine import Engine
from plugin.facts import gather
from plugin.triggers import outage

CONFIG = make_config()
ENGINE = Engine(CONFIG)
NO_HISTORY = TicketHistory()


def roles(decision) -> set[str]:  # type: ignore[no-untyped-def]
    return {n.role for n in decision.notifications}


def test_a_calm_standard_ticket_needs_nothing_but_its_tier_tag() -> None:
    decision = ENGINE.decide(make_ticket(), make_customer(), NO_HISTORY, later(MONDAY_10, minutes=5))
    assert decision.escalations == ()
    assert decision.notifications == ()
    assert decision.changes.add_tags == frozenset({"tier_1"})
    assert decision.changes.priority is None
    assert decision.changes.internal_note is None
    assert decision.sentiment == Sentiment.CALM


def test_sla_warning_at_80_percent_escalates_a_high_ticket_to_tier_2() -> None:
    ticket = make_ticket(priority=Priority.HIGH)
    now = later(MONDAY_10, minutes=49)  # High: first response 1h business time; 49m = 81.7 %
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, now)
    assert decision.tier == 2
    assert [e.rule for e in decision.escalations] == ["auto_escalate_sla"]
    entry = decision.escalations[0]
    assert (entry.from_tier, entry.to_tier) == (1, 2)
    assert "82%" in entry.reason or "sla elapsed" in entry.reason
    changes = decision.changes
    assert {"sla_at_risk", "escalated", "tier_2"} <= changes.add_tags
    assert changes.group_id == "200"
    assert changes.clear_assignee is True
    assert changes.internal_note is not None and "Tier 2" in changes.internal_note
    assert {"support_manager", "tier_2_team"} <= roles(decision)
    assert decision.changes.public_reply is not None  # the customer's acknowledgment
    assert any(k.startswith("sla_warning:first_response:80") for k in decision.fired)


def test_sla_warning_on_a_medium_ticket_tags_and_alerts_without_escalating() -> None:
    ticket = make_ticket(priority=Priority.MEDIUM)
    now = later(MONDAY_10, hours=3, minutes=20)  # Medium: first response 4h; 3h20 = 83 %
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, now)
    assert decision.escalations == ()
    assert "sla_at_risk" in decision.changes.add_tags
    assert roles(decision) == {"support_manager"}
    note = decision.changes.internal_note
    assert note is not None and "83%" in note


def test_sla_breach_escalates_one_tier_and_tags() -> None:
    ticket = make_ticket(priority=Priority.MEDIUM)
    now = later(MONDAY_10, hours=4, minutes=1)
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, now)
    assert decision.tier == 2
    assert "sla_breached" in decision.changes.add_tags
    assert any(e.rule == "sla_breach" for e in decision.escalations)
    assert "sla_breached:first_response" in decision.fired


def test_the_first_response_clock_stops_at_the_first_public_agent_reply() -> None:
    ticket = make_ticket(priority=Priority.HIGH,
                         comments=(agent_reply("We are on it.", later(MONDAY_10, minutes=20)),))
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=59))
    assert decision.escalations == ()
    first = next(c for c in decision.clocks if c.kind.value == "first_response")
    assert first.state.value == "fulfilled"
    assert first.elapsed == timedelta(minutes=20)


def test_negative_sentiment_flags_bumps_and_alerts_the_team_lead() -> None:
    text = "This is absolutely horrible, the worst experience, I am furious and disgusted. Awful!!!"
    ticket = make_ticket(comments=(customer_comment(text, later(MONDAY_10, minutes=1)),))
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=2))
    assert decision.sentiment in (Sentiment.ANGRY, Sentiment.FRUSTRATED)
    assert "needs_review" in decision.changes.add_tags
    assert decision.changes.priority == Priority.HIGH  # Medium bumped one level
    assert "team_lead" in roles(decision)
    reason = next(r for r in decision.reasons if r.rule == "negative_sentiment")
    assert reason.figures["mood"] == "angry" and "I am furious" in reason.figures["keywords"]
    assert reason.summary.startswith('Customer sounds angry: "')


def test_the_legacy_vader_threshold_stays_available() -> None:
    legacy = Engine(make_config(reading={"mood": "vader"}))
    text = "This is absolutely horrible, the worst experience, I am furious and disgusted. Awful!!!"
    ticket = make_ticket(comments=(customer_comment(text, later(MONDAY_10, minutes=1)),))
    decision = legacy.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=2))
    reason = next(r for r in decision.reasons if r.rule == "negative_sentiment")
    assert reason.figures["score"] < -0.7 and reason.figures["threshold"] == -0.7
    assert reason.summary.endswith("is below -0.70 (VADER compound)")
    # What the option keeps, for the teams that want it: a neutral bug report full of problem words scores -0.84.
    report = make_ticket(comments=(customer_comment("The export fails with a fatal error.",
                                                    later(MONDAY_10, minutes=1)),))
    assert legacy.decide(report, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=2)).sentiment == Sentiment.ANGRY
    assert ENGINE.decide(report, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=2)).reasons == ()


def test_french_anger_is_read_without_a_vader_score() -> None:
    ticket = make_ticket(locale="fr", subject="Facturation", description="C'est INACCEPTABLE, ça dure depuis des "
                                                                         "semaines.")
    decision = ENGINE.decide(ticket, make_customer(locale="fr-FR"), NO_HISTORY, later(MONDAY_10, minutes=2))
    reason = next(r for r in decision.reasons if r.rule == "negative_sentiment")
    assert reason.figures["keywords"][0] == "INACCEPTABLE" and reason.figures["language"] == "fr"
    assert "needs_review" in decision.changes.add_tags


def test_a_frustrated_customer_fires_the_frustration_trigger() -> None:
    ticket = make_ticket(description="Still no answer after two weeks, I'm losing my patience.")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=2))
    assert decision.sentiment == Sentiment.FRUSTRATED
    reason = next(r for r in decision.reasons if r.rule == "frustration_keywords")
    assert reason.figures["keywords"] == ["Still no answer", "losing my patience"]
    assert "needs_review" in decision.changes.add_tags


def test_legal_threat_goes_to_the_management_tier() -> None:
    ticket = make_ticket(description="If this is not fixed today my lawyer will contact you.")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=2))
    assert decision.tier == 4
    assert decision.escalations[0].rule == "legal_threat"
    assert "legal goes to Tier 4" in decision.escalations[0].figures["routing"]
    assert "legal_review" in decision.changes.add_tags
    assert decision.changes.priority == Priority.HIGH
    assert decision.changes.group_id == "400"
    assert decision.sentiment == Sentiment.THREATENING


def test_french_legal_threat_routes_the_same_way() -> None:
    ticket = make_ticket(description="Sans réponse, nous saisirons le tribunal et notre AVOCAT.")
    decision = ENGINE.decide(ticket, make_customer(locale="fr"), NO_HISTORY, later(MONDAY_10, minutes=2))
    assert decision.tier == 4
    reasons = [r for r in decision.reasons if r.rule == "legal_keywords"]
    assert reasons[0].figures["keywords"] == ["saisirons le tribunal", "notre AVOCAT"]


def test_third_contact_about_the_same_issue_escalates() -> None:
    related = (
        TicketSummary("990", "Cannot export invoices", MONDAY_10 - timedelta(days=9), status_solved()),
        TicketSummary("995", "Invoice export still broken", MONDAY_10 - timedelta(days=3), status_solved()),
        TicketSummary("996", "Change my password", MONDAY_10 - timedelta(days=2), status_solved()),
    )
    history = TicketHistory(related_tickets=related)
    decision = ENGINE.decide(make_ticket(), make_customer(), history, later(MONDAY_10, minutes=2))
    reason = next(r for r in decision.reasons if r.rule == "repeat_contact")
    assert reason.figures["contact_count"] == 3
    assert reason.figures["earlier_tickets"] == ["#990", "#995"]
    assert decision.tier == 2
    assert "repeat_contact" in decision.changes.add_tags


def test_second_contact_does_not_count_as_third() -> None:
    related = (TicketSummary("995", "Invoice export still broken", MONDAY_10 - timedelta(days=3), status_solved()),)
    decision = ENGINE.decide(make_ticket(), make_customer(), TicketHistory(related_tickets=related),
                             later(MONDAY_10, minutes=2))
    assert not any(r.rule == "repeat_contact" for r in decision.reasons)


def test_vip_customer_gets_the_fast_track() -> None:
    customer = make_customer(tags=frozenset({"vip"}), fields={"account_manager": "Walter Skinner"})
    decision = ENGINE.decide(make_ticket(), customer, NO_HISTORY, later(MONDAY_10, minutes=2))
    assert decision.changes.priority == Priority.HIGH  # VIP x medium urgency = High (matrix)
    assert "vip_fast_track" in decision.changes.add_tags
    assert "account_manager" in roles(decision)
    assert "senior_agent_requested" in decision.changes.add_tags  # no senior agent mapped for tier 1


ANGRY = "This is unacceptable, the worst service ever, I am furious and disgusted!!!"


def test_an_angry_vip_complaint_goes_to_management() -> None:
    customer = make_customer(tags=frozenset({"vip"}), fields={"account_manager": "Walter Skinner"})
    ticket = make_ticket(comments=(customer_comment(ANGRY, later(MONDAY_10, minutes=1)),))
    decision = ENGINE.decide(ticket, customer, NO_HISTORY, later(MONDAY_10, minutes=2))
    assert decision.tier == 4
    [entry] = decision.escalations
    assert entry.rule == "vip_complaint"
    assert entry.figures["routing"] == "routing: vip complaint goes to Tier 4"
    assert {"support_manager", "account_manager", "tier_4_team"} <= roles(decision)
    assert decision.changes.public_reply is not None  # the customer's acknowledgment
    assert decision.changes.internal_note is not None and "Tier 4" in decision.changes.internal_note
    assert "rule:vip_complaint" in decision.fired


def test_a_frustrated_enterprise_customer_is_a_vip_complaint_too() -> None:
    customer = make_customer(fields={"customer_tier": "enterprise"})
    ticket = make_ticket(description="Your export is useless, I am fed up.")
    decision = ENGINE.decide(ticket, customer, NO_HISTORY, later(MONDAY_10, minutes=2))
    assert [e.rule for e in decision.escalations] == ["vip_complaint"]
    assert decision.tier == 4


def test_no_vip_complaint_from_a_calm_vip_or_an_angry_standard_customer() -> None:
    calm = ENGINE.decide(make_ticket(), make_customer(tags=frozenset({"vip"})), NO_HISTORY,
                         later(MONDAY_10, minutes=2))
    assert calm.tier == 1 and not any(k.startswith("rule:vip_complaint") for k in calm.fired)
    ticket = make_ticket(comments=(customer_comment(ANGRY, later(MONDAY_10, minutes=1)),))
    standard = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=2))
    assert standard.tier == 1 and "needs_review" in standard.changes.add_tags


def test_vip_with_high_urgency_is_critical_by_the_matrix() -> None:
    customer = make_customer(fields={"customer_tier": "VIP"})
    decision = ENGINE.decide(make_ticket(priority=Priority.HIGH), customer, NO_HISTORY, later(MONDAY_10, minutes=2))
    assert decision.priority == Priority.CRITICAL
    assert decision.changes.priority == Priority.CRITICAL


def test_enterprise_tier_from_an_organization_field() -> None:
    customer = make_customer(fields={"customer_tier": "enterprise"})
    decision = ENGINE.decide(make_ticket(), customer, NO_HISTORY, later(MONDAY_10, minutes=2))
    assert any(r.rule == "enterprise_customer" for r in decision.reasons)
    assert decision.changes.priority == Priority.HIGH  # minimum High from the fast track


def test_lifetime_value_over_threshold_is_a_fast_track() -> None:
    customer = make_customer(fields={"lifetime_value": "25,000"})
    decision = ENGINE.decide(make_ticket(priority=Priority.LOW), customer, NO_HISTORY, later(MONDAY_10, minutes=2))
    reason = next(r for r in decision.reasons if r.rule == "high_lifetime_value")
    assert reason.figures == {"lifetime_value": 25000.0, "threshold": 10000}
    assert decision.changes.priority == Priority.HIGH


def test_revenue_impact_over_threshold_bumps_and_escalates() -> None:
    ticket = make_ticket(custom_fields={"revenue_impact": 4500})
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=2))
    reason = next(r for r in decision.reasons if r.rule == "high_revenue_impact")
    assert reason.figures["revenue_impact"] == 4500
    assert decision.changes.priority == Priority.HIGH
    assert decision.tier == 2


def test_revenue_impact_at_threshold_does_not_fire() -> None:
    ticket = make_ticket(custom_fields={"revenue_impact": 1000})
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=2))
    assert not any(r.rule == "high_revenue_impact" for r in decision.reasons)


def test_unassigned_for_more_than_two_hours_alerts_the_manager() -> None:
    ticket = make_ticket(assignee_id=None, priority=Priority.LOW)
    early = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=30))
    assert "support_manager" not in roles(early)
    assert early.next_check_at == later(MONDAY_10, hours=2)  # the alert moment is armed exactly
    late = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, hours=2, seconds=1))
    alert = next(n for n in late.notifications if n.role == "support_manager")
    assert "Unassigned for 2h" in alert.body
    assert "https://acme.zendesk.com/agent/tickets/1001" in alert.body
    assert "unassigned_alert" in late.changes.add_tags


def test_critical_outage_pages_on_call_and_goes_to_engineering() -> None:
    customer = make_customer(tags=frozenset({"vip"}))
    ticket = make_ticket(priority=Priority.HIGH, subject="Production down",
                         description="Our whole production is down since 9:50, nothing loads.")
    decision = ENGINE.decide(ticket, customer, NO_HISTORY, later(MONDAY_10, minutes=1))
    page = next(n for n in decision.notifications if n.role == "on_call")
    assert page.urgent is True
    assert decision.priority == Priority.CRITICAL
    assert decision.tier == 3  # outage routes to Senior/Engineering
    assert "incident" in decision.changes.add_tags


def test_a_security_incident_at_normal_priority_is_critical_and_pages() -> None:
    ticket = make_ticket(description="I think our account was hacked, there are logins from abroad.")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert decision.tier == 3
    assert decision.priority == Priority.CRITICAL
    assert "on_call" in roles(decision)
    assert {"security", "incident"} <= decision.changes.add_tags


def test_critical_security_incident_pages_on_call_and_goes_to_engineering() -> None:
    ticket = make_ticket(priority=Priority.CRITICAL, description="Our admin account was hacked an hour ago.")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    incident = next(r for r in decision.reasons if r.rule == "critical_incident")
    assert incident.figures == {"incident": "security incident", "keywords": ["account was hacked"], "priority": "P0"}
    assert incident.summary == 'Critical incident, security incident: "account was hacked"'
    page = next(n for n in decision.notifications if n.role == "on_call")
    assert page.urgent is True and "security incident" in page.body
    assert decision.tier == 3
    assert {"incident", "security"} <= decision.changes.add_tags


def test_an_outage_at_medium_priority_is_raised_to_critical_with_the_evidence() -> None:
    ticket = make_ticket(priority=Priority.MEDIUM, description="We have an outage: our site down since 9:30.")
    now = later(MONDAY_10, minutes=1)
    [reason] = outage(gather(ticket, make_customer(), NO_HISTORY, now, CONFIG), Priority.MEDIUM)
    assert reason.figures == {"keywords": ["outage", "our site down since 9"]}
    assert reason.summary == 'System-down language: "outage", "our site down since 9"'
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, now)
    assert decision.priority == Priority.CRITICAL and decision.tier == 3
    assert "on_call" in roles(decision)
    note = decision.changes.internal_note or ""
    assert 'Critical incident, system down: "outage", "our site down since 9"' in note


def test_regulatory_language_goes_to_management() -> None:
    ticket = make_ticket(description="This breaks GDPR, I will contact the CNIL.")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    reason = next(r for r in decision.reasons if r.rule == "regulatory_keywords")
    assert reason.figures == {"keywords": ["breaks GDPR", "CNIL"], "matter": "regulatory"}
    assert not any(r.rule in ("legal_keywords", "reputational_keywords") for r in decision.reasons)
    [entry] = decision.escalations
    assert (entry.rule, entry.to_tier) == ("legal_threat", 4)
    assert entry.figures["routing"] == "routing: regulatory goes to Tier 4"
    assert decision.sentiment == Sentiment.THREATENING


def test_public_exposure_language_goes_to_management() -> None:
    ticket = make_ticket(description="I will post this on twitter and tell the press.")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    reason = next(r for r in decision.reasons if r.rule == "reputational_keywords")
    assert reason.figures == {"keywords": ["I will post this on twitter", "tell the press"], "matter": "media"}
    assert not any(r.rule in ("legal_keywords", "regulatory_keywords") for r in decision.reasons)
    [entry] = decision.escalations
    assert (entry.rule, entry.to_tier) == ("legal_threat", 4)
    assert entry.figures["routing"] == "routing: social media goes to Tier 4"
    assert "support_manager" in roles(decision)


def test_the_highest_warning_crossed_is_the_one_reported() -> None:
    engine = Engine(make_config(sla={"warning_at": [0.5, 0.8]}))
    # High: first response 1h business time; 51m = 85 %, past both warnings.
    decision = engine.decide(make_ticket(priority=Priority.HIGH), make_customer(), NO_HISTORY,
                             later(MONDAY_10, minutes=51))
    [warning] = [r for r in decision.reasons if r.rule == "sla_warning"]
    assert warning.key == "sla_warning:first_response:80"
    assert warning.figures["threshold"] == 0.8
    assert "warning at 80%" in warning.summary


def test_lifetime_value_at_the_threshold_is_not_over_it() -> None:
    customer = make_customer(fields={"lifetime_value": 10000})
    decision = ENGINE.decide(make_ticket(priority=Priority.LOW), customer, NO_HISTORY, later(MONDAY_10, minutes=2))
    assert not any(r.rule == "high_lifetime_value" for r in decision.reasons)
    assert "high_lifetime_value" not in decision.fired
    just_over = make_customer(fields={"lifetime_value": 10000.01})
    decision = ENGINE.decide(make_ticket(priority=Priority.LOW), just_over, NO_HISTORY, later(MONDAY_10, minutes=2))
    assert "high_lifetime_value" in decision.fired


def test_manual_escalation_by_tag() -> None:
    ticket = make_ticket(tags=frozenset({"tier_1", "escalate_tier_3", "escalation_reason_manager_requested"}))
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert decision.tier == 3
    entry = decision.escalations[0]
    assert entry.rule == "manual_escalation"
    assert entry.actor == "agent:7001"
    assert "Customer requests a manager" in entry.reason
    assert "escalate_tier_3" in decision.changes.remove_tags
    assert "tier_1" in decision.changes.remove_tags
    assert {"tier_3", "escalated"} <= decision.changes.add_tags


def test_customer_acknowledgment_is_a_public_reply_in_the_escalations_own_write() -> None:
    ticket = make_ticket(description="My lawyer will sue you.")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert not [n for n in decision.notifications if n.role == "customer"]  # never through the notifier
    reply = decision.changes.public_reply
    assert reply is not None
    assert "Management/Executive" in reply and "#1001" in reply
    assert "legal_keywords" not in reply and "lawyer" not in reply  # no internal data for the customer
    assert "acknowledged:tier_4" in decision.fired
    # decided again once it is recorded: the customer is not acknowledged twice for the same tier
    again = ENGINE.decide(ticket, make_customer(), replace(NO_HISTORY, fired=decision.fired),
                          later(MONDAY_10, minutes=2))
    assert again.changes.public_reply is None


def test_customer_acknowledgment_by_email_is_a_notification() -> None:
    engine = Engine(make_config(notifications={"customer_notice": "email"}))
    decision = engine.decide(make_ticket(description="My lawyer will sue you."), make_customer(), NO_HISTORY,
                             later(MONDAY_10, minutes=1))
    [notice] = [n for n in decision.notifications if n.role == "customer"]
    assert notice.kind == "acknowledgment" and notice.dedupe_key == "acknowledgment:tier_4"
    assert decision.changes.public_reply is None
    none = Engine(make_config(notifications={"customer_notice": "none"}))
    quiet = none.decide(make_ticket(description="My lawyer will sue you."), make_customer(), NO_HISTORY,
                        later(MONDAY_10, minutes=1))
    assert quiet.changes.public_reply is None and not [n for n in quiet.notifications if n.role == "customer"]


def test_everyday_words_do_not_send_a_ticket_to_management() -> None:
    for text in ("Nothing happens when I press the Export button.", "The media library does not show my images.",
                 "Sue from accounting asked me to send you the invoice."):
        ticket = make_ticket(description=text)
        decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
        assert decision.tier == 1 and decision.escalations == (), text
        assert "legal_review" not in decision.changes.add_tags, text
    french = make_customer(locale="fr-FR")
    decision = ENGINE.decide(make_ticket(description="Le délai est trop court, copiez-le dans le presse-papiers."),
                             french, NO_HISTORY, later(MONDAY_10, minutes=1))
    assert decision.tier == 1 and decision.escalations == ()


def test_no_acknowledgment_when_customer_notices_are_off() -> None:
    engine = Engine(make_config(notifications={"customer_notice": "none"}))
    decision = engine.decide(make_ticket(description="My lawyer will sue you."), make_customer(), NO_HISTORY,
                             later(MONDAY_10, minutes=1))
    assert "customer" not in roles(decision)


def test_custom_rule_in_yaml_shape() -> None:
    rule = {"name": "big_deal_billing", "all": [
        {"field": "tags", "operator": "includes", "value": "billing"},
        {"field": "customer_tier", "operator": "at_least", "value": "enterprise"}],
        "actions": [{"action": "escalate", "value": 2}, {"action": "add_tags", "value": ["billing_priority"]},
                    {"action": "notify", "value": "support_manager"}]}
    engine = Engine(make_config(extra_rules=[rule]))
    customer = make_customer(fields={"customer_tier": "enterprise"})
    ticket = make_ticket(tags=frozenset({"billing"}))
    decision = engine.decide(ticket, customer, NO_HISTORY, later(MONDAY_10, minutes=1))
    assert decision.tier == 2
    assert "billing_priority" in decision.changes.add_tags
    standard = engine.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert "billing_priority" not in standard.changes.add_tags


def test_customer_classification_prefers_the_highest_signal() -> None:
    from plugin.customers import classify

    profile = classify(make_customer(fields={"customer_tier": "enterprise"}, tags=frozenset({"vip"})), CONFIG)
    assert profile.tier == CustomerTier.VIP
    assert profile.tier_source == "tag vip"


def test_customer_tier_tags_follow_the_configuration() -> None:
    """The lower-cased tier tags are kept per configuration: another configuration's tags are its own."""
    from plugin.customers import classify

    gold = make_customer(tags=frozenset({"Gold"}))
    renamed = make_config(customers={"tier_tags": {"vip": ["GOLD"], "enterprise": ["silver"]}})
    for _ in range(2):
        assert classify(gold, CONFIG).tier == CustomerTier.STANDARD
        assert classify(gold, renamed).tier == CustomerTier.VIP
        assert classify(make_customer(tags=frozenset({"vip"})), renamed).tier == CustomerTier.STANDARD


def status_solved():  # type: ignore[no-untyped-def]
    from plugin.domain import Status

    return Status.SOLVED


def test_unassigned_time_runs_from_the_latest_un_assignment_the_history_knows() -> None:
    # Created Mon 10:00, assigned, then un-assigned at 11:30: the 2h alert is due at 13:30, not 12:00.
    ticket = make_ticket(assignee_id=None, priority=Priority.LOW, updated_at=later(MONDAY_10, minutes=90))
    history = TicketHistory(assigned_at=later(MONDAY_10, minutes=90))
    early = ENGINE.decide(ticket, make_customer(), history, later(MONDAY_10, hours=2, minutes=30))
    assert "support_manager" not in roles(early) and "unassigned" not in early.fired
    assert early.next_check_at == later(MONDAY_10, hours=3, minutes=30)
    late = ENGINE.decide(ticket, make_customer(), history, later(MONDAY_10, hours=3, minutes=31))
    alert = next(r for r in late.reasons if r.rule == "unassigned")
    assert alert.figures["since"] == later(MONDAY_10, minutes=90).isoformat()
    assert alert.figures["unassigned_seconds"] == 2 * 3600 + 60
    assert "support_manager" in roles(late)


def test_an_older_assignment_change_does_not_hide_a_later_escalation() -> None:
    from plugin.domain import EscalationEntry

    escalated = EscalationEntry(ticket_id="1001", at=later(MONDAY_10, hours=1), from_tier=1, to_tier=2,
                                rule="sla_breach", reason="", figures={}, actor="rule:sla_breach")
    history = TicketHistory(assigned_at=later(MONDAY_10, minutes=30), escalations=(escalated,))
    ticket = make_ticket(assignee_id=None, priority=Priority.LOW, tags=frozenset({"tier_2"}))
    decision = ENGINE.decide(ticket, make_customer(), history, later(MONDAY_10, hours=2, minutes=45))
    assert "unassigned" not in decision.fired
    assert decision.next_check_at == later(MONDAY_10, hours=3)


def test_everyday_phrases_that_name_a_threat_word_change_nothing() -> None:
    cases = [
        ("We had an SLA breach last week: please explain why.", None),  # was Tier 3 by "breach"
        ("Our lawyer says this is a breach of contract.", "legal_keywords"),  # legal, not a security incident
        ("The Twitter integration is broken since Monday.", None),  # was Tier 4 by "twitter"
        ("C'était un match nul hier ; l'export ne marche pas.", None),  # was frustrated by "nul"
        ("The drop-down stays empty and the download fails.", None),
    ]
    for text, expected in cases:
        decision = ENGINE.decide(make_ticket(description=text), make_customer(), NO_HISTORY,
                                 later(MONDAY_10, minutes=1))
        fired = {r.rule for r in decision.reasons}
        assert "security_incident" not in fired and "security" not in decision.changes.add_tags, text
        if expected is None:
            assert decision.tier == 1 and decision.escalations == () and not fired, text
            assert "needs_review" not in decision.changes.add_tags, text
        else:
            assert expected in fired and decision.tier == 4, text


def test_compiled_rules_match_as_the_rules_do() -> None:
    """The engine's rules compiled once per configuration (required triggers tested first, keys built once) give
    the match `rules.evaluate` gives, rule by rule, whatever fired."""
    from plugin.rules import FieldValues, compile_rules, evaluate
    from plugin.triggers import fire_all

    extra = {"name": "big_deal_billing", "all": [
        {"field": "tags", "operator": "includes", "value": "billing"},
        {"field": "trigger", "operator": "not_fired", "value": "sla_breached"},
        {"field": "customer_tier", "operator": "at_least", "value": "enterprise"}],
        "any": [{"field": "trigger", "operator": "fired", "value": "vip_customer"},
                {"field": "priority", "operator": "at_least", "value": "high"}],
        "actions": [{"action": "add_tags", "value": ["billing_priority"]}]}
    config = make_config(extra_rules=[extra])
    customers = [make_customer(), make_customer(tags=frozenset({"vip"})),
                 make_customer(fields={"customer_tier": "enterprise"})]
    tickets = [make_ticket(), make_ticket(priority=Priority.HIGH, tags=frozenset({"billing"})),
               make_ticket(description="My lawyer will take legal action.", tags=frozenset({"billing"})),
               make_ticket(comments=(customer_comment("Worst, most horrible support, I am furious!!!",
                                                      later(MONDAY_10, minutes=1)),))]
    compiled = compile_rules(config.all_rules)
    assert [c.rule for c in compiled] == [r for r in config.all_rules if r.enabled]
    for ticket in tickets:
        for customer in customers:
            for minutes in (5, 200, 2000):
                facts = gather(ticket, customer, NO_HISTORY, later(MONDAY_10, minutes=minutes), config)
                for priority in Priority:
                    fired = fire_all(facts, priority)
                    values = FieldValues(facts, priority)
                    for rule in compiled:
                        assert rule.evaluate(facts, priority, fired, values) == evaluate(rule.rule, facts, priority,
                                                                                         fired)
