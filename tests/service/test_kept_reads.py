"""The pipeline spares the ticket read a webhook stands in for (plugin.kept), and decides exactly as if it had read:
an agent's change of fields costs no read, a comment costs the comments alone; whatever the events cannot vouch for
(nothing kept, kept too long, a kind they do not carry whole, an intent open) is read whole; and a snapshot the
ticket has moved on from is refused by the conditional write, read again and decided on what is there."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from pipeline_kit import PLATFORM, World

from plugin.domain import Comment, EventKind, Ticket, TicketEvent, TicketSnapshot, is_ours
from plugin.kept import KEPT_FOR, SETTLE

CALM = "How do I export my invoices?"


def snapshot(ticket: Ticket) -> TicketSnapshot:
    return TicketSnapshot(updated_at=ticket.updated_at, version=ticket.version or "", status=ticket.status,
                          raw_status=ticket.raw_status, subject=ticket.subject, description=ticket.description,
                          priority=ticket.priority, tags=ticket.tags, group_id=ticket.group_id,
                          assignee_id=ticket.assignee_id, requester_id=ticket.requester_id,
                          organization_id=ticket.organization_id, ticket_type=ticket.ticket_type)


def send(world: World, ticket: Ticket, kind: EventKind, delivery: str, *, carried: bool = True,
         comment: Comment | None = None) -> None:
    event = TicketEvent(platform=PLATFORM, delivery_id=delivery, ticket_id=ticket.id, kind=kind,
                        occurred_at=world.clock(), ticket_updated_at=ticket.updated_at,
                        snapshot=snapshot(ticket) if carried else None, comment=comment)
    assert world.store.add_event(event, world.clock())
    world.queue.enqueue_process(PLATFORM, ticket.id)


def first_decision(world: World) -> None:
    send(world, world.ticket(description=CALM), EventKind.CREATED, "created")
    world.settle()
    assert "read" in world.helpdesk.calls  # nothing kept yet: the ticket is read whole
    world.helpdesk.calls.clear()


def reads(world: World) -> list[str]:
    return [c for c in world.helpdesk.calls if c in ("read", "bulk_read", "comments")]


def manual_escalation(world: World, *, carried: bool) -> dict[str, Any]:
    first_decision(world)
    world.clock.now += timedelta(minutes=1)
    edited = world.helpdesk.agent_edit("1", tags=world.helpdesk.tickets["1"].tags | {"escalate_tier_2"})
    send(world, edited, EventKind.TAGS_CHANGED, "agent-tags", carried=carried)
    if not carried:  # decided at the same moment as the run that waits for the update to settle (its note says)
        world.clock.now += SETTLE
    world.settle()
    return world.effects()


def test_an_agents_change_of_fields_is_decided_without_a_read_exactly_as_with_one() -> None:
    spared, read = World(), World()
    assert manual_escalation(spared, carried=True) == manual_escalation(read, carried=False)
    assert reads(spared) == [] and "update" in spared.helpdesk.calls
    assert reads(read) == ["read"]
    assert [tier for tier, _ in spared.effects()["escalations"]] == [2]
    assert spared.notes() == read.notes()  # the same note, word for word


def test_a_comment_costs_the_comments_alone() -> None:
    world = World()
    first_decision(world)
    world.clock.now += timedelta(minutes=1)
    said = Comment(id="c-7", body="If this is not fixed today my lawyer will take legal action.", public=True,
                   created_at=world.clock(), author_id="c1")
    ticket = world.helpdesk.agent_edit("1", comments=(*world.helpdesk.tickets["1"].comments, said))
    send(world, ticket, EventKind.COMMENT_ADDED, "customer-comment", comment=said)
    world.settle()
    assert reads(world) == ["comments"]
    assert world.effects()["escalations"]  # the comment was read and acted on


@pytest.mark.parametrize("why", ["ids only", "kept too long", "custom field", "write under way"])
def test_what_the_events_cannot_vouch_for_is_read_whole(why: str) -> None:
    world = World()
    first_decision(world)
    world.clock.now += KEPT_FOR + timedelta(seconds=1) if why == "kept too long" else timedelta(minutes=1)
    edited = world.helpdesk.agent_edit("1", tags=world.helpdesk.tickets["1"].tags | {"escalate_tier_2"})
    kind = EventKind.OTHER if why == "custom field" else EventKind.TAGS_CHANGED
    if why == "write under way":
        world.helpdesk.faults.plan("reply", "lost")  # the answer to the reply is lost: its intent stays open
    send(world, edited, kind, "agent-change", carried=why != "ids only")
    world.settle()
    assert "read" in reads(world), why
    assert world.effects()["escalations"] and world.open_intents() == []


def test_a_snapshot_the_ticket_moved_on_from_is_refused_read_again_and_decided_on_what_is_there() -> None:
    world, control = World(), World()
    for each in (world, control):
        first_decision(each)
        each.clock.now += timedelta(minutes=1)
        each.helpdesk.agent_edit("1", tags=each.helpdesk.tickets["1"].tags | {"escalate_tier_2"})
    stale = world.helpdesk.tickets["1"]
    for each in (world, control):  # a second change the webhook has not brought yet
        each.helpdesk.agent_edit("1", assignee_id="agent-5")
    send(world, stale, EventKind.TAGS_CHANGED, "late")
    send(control, control.helpdesk.tickets["1"], EventKind.TAGS_CHANGED, "late", carried=False)
    world.settle()
    control.settle()
    calls = world.helpdesk.calls
    assert calls.index("update") < calls.index("read")  # the conditional write was refused, then a read whole
    assert world.effects() == control.effects()
    mine, theirs = world.helpdesk.tickets["1"], control.helpdesk.tickets["1"]
    assert (mine.tags, mine.group_id, mine.assignee_id, mine.priority) == (theirs.tags, theirs.group_id,
                                                                           theirs.assignee_id, theirs.priority)


def test_a_kept_ticket_is_the_one_the_run_decided_on() -> None:
    world = World()
    first_decision(world)
    kept = world.store.kept[(PLATFORM, "1")]
    assert kept.ticket.description == CALM and kept.read_at <= world.clock()
    read_at = kept.read_at
    world.clock.now += timedelta(minutes=1)
    edited = world.helpdesk.agent_edit("1", tags=world.helpdesk.tickets["1"].tags | {"escalate_tier_2"})
    send(world, edited, EventKind.TAGS_CHANGED, "agent-tags")
    world.settle()
    after = world.store.kept[(PLATFORM, "1")]
    now_on_desk = world.helpdesk.tickets["1"]
    assert after.read_at == read_at  # built from the webhook and our write, not read: its age stays
    # what our write left: the helpdesk's fields and version, our note and reply among the comments, as ours
    assert (after.ticket.tags, after.ticket.group_id, after.ticket.version) == (now_on_desk.tags,
                                                                              now_on_desk.group_id,
                                                                              now_on_desk.version)
    ours = [c for c in after.ticket.comments if is_ours(c.body)]
    assert len(ours) == len(world.notes()) + len(world.replies()) >= 2
    assert after.ticket.comments[:len(kept.ticket.comments)] == kept.ticket.comments


def test_an_updates_webhooks_arriving_apart_are_decided_on_together() -> None:
    """A reply that also changes a field sends two webhooks; the field's run waits for the comment's (SETTLE)."""
    world = World()
    first_decision(world)
    world.outcomes.clear()
    world.clock.now += timedelta(minutes=1)
    said = Comment(id="c-8", body="If this is not fixed today my lawyer will take legal action.", public=True,
                   created_at=world.clock(), author_id="c1")
    ticket = world.helpdesk.agent_edit("1", comments=(*world.helpdesk.tickets["1"].comments, said),
                                       tags=world.helpdesk.tickets["1"].tags | {"customer_replied"})
    send(world, ticket, EventKind.TAGS_CHANGED, "update-tags")
    [waiting] = world.pipeline.run(PLATFORM, ["1"], "event")  # the comment's webhook is not in yet
    assert waiting.status == "busy" and 0 < (waiting.retry_in or 0) <= SETTLE.total_seconds()
    assert world.unfinished_events() and reads(world) == []  # given back, nothing read, nothing decided
    world.clock.now += timedelta(milliseconds=500)
    send(world, ticket, EventKind.COMMENT_ADDED, "update-comment", comment=said)
    world.settle()
    decided = [o for o in world.outcomes if o.status in ("decided", "applied")]
    assert len(decided) == 1 and decided[0].decision is not None and decided[0].decision.escalations
    assert reads(world) == ["comments"] and world.unfinished_events() == []


def test_field_events_alone_are_decided_once_their_update_has_settled() -> None:
    world = World()
    first_decision(world)
    world.clock.now += timedelta(minutes=1)
    edited = world.helpdesk.agent_edit("1", tags=world.helpdesk.tickets["1"].tags | {"escalate_tier_2"})
    send(world, edited, EventKind.TAGS_CHANGED, "agent-tags")
    sent_at = world.clock()
    world.outcomes.clear()
    world.settle()
    assert reads(world) == [] and world.effects()["escalations"]
    applied = next(o for o in world.outcomes if o.status == "applied")
    assert applied.decision is not None and applied.decision.at >= sent_at + SETTLE
