"""Play a generated history (adapters/sandbox/history.py) into the Zendesk sandbox's state, directly (no HTTP
request: the sandbox's request log stays empty), each change at its planned moment: the state's clock is set to it
while the change is made, so updated_at, the audits and the incremental export carry the planned times."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.sandbox.history import AGENTS, GROUPS, History
from adapters.sandbox.state import SandboxState


def play_zendesk(state: SandboxState, history: History, *, bot_email: str) -> History:
    saved = state.clock
    moment: list[datetime] = [history.start]
    state.clock = lambda: moment[0]
    try:
        bot = state.add_user("Escalator Bot", bot_email, role="admin")
        groups = [state.add_group(name)["id"] for name in GROUPS]
        agents = [state.add_user(name, f"{name.split()[0].lower()}@support.example", role="agent")["id"]
                  for name in AGENTS]
        history.ids.update({"bot": bot["id"], "groups": groups, "agents": agents})
        requesters: dict[int, int] = {}
        for planned in history.tickets:
            if planned.requester not in requesters:
                requesters[planned.requester] = state.add_user(
                    f"Customer {planned.requester}", f"customer{planned.requester}@example.com")["id"]
            requester, agent = requesters[planned.requester], agents[planned.agent]
            ticket_id = 0
            for step in planned.moments:
                moment[0] = step.at
                fields: dict[str, Any] = {}
                actor = agent
                if step.what == "create":
                    ticket_id = state.create_ticket(requester_id=requester, subject=planned.subject,
                                                    description=planned.description, priority=planned.priority,
                                                    group_id=groups[0], created_at=step.at)["id"]
                    planned.ticket_id = str(ticket_id)
                    continue
                if step.what == "assign":
                    fields = {"assignee_id": agent, "status": "open"}
                elif step.what == "reply":
                    fields = {"comment": {"body": step.value, "public": True, "author_id": agent}}
                elif step.what == "customer":
                    fields = {"comment": {"body": step.value, "public": True, "author_id": requester},
                              "status": "open"}
                    actor = requester
                elif step.what == "tags":
                    fields = {"additional_tags": list(step.value)}
                elif step.what == "pending":
                    fields = {"status": "pending"}
                elif step.what == "solve":
                    fields = {"status": "solved"}
                state.update_ticket(ticket_id, fields, actor_id=actor)
    finally:
        state.clock = saved
    return history
