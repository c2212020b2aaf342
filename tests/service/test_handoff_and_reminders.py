"""Handoff targets and reminders through the pipeline, whatever starts each run (a webhook, the timer the previous
decision armed, a redelivery): a missed handoff escalates once, alerts the tier's lead once and shows in the weekly
report's tier-target line; a P0 page repeats every 5 minutes until acknowledged, at most 3 times, then goes to the
support manager, and nothing once acknowledged. Each alert is recorded once, whatever is run twice."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pipeline_kit import PLATFORM, START, Desks, World, engine_for

from plugin.domain import Comment, Customer, Priority, Status
from plugin.reports.render import render_weekly
from plugin.reports.weekly import week_of, weekly_report
from plugin.service.pipeline import Pipeline
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.models import EscalationRow, NotificationRow
from plugin.store.ticket_store import SqlTicketStore

OUTAGE = "Our production is down, nothing loads for any of our users."


def fire(world: World) -> None:
    """Move the clock to the timer the last decision armed, and run it (as the consumer does at its ETA)."""
    _, ticket_id, _, due = world.queue.timers[-1]
    world.clock.now = max(world.clock.now, due)
    world.outcomes += world.pipeline.run(PLATFORM, [ticket_id], "timer")


def fire_until(world: World, moment: datetime) -> list[datetime]:
    """Run each timer the decisions arm, in turn, up to `moment`; the times they fired at."""
    fired = []
    while world.queue.timers[-1][3] <= moment:
        fire(world)
        fired.append(world.clock.now)
    return fired


def paging_world() -> World:
    """The kit's world with a 1h first response for Critical, so that the 20 minutes of paging below see no SLA
    alert of their own."""
    from plugin.config import load_config
    from plugin.engine import Engine

    base, engine = engine_for("reassign")
    data = base.model_dump(mode="json", exclude={"rules"})
    data["sla"]["matrix"]["critical"]["first_response"] = "1h"
    config = load_config(data=data)
    world = World()
    world.config, world.engine = config, Engine(config, analyzer=engine.analyzer)
    world.pipeline = Pipeline(store=world.store, helpdesks=Desks(world.helpdesk), queue=world.queue,
                              engine=world.engine, config=config, clock=world.clock)
    return world


def pages(world: World) -> list[tuple[str, str]]:
    return [(q.notification.role, q.notification.dedupe_key) for q in world.store.notifications
            if q.notification.role in ("on_call", "support_manager")]


def test_a_p0_page_repeats_every_5_minutes_3_times_then_goes_to_the_support_manager() -> None:
    world = paging_world()
    world.ticket(description=OUTAGE, priority=Priority.HIGH)
    world.webhook()
    world.settle()
    first = [key for role, key in pages(world) if role == "on_call"]
    assert len(first) == 1 and world.queue.timers[-1][3] == START + timedelta(minutes=5)
    for repeat in (1, 2, 3):
        fire(world)
        assert world.clock.now == START + timedelta(minutes=5 * repeat)
        # a redelivered webhook and the same timer run again add nothing
        world.webhook(delivery=f"again-{repeat}")
        world.settle()
        world.outcomes += world.pipeline.run(PLATFORM, ["1"], "timer")
        assert pages(world)[-1] == ("on_call", f"{first[0]}:repeat:{repeat}")
    fire(world)
    assert world.clock.now == START + timedelta(minutes=20)
    assert pages(world)[-1] == ("support_manager", f"{first[0]}:then")
    world.outcomes += world.pipeline.run(PLATFORM, ["1"], "timer")
    assert Counter(role for role, _ in pages(world)) == {"on_call": 4, "support_manager": 1}
    # spent: no timer for another reminder (the next one the ticket has is its SLA's)
    assert all(due != START + timedelta(minutes=25) for *_, due in world.queue.timers)
    [reminder] = [q.notification for q in world.store.notifications if q.notification.dedupe_key.endswith(":then")]
    assert reminder.title.startswith("[Not acknowledged] [P0]") and "escalator_ack" in reminder.body
    assert reminder.kind == "incident_page:repeat"


@pytest.mark.parametrize("ack", ["tag", "assigned", "answered", "solved"])
def test_nothing_once_acknowledged(ack: str) -> None:
    world = paging_world()
    world.ticket(description=OUTAGE, priority=Priority.HIGH)
    world.webhook()
    world.settle()
    fire(world)  # the first reminder, 5 minutes on
    assert len(pages(world)) == 2
    world.clock.now += timedelta(minutes=1)
    ticket = world.helpdesk.tickets["1"]
    if ack == "tag":
        world.helpdesk.agent_edit("1", tags=ticket.tags | {"escalator_ack"})
    elif ack == "assigned":
        world.helpdesk.agent_edit("1", assignee_id="7001")
    elif ack == "answered":
        world.helpdesk.agent_edit("1", comments=(*ticket.comments, Comment(
            "c9", "Looking into it now.", False, world.clock.now, "7001", by_agent=True)))
    else:
        world.helpdesk.agent_edit("1", status=Status.SOLVED)
    world.webhook(delivery="ack")
    world.settle()
    for minutes in (10, 15, 20, 25, 30):
        world.clock.now = START + timedelta(minutes=minutes)
        world.outcomes += world.pipeline.run(PLATFORM, ["1"], "timer")
    assert len(pages(world)) == 2


def test_a_late_run_sends_only_the_latest_reminder() -> None:
    """The service was down for 12 minutes: one reminder (the second), not two in a row."""
    world = paging_world()
    world.ticket(description=OUTAGE, priority=Priority.HIGH)
    world.webhook()
    world.settle()
    world.clock.now = START + timedelta(minutes=12)
    world.outcomes += world.pipeline.run(PLATFORM, ["1"], "timer")
    assert [key.rsplit(":", 1)[-1] for _, key in pages(world)[1:]] == ["2"]
    fire(world)
    assert world.clock.now == START + timedelta(minutes=15)
    assert [key.rsplit(":", 1)[-1] for _, key in pages(world)[1:]] == ["2", "3"]


# ---------------------------------------------------------------- a missed handoff, on the SQL store


@pytest.fixture
def sql_world(tmp_path: Path) -> World:
    """The kit's world on the SQL store (SQLite), so the weekly report reads what the pipeline recorded."""
    world = World()
    store = Store(f"sqlite:///{tmp_path / 'escalator.db'}")
    store.upgrade()
    world.sql = store  # type: ignore[attr-defined]
    world.store = SqlTicketStore(store)  # type: ignore[assignment]
    tokens = itertools.count()
    world.pipeline = Pipeline(store=world.store, helpdesks=Desks(world.helpdesk), queue=world.queue,
                              engine=world.engine, config=world.config, clock=world.clock,
                              owner=lambda: f"host/1/start#t{next(tokens)}")
    return world


def alerts(store: Store) -> Counter[tuple[str, str]]:
    with store.session() as session:
        return Counter((r.role, r.kind) for r in session.query(NotificationRow))


def test_a_missed_handoff_escalates_once_alerts_the_tier_lead_once_and_shows_in_the_weekly_report(
        sql_world: World) -> None:
    world, store = sql_world, sql_world.sql  # type: ignore[attr-defined]
    config = world.config
    # Tier 1 answered, then asked for Tier 2 (the first response is met: only the handoff clock runs late)
    answered = Comment("t1", "Let me ask our specialists.", True, START - timedelta(seconds=30), "7001", by_agent=True)
    world.ticket(description="How do I export my invoices as CSV?", tags=frozenset({"escalate_tier_2"}),
                 comments=(answered,))
    world.webhook()
    world.outcomes += world.pipeline.run(PLATFORM, ["1"], "event")
    assert world.helpdesk.tickets["1"].group_id == "200"  # handed to Tier 2 (target 4h, round the clock)
    fired = fire_until(world, START + timedelta(hours=4))
    # the timers of the handoff clock: 80 % of 4h (the warning), 100 % (the miss)
    assert {START + timedelta(hours=3, minutes=12), START + timedelta(hours=4)} <= set(fired)
    assert alerts(store)[("tier_2_lead", "handoff_warning")] == 1
    for attempt in range(2):  # the timer again, a redelivered webhook: nothing new
        world.outcomes += world.pipeline.run(PLATFORM, ["1"], "timer")
        world.webhook(delivery=f"late-{attempt}")
        world.outcomes += world.pipeline.run(PLATFORM, ["1"], "event")
    with store.session() as session:
        escalations = [(e.from_tier, e.to_tier, e.rule, e.target_met) for e in
                       session.query(EscalationRow).order_by(EscalationRow.id)]
        history = repo.load_history(session, PLATFORM, "1")
    assert escalations == [(1, 2, "manual_escalation", False), (2, 3, "handoff_breach", None)]
    assert alerts(store)[("tier_2_lead", "handoff_breach")] == 1
    assert "tier_target_missed" in world.helpdesk.tickets["1"].tags
    [breach] = [e for e in history.escalations if e.rule == "handoff_breach"]
    assert breach.figures["handoff_breached:tier_2"]["target_seconds"] == 4 * 3600
    note = breach.note
    assert "Tier 2 (Technical) missed its response target: no action 4h after the handoff" in note
    assert "- handoff to Tier 2: breached, 4h of 4h" in note
    with store.session() as session:
        report = weekly_report(session, config, week_of(START, "UTC"))
    assert report.figures.tier_target_by_tier == {2: 0.0}
    [line] = [line for line in render_weekly(report, "text").splitlines() if line.startswith("Tier target met")]
    assert line.split() == ["Tier", "target", "met,", "Tier", "2", "(Technical)", "0%", "(0", "of", "1",
                            "handoff(s)", "within", "target)", "(n/a", "last", "week)"]


def test_a_handoff_answered_in_time_counts_as_met(sql_world: World) -> None:
    world, store = sql_world, sql_world.sql  # type: ignore[attr-defined]
    world.ticket(description="How do I export my invoices as CSV?", tags=frozenset({"escalate_tier_2"}))
    world.webhook()
    world.outcomes += world.pipeline.run(PLATFORM, ["1"], "event")
    world.clock.now = START + timedelta(hours=1)
    ticket = world.helpdesk.tickets["1"]
    world.helpdesk.agent_edit("1", comments=(*ticket.comments, Comment(
        "t2", "Tier 2 here, looking at your export.", True, world.clock.now, "8002", by_agent=True)))
    world.webhook(delivery="reply")
    world.outcomes += world.pipeline.run(PLATFORM, ["1"], "event")
    with store.session() as session:
        [row] = session.query(EscalationRow).all()
        assert (row.target_met, row.first_action_at) == (True, START + timedelta(hours=1))
        report = weekly_report(session, world.config, week_of(START, "UTC"))
    assert report.figures.tier_target_counts == {2: (1, 1)}


def test_a_handoff_to_another_tier_schedule_counts_in_that_tiers_hours() -> None:
    """Tier 2 works 09:00-17:00 UTC on weekdays: a handoff at 16:00 on a Monday is due Tuesday 12:00 (1h + 3h);
    its alerts wait for the tier's opening."""
    from plugin.config import load_config
    from plugin.engine import Engine
    from plugin.facts import gather

    base, engine = engine_for("reassign")
    data = base.model_dump(mode="json", exclude={"rules"})
    data["schedules"]["tier2_days"] = {"hours": {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}}
    data["tiers"][1]["schedule"] = "tier2_days"
    config = load_config(data=data)
    world = World()
    world.config, world.engine = config, Engine(config, analyzer=engine.analyzer)
    world.clock.now = START.replace(hour=16)
    world.pipeline = Pipeline(store=world.store, helpdesks=Desks(world.helpdesk), queue=world.queue,
                              engine=world.engine, config=config, clock=world.clock)
    world.ticket(description="Export question", tags=frozenset({"escalate_tier_2"}),
                 created_at=START.replace(hour=15), updated_at=START.replace(hour=15))
    world.webhook()
    world.settle()
    ticket = world.helpdesk.tickets["1"]
    history = world.store._history((PLATFORM, "1"), world.store.mirrors[(PLATFORM, "1")])
    facts = gather(ticket, Customer(id="c1"), history, world.clock.now, config)
    assert facts.handoff is not None and facts.handoff.status.due_at == START.replace(day=24, hour=12)
    [handoff] = [q for q in world.store.notifications if q.notification.kind == "handoff"]
    assert handoff.notification.schedule == "tier2_days"  # held, where alerts wait, for that tier's opening

