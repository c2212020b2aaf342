"""The simulate service on the in-memory helpdesk: it reads the export, the requesters and each ticket's timeline
through the port, replays them, and writes nothing."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

from engine_kit import MONDAY_10, agent_reply, make_config, make_customer, make_ticket

from adapters.memory import MemoryHelpdesk
from plugin.domain import Status
from plugin.replay.timeline import Step, TicketTimeline
from plugin.service.simulate import simulate

CONFIG = make_config(schedules={"default": {"hours": {d: ["00:00-24:00"] for d in
                                                      ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}},
                     notifications={"respect_business_hours": False})
UNTIL = MONDAY_10 + timedelta(days=2)
READS = {"timeline", "customer", "read"}


def helpdesk() -> MemoryHelpdesk:
    desk = MemoryHelpdesk()
    desk.customers["501"] = make_customer()
    created = make_ticket(id="1", status=Status.NEW, platform="memory")
    reply = agent_reply("Answer.", MONDAY_10 + timedelta(hours=6))
    solved = created.with_changes(status=Status.SOLVED, updated_at=reply.created_at, comments=(reply,))
    desk.add(solved)
    desk.timelines["1"] = TicketTimeline("memory", "1", (Step(created), Step(solved, "7001")))
    legal = make_ticket(id="2", platform="memory", description="I will take legal action against you.",
                        created_at=MONDAY_10 + timedelta(hours=1), status=Status.SOLVED)
    desk.add(legal)
    return desk


def test_simulate_replays_every_exported_ticket_through_the_port_and_writes_nothing() -> None:
    desk = helpdesk()
    report = simulate(desk, CONFIG, MONDAY_10 - timedelta(days=1), UNTIL)
    assert [t.ticket_id for t in report.tickets] == ["1", "2"]
    assert report.totals.breached == ("1",)
    assert {rule for rule, _ in report.totals.escalations_by_rule_tier} == {"sla_breach", "legal_threat"}
    assert set(desk.calls) <= READS and desk.calls.count("timeline") == 2
    assert not desk.tasks


def test_one_ticket_and_the_progress() -> None:
    desk = helpdesk()
    seen: list[tuple[int, int]] = []
    report = simulate(desk, CONFIG, MONDAY_10 - timedelta(days=1), UNTIL, ticket_ids=["2"],
                      progress=lambda done, total: seen.append((done, total)))
    assert [t.ticket_id for t in report.tickets] == ["2"] and seen == [(1, 1)]


def test_a_ticket_that_cannot_be_read_is_reported_not_replayed() -> None:
    desk = helpdesk()
    desk.faults.plan("timeline", "400")
    report = simulate(desk, CONFIG, MONDAY_10 - timedelta(days=1), UNTIL)
    assert [t.ticket_id for t in report.tickets] == ["2"]
    assert len(report.errors) == 1 and report.errors[0].startswith("memory #1:")


def test_rate_limits_are_waited_out_and_a_passing_failure_is_tried_again() -> None:
    from plugin.service.simulate import patient_timeline

    desk = helpdesk()
    desk.faults.plan("timeline", "429", "429", "5xx")
    slept: list[float] = []
    [ticket] = [t for t in desk.tickets.values() if t.id == "1"]
    timeline = patient_timeline(desk, ticket, sleep=slept.append)
    assert timeline.ticket_id == "1"
    assert slept == [desk.faults.retry_after, desk.faults.retry_after, 1.0]  # Retry-After twice, then 1 s after the 503
    assert desk.calls.count("timeline") == 4


def test_a_read_failing_for_good_is_reported_after_three_tries() -> None:
    from plugin.service.simulate import patient_timeline

    desk = helpdesk()
    desk.faults.plan("timeline", "5xx", "5xx", "5xx")
    slept: list[float] = []
    [ticket] = [t for t in desk.tickets.values() if t.id == "1"]
    import pytest

    from plugin.ports import TransientError

    with pytest.raises(TransientError):
        patient_timeline(desk, ticket, sleep=slept.append)
    assert slept == [1.0, 2.0]


def test_timelines_read_ahead_come_in_the_tickets_order() -> None:
    from plugin.service.simulate import read_ahead

    desk = MemoryHelpdesk()
    tickets = [make_ticket(id=str(n), platform="memory") for n in range(1, 60)]
    for ticket in tickets:
        desk.add(ticket)
    read = [(ticket.id, timeline.ticket_id) for ticket, timeline in read_ahead(desk, tickets, readers=4)
            if not isinstance(timeline, Exception)]
    assert read == [(t.id, t.id) for t in tickets]
