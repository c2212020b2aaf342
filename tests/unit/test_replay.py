"""The pure replay (plugin/replay/): a ticket's timeline through the engine at every change and threshold, what
actually happened, the totals and their rendering."""

from __future__ import annotations

from datetime import datetime, timedelta

from engine_kit import MONDAY_10, agent_reply, customer_comment, make_config, make_customer, make_ticket
from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.config import EscalatorConfig
from plugin.domain import Comment, Customer, Decision, Priority, Status, Ticket, TicketHistory
from plugin.engine import Engine
from plugin.replay.actual import person_escalation, what_happened
from plugin.replay.render import as_csv, as_html, render
from plugin.replay.report import SimulationReport, ticket_report
from plugin.replay.run import replay_ticket
from plugin.replay.timeline import Step, TicketTimeline

ALL_DAY = {"schedules": {"default": {"hours": {d: ["00:00-24:00"] for d in
                                               ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}},
           "notifications": {"respect_business_hours": False}}
CONFIG = make_config(**ALL_DAY)
ENGINE = Engine(CONFIG)
UNTIL = MONDAY_10 + timedelta(days=3)


class Recording:
    """The engine, recording each moment it is asked to decide at (and nothing else reaches it)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.moments: list[datetime] = []

    def decide(self, ticket: Ticket, customer: Customer | None, history: TicketHistory, now: datetime) -> Decision:
        self.moments.append(now)
        return self.engine.decide(ticket, customer, history, now)


def timeline(*tickets: Ticket, actors: tuple[str | None, ...] = ()) -> TicketTimeline:
    return TicketTimeline("zendesk", tickets[0].id, tuple(
        Step(t, actors[i] if i < len(actors) else None) for i, t in enumerate(tickets)))


def late_reply() -> TicketTimeline:
    """Created at 10:00, assigned, answered at 15:00 (the 4 h first-reply target passed at 14:00), solved at 15:30."""
    created = make_ticket(status=Status.NEW, assignee_id="7001")
    reply = agent_reply("Here is the answer.", MONDAY_10 + timedelta(hours=5))
    answered = created.with_changes(status=Status.OPEN, updated_at=reply.created_at, comments=(reply,))
    solved = answered.with_changes(status=Status.SOLVED, updated_at=MONDAY_10 + timedelta(hours=5, minutes=30))
    return timeline(created, answered, solved, actors=("501", "7001", "7001"))


def test_a_late_first_reply_is_warned_at_80_percent_and_escalated_at_the_breach_by_timers() -> None:
    replayed = replay_ticket(late_reply(), make_customer(), (), ENGINE, CONFIG, UNTIL)
    warning = [a for a in replayed.actions if a.kind == "alert" and a.rule == "sla_warning"]
    escalation = [a for a in replayed.actions if a.kind == "escalation"]
    assert [a.at for a in warning] == [MONDAY_10 + timedelta(hours=4) * 0.8]
    assert [(a.at, a.rule, a.tier, a.cause) for a in escalation] == [
        (MONDAY_10 + timedelta(hours=4), "sla_breach", 2, "timer")]
    actual = what_happened(late_reply(), make_customer(), CONFIG, UNTIL)
    assert [(b.clock, b.at) for b in actual.breaches] == [("first_response", MONDAY_10 + timedelta(hours=4))]
    report = ticket_report("zendesk", "s", None, MONDAY_10, replayed, actual)
    assert report.warning_lead == timedelta(minutes=48)


def test_an_answer_in_time_breaches_nothing_and_fires_no_sla_rule() -> None:
    created = make_ticket(status=Status.NEW, assignee_id="7001")
    reply = agent_reply("Here.", MONDAY_10 + timedelta(hours=1))
    answered = created.with_changes(status=Status.SOLVED, updated_at=reply.created_at, comments=(reply,))
    line = timeline(created, answered)
    replayed = replay_ticket(line, make_customer(), (), ENGINE, CONFIG, UNTIL)
    assert not [a for a in replayed.actions if a.rule.startswith("sla")]
    assert what_happened(line, make_customer(), CONFIG, UNTIL).breaches == ()


def test_an_agents_escalation_tag_is_what_actually_happened_and_the_replay_escalates_on_it() -> None:
    created = make_ticket(status=Status.OPEN)
    tagged = created.with_changes(tags=frozenset({"escalate_tier_3"}), updated_at=MONDAY_10 + timedelta(minutes=20))
    line = timeline(created, tagged, actors=("501", "7001"))
    assert person_escalation(line, CONFIG) == (MONDAY_10 + timedelta(minutes=20), "7001", 3)
    replayed = replay_ticket(line, make_customer(), (), ENGINE, CONFIG, MONDAY_10 + timedelta(hours=1))
    assert [(a.rule, a.tier) for a in replayed.actions if a.kind == "escalation"] == [("manual_escalation", 3)]


def test_a_change_by_our_integration_user_is_not_a_persons_escalation() -> None:
    created = make_ticket(status=Status.OPEN)
    tagged = created.with_changes(tags=frozenset({"tier_2", "escalated"}), updated_at=MONDAY_10 + timedelta(hours=1))
    line = TicketTimeline("zendesk", created.id, (Step(created), Step(tagged, "bot", by_integration=True)))
    assert person_escalation(line, CONFIG) is None


def test_what_the_replay_wrote_stands_until_a_person_changes_the_same_field() -> None:
    """The legal threat raises the priority to High; the agent later sets Low: the next decisions see Low."""
    created = make_ticket(status=Status.OPEN, priority=Priority.MEDIUM,
                          description="I will take legal action. My attorney will be in touch.")
    lowered = created.with_changes(priority=Priority.LOW, updated_at=MONDAY_10 + timedelta(hours=1))
    seen: list[Priority | None] = []

    class Watching(Recording):
        def decide(self, ticket: Ticket, customer: Customer | None, history: TicketHistory, now: datetime
                   ) -> Decision:
            seen.append(ticket.priority)
            return super().decide(ticket, customer, history, now)

    replay_ticket(timeline(created, lowered), make_customer(), (), Watching(ENGINE), CONFIG,
                  MONDAY_10 + timedelta(hours=1))
    assert seen[0] == Priority.MEDIUM and Priority.HIGH in seen[1:-1] and seen[-1] == Priority.LOW


moments = st.lists(st.integers(min_value=1, max_value=60 * 48), min_size=1, max_size=6, unique=True)


@settings(max_examples=25, deadline=None)
@given(moments, st.booleans(), st.sampled_from([None, "7001"]))
def test_the_replay_is_deterministic_and_decides_in_time_order_within_the_period(
        offsets: list[int], solve: bool, assignee: str | None) -> None:
    created = make_ticket(status=Status.NEW, assignee_id=assignee)
    states = [created]
    comments: tuple[Comment, ...] = ()
    for i, minutes in enumerate(sorted(offsets)):
        at = MONDAY_10 + timedelta(minutes=minutes)
        comment = (agent_reply("Looking.", at, ident=f"a{i}") if i % 2 else
                   customer_comment("Any news?", at, ident=f"c{i}"))
        comments = (*comments, comment)
        last = solve and i == len(offsets) - 1
        states.append(created.with_changes(updated_at=at, comments=comments,
                                           status=Status.SOLVED if last else Status.OPEN))
    line = timeline(*states)
    first, second = Recording(ENGINE), Recording(ENGINE)
    one = replay_ticket(line, make_customer(), (), first, CONFIG, UNTIL)
    two = replay_ticket(line, make_customer(), (), second, CONFIG, UNTIL)
    assert one == two and first.moments == second.moments
    assert first.moments == sorted(first.moments)
    assert all(created.created_at <= m <= UNTIL for m in first.moments)
    assert {s.ticket.updated_at for s in line.steps} <= set(first.moments)  # every change is decided on
    assert one.decisions == len(first.moments)


def _report(config: EscalatorConfig = CONFIG) -> SimulationReport:
    line = late_reply()
    replayed = replay_ticket(line, make_customer(), (), ENGINE, config, UNTIL)
    actual = what_happened(line, make_customer(), config, UNTIL)
    subject = "<script>alert(1)</script> & co"
    return SimulationReport(MONDAY_10, UNTIL, (ticket_report("zendesk", subject, None, MONDAY_10, replayed,
                                                             actual),))


def test_totals_count_what_the_tickets_hold() -> None:
    totals = _report().totals
    assert totals.tickets == 1
    assert totals.escalations_by_rule_tier == {("sla_breach", 2): 1}
    assert totals.breached == totals.breaches_warned == ("1001",)
    assert totals.rules_on_unescalated == {"sla_breach": 1}
    assert totals.escalated_by_people == () and totals.people_escalated_no_rule == ()
    assert sum(totals.alerts_by_day.values()) == sum(totals.alerts_by_role.values())


def test_renderings_escape_and_carry_one_csv_row_per_action() -> None:
    report = _report()
    page = as_html(report)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    rows = as_csv(report).splitlines()
    assert len(rows) == 1 + len(report.actions)
    text = render(report, "text")
    assert "sla_breach -> tier 2: 1" in text and "warned before the breach: 1, median 48m earlier" in text
