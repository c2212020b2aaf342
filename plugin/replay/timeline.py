"""A ticket's past as the replay reads it: the ticket's state after each change, oldest first.

The adapters rebuild it from what their platform keeps (Zendesk: the ticket's audits; Freshdesk: its conversations
and the times its stats record, see adapters/freshdesk_history.py) and say in `sees` what the rebuild could see.
Plain immutable data; nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from plugin.domain import Ticket

# What a rebuild can see change over time. A platform that keeps no field history (Freshdesk) sees the comments and
# the status times its stats record; every other field is known only as it is now.
FIELDS = ("status", "priority", "tags", "group", "assignee", "comments")
ALL_CHANGES = frozenset(FIELDS)


@dataclass(frozen=True)
class Step:
    """The ticket as it stood right after one change. `ticket.updated_at` is the change's time; its comments are
    those written up to then. `actor_id` made the change (None: unknown, the platform or an automation);
    `by_integration` is true for a change our own integration user made (an escalator that ran live before)."""

    ticket: Ticket
    actor_id: str | None = None
    by_integration: bool = False

    @property
    def at(self) -> datetime:
        return self.ticket.updated_at


@dataclass(frozen=True)
class TicketTimeline:
    """Every state of one ticket, from its creation (the first step) to its state now (the last)."""

    platform: str
    ticket_id: str
    steps: tuple[Step, ...]
    sees: frozenset[str] = ALL_CHANGES

    def __post_init__(self) -> None:
        if not self.steps:
            raise ValueError(f"ticket {self.ticket_id}: a timeline has at least its creation")
        moments = [s.ticket.updated_at for s in self.steps]
        if moments != sorted(moments):
            raise ValueError(f"ticket {self.ticket_id}: steps must be oldest first")

    @property
    def current(self) -> Ticket:
        return self.steps[-1].ticket

    @property
    def created(self) -> Ticket:
        return self.steps[0].ticket

