"""End to end through HTTP, on each platform: the helpdesk sandbox delivers webhooks (Zendesk: signed; Freshdesk:
the automation rules `escalator install freshdesk` writes, shared secret in a header), our Flask app answers, a real
huey consumer decides, the platform's adapter writes back to the sandbox over HTTP. On SQLite + SQLite queue, and on
PostgreSQL + Redis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import Running, World, world

LEGAL = "If this is not fixed today my lawyer will contact you."


@pytest.fixture
def service(platform: str, backend: dict[str, Any], tmp_path: Path) -> Iterator[World]:
    with world(platform, tmp_path, **backend) as live:
        yield live


def settle(live: Running) -> None:
    """For Zendesk-only tests that hold a `Running` (World.settle does the same on any platform)."""
    live.sandbox.flush_webhooks(10)
    live.wait(live.settled, 20, "every event processed")
    live.sandbox.flush_webhooks(10)
    live.wait(live.settled, 20, "our own updates processed")


def test_a_legal_threat_is_escalated_end_to_end(service: World) -> None:
    ticket = service.customer_ticket(description=LEGAL)
    service.wait(lambda: len(service.our_notes(ticket)) == 2, 20, "the handoff note and the acknowledgment")
    service.settle()
    assert service.priority(ticket) == "high"
    assert {"escalated", "tier_4", "legal_review"} <= set(service.tags(ticket))
    assert service.group(ticket) == service.tier_group(4)
    [handoff] = service.handoffs(ticket)
    assert handoff.text.startswith("ESCALATION TO TIER 4 (Management/Executive)")
    [reply] = service.replies(ticket)
    assert f"#{ticket}" in reply.text
    assert "escalator-ref" not in reply.text  # the reply's marker is hidden in its HTML, out of its text
    [entry] = service.history(ticket).escalations
    assert (entry.from_tier, entry.to_tier, entry.rule) == (1, 4, "legal_threat")
    assert "lawyer" in entry.reason and entry.figures["routing"] == "routing: legal goes to Tier 4"


def test_redelivery_and_our_own_update_coming_back_add_nothing(service: World) -> None:
    ticket = service.customer_ticket(description="This is unacceptable, the worst support ever.")
    service.wait(lambda: service.our_notes(ticket), 20, "the note")

    def writes_recorded() -> list[float]:  # the sandbox records a request as its answer leaves, after the state
        return [r.started for r in service.sandbox.recorded() if r.method in ("PUT", "POST")
                and f"ticket:{ticket}" in r.subjects]

    service.wait(writes_recorded, 5, "the write in the sandbox's record")
    first_write = min(writes_recorded())
    service.settle()
    writes, about = service.write_requests(), service.requests_on(ticket)
    # our own writes came back as webhooks (Zendesk: one per changed aspect; Freshdesk: the update rule fires on
    # our priority, group, note and reply, its performer cannot exclude our agent) ...
    ours = [i for i in service.invocations if i.created >= first_write]
    assert ours, "our writes should have come back as webhooks"
    assert all(i.delivered for i in service.invocations)
    # ... and the helpdesk retrying the very first webhook, byte for byte, is known as a duplicate
    first = service.invocations[0]
    for _ in range(2):
        reply = service.deliver_again(first)
        assert reply.status_code == 200 and reply.json()["status"] == "duplicate"
    service.settle()
    assert service.write_requests() == writes  # no write after our own writes came back
    assert service.requests_on(ticket) == about  # known as ours without even reading the ticket again
    assert len(service.handoffs(ticket)) == 1
    assert len(service.replies(ticket)) <= 1
    assert service.workflow_state(ticket) not in (None, "in_progress")  # our note is no agent's action


def test_a_calm_ticket_gets_only_its_tier(service: World) -> None:
    ticket = service.customer_ticket(subject="How do I change my password?", description="Thanks in advance.")
    service.wait(lambda: "tier_1" in service.tags(ticket), 20, "the tier tag")
    service.settle()
    assert service.group(ticket) == service.tier_group(1)
    assert service.priority(ticket) == "normal"
    assert service.our_notes(ticket) == []
    assert not service.history(ticket).escalations


def test_an_agent_tag_escalates_manually(service: World) -> None:
    """On Freshdesk no rule fires on a tag change: the watch finds it (within seconds, see
    test_freshdesk_end_to_end.py)."""
    ticket = service.customer_ticket()
    service.wait(lambda: "tier_1" in service.tags(ticket), 20, "routing")
    service.settle()
    service.agent_adds_tags(ticket, ["escalate_tier_3", "esc_reason_beyond_knowledge"])
    service.wait(lambda: "tier_3" in service.tags(ticket), 20, "the manual escalation")
    service.settle()
    tags = service.tags(ticket)
    assert "escalate_tier_3" not in tags and "tier_1" not in tags
    assert service.group(ticket) == service.tier_group(3)
    [entry] = service.history(ticket).escalations
    assert entry.rule == "manual_escalation" and "Outside the agent's knowledge" in entry.reason
    assert len(service.handoffs(ticket)) == 1


def test_the_customer_hears_once_when_the_escalated_ticket_is_solved(service: World) -> None:
    ticket = service.customer_ticket(description=LEGAL)
    service.wait(lambda: len(service.our_notes(ticket)) == 2, 20, "the handoff note and the acknowledgment")
    service.settle()
    service.agent_solves(ticket, "We refunded the second charge.")

    def follow_ups() -> list[Any]:
        return [n for n in service.replies(ticket) if "has been resolved" in n.text]

    service.wait(lambda: bool(follow_ups()), 20, "the resolution follow-up")
    service.settle()
    service.agent_adds_tags(ticket, ["refund_done"])
    service.settle()
    [follow_up] = follow_ups()
    assert follow_up.text.startswith("Hello Dana,")
    assert service.status(ticket) == "solved"  # our reply does not reopen it
    assert len(service.replies(ticket)) == 2  # the acknowledgment and this


@pytest.mark.postgres
def test_postgresql_as_the_queue_too(tmp_path: Path, fresh_postgres_url: str, platform: str) -> None:
    """The third shape: PostgreSQL holds the state and the queue (huey's PostgreSQL storage), no Redis."""
    with world(platform, tmp_path, database_url=fresh_postgres_url, queue_url=fresh_postgres_url) as live:
        assert type(live.services.huey).__name__ == "PostgresHuey"
        ticket = live.customer_ticket(description=LEGAL)
        live.wait(lambda: bool(live.handoffs(ticket)), 20, "the handoff note")
        live.settle()
        assert {"escalated", "tier_4"} <= set(live.tags(ticket))
        assert len(live.handoffs(ticket)) == 1
