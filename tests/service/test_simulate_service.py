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
