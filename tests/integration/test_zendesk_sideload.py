"""Zendesk: a ticket read sideloads its requester and their organization (`include=users,organizations`), so the
customer of a first decision costs no read of its own; the sideloaded customer is the one a read would give, and
it is used once, only while fresh."""

from __future__ import annotations

from worlds import World

from adapters.sideloaded import FRESH_FOR, Sideloaded
from plugin.domain import Customer


def test_the_customer_comes_with_the_ticket_read(world: World) -> None:
    ticket = world.ticket()
    adapter = world.adapter()
    before = len(world.sandbox.recorded())
    read = adapter.get_ticket(str(ticket["id"]))
    customer = adapter.get_customer(str(read.requester_id))
    paths = [r.path for r in world.sandbox.recorded()[before:]]
    # the ticket with its people, then its comments (the sandbox records paths without .json); no user read
    assert paths == [f"/api/v2/tickets/{ticket['id']}", f"/api/v2/tickets/{ticket['id']}/comments"]
    assert customer == world.adapter().get_customer(str(read.requester_id))  # what a read of its own gives
    assert customer.organization_name == "Globex" and "vip" in customer.tags
    adapter.get_customer(str(read.requester_id))  # handed out once: the next ask reads
    assert len(world.sandbox.recorded()) > before + 2


def test_a_sideloaded_customer_is_not_used_once_stale() -> None:
    now = [0.0]
    kept = Sideloaded(clock=lambda: now[0])
    kept.put("7", Customer(id="7", name="Ann"))
    now[0] = FRESH_FOR + 1
    assert kept.take("7") is None
