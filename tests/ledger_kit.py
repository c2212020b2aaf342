"""What a retry does in the pipeline, in two lines for adapter tests: read the ticket back, ask the ledger what of
the intent is still missing, write that (plugin/ledger.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from plugin.domain import Decision, Ticket, TicketChanges
from plugin.ledger import Intent, still_to_write, write_version
from plugin.ports import ApplyRequest, ApplyResult, HelpdeskAdapter

DECIDED = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def intent_for(ticket: Ticket, changes: TicketChanges, key: str) -> Intent:
    return Intent(key=key, platform=ticket.platform, ticket_id=ticket.id,
                  decision=Decision(ticket_id=ticket.id, at=DECIDED, changes=changes), decided_at=DECIDED,
                  version=ticket.version)


def resume(adapter: HelpdeskAdapter, intent: Intent) -> tuple[TicketChanges, ApplyResult | None]:
    """Read the ticket back and write what the ledger says is still missing (nothing when it all landed)."""
    fresh = adapter.get_ticket(intent.ticket_id)
    remaining = still_to_write(fresh, intent)
    if remaining.is_empty:
        return remaining, None
    ticket = replace(fresh, version=write_version(fresh, intent))
    return remaining, adapter.apply(ApplyRequest(ticket, remaining, intent.key))
