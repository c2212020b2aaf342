"""End to end through HTTP: the sandbox signs and delivers webhooks, our Flask app answers 202, a real huey
consumer decides, zenpy writes back to the sandbox. On SQLite + SQLite queue, and on PostgreSQL + Redis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from harness import Running, running

from plugin.store import repository as repo


@pytest.fixture
def service(backend: dict[str, Any], tmp_path: Path) -> Iterator[Running]:
    with running(tmp_path, **backend) as live:
        yield live


def settle(live: Running) -> None:
    live.sandbox.flush_webhooks(10)
    live.wait(live.settled, 20, "every event processed")
    live.sandbox.flush_webhooks(10)
    live.wait(live.settled, 20, "our own updates processed")


def test_a_legal_threat_is_escalated_end_to_end(service: Running) -> None:
    ticket = service.customer_ticket(description="If this is not fixed today my lawyer will contact you.")
    service.wait(lambda: service.notes(ticket["id"]), 20, "the handoff note")
    settle(service)
    after = service.state.ticket(ticket["id"])
    assert after["priority"] == "high"
    assert {"escalated", "tier_4", "legal_review"} <= set(after["tags"])
    assert after["group_id"] == service.ids["groups"][3]
    internal = [c for c in service.notes(ticket["id"]) if not c["public"]]
    assert len(internal) == 1
    assert internal[0]["body"].startswith("ESCALATION TO TIER 4 (Management/Executive)")
    replies = [c for c in service.notes(ticket["id"]) if c["public"]]
    assert len(replies) == 1 and "#" + str(ticket["id"]) in replies[0]["body"]
    with service.services.store.session() as session:
        history = repo.load_history(session, "zendesk", str(ticket["id"]))
    [entry] = history.escalations
    assert (entry.from_tier, entry.to_tier, entry.rule) == (1, 4, "legal_threat")
    assert "lawyer" in entry.reason and entry.figures["routing"] == "routing: legal goes to Tier 4"


def test_redelivery_and_our_own_update_coming_back_add_nothing(service: Running) -> None:
    ticket = service.customer_ticket(description="This is unacceptable, the worst support ever.")
    service.wait(lambda: service.notes(ticket["id"]), 20, "the note")
    settle(service)
    writes = service.sandbox.write_requests()
    notes = len(service.notes(ticket["id"]))
    first = service.sandbox.invocations[0]
    for _ in range(2):  # Zendesk retrying the very same invocation
        reply = requests.post(f"{service.url}/webhooks/zendesk", data=first.payload, headers=first.headers,
                              timeout=5)
        assert reply.status_code == 200 and reply.json()["status"] == "duplicate"
    settle(service)
    assert service.sandbox.write_requests() == writes
    assert len(service.notes(ticket["id"])) == notes == 1
    # our own writes came back as webhooks (tags, priority, comment events) and changed nothing
    ours = [i for i in service.sandbox.invocations if i.json()["detail"]["actor_id"] == str(service.ids["bot"])]
    assert ours, "our update should have come back as webhooks"
    assert {i.status for i in ours} == {200}  # answered as ours: not stored, not queued, no run
    with service.services.store.session() as session:
        mirror = repo.get_mirror(session, "zendesk", str(ticket["id"]))
        assert mirror is not None and mirror.workflow_state != "in_progress"  # our note is no agent's action


def test_a_calm_ticket_gets_only_its_tier(service: Running) -> None:
    ticket = service.customer_ticket(subject="How do I change my password?", description="Thanks in advance.")
    service.wait(lambda: "tier_1" in service.state.ticket(ticket["id"])["tags"], 20, "the tier tag")
    settle(service)
    after = service.state.ticket(ticket["id"])
    assert after["group_id"] == service.ids["groups"][0]
    assert service.notes(ticket["id"]) == []


def test_an_agent_tag_escalates_manually(service: Running) -> None:
    ticket = service.customer_ticket()
    service.wait(lambda: "tier_1" in service.state.ticket(ticket["id"])["tags"], 20, "routing")
    settle(service)
    service.state.update_ticket(ticket["id"], {"additional_tags": ["escalate_tier_3",
                                                                   "escalation_reason_beyond_knowledge"]},
                                actor_id=service.ids["agent"])
    service.wait(lambda: "tier_3" in service.state.ticket(ticket["id"])["tags"], 20, "the manual escalation")
    settle(service)
    after = service.state.ticket(ticket["id"])
    assert "escalate_tier_3" not in after["tags"]
    assert after["group_id"] == service.ids["groups"][2]
    with service.services.store.session() as session:
        [entry] = repo.load_history(session, "zendesk", str(ticket["id"])).escalations
    assert entry.rule == "manual_escalation" and "Outside the agent's knowledge" in entry.reason


def test_the_customer_hears_once_when_the_escalated_ticket_is_solved(service: Running) -> None:
    ticket = service.customer_ticket(description="If this is not fixed today my lawyer will contact you.")
    service.wait(lambda: service.notes(ticket["id"]), 20, "the handoff note")
    settle(service)
    service.state.update_ticket(ticket["id"], {"status": "solved", "comment": {
        "body": "We refunded the second charge.", "public": True}}, actor_id=service.ids["agent"])

    def follow_ups() -> list[dict[str, Any]]:
        return [c for c in service.notes(ticket["id"]) if c["public"] and "has been resolved" in c["body"]]

    service.wait(lambda: bool(follow_ups()), 20, "the resolution follow-up")
    settle(service)
    service.state.update_ticket(ticket["id"], {"additional_tags": ["refund_done"]}, actor_id=service.ids["agent"])
    settle(service)
    [follow_up] = follow_ups()
    assert follow_up["body"].startswith("Hello Dana,")
    after = service.state.ticket(ticket["id"])
    assert after["status"] == "solved"  # our reply does not reopen it
    assert len([c for c in service.notes(ticket["id"]) if c["public"]]) == 2  # the acknowledgment and this



@pytest.mark.postgres
def test_postgresql_as_the_queue_too(tmp_path: Path, fresh_postgres_url: str) -> None:
    """The third shape: PostgreSQL holds the state and the queue (huey's PostgreSQL storage), no Redis."""
    with running(tmp_path, database_url=fresh_postgres_url, queue_url=fresh_postgres_url) as live:
        assert type(live.services.huey).__name__ == "PostgresHuey"
        ticket = live.customer_ticket(description="If this is not fixed today my lawyer will contact you.")
        live.wait(lambda: bool(live.notes(ticket["id"])), 20, "the handoff note")
        settle(live)
        assert {"escalated", "tier_4"} <= set(live.state.ticket(ticket["id"])["tags"])
        assert len([c for c in live.notes(ticket["id"]) if not c["public"]]) == 1
