"""Over HTTP, against the Zendesk sandbox's event webhooks: a change an agent makes reaches the escalator whole in
the webhook (the ticket's fields; a comment with its author), and the escalator decides on it without reading the
ticket again (plugin.kept), exactly as it would have with a read: the agent's manual escalation by tag costs no
read at all, the agent's solving reply costs the comments alone. A ticket first seen is read whole, in two
requests: its requester's recent tickets (which a first decision reads anyway, and which hold the ticket) and its
comments."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from harness import world

READS = {re.compile(r"^/api/v2/tickets/\d+(\.json)?$"): "ticket",
         re.compile(r"^/api/v2/tickets/\d+/comments(\.json)?$"): "comments",
         re.compile(r"^/api/v2/users/\d+/tickets/requested(\.json)?$"): "requester's tickets",
         re.compile(r"^/api/v2/users/\d+(\.json)?$"): "requester"}


def reads_of(sandbox: Any, start: int) -> list[str]:
    return [what for r in sandbox.recorded()[start:] if r.method == "GET"
            for pattern, what in READS.items() if pattern.match(r.path.split("?")[0])]


def test_an_agents_changes_are_decided_from_the_webhook_without_reading_the_ticket_again(tmp_path: Path) -> None:
    with world("zendesk", tmp_path) as live:
        sandbox: Any = live.sandbox
        ticket = live.customer_ticket(subject="How do I export invoices?", description="Where is the button?")
        live.settle()
        start = len(sandbox.recorded())
        # first seen: the requester's tickets (which hold the ticket, and sideload the requester), its comments
        assert reads_of(sandbox, 0) == ["requester's tickets", "comments"]
        assert live.tags(ticket) == ["tier_1"]

        live.agent_adds_tags(ticket, ["escalate_tier_2"])
        live.settle()
        assert reads_of(sandbox, start) == []  # the webhook carried the change whole
        assert "escalated" in live.tags(ticket) and live.group(ticket) == live.tier_group(2)
        [handoff] = live.handoffs(ticket)
        assert "ESCALATION TO TIER 2" in handoff.text and "Where is the button?" in handoff.text
        assert len(live.replies(ticket)) == 1  # the customer's acknowledgment, once

        start = len(sandbox.recorded())
        live.agent_solves(ticket, "The export button is under Billing > Invoices.")
        live.settle()
        assert reads_of(sandbox, start) == ["comments"]  # a comment: its attachments are read with it
        assert live.status(ticket) == "solved"
        assert len(live.handoffs(ticket)) == 1 and len(live.replies(ticket)) == 2  # the resolution message
        spared = {tuple(sorted(s.labels.items())): s.value
                  for m in live.services.metrics.reads_spared.collect() for s in m.samples
                  if s.name.endswith("_total")}
        assert spared == {(("platform", "zendesk"), ("spared", "all")): 1.0,
                          (("platform", "zendesk"), ("spared", "comments")): 1.0}
