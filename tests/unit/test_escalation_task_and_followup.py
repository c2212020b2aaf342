"""The escalation task as a linked task ticket (`workflow.escalation_task: task_ticket`), and the resolution
follow-up the customer of an escalated ticket gets once it is solved."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from engine_kit import MONDAY_10, later, make_config, make_customer, make_ticket, play_back

from plugin.domain import Priority, Status, Ticket, TicketHistory
from plugin.engine import Engine

LEGAL = "If this is not refunded today my lawyer will take legal action."
TASKS = Engine(make_config(workflow={"escalation_task": "task_ticket"}))
REASSIGN = Engine(make_config())


def test_reassign_moves_the_ticket_and_creates_no_task() -> None:
    decision = REASSIGN.decide(make_ticket(description=LEGAL), make_customer(), TicketHistory(),
                               later(MONDAY_10, minutes=2))
    assert decision.changes.group_id == "400"
    assert decision.changes.clear_assignee
    assert decision.changes.task is None


def test_task_ticket_leaves_the_ticket_with_its_agent_and_creates_a_task_for_the_tier() -> None:
    ticket = make_ticket(id="1036", subject="Charged twice", description=LEGAL)
    now = later(MONDAY_10, minutes=2)
    decision = TASKS.decide(ticket, make_customer(), TicketHistory(), now)
    changes = decision.changes
    assert changes.group_id is None and not changes.clear_assignee  # the Tier 1 agent keeps the customer
    assert {"escalated", "tier_4"} <= changes.add_tags
    task = changes.task
    assert task is not None
    assert (task.tier, task.group_id, task.priority) == (4, "400", Priority.HIGH)
    assert task.subject == "[Tier 4 Management/Executive] Escalation of #1036: Charged twice"
    assert task.body == changes.internal_note and task.body.startswith("ESCALATION TO TIER 4")
    assert task.due_at == now  # Tier 4's response target is "immediate"
    assert task.tags == {"escalation_task", "tier_4"}
    [entry] = decision.escalations
    assert (entry.from_tier, entry.to_tier) == (1, 4)


def test_the_task_is_due_within_the_tiers_response_target_in_business_time() -> None:
    # Friday 16:00: Tier 2's 4 h target runs 1 h on Friday and 3 h on Monday (office hours 09:00-17:00).
    friday_16 = MONDAY_10 + timedelta(days=4, hours=6)
    ticket = make_ticket(created_at=friday_16 - timedelta(minutes=5),
                         tags=frozenset({"escalate_tier_2", "escalation_reason_beyond_knowledge"}))
    task = TASKS.decide(ticket, make_customer(), TicketHistory(), friday_16).changes.task
    assert task is not None and task.tier == 2 and task.group_id == "200"
    assert task.due_at == MONDAY_10 + timedelta(days=7, hours=2)


def test_deciding_again_after_the_task_was_created_creates_nothing() -> None:
    ticket = make_ticket(description=LEGAL)
    now = later(MONDAY_10, minutes=2)
    first = TASKS.decide(ticket, make_customer(), TicketHistory(), now)
    after, history = play_back(ticket, TicketHistory(), first)
    again = TASKS.decide(after, make_customer(), history, later(now, minutes=1))
    assert again.changes.task is None and not again.has_effects


def test_our_own_task_ticket_is_left_alone() -> None:
    task = make_ticket(id="2001", subject="[Tier 4 Management/Executive] Escalation of #1036: Charged twice",
                       description=LEGAL, tags=frozenset({"escalation_task", "tier_4"}), assignee_id=None,
                       group_id=None, status=Status.NEW)
    decision = TASKS.decide(task, None, TicketHistory(), later(MONDAY_10, hours=5))
    assert not decision.has_effects and decision.next_check_at is None


def escalated_then_solved(engine: Engine) -> tuple[Engine, Ticket, TicketHistory]:
    ticket = make_ticket(description=LEGAL)
    first = engine.decide(ticket, make_customer(), TicketHistory(), later(MONDAY_10, minutes=2))
    after, history = play_back(ticket, TicketHistory(), first)
    return engine, replace(after, status=Status.SOLVED, updated_at=later(MONDAY_10, hours=3)), history


def test_an_escalated_ticket_once_solved_gets_one_resolution_follow_up() -> None:
    engine, solved, history = escalated_then_solved(REASSIGN)
    now = later(MONDAY_10, hours=3, minutes=1)
    decision = engine.decide(solved, make_customer(), history, now)
    reply = decision.changes.public_reply  # a public reply in the decision's own write (customer_notice: reply)
    assert reply is not None
    assert "has been resolved by our Management/Executive team" in reply
    assert "#1001" in reply
    _, history = play_back(solved, history, decision)
    again = engine.decide(solved, make_customer(), history, later(now, minutes=5))
    assert again.changes.public_reply is None
    # reopened and solved again: the customer already heard from us
    reopened = replace(solved, status=Status.OPEN)
    engine.decide(reopened, make_customer(), history, later(now, hours=1))
    resolved_again = engine.decide(solved, make_customer(), history, later(now, hours=2))
    assert resolved_again.changes.public_reply is None


def test_the_follow_up_by_email_is_a_notification() -> None:
    engine, solved, history = escalated_then_solved(Engine(make_config(notifications={"customer_notice": "email"})))
    decision = engine.decide(solved, make_customer(), history, later(MONDAY_10, hours=3, minutes=1))
    [notice] = [n for n in decision.notifications if n.kind == "resolution_followup"]
    assert notice.role == "customer" and notice.dedupe_key == "resolution_followup"
    assert decision.changes.public_reply is None


def test_the_follow_up_speaks_the_requesters_language() -> None:
    engine, solved, history = escalated_then_solved(REASSIGN)
    decision = engine.decide(solved, make_customer(locale="fr"), history,
                             later(MONDAY_10, hours=4))
    assert "a été résolue" in (decision.changes.public_reply or "")


def test_no_follow_up_for_a_ticket_never_escalated_or_when_turned_off() -> None:
    calm = make_ticket(status=Status.SOLVED, updated_at=later(MONDAY_10, hours=1))
    decision = REASSIGN.decide(calm, make_customer(), TicketHistory(), later(MONDAY_10, hours=1))
    assert not [n for n in decision.notifications if n.kind == "resolution_followup"]
    off = Engine(make_config(notifications={"resolution_followup": False}))
    engine, solved, history = escalated_then_solved(off)
    decision = engine.decide(solved, make_customer(), history, later(MONDAY_10, hours=4))
    assert not [n for n in decision.notifications if n.kind == "resolution_followup"]
