"""End to end through HTTP on Freshdesk: the Freshdesk sandbox runs the automation rules `escalator install freshdesk`
writes and posts their webhooks (shared secret in a header) to our Flask app, a real huey consumer decides, and the
Freshdesk adapter writes back to the sandbox over HTTP. One box: SQLite state, SQLite queue."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from harness import FRESHDESK_SECRET as SECRET
from harness import FreshdeskRunning as Live
from harness import running_freshdesk

from plugin.store import repository as repo


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Live]:
    with running_freshdesk(tmp_path) as running:
        yield running


def test_a_legal_threat_is_escalated_once_on_freshdesk(live: Live) -> None:
    state = live.sandbox.state
    raw = state.create_ticket({"requester_id": live.ids["customer"], "subject": "Cannot export invoices",
                               "description": "If this is not fixed today my lawyer will contact you.",
                               "priority": 2, "source": 1})
    live.wait(lambda: len(live.ours(raw["id"])) == 2, 20, "the handoff note and the reply")
    writes = live.sandbox.write_requests()

    def reads() -> int:
        return len([r for r in live.sandbox.recorded() if r.path.startswith(f"/api/v2/tickets/{raw['id']}")
                    and r.method == "GET"])

    read = reads()
    for _ in range(2):  # our own writes come back as webhooks; deciding on them again adds nothing
        live.sandbox.flush_webhooks(10)
        live.wait(live.settled, 20, "every event processed")
    assert live.sandbox.write_requests() == writes  # no write after our own note and reply came back
    assert reads() == read  # known as ours by the update times our writes left: not even read again
    with live.services.store.session() as session:
        mirror = repo.get_mirror(session, "freshdesk", str(raw["id"]))
        assert mirror is not None and mirror.workflow_state == "escalated"  # our note is no agent's action
    after = state.ticket(raw["id"])
    assert after["priority"] == 3
    assert {"escalated", "tier_4", "legal_review"} <= set(after["tags"])
    assert after["group_id"] == live.ids["groups"][3]
    notes = [c for c in live.ours(raw["id"]) if c["private"]]
    replies = [c for c in live.ours(raw["id"]) if not c["private"]]
    assert len(notes) == 1 and notes[0]["body_text"].startswith("ESCALATION TO TIER 4")
    assert len(replies) == 1
    assert all(i.delivered for i in live.sandbox.invocations)
    assert all(i.headers["X-Escalator-Secret"] == SECRET for i in live.sandbox.invocations)
    # the customer writes again: one more webhook, still one note and one reply
    state.customer_reply(raw["id"], "Any news? My lawyer is waiting.")
    live.sandbox.flush_webhooks(10)
    live.wait(live.settled, 20, "the reply processed")
    assert len([c for c in live.ours(raw["id"]) if c["private"]]) == 1
    assert len([c for c in live.ours(raw["id"]) if not c["private"]]) == 1


def test_a_tag_only_manual_escalation_is_decided_within_seconds(live: Live) -> None:
    """Freshdesk's rules fire on no tag change: the watch finds the agent's tags and the escalation follows at
    once, not at the next reconcile."""
    state = live.sandbox.state
    agent = state.add_agent("Ada Agent", "ada@sandbox.example", group_ids=[live.ids["groups"][0]])
    raw = state.create_ticket({"requester_id": live.ids["customer"], "subject": "Report export times out",
                               "description": "The monthly export stops halfway.", "priority": 2, "source": 1})
    live.wait(lambda: "tier_1" in state.ticket(raw["id"])["tags"], 20, "routing")
    live.sandbox.flush_webhooks(10)
    live.wait(live.settled, 20, "every event processed")
    fired = len(live.sandbox.invocations)
    tags = [*state.ticket(raw["id"])["tags"], "escalate_tier_3", "esc_reason_beyond_knowledge"]
    started = time.monotonic()
    state.update_ticket(raw["id"], {"tags": tags}, performer="agent", performer_id=agent["id"])
    assert len(live.sandbox.invocations) == fired  # no rule fires for a tag change (rules run as the change lands)
    live.wait(lambda: state.ticket(raw["id"])["group_id"] == live.ids["groups"][2], 10, "the manual escalation")
    took = time.monotonic() - started
    assert took < 5, f"decided {took:.1f} s after the tag change"
    live.sandbox.flush_webhooks(10)
    live.wait(live.settled, 20, "our own note came back and was processed")
    after = state.ticket(raw["id"])
    assert "tier_3" in after["tags"] and "escalate_tier_3" not in after["tags"]
    with live.services.store.session() as session:
        [entry] = repo.load_history(session, "freshdesk", str(raw["id"])).escalations
    assert entry.rule == "manual_escalation" and "Outside the agent's knowledge" in entry.reason
