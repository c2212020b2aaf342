"""The escalation task as a linked ticket of type task (workflow.escalation_task: task_ticket), the real Zendesk
adapter (zenpy) over HTTP against the sandbox: what it costs, that a key makes one task however often it is
applied, a lost reply to the create, and what the agents see."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from ledger_kit import intent_for, resume

from adapters.base import ApplyRequest, ConflictError, TransientError, task_external_id
from plugin.domain import Priority, TaskTicket, TicketChanges
from plugin.ledger import still_to_write

DUE = datetime(2030, 1, 7, 14, 30, tzinfo=UTC)


def task_changes(world) -> TicketChanges:  # type: ignore[no-untyped-def]
    task = TaskTicket(tier=2, group_id=str(world.groups[1]["id"]), priority=Priority.HIGH,
                      subject="[Tier 2 Technical] Escalation of the invoice export",
                      body="Escalated to Tier 2: SLA at 82%.", due_at=DUE,
                      tags=frozenset({"escalation_task", "tier_2"}))
    return TicketChanges(priority=Priority.HIGH, add_tags=frozenset({"escalated"}),
                         internal_note="Escalated to Tier 2: SLA at 82%.", task=task)


def tasks(world) -> list[dict]:  # type: ignore[type-arg, no-untyped-def]
    return [t for t in world.sandbox.state.tickets.values() if t["type"] == "task"]


def test_an_escalation_with_a_task_costs_a_lookup_a_create_and_one_update(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket(tags=["tier_1"])
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    world.sandbox.reset_counts()
    result = adapter.apply(ApplyRequest(ticket, task_changes(world), "esc-1"))
    assert result.ok and result.write_requests == 2  # the create and the update
    requests_ = [(r.method, r.path) for r in world.sandbox.recorded()]
    assert requests_ == [("GET", "/api/v2/tickets"), ("POST", "/api/v2/tickets"),
                         ("PUT", f"/api/v2/tickets/{raw['id']}")]
    assert world.sandbox.recorded()[0].json() is None  # the lookup is a GET with ?external_id=
    [task] = tasks(world)
    assert task["external_id"] == task_external_id("esc-1")
    assert (task["group_id"], task["priority"], task["due_at"]) == (world.groups[1]["id"], "high",
                                                                    "2030-01-07T14:30:00Z")
    assert sorted(task["tags"]) == ["escalation_task", "tier_2"]
    assert task["requester_id"] == world.bot["id"]  # never the customer: nobody is emailed about it
    [first] = world.sandbox.state.comments[task["id"]]
    assert first["public"] is False and first["body"] == "Escalated to Tier 2: SLA at 82%."
    note = world.sandbox.state.comments[raw["id"]][-1]
    assert note["public"] is False
    assert f"Escalation task: #{task['id']} https://sandbox.zendesk.com/agent/tickets/{task['id']}" in note["body"]
    assert note["body"].endswith("[escalator-ref:esc-1]")
    assert world.sandbox.state.ticket(raw["id"])["priority"] == "high"


def test_the_same_key_applied_twice_makes_one_task(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    adapter.apply(ApplyRequest(ticket, task_changes(world), "esc-2"))
    # a retry of the intent (its record was lost): the read-back shows the note, so nothing is written
    remaining, again = resume(adapter, intent_for(ticket, task_changes(world), "esc-2"))
    assert remaining.is_empty and again is None
    # and a retry on a read that does not carry the comments finds the task by its external id
    world.sandbox.reset_counts()
    bulk_read = adapter.get_tickets([str(raw["id"])])[0]
    assert adapter.create_task_ticket(bulk_read, task_changes(world).task, "esc-2") == str(tasks(world)[0]["id"])  # type: ignore[arg-type]
    assert world.sandbox.count("POST") == 0
    assert len(tasks(world)) == 1
    assert len([c for c in world.sandbox.state.comments[raw["id"]] if "esc-2" in c["body"]]) == 1


def test_a_lost_reply_to_the_create_still_gives_one_task(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    world.sandbox.drop_reply_next()  # the create is processed, its reply is a 500
    with pytest.raises(TransientError):
        adapter.apply(ApplyRequest(ticket, task_changes(world), "esc-3"))
    [task] = tasks(world)
    # the retry, on a fresh read: the task is found by its external id, linked in the note, created no second time
    remaining, result = resume(adapter, intent_for(ticket, task_changes(world), "esc-3"))
    assert remaining.task is not None and result is not None and result.ok
    assert f"#{task['id']}" in world.sandbox.state.comments[raw["id"]][-1]["body"]
    assert len(tasks(world)) == 1
    assert len([c for c in world.sandbox.state.comments[raw["id"]] if "esc-3" in c["body"]]) == 1


def test_a_lost_reply_then_a_failed_update_leaves_the_task_for_the_retry(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    intent = intent_for(ticket, task_changes(world), "esc-4")
    world.sandbox.drop_reply_next()  # the create lands, its reply is lost
    with pytest.raises(TransientError):
        adapter.apply(ApplyRequest(ticket, task_changes(world), "esc-4"))
    world.sandbox.state.update_ticket(raw["id"], {"priority": "urgent"}, actor_id=world.agent["id"])  # an agent
    # the retry is conditional on the version decided on: the ticket moved, so the helpdesk refuses it (409) and
    # the pipeline decides again; the task made meanwhile is found, not made twice, by whatever writes next
    with pytest.raises(ConflictError):
        adapter.apply(ApplyRequest(ticket, task_changes(world), "esc-4"))
    assert len(tasks(world)) == 1
    fresh = adapter.get_ticket(str(raw["id"]))
    assert adapter.apply(ApplyRequest(fresh, still_to_write(fresh, intent), "esc-4")).ok
    assert len(tasks(world)) == 1


def test_apply_many_writes_a_task_decision_alone(world) -> None:  # type: ignore[no-untyped-def]
    raws = [world.ticket(subject=f"T{i}") for i in range(3)]
    adapter = world.adapter()
    tickets = adapter.get_tickets([str(r["id"]) for r in raws])
    requests_ = [ApplyRequest(tickets[0], TicketChanges(add_tags=frozenset({"swept"})), "m0"),
                 ApplyRequest(tickets[1], task_changes(world), "m1"),
                 ApplyRequest(tickets[2], TicketChanges(add_tags=frozenset({"swept"})), "m2")]
    world.sandbox.reset_counts()
    results = adapter.apply_many(requests_)
    assert [r.ok for r in results] == [True, True, True]
    assert world.sandbox.count("PUT", "/api/v2/tickets/update_many") == 1
    assert world.sandbox.count("POST", "/api/v2/tickets") == 1
    assert len(tasks(world)) == 1
    assert results[1].write_requests == 2


def test_a_task_without_a_note_still_gets_the_link_and_its_due_time_in_utc(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    adapter = world.adapter()
    base = task_changes(world).task
    assert base is not None
    due = (datetime.now(UTC) + timedelta(hours=2)).astimezone(timezone(timedelta(hours=2)))  # an offset, not UTC
    task = replace(base, due_at=due, group_id=None)
    adapter.apply(ApplyRequest(adapter.get_ticket(str(raw["id"])), TicketChanges(task=task), "esc-5"))
    [created] = tasks(world)
    assert created["due_at"] == due.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") and created["group_id"] is None
    note = world.sandbox.state.comments[raw["id"]][-1]
    assert note["public"] is False and note["body"].startswith(f"Escalation task: #{created['id']} ")
