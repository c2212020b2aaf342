"""Play a generated history (adapters/sandbox/history.py) into the Freshdesk sandbox's state, directly (no HTTP
request: the request log stays empty), each change at its planned moment (the state's clock is set to it)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.sandbox.freshdesk.state import FreshdeskState
from adapters.sandbox.history import AGENTS, GROUPS, History

PRIORITIES = {"low": 1, "normal": 2}
OPEN, PENDING, RESOLVED = 2, 3, 4


def play_freshdesk(state: FreshdeskState, history: History) -> History:
    saved = state.clock
    moment: list[datetime] = [history.start]
    state.clock = lambda: moment[0]
    try:
        groups = [state.add_group(name)["id"] for name in GROUPS]
        agents = [state.add_agent(name, f"{name.split()[0].lower()}@support.example", group_ids=groups)["id"]
                  for name in AGENTS]
        history.ids.update({"groups": groups, "agents": agents})
        requesters: dict[int, int] = {}
        for planned in history.tickets:
            if planned.requester not in requesters:
                requesters[planned.requester] = state.add_contact(
                    f"Customer {planned.requester}", f"customer{planned.requester}@example.com")["id"]
            requester, agent = requesters[planned.requester], agents[planned.agent]
            ticket_id = 0
            tags: list[str] = []
            for step in planned.moments:
                moment[0] = step.at
                fields: dict[str, Any] = {}
                if step.what == "create":
                    ticket_id = state.create_ticket(
                        {"requester_id": requester, "subject": planned.subject, "description": planned.description,
                         "priority": PRIORITIES[planned.priority], "status": OPEN, "group_id": groups[0]},
                        created_at=step.at)["id"]
                    planned.ticket_id = str(ticket_id)
                    continue
                if step.what == "reply":
                    state.add_conversation(ticket_id, str(step.value), kind="reply", user_id=agent)
                    continue
                if step.what == "customer":
                    state.add_conversation(ticket_id, str(step.value), kind="incoming", user_id=requester,
                                           performer="requester")
                    continue
                if step.what == "assign":
                    fields = {"responder_id": agent}
                elif step.what == "tags":
                    tags = [*tags, *step.value]
                    fields = {"tags": tags}
                elif step.what == "pending":
                    fields = {"status": PENDING}
                elif step.what == "solve":
                    fields = {"status": RESOLVED}
                state.update_ticket(ticket_id, fields, performer_id=agent)
    finally:
        state.clock = saved
    return history
