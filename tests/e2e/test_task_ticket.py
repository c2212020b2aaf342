"""The escalation task as a ticket of its own (workflow.escalation_task: task_ticket), end to end through HTTP on
each platform (Zendesk: a linked ticket of type task; Freshdesk: a child ticket): the customer's ticket stays with
its agent, the tier's group gets one task ticket carrying the handoff note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from harness import world


def test_a_task_ticket_carries_the_escalation(tmp_path: Path, platform: str, backend: dict[str, Any]) -> None:
    with world(platform, tmp_path, **backend, workflow={"escalation_task": "task_ticket"}) as live:
        ticket = live.customer_ticket(subject="Charged twice", assigned=True,
                                      description="If this is not fixed today my lawyer will contact you.")
        live.wait(lambda: bool(live.task_tickets()) and bool(live.handoffs(ticket)), 20, "the task and the note")
        live.settle()
        [task] = live.task_tickets()
        assert live.group(task) == live.tier_group(4)
        assert live.priority(task) == "high"
        assert {"escalation_task", "tier_4"} <= set(live.tags(task))
        assert live.subject(task).endswith(f"Escalation of #{ticket}: Charged twice")
        opening = live.opening(task)
        assert opening.text.startswith("ESCALATION TO TIER 4") and not opening.public
        # the customer's ticket stays where it was, marked escalated, with a note that links the task
        assert live.group(ticket) == live.tier_group(1) and live.assignee(ticket) == live.ids["agent"]
        assert {"escalated", "tier_4"} <= set(live.tags(ticket))
        [note] = live.handoffs(ticket)
        assert f"#{task}" in note.text
        # the task ticket's own webhooks, and a redelivery of the first, create nothing more
        writes = live.write_requests()
        live.deliver_again(live.invocations[0])
        live.settle()
        assert live.task_tickets() == [task] and live.write_requests() == writes
        assert "tier_1" not in live.tags(task)
