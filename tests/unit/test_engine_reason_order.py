"""The documents lead with the reason that moved the ticket, and the customer's messages are titled in their
language."""

from __future__ import annotations

from engine_kit import MONDAY_10, later, make_config, make_customer, make_ticket

from plugin.domain import TicketHistory
from plugin.engine import Engine

ENGINE = Engine(make_config())
# Anger comes first in rule order (sentiment_review), but the legal threat is what sends it to Tier 4.
ANGRY_AND_LEGAL = "This is unacceptable and ridiculous. My lawyer will take legal action."


def test_the_escalating_rules_reason_comes_first() -> None:
    decision = ENGINE.decide(make_ticket(description=ANGRY_AND_LEGAL), make_customer(), TicketHistory(),
                             later(MONDAY_10, minutes=2))
    [entry] = decision.escalations
    assert entry.rule == "legal_threat" and entry.to_tier == 4
    assert decision.reasons[0].key.startswith("legal_keywords")
    assert len({id(r) for r in decision.reasons}) == len(decision.reasons)
    assert any(r.key.startswith("negative_sentiment") for r in decision.reasons)
    note = decision.changes.internal_note or ""
    reasons_block = note.split("Reason:")[1]
    assert reasons_block.index("legal_keywords") < reasons_block.index("negative_sentiment")


def test_customer_messages_are_titled_in_the_requesters_language() -> None:
    by_email = Engine(make_config(notifications={"customer_notice": "email"}))  # a reply has no title
    ticket = make_ticket(id="1078", description="Mon avocat va engager une action en justice.")
    decision = by_email.decide(ticket, make_customer(locale="fr"), TicketHistory(), later(MONDAY_10, minutes=2))
    [ack] = [n for n in decision.notifications if n.role == "customer"]
    assert ack.title == "Votre demande Zendesk n°1078"  # the platform: one service may serve two
    english = by_email.decide(make_ticket(id="1036", description=ANGRY_AND_LEGAL), make_customer(), TicketHistory(),
                              later(MONDAY_10, minutes=2))
    assert [n.title for n in english.notifications if n.role == "customer"] == ["Your request Zendesk #1036"]


def test_a_role_named_by_several_rules_gets_one_alert_with_all_their_reasons() -> None:
    vip = make_customer(tags=frozenset({"vip"}))
    ticket = make_ticket(description="This is unacceptable, the worst support ever. I am furious.")
    decision = ENGINE.decide(ticket, vip, TicketHistory(), later(MONDAY_10, minutes=2))
    [entry] = decision.escalations
    assert entry.rule == "vip_complaint"
    [alert] = [n for n in decision.notifications if n.role == "account_manager"]
    assert alert.kind == "vip_complaint"  # headed by the rule that moved the ticket
    why = alert.body.split("Why:")[1]
    assert 'Customer sounds angry: "unacceptable"' in why  # the complaint's reasons
    assert "VIP customer (tag vip)" in why  # and the fast track's
