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


def test_a_first_read_finds_the_ticket_among_its_requesters_and_costs_two_requests(world: World) -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    earlier = world.ticket(subject="Earlier", created_at=now - timedelta(days=3))
    ticket = world.ticket(subject="Just filed")
    adapter = world.adapter()
    since = now - timedelta(days=30)
    requester = str(world.customer["id"])
    before = len(world.sandbox.recorded())
    first = adapter.read_first(str(ticket["id"]), requester, since)
    paths = [r.path for r in world.sandbox.recorded()[before:]]
    assert paths == [f"/api/v2/users/{requester}/tickets/requested", f"/api/v2/tickets/{ticket['id']}/comments"]
    customer = adapter.get_customer(requester)  # sideloaded with the list: no read of its own
    assert len(world.sandbox.recorded()) == before + 2
    fresh = world.adapter()  # what the reads one by one give
    assert first.ticket == fresh.get_ticket(str(ticket["id"]))
    assert first.related == tuple(fresh.requester_tickets(requester, since))
    assert {t.id for t in first.related or ()} >= {str(earlier["id"]), str(ticket["id"])}
    assert customer == fresh.get_customer(requester) and customer.organization_name == "Globex"


def test_a_ticket_not_among_the_named_requesters_tickets_is_read_on_its_own(world: World) -> None:
    from datetime import UTC, datetime, timedelta

    ticket = world.ticket(subject="Moved to another requester")
    someone = world.sandbox.state.add_user("Other Person", "other@example.com")["id"]
    first = world.adapter().read_first(str(ticket["id"]), str(someone), datetime.now(UTC) - timedelta(days=30))
    assert first.ticket.id == str(ticket["id"]) and first.ticket.requester_id == str(world.customer["id"])
    assert first.related is None  # the requester named was not the ticket's: its list says nothing of it
