"""The documents: each template in each language, the override folder, strict rendering, and `describe`."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from engine_kit import MONDAY_10, agent_reply, customer_comment, later, make_config, make_customer, make_ticket

from plugin.config import load_config
from plugin.describe import describe
from plugin.documents import DocumentContext, Documents, TemplateError
from plugin.domain import Comment, CustomerTier, Priority, Reason, Sentiment, TicketHistory
from plugin.engine import Engine
from webhooks.cli import main

CONFIG = make_config()
LEGAL = Reason("legal_keywords", 'Legal threat language: "lawyer"', {"keywords": ["lawyer"]})
SLA = Reason("sla_warning", "SLA first response 82% elapsed (49m of 1h, business hours; warning at 80%)",
             {"clock": "first_response", "elapsed_share": 0.82}, key="sla_warning:first_response:80")


def context(locale: str | None = None, reasons: tuple[Reason, ...] = (LEGAL,), to_tier: int = 4,
            **ticket_fields: object) -> DocumentContext:
    comments = (
        customer_comment("We need this fixed by Friday, our audit depends on it.", later(MONDAY_10, minutes=1)),
        agent_reply("Asked for the export logs.", later(MONDAY_10, minutes=20), ident="a1", public=False),
        Comment("a2", "Tried a cache reset, no change.", True, later(MONDAY_10, minutes=30), "7001", True,
                ("https://acme.zendesk.com/attachments/token/abc/?name=har.zip",)),
    )
    ticket = make_ticket(comments=comments, locale=locale, **ticket_fields)
    clocks = Engine(CONFIG).decide(ticket, make_customer(), TicketHistory(), later(MONDAY_10, minutes=40)).clocks
    return DocumentContext(
        ticket=ticket, customer=make_customer(locale=locale, fields={"lifetime_value": 42000}),
        customer_tier=CustomerTier.ENTERPRISE, priority=Priority.HIGH, from_tier=1, to_tier=to_tier,
        reasons=reasons, sentiment=Sentiment.THREATENING, sentiment_score=-0.82, clocks=clocks,
        history=TicketHistory(), now=later(MONDAY_10, minutes=40), case_reference="#1001",
    )


def test_handoff_note_in_english_has_every_section() -> None:
    note = Documents(CONFIG).handoff_note(context())
    assert note.startswith("ESCALATION TO TIER 4 (Management/Executive)")
    for expected in ("Ticket: #1001 - Cannot export my invoices", "Dana Scully (Example Corp), enterprise",
                     "lifetime value 42,000", "Priority: High (P1)", "from Tier 1 Frontline",
                     '[legal_keywords] Legal threat language: "lawyer"', "Summary: Cannot export my invoices.",
                     "2026-11-23 10:00 UTC: Initial contact", "(internal): Asked for the export logs.",
                     "(reply): Tried a cache reset, no change.", "Customer sentiment: threatening (score -0.82)",
                     '"We need this fixed by Friday, our audit depends on it."', "Do not admit liability",
                     "https://acme.zendesk.com/attachments/token/abc/?name=har.zip", "first response:"):
        assert expected in note, expected
    timeline = note[note.index("Timeline:"):note.index("What has been tried:")]
    assert timeline.index("Initial contact") < timeline.index("Asked for the export logs") < timeline.index(
        "Escalation triggered")


def test_handoff_note_in_french() -> None:
    note = Documents(CONFIG).handoff_note(context(locale="fr-CA"))
    assert note.startswith("ESCALADE VERS LE NIVEAU 4 (Management/Executive)")
    for expected in ("Demande : #1001", "Ressenti du client : menaçant (score -0.82)", "Déjà tenté :",
                     "Prochaines étapes recommandées :", "Ne reconnaissez aucune responsabilité", "Pièces jointes :"):
        assert expected in note, expected


def test_rule_note_names_the_rules_and_the_next_step() -> None:
    note = Documents(CONFIG).rule_note(context(reasons=(SLA,), to_tier=1))
    assert note.startswith("Escalator: sla_warning on ticket #1001")
    assert "82% elapsed" in note
    assert "Reply to the customer now" in note


def test_customer_acknowledgment_has_no_internal_data() -> None:
    text = Documents(CONFIG).customer_acknowledgment(context(reasons=(SLA,), to_tier=2))
    assert "escalated your request to our Technical/Specialist team" in text
    assert "within 4 business hours" in text
    assert "#1001" in text
    for internal in ("sla_warning", "82%", "42,000", "enterprise", "score", "Tier"):
        assert internal not in text, internal


def test_customer_acknowledgment_for_an_immediate_tier_in_french() -> None:
    text = Documents(CONFIG).customer_acknowledgment(context(locale="fr", to_tier=4))
    assert "Bonjour Dana" in text
    assert "spécialisée dans les questions juridiques" in text
    assert "immédiatement" in text
    assert "#1001" in text


def test_internal_handoff_message_is_short_and_linked() -> None:
    text = Documents(CONFIG).internal_handoff_message(context())
    assert text.splitlines()[0] == ("[P1] Ticket #1001 escalated to Tier 4 (Management/Executive): Cannot export "
                                    "my invoices")
    assert "https://acme.zendesk.com/agent/tickets/1001" in text
    assert len(text) < 600


def test_internal_handoff_message_in_french() -> None:
    text = Documents(CONFIG).internal_handoff_message(context(locale="fr-FR"))
    assert text.splitlines() == [
        "[P1] Demande #1001 transmise au niveau 4 (Management/Executive) : Cannot export my invoices",
        "Client : Dana Scully (Example Corp), entreprise",
        "Motif : Menace juridique : « lawyer »",
        "Prochaine échéance : 2026-11-26 10:00 UTC",
        "Ouvrir : https://acme.zendesk.com/agent/tickets/1001",
    ]


def test_resolution_followup_in_english() -> None:
    text = Documents(CONFIG).resolution_followup(context())
    assert text.startswith("Hello Dana,\n")
    assert ('Your request #1001 ("Cannot export my invoices") has been resolved by our Management/Executive team.'
            in text)
    assert "simply reply to this message" in text
    assert text.rstrip().endswith("Kind regards,\nOur support team")


def test_resolution_followup_in_french() -> None:
    text = Documents(CONFIG).resolution_followup(context(locale="fr"))
    assert text.startswith("Bonjour Dana,\n")
    assert ("Votre demande #1001 (« Cannot export my invoices ») a été résolue par notre équipe "
            "Management/Executive." in text)
    assert "répondez simplement à ce message" in text
    assert text.rstrip().endswith("Bien cordialement,\nOur support team")
    for english in ("Hello", "Your request", "resolved", "Kind regards"):
        assert english not in text, english
    by_tier = Documents(CONFIG).resolution_followup(replace(context(locale="fr"), to_tier=2))
    assert "notre équipe Technical/Specialist" in by_tier


def test_language_choice() -> None:
    documents = Documents(CONFIG)
    assert [documents.language_for(x) for x in ("fr", "fr-CA", "fr_FR", "de", None, "EN-gb")] == [
        "fr", "fr", "fr", "en", "en", "en"]
    french_team = Documents(load_config(data={"organization": {"language": "fr"}}))
    assert french_team.language_for("de") == "fr"


def test_override_folder_wins_and_falls_back(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "rule_note.j2").write_text("Custom note for #{{ ticket.id }}", encoding="utf-8")
    documents = Documents(load_config(data={"templates": {"folder": str(tmp_path)}}))
    assert documents.rule_note(context(reasons=(SLA,), to_tier=1)) == "Custom note for #1001\n"
    assert documents.handoff_note(context()).startswith("ESCALATION TO TIER 4")


def test_a_template_error_names_the_template_and_the_problem(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "rule_note.j2").write_text("Hello {{ tikcet.id }}", encoding="utf-8")
    (tmp_path / "en" / "handoff_note.j2").write_text("{% if %}", encoding="utf-8")
    documents = Documents(load_config(data={"templates": {"folder": str(tmp_path)}}))
    with pytest.raises(TemplateError, match="en/rule_note.j2: 'tikcet' is undefined"):
        documents.rule_note(context())
    with pytest.raises(TemplateError, match="handoff_note.j2, line 1"):
        documents.handoff_note(context())


def test_documents_are_deterministic() -> None:
    assert Documents(CONFIG).handoff_note(context()) == Documents(CONFIG).handoff_note(context())


# ---------------------------------------------------------------- describe


def test_describe_default_shows_four_tiers_and_the_sla_matrix() -> None:
    text = describe(load_config(data={}))
    assert text.startswith("# Escalation Workflow Design")
    for row in ("| 1 | Frontline |", "| 2 | Technical/Specialist |", "| 3 | Senior/Engineering |",
                "| 4 | Management/Executive |"):
        assert row in text
    for row in ("| Critical (P0) | 15m | 4h |", "| High (P1) | 1h | 8h |", "| Medium (P2) | 4h | 24h |",
                "| Low (P3) | 8h | 48h |"):
        assert row in text
    for section in ("Organization profile", "Tier structure", "SLA matrix", "Escalation rules",
                    "Manual escalation criteria", "Documentation templates", "Automation rules",
                    "Implementation checklist"):
        assert section in text
    assert "auto_escalate_sla" in text and "vip_fast_track" in text and "sentiment_review" in text


def test_describe_three_tiers_and_no_secrets() -> None:
    config = load_config(data={
        "tiers": [{"name": "L1", "groups": {"zendesk": "1"}}, {"name": "L2", "groups": {"zendesk": "2"}},
                  {"name": "L3"}],
        "zendesk": {"subdomain": "acme"},
        "notifications": {"channels": {"on_call": ["pagerduty://s3cr3t-key@api-k3y"]}},
    })
    text = describe(config)
    assert "| 3 | L3 |" in text and "| 4 |" not in text
    assert "s3cr3t" not in text and "api-k3y" not in text
    assert "on_call: 1 channel" in text
    assert "no zendesk group mapped for tier 3" in text


def test_cli_describe_and_check_config(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["describe"], env={"ESCALATOR_CONFIG": ""})
    assert result.exit_code == 0
    assert "| Medium (P2) | 4h | 24h |" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("sla:\n  matrix:\n    high:\n      resolution: eight hours\nthresholds:\n  repeat_contact: 1\n"
                   "notifications:\n  dedupe_period: often\n", encoding="utf-8")
    result = runner.invoke(main, ["check-config", "--config", str(bad)])
    assert result.exit_code == 1
    assert "3 problem(s)" in result.output
    assert "sla.matrix.high.resolution: must be a duration" in result.output
    assert "thresholds.repeat_contact:" in result.output
    assert "notifications.dedupe_period: must be a duration" in result.output
    good = runner.invoke(main, ["check-config"], env={"ESCALATOR_CONFIG": ""})
    assert good.exit_code == 0 and "Configuration OK: 4 tiers" in good.output


def test_spoken_durations_are_grammatical() -> None:
    from plugin.documents import spoken_duration

    assert spoken_duration(timedelta(hours=1)) == "1 hour"
    assert spoken_duration(timedelta(hours=2, minutes=30)) == "2 hours 30 minutes"
    assert spoken_duration(timedelta(days=2), "fr") == "2 jours"


# ---------------------------------------------------------------- the acknowledgment's promise


def test_the_acknowledgment_promises_business_hours_when_the_target_is_in_business_time() -> None:
    # The tiers' targets are counted on the SLA schedule (Mon-Fri 09:00-17:00 by default): 4 hours from Friday
    # 16:00 is Monday 12:00, so "within 4 hours" would be a promise broken on every Friday afternoon.
    english = Documents(CONFIG).customer_acknowledgment(context(reasons=(SLA,), to_tier=2))
    assert "They will reach out within 4 business hours." in english
    french = Documents(CONFIG).customer_acknowledgment(context(locale="fr", reasons=(SLA,), to_tier=2))
    assert "Elle reviendra vers vous sous 4 heures ouvrées." in french
    one = make_config(tiers=[{"name": "Frontline", "response_target": "2h"}, {"name": "Desk", "response_target": "1h"}])
    assert "within 1 business hour." in Documents(one).customer_acknowledgment(context(reasons=(SLA,), to_tier=2))
    assert "sous 1 heure ouvrée." in Documents(one).customer_acknowledgment(context("fr", reasons=(SLA,), to_tier=2))


def test_the_acknowledgment_says_plain_hours_on_a_schedule_that_never_closes() -> None:
    always = make_config(schedules={"default": {"hours": {d: ["00:00-24:00"] for d in
                                                          ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}})
    assert "within 4 hours." in Documents(always).customer_acknowledgment(context(reasons=(SLA,), to_tier=2))
    assert "sous 4 heures." in Documents(always).customer_acknowledgment(context("fr", reasons=(SLA,), to_tier=2))


def test_business_durations_are_said_in_hours() -> None:
    from plugin.documents import spoken_duration

    assert spoken_duration(timedelta(hours=48), business=True) == "48 business hours"
    assert spoken_duration(timedelta(hours=2, minutes=30), business=True) == "2 hours 30 minutes (business hours)"
    assert spoken_duration(timedelta(minutes=45), "fr", business=True) == "45 minutes (heures ouvrées)"
    assert spoken_duration(timedelta(hours=8), "fr", business=True) == "8 heures ouvrées"


def test_templates_get_the_response_due_time_on_the_schedule(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "customer_acknowledgment.j2").write_text(
        "Due {{ response_due | when }}{% if response_business_time %} (business hours){% endif %}", encoding="utf-8")
    documents = Documents(make_config(templates={"folder": str(tmp_path)}))
    friday_4pm = replace(context(reasons=(SLA,), to_tier=2), now=later(MONDAY_10, days=4, hours=6))
    assert documents.customer_acknowledgment(friday_4pm) == "Due 2026-11-30 12:00 UTC (business hours)\n"


FRUSTRATION = Reason("frustration_keywords", 'Frustration language: "unacceptable"', {"keywords": ["unacceptable"]})


def test_a_reason_two_rules_rest_on_is_shown_once() -> None:
    # sentiment_review and vip_complaint both rest on frustration_keywords: the engine passes its reason twice.
    note = Documents(CONFIG).handoff_note(context(reasons=(FRUSTRATION, LEGAL, FRUSTRATION)))
    assert note.count('Frustration language: "unacceptable"') == 2  # the reason line, and the timeline's trigger
    assert note.count("[frustration_keywords]") == 1


def test_the_team_specializes_in_the_most_specific_matter_not_the_first_reason() -> None:
    text = Documents(CONFIG).customer_acknowledgment(context(locale="fr", reasons=(FRUSTRATION, LEGAL)))
    assert "spécialisée dans les questions juridiques" in text
    english = Documents(CONFIG).customer_acknowledgment(context(reasons=(FRUSTRATION, LEGAL)))
    assert "who specialize in legal matters" in english
