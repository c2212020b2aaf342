"""Decisions that rest on reading the customer, and the decision faults found while measuring the reader.

- A Standard customer's "our production is down, nobody can log in" at Normal priority is Critical, paged and at
  Tier 3 in one decision (the seed's Critical row); "the drop-down is broken" is none of that.
- The page on-call option: always, VIP/Enterprise (or confirmed), or only once an agent confirms.
- A rule reading an SLA share that is not among the warning thresholds still gets its timer.
- In task-ticket mode a ticket escalated on its first decision still lands in the Tier 1 group.
- A team's keyword language adds to the built-in cues of the other languages; `replace` drops them.
- A priority the matrix raises is explained in a note.
- The acknowledgment promises the sooner of the tier's response target and the priority's first response.
"""

from __future__ import annotations

from engine_kit import MONDAY_10, customer_comment, later, make_config, make_customer, make_ticket, play_back

from plugin.domain import Priority, Sentiment, TicketHistory
from plugin.engine import Engine

NO_HISTORY = TicketHistory()
ENGINE = Engine(make_config())
OUTAGE = "our production is down, nobody can log in"


def roles(decision) -> set[str]:  # type: ignore[no-untyped-def]
    return {n.role for n in decision.notifications}


def test_a_standard_customers_outage_at_normal_priority_is_critical_paged_and_at_tier_3_in_one_decision() -> None:
    ticket = make_ticket(priority=Priority.MEDIUM, subject="Help", description=OUTAGE)
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert decision.priority == Priority.CRITICAL and decision.changes.priority == Priority.CRITICAL
    assert decision.tier == 3 and decision.changes.group_id == "300"
    page = next(n for n in decision.notifications if n.role == "on_call")
    assert page.urgent and "system down" in page.body
    note = decision.changes.internal_note or ""
    assert '"our production is down"' in note and '"nobody can log in"' in note  # the evidence, as written
    after, history = play_back(ticket, NO_HISTORY, decision)
    again = ENGINE.decide(after, make_customer(), history, later(MONDAY_10, minutes=2))
    assert again.notifications == () and again.escalations == ()  # paged once


def test_the_handoff_note_shows_the_mood_with_the_customers_words() -> None:
    text = "This is UNACCEPTABLE. My lawyer will take legal action."
    decision = ENGINE.decide(make_ticket(description=text), make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    note = decision.changes.internal_note or ""
    assert 'Customer sentiment: threatening: "UNACCEPTABLE", "My lawyer will", "legal action"' in note
    assert '[legal_keywords] Legal threat language: "My lawyer will", "legal action"' in note


def test_a_broken_drop_down_is_not_an_incident() -> None:
    ticket = make_ticket(priority=Priority.MEDIUM, subject="Bug", description="the drop-down is broken")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert decision.priority == Priority.MEDIUM and decision.changes.priority is None
    assert decision.tier == 1 and decision.escalations == ()
    assert "on_call" not in roles(decision)
    assert decision.sentiment == Sentiment.CALM


def test_the_page_can_require_a_senior_customer_or_a_confirmation_tag() -> None:
    guarded = Engine(make_config(reading={"incident_page": "vip_or_enterprise"}))
    ticket = make_ticket(priority=Priority.MEDIUM, description=OUTAGE)
    standard = guarded.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert standard.priority == Priority.CRITICAL and standard.tier == 3  # still raised and routed...
    assert "on_call" not in roles(standard)  # ...but not paged
    vip = guarded.decide(ticket, make_customer(tags=frozenset({"vip"})), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert "on_call" in roles(vip)
    after, history = play_back(ticket, NO_HISTORY, standard)
    confirmed = after.with_changes(tags=after.tags | {"incident_confirmed"})
    paged = guarded.decide(confirmed, make_customer(), history, later(MONDAY_10, minutes=5))
    assert "on_call" in roles(paged)  # an agent confirmed it
    only_confirmed = Engine(make_config(reading={"incident_page": "confirmed"}))
    unconfirmed = only_confirmed.decide(ticket, make_customer(tags=frozenset({"vip"})), NO_HISTORY,
                                        later(MONDAY_10, minutes=1))
    assert "on_call" not in roles(unconfirmed)


def test_a_customer_asking_for_a_manager_is_escalated_and_the_team_lead_told() -> None:
    ticket = make_ticket(description="I've called twice already. Please put me through to a supervisor.")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert decision.tier == 2 and "team_lead" in roles(decision)
    assert {"manager_requested", "repeat_contact_claimed"} <= decision.changes.add_tags
    reasons = {r.rule: r for r in decision.reasons}
    assert reasons["manager_requested"].figures["keywords"] == ["put me through to a supervisor"]
    assert reasons["repeat_claimed"].figures["keywords"] == ["I've called twice already"]


def test_an_operations_manager_signature_asks_for_no_manager() -> None:
    ticket = make_ticket(description="Please switch us to annual billing.\n\nBest,\nAnna Berg\nOperations Manager")
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert not any(r.rule == "manager_requested" for r in decision.reasons)


# -- decision faults


def test_a_rule_reading_80_percent_gets_its_timer_when_the_warnings_are_at_50_75_90() -> None:
    engine = Engine(make_config(sla={"warning_at": ["50%", "75%", "90%"]}))
    ticket = make_ticket(priority=Priority.HIGH)  # first response 1h, business time: 80 % at 10:48
    decision = engine.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=46))
    assert decision.next_check_at == later(MONDAY_10, minutes=48)  # not 10:54 (90 %), 6 minutes late


def test_task_ticket_mode_still_routes_a_new_ticket_escalated_at_once_to_tier_1() -> None:
    tasks = Engine(make_config(workflow={"escalation_task": "task_ticket"}))
    ticket = make_ticket(group_id=None, assignee_id=None, description="My lawyer will take legal action.")
    decision = tasks.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert decision.tier == 4 and decision.changes.task is not None
    assert decision.changes.group_id == "100"  # the customer's ticket is worked in Tier 1, not in no group


def test_a_keyword_language_adds_to_the_other_languages() -> None:
    german = Engine(make_config(keywords={"legal": {"de": ["Mahnbescheid beantragen"]}}))
    english = make_ticket(description="My attorney will be in touch about this.")
    decision = german.decide(english, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert any(r.rule == "legal_keywords" for r in decision.reasons)  # the built-in English cues are kept
    ticket = make_ticket(description="Wir werden einen Mahnbescheid beantragen.")
    own = german.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    reason = next(r for r in own.reasons if r.rule == "legal_keywords")
    assert reason.figures["keywords"] == ["Mahnbescheid beantragen"]


def test_replace_drops_the_built_in_cues_of_a_category() -> None:
    own_only = Engine(make_config(keywords={"legal": {"en": ["summon the barristers"]}, "replace": ["legal"]}))
    builtin = make_ticket(description="My attorney will be in touch about this.")
    decision = own_only.decide(builtin, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    assert not any(r.rule == "legal_keywords" for r in decision.reasons)
    mine = make_ticket(description="We will summon the barristers.")
    assert any(r.rule == "legal_keywords"
               for r in own_only.decide(mine, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1)).reasons)


def test_a_priority_the_matrix_raises_is_explained_in_a_note() -> None:
    vip = make_customer(tags=frozenset({"vip"}))
    decision = ENGINE.decide(make_ticket(priority=Priority.HIGH), vip, NO_HISTORY, later(MONDAY_10, minutes=1))
    assert decision.changes.priority == Priority.CRITICAL
    note = decision.changes.internal_note
    assert note is not None and "Priority:" in note and "Critical" in note


def test_the_acknowledgment_promises_the_sooner_of_tier_target_and_first_response() -> None:
    ticket = make_ticket(priority=Priority.MEDIUM, description=OUTAGE)
    decision = ENGINE.decide(ticket, make_customer(), NO_HISTORY, later(MONDAY_10, minutes=1))
    ack = decision.changes.public_reply or ""
    assert "within 15 minutes" in ack  # Critical first response, not Tier 3's 8 hours
    assert "8 hours" not in ack
    french = ENGINE.decide(ticket.with_changes(locale="fr"), make_customer(locale="fr"), NO_HISTORY,
                           later(MONDAY_10, minutes=1))
    assert "sous 15 minutes" in (french.changes.public_reply or "")


def test_a_frustrated_customer_still_within_sla_is_frustrated_not_angry() -> None:
    comment = customer_comment("Still no reply after three days. How much longer?", later(MONDAY_10, minutes=1))
    decision = ENGINE.decide(make_ticket(comments=(comment,)), make_customer(), NO_HISTORY,
                             later(MONDAY_10, minutes=2))
    assert decision.sentiment == Sentiment.FRUSTRATED
    assert "negative_sentiment" not in decision.fired and "frustration_keywords" in decision.fired
