"""The escalation task as a linked ticket of type task (workflow.escalation_task: task_ticket), end to end through
HTTP: the customer's ticket stays with its agent, the tier's group gets one task ticket carrying the handoff note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from harness import running
from test_pipeline import settle


def test_a_linked_task_ticket_carries_the_escalation(tmp_path: Path, backend: dict[str, Any]) -> None:
    with running(tmp_path, **backend, workflow={"escalation_task": "task_ticket"}) as live:
        ticket = live.customer_ticket(subject="Charged twice",
                                      description="If this is not fixed today my lawyer will contact you.",
                                      assignee_id=live.ids["agent"], group_id=live.ids["groups"][0])

        def tasks() -> list[dict[str, Any]]:
            return [t for t in live.state.tickets.values() if t.get("type") == "task"]

        live.wait(lambda: bool(tasks()) and bool(live.notes(ticket["id"])), 20, "the task and the note")
        settle(live)
        [task] = tasks()
        assert task["group_id"] == live.ids["groups"][3]
        assert task["priority"] == "high"
        assert {"escalation_task", "tier_4"} <= set(task["tags"])
        assert task["subject"].endswith(f"Escalation of #{ticket['id']}: Charged twice")
        [task_note] = live.state.comments[task["id"]]
        assert task_note["body"].startswith("ESCALATION TO TIER 4") and not task_note["public"]
        after = live.state.ticket(ticket["id"])
        assert after["group_id"] == live.ids["groups"][0] and after["assignee_id"] == live.ids["agent"]
        assert {"escalated", "tier_4"} <= set(after["tags"])
        [note] = [c for c in live.notes(ticket["id"]) if not c["public"]]
        assert f"#{task['id']}" in note["body"]
        # the task ticket's own webhooks, and a redelivery, create nothing more
        writes = live.sandbox.write_requests()
        settle(live)
        assert len(tasks()) == 1 and live.sandbox.write_requests() == writes
        assert "tier_1" not in live.state.ticket(task["id"])["tags"]
