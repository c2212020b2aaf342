"""Builders for engine tests: tickets, customers and histories with sensible defaults, and a helper that plays a
decision back onto the ticket and the history the way the service would."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from plugin.config import EscalatorConfig, load_config
from plugin.domain import (
    Comment,
    Customer,
    Decision,
    Priority,
    Status,
    StatusChange,
    Ticket,
    TicketHistory,
)

# Monday 2026-11-23, inside the default office hours (Mon-Fri 09:00-17:00 UTC).
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def make_config(**overrides: Any) -> EscalatorConfig:
    data: dict[str, Any] = {
        "tiers": [
            {"name": "Frontline", "response_target": "2h", "groups": {"zendesk": "100"}},
            {"name": "Technical/Specialist", "response_target": "4h", "groups": {"zendesk": "200"}},
            {"name": "Senior/Engineering", "response_target": "8h", "groups": {"zendesk": "300"},
             "senior_assignee": {"zendesk": "9003"}},
            {"name": "Management/Executive", "response_target": "0", "groups": {"zendesk": "400"}},
        ],
    }
    data.update(overrides)
    return load_config(data=data)


def make_ticket(**fields: Any) -> Ticket:
    created = fields.pop("created_at", MONDAY_10)
    defaults: dict[str, Any] = {
        "platform": "zendesk", "id": "1001", "subject": "Cannot export my invoices",
        "description": "Hello, the export button does nothing. Could you have a look?",
        "status": Status.OPEN, "priority": Priority.MEDIUM, "created_at": created, "updated_at": created,
        "requester_id": "501", "group_id": "100", "assignee_id": "7001", "url": "https://acme.zendesk.com/agent/tickets/1001",
    }
    defaults.update(fields)
    return Ticket(**defaults)


def customer_comment(body: str, at: datetime, ident: str = "c1") -> Comment:
    return Comment(id=ident, body=body, public=True, created_at=at, author_id="501", by_agent=False)


def agent_reply(body: str, at: datetime, ident: str = "a1", public: bool = True) -> Comment:
    return Comment(id=ident, body=body, public=public, created_at=at, author_id="7001", by_agent=True)


def make_customer(**fields: Any) -> Customer:
    defaults: dict[str, Any] = {"id": "501", "name": "Dana Scully", "email": "dana@example.com",
                                "organization_name": "Example Corp"}
    defaults.update(fields)
    return Customer(**defaults)


def play_back(ticket: Ticket, history: TicketHistory, decision: Decision) -> tuple[Ticket, TicketHistory]:
    """The ticket and history after the service applied and recorded `decision`."""
    changes = decision.changes
    if changes.internal_note is not None:  # the adapter signs every note it writes with the decision's key
        changes = replace(changes, internal_note=changes.internal_note + "\n[escalator-ref:test]")
    after = changes.applied_to(ticket, now=decision.at)
    if decision.changes.status is not None:
        history = replace(history, status_changes=(*history.status_changes,
                                                   StatusChange(decision.at, decision.changes.status)))
    history = replace(
        history,
        fired=history.fired | decision.fired,
        escalations=(*history.escalations, *decision.escalations),
        initial_priority=history.initial_priority or ticket.priority,
    )
    return after, history


def later(at: datetime, **delta: float) -> datetime:
    return at + timedelta(**delta)
