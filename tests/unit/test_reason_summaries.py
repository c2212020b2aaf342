"""Each built-in trigger's summary in the requester's language, in every document that shows the reasons; English
stays the fallback for what only English can say (an admin rule's free text) and in the escalation history."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from engine_kit import MONDAY_10, customer_comment, later, make_config, make_customer, make_ticket

from plugin.config import load_config
from plugin.documents import DocumentContext, Documents
from plugin.domain import (
    CustomerTier,
    EscalationEntry,
    Priority,
    Reason,
    Sentiment,
    Status,
    TicketHistory,
    TicketSummary,
)
from plugin.engine import Engine
from plugin.facts import gather
from plugin.summaries import reason_summary
from plugin.triggers import TRIGGERS

CONFIG = make_config()
NO_HISTORY = TicketHistory()
RELATED = TicketHistory(related_tickets=(
    TicketSummary("990", "Cannot export invoices", MONDAY_10 - timedelta(days=9), Status.SOLVED),
    TicketSummary("995", "Invoice export still broken", MONDAY_10 - timedelta(days=3), Status.SOLVED),
))
HANDED_OFF = TicketHistory(escalations=(EscalationEntry("1001", MONDAY_10, 1, 2, "manual_escalation", "asked", {},
                                                       "agent:7001"),))
ANGRY = customer_comment("This is horrible, I am furious and disgusted. Awful!!!", later(MONDAY_10, minutes=1))

# trigger -> (ticket fields, customer fields, history, minutes after creation, priority, English, French)
CASES: dict[str, tuple[dict[str, Any], dict[str, Any], TicketHistory, int, Priority, str, str]] = {
    "sla_warning": (
        {"priority": Priority.HIGH}, {}, NO_HISTORY, 49, Priority.HIGH,
        "SLA first response 82% elapsed (49m of 1h, business hours; warning at 80%)",
        "SLA de première réponse : 82 % écoulés (49m sur 1h, heures ouvrées ; alerte à 80 %)"),
    "sla_breached": (
        {"priority": Priority.MEDIUM}, {}, NO_HISTORY, 241, Priority.MEDIUM,
        "SLA first response breached: 4h 1m elapsed against a target of 4h (business hours)",
        "SLA de première réponse dépassé : 4h 1m écoulés pour un objectif de 4h (heures ouvrées)"),
    "negative_sentiment": (
        {"comments": (ANGRY,)}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        'Customer sounds angry: "This is horrible", "I am furious", "disgusted"',
        "Le client paraît en colère : « This is horrible », « I am furious », « disgusted »"),
    "frustration_keywords": (
        {"description": "Toujours pas de réponse, je commence à perdre patience."}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        'Customer sounds frustrated: "Toujours pas de réponse", "commence à perdre patience"',
        "Le client paraît agacé : « Toujours pas de réponse », « commence à perdre patience »"),
    "legal_keywords": (
        {"description": "Mon avocat va vous contacter."}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        'Legal threat language: "Mon avocat va"', "Menace juridique : « Mon avocat va »"),
    "regulatory_keywords": (
        {"description": "Je saisis la CNIL."}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        'Regulatory language: "CNIL"', "Vocabulaire réglementaire : « CNIL »"),
    "reputational_keywords": (
        {"description": "Je vais alerter la presse."}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        'Public exposure language: "alerter la presse"', "Menace d'exposition publique : « alerter la presse »"),
    "repeat_contact": (
        {}, {}, RELATED, 2, Priority.MEDIUM,
        "Contact number 3 from this requester about the same issue within 30d (earlier: #990, #995)",
        "Contact n° 3 de ce demandeur pour le même problème en 30 jours (précédents : #990, #995)"),
    "vip_customer": (
        {}, {"tags": frozenset({"vip"})}, NO_HISTORY, 2, Priority.MEDIUM,
        "VIP customer (tag vip)", "Client VIP (étiquette vip)"),
    "enterprise_customer": (
        {}, {"fields": {"customer_tier": "enterprise"}}, NO_HISTORY, 2, Priority.MEDIUM,
        "Enterprise customer (customer_tier=enterprise)", "Client entreprise (customer_tier=enterprise)"),
    "high_revenue_impact": (
        {"custom_fields": {"revenue_impact": 4500}}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        "Revenue impact 4,500 is over the threshold 1,000",
        "Impact sur le chiffre d'affaires de 4\u202f500, au-dessus du seuil de 1\u202f000"),
    "high_lifetime_value": (
        {}, {"fields": {"lifetime_value": 25000}}, NO_HISTORY, 2, Priority.MEDIUM,
        "Customer lifetime value 25,000 is over the threshold 10,000",
        "Valeur client de 25\u202f000, au-dessus du seuil de 10\u202f000"),
    "unassigned": (
        {"assignee_id": None, "priority": Priority.LOW}, {}, NO_HISTORY, 121, Priority.LOW,
        "Unassigned for 2h 1m (alert after 2h)", "Sans assignation depuis 2 heures 1 minute (alerte après 2 heures)"),
    "critical_incident": (
        {"description": "Our admin account was hacked."}, {}, NO_HISTORY, 2, Priority.CRITICAL,
        'Critical incident, security incident: "account was hacked"',
        "Incident critique, incident de sécurité : « account was hacked »"),
    "incident_page": (
        {"description": "Our admin account was hacked."}, {}, NO_HISTORY, 2, Priority.CRITICAL,
        'Page on-call, security incident (always paged): "account was hacked"',
        "Astreinte prévenue, incident de sécurité (toujours) : « account was hacked »"),
    "manager_requested": (
        {"description": "Je souhaite parler à votre responsable."}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        'Customer asks for a manager: "Je souhaite parler à votre responsable"',
        "Le client demande un responsable : « Je souhaite parler à votre responsable »"),
    "repeat_claimed": (
        {"description": "I called twice last week about this export."}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        'Customer says they contacted us before: "I called twice last week"',
        "Le client dit nous avoir déjà contactés : « I called twice last week »"),
    "security_incident": (
        {"description": "Mon compte a été piraté."}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        'Security incident language: "compte a été piraté"',
        "Signalement d'incident de sécurité : « compte a été piraté »"),
    "outage": (
        {"description": "Le site est en panne."}, {}, NO_HISTORY, 2, Priority.MEDIUM,
        'System-down language: "site est en panne"', "Signalement de panne : « site est en panne »"),
    "handoff_warning": (
        {}, {}, HANDED_OFF, 195, Priority.MEDIUM,
        "Tier 2 (Technical/Specialist) has not acted 3h 15m after the handoff (81% of its 4h target)",
        "Le niveau 2 (Technical/Specialist) n'a pas agi 3h 15m après la transmission (81 % de son objectif de 4h)"),
    "handoff_breached": (
        {}, {}, HANDED_OFF, 241, Priority.MEDIUM,
        "Tier 2 (Technical/Specialist) missed its response target: no action 4h 1m after the handoff (target 4h, "
        "business hours)",
        "Le niveau 2 (Technical/Specialist) a dépassé son délai de prise en charge : aucune action 4h 1m après la "
        "transmission (objectif 4h, heures ouvrées)"),
    "manual_escalation": (
        {"tags": frozenset({"escalate_tier_3", "escalation_reason_manager_requested"})}, {}, NO_HISTORY, 2,
        Priority.MEDIUM,
        "Agent requested Tier 3 (Senior/Engineering): Customer requests a manager",
        "Escalade demandée par l'agent vers le niveau 3 (Senior/Engineering) : le client demande un responsable"),
}


def test_every_built_in_trigger_has_a_case() -> None:
    assert set(CASES) == set(TRIGGERS)


def fired(name: str) -> Reason:
    ticket_fields, customer_fields, history, minutes, priority, _, _ = CASES[name]
    facts = gather(make_ticket(**ticket_fields), make_customer(**customer_fields), history,
                   later(MONDAY_10, minutes=minutes), CONFIG)
    [reason] = TRIGGERS[name](facts, priority)
    return reason


def context(reasons: tuple[Reason, ...], locale: str | None, to_tier: int = 2) -> DocumentContext:
    return DocumentContext(
        ticket=make_ticket(locale=locale), customer=make_customer(locale=locale), customer_tier=CustomerTier.STANDARD,
        priority=Priority.HIGH, from_tier=1, to_tier=to_tier, reasons=reasons, sentiment=Sentiment.CALM,
        sentiment_score=None, clocks=(), history=NO_HISTORY, now=later(MONDAY_10, minutes=5), case_reference="#1001",
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_trigger_summary_in_english(name: str) -> None:
    reason = fired(name)
    english = CASES[name][5]
    assert reason.summary == english  # the history keeps it
    assert reason_summary(reason, "en", CONFIG) == english
    docs, ctx = Documents(CONFIG), context((reason,), "en")
    assert f"- [{name}] {english}" in docs.handoff_note(ctx)
    assert f"- {english}" in docs.rule_note(ctx)
    assert f"Why: {english}" in docs.internal_handoff_message(ctx)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_trigger_summary_in_french(name: str) -> None:
    reason = fired(name)
    french = CASES[name][6]
    assert reason_summary(reason, "fr", CONFIG) == french
    docs, ctx = Documents(CONFIG), context((reason,), "fr-FR")
    for text in (docs.handoff_note(ctx), docs.rule_note(ctx), docs.internal_handoff_message(ctx)):
        assert french in text
        assert reason.summary not in text
    assert f"Motif : {french}" in docs.internal_handoff_message(ctx)
    assert f"Escalade déclenchée : {french}" in docs.handoff_note(ctx)  # the timeline too


def test_a_rule_resting_on_no_trigger_is_described_in_french() -> None:
    # auto_escalate_sla: priority at least High, SLA elapsed at least 80 %, status not solved.
    ticket = make_ticket(priority=Priority.HIGH, locale="fr")
    decision = Engine(CONFIG).decide(ticket, make_customer(locale="fr"), NO_HISTORY, later(MONDAY_10, minutes=49))
    [entry] = decision.escalations
    assert entry.rule == "auto_escalate_sla"
    assert entry.reason.startswith("priority High (P1), at least high")  # the history keeps English
    note = decision.changes.internal_note or ""
    assert ("- [auto_escalate_sla] priorité Haute (P1), au moins haute ; SLA écoulé 82 %, au moins 80 % ; "
            "statut ouverte, n'est pas résolue") in note
    assert "at least" not in note and "Priority: " not in note.split("\n\n")[0]
    [handoff] = [n for n in decision.notifications if n.kind == "handoff"]
    assert "Motif : priorité Haute (P1), au moins haute" in handoff.body


def test_an_admin_rule_with_fields_french_cannot_render_stays_english() -> None:
    rule = Reason("my_rule", "Billing dispute from an enterprise account", {"note": "free text"})
    config = make_config(extra_rules=[{"name": "my_rule", "all": [{"field": "tags", "operator": "includes",
                                                                     "value": "billing"}],
                                       "actions": [{"action": "internal_note"}]}])
    assert reason_summary(rule, "fr", config) == "Billing dispute from an enterprise account"
    unknown = Reason("not_a_rule", "Something only English says", {})
    assert reason_summary(unknown, "fr", CONFIG) == "Something only English says"
    # a trigger's name with figures of another shape (an admin rule named like a trigger) falls back too
    odd = Reason("outage", "outage rule matched", {"tags": ["billing"]})
    assert reason_summary(odd, "fr", CONFIG) == "outage rule matched"


def test_an_admin_field_rule_is_described_in_french() -> None:
    config = make_config(extra_rules=[{
        "name": "enterprise_billing",
        "all": [{"field": "tags", "operator": "includes", "value": "billing"},
                {"field": "customer_tier", "operator": "at_least", "value": "enterprise"}],
        "actions": [{"action": "escalate", "value": 2}]}])
    ticket = make_ticket(tags=frozenset({"billing"}), locale="fr")
    customer = make_customer(locale="fr", fields={"customer_tier": "enterprise"})
    decision = Engine(config).decide(ticket, customer, NO_HISTORY, later(MONDAY_10, minutes=1))
    note = decision.changes.internal_note or ""
    assert ("[enterprise_billing] étiquettes billing, comprend billing ; type de client entreprise, au moins "
            "entreprise") in note


def test_the_french_acknowledgment_names_the_team_in_french() -> None:
    reason = fired("sla_breached")
    text = Documents(load_config(data={})).customer_acknowledgment(context((reason,), "fr"))  # default tiers
    assert "spécialisée dans les problèmes techniques complexes, les problèmes de compte" in text
    for english in ("complex technical issues", "account problems", "SLA", "breached"):
        assert english not in text, english


def test_the_french_handoff_note_says_priority_and_customer_tier_in_french() -> None:
    reason = fired("vip_customer")
    ctx = replace(context((reason,), "fr", to_tier=3), customer_tier=CustomerTier.ENTERPRISE)
    note = Documents(CONFIG).handoff_note(ctx)
    assert "Priorité : Haute (P1)" in note
    assert "Client : Dana Scully (Example Corp), entreprise" in note
