"""A public reply's marker on both sandboxes, through the real adapters over HTTP: the customer's email and portal
show no `escalator-ref`, whether the helpdesk keeps HTML comments or strips them (which it does is not documented:
both ways are run), and the ticket read back still shows the reply to the ledger, so a reply whose answer was lost
is found and never sent twice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from ledger_kit import intent_for, resume

from adapters.base import ApplyRequest, Part, TransientError
from plugin.domain import Ticket, TicketChanges, is_ours
from plugin.ledger import landed, reply_reference
from plugin.ports import HelpdeskAdapter

REPLY = "Hello Hank,\nWe escalated your request <urgent> & will write again within 2 hours."
CHANGES = TicketChanges(internal_note="Escalated to Tier 2.", public_reply=REPLY)


@dataclass
class Desk:
    """One sandbox as this test needs it, whichever platform."""

    name: str
    sandbox: Any
    adapter: Callable[..., HelpdeskAdapter]
    new_ticket: Callable[[], str]
    customer_view: Callable[[str], list[str]]
    stored_replies: Callable[[str], list[str]]  # the HTML the platform keeps of each public comment


@pytest.fixture(params=[("zendesk", False), ("zendesk", True), ("freshdesk", False), ("freshdesk", True)],
                ids=["zendesk", "zendesk-keeps-comments", "freshdesk", "freshdesk-keeps-comments"])
def desk(request: pytest.FixtureRequest) -> Desk:
    platform, keep = request.param
    if platform == "zendesk":
        world = request.getfixturevalue("world")
        state = world.sandbox.state
        state.keep_html_comments = keep
        return Desk("zendesk", world.sandbox, world.adapter, lambda: str(world.ticket()["id"]),
                    lambda tid: state.customer_view(int(tid)),
                    lambda tid: [c["html_body"] for c in state.comments[int(tid)] if c["public"]])
    world = request.getfixturevalue("fd_world")
    fd_state = world.sandbox.state
    fd_state.keep_html_comments = keep
    return Desk("freshdesk", world.sandbox, world.adapter, lambda: str(world.ticket()["id"]),
                lambda tid: fd_state.customer_view(int(tid)),
                lambda tid: [c["body"] for c in fd_state.conversations[int(tid)] if not c["private"]])


def ours(ticket: Ticket) -> list[str]:
    return [c.body for c in ticket.comments if c.public and is_ours(c.body)]


def test_the_customer_reads_the_reply_without_its_marker_and_the_ledger_still_finds_it(desk: Desk) -> None:
    adapter = desk.adapter()
    ticket = adapter.get_ticket(desk.new_ticket())
    result = adapter.apply(ApplyRequest(ticket, CHANGES, "k-hidden"))
    assert result.ok and Part.REPLY in result.landed
    seen = desk.customer_view(ticket.id)
    assert "We escalated your request <urgent> & will write again within 2 hours." in seen[-1]
    assert seen[-1].startswith("Hello Hank,\nWe escalated")
    assert not any("escalator-ref" in text for text in seen)
    assert any(reply_reference("k-hidden") in html for html in desk.stored_replies(ticket.id))
    back = adapter.get_ticket(ticket.id)
    [reply] = ours(back)
    assert reply.startswith("Hello Hank,") and "[escalator-ref" not in reply
    assert landed(back, intent_for(ticket, CHANGES, "k-hidden")) == {Part.NOTE, Part.REPLY}


def test_a_reply_whose_answer_was_lost_is_found_on_the_ticket_and_not_sent_again(desk: Desk) -> None:
    adapter = desk.adapter(timeout=0.5)
    ticket = adapter.get_ticket(desk.new_ticket())
    desk.sandbox.hold_answer("reply", 1.5)  # the reply lands; its answer comes after the client gave up
    with pytest.raises(TransientError) as caught:
        adapter.apply(ApplyRequest(ticket, CHANGES, "k-lost"))
    assert caught.value.landed == {Part.NOTE}  # the reply's fate is unknown to the adapter
    desk.sandbox.reset_counts()
    remaining, again = resume(desk.adapter(), intent_for(ticket, CHANGES, "k-lost"))
    assert remaining.is_empty and again is None  # the read-back shows the reply: nothing more is written
    assert desk.sandbox.write_requests() == 0
    seen = desk.customer_view(ticket.id)
    assert len([t for t in seen if t.startswith("Hello Hank,")]) == 1
    assert not any("escalator-ref" in text for text in seen)


def test_a_reply_an_earlier_version_wrote_with_a_visible_marker_still_counts(desk: Desk) -> None:
    adapter = desk.adapter()
    ticket = adapter.get_ticket(desk.new_ticket())
    legacy = TicketChanges(internal_note="Escalated to Tier 2.")
    adapter.apply(ApplyRequest(ticket, legacy, "k-old"))
    agent_reply = f"We are on it.\n\n[{reply_reference('k-old')}]"  # what replies looked like before
    if desk.name == "zendesk":
        desk.sandbox.state.update_ticket(int(ticket.id), {"comment": {"body": agent_reply, "public": True}},
                                         actor_id=None, via_id=5)
    else:
        desk.sandbox.state.add_conversation(int(ticket.id), agent_reply.replace("\n", "<br>"), kind="reply",
                                            user_id=desk.sandbox.agent["id"])
    remaining, again = resume(adapter, intent_for(ticket, TicketChanges(internal_note="Escalated to Tier 2.",
                                                                        public_reply="We are on it."), "k-old"))
    assert remaining.is_empty and again is None
