"""The request path of a webhook: authenticate and parse through the adapter, store the events in the inbox, queue
the work. No helpdesk API call happens here; the answer leaves in milliseconds.

The inbox is the source of truth: if queueing fails after the events are stored, recovery re-queues them. Our own
changes coming back are answered and dropped here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from plugin.domain import TicketEvent
from plugin.ports import Helpdesks, TicketStore, WorkQueue

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Intake:
    """What became of one webhook request."""

    accepted: tuple[TicketEvent, ...]
    duplicates: tuple[TicketEvent, ...]
    ours: tuple[TicketEvent, ...] = ()

    @property
    def status(self) -> int:
        """202 when something new was accepted; 200 for a redelivery, our own change or an event with nothing to
        do."""
        return 202 if self.accepted else 200

    @property
    def outcome(self) -> str:
        if self.accepted:
            return "accepted"
        if self.duplicates:
            return "duplicate"
        return "ours" if self.ours else "ignored"


def receive(helpdesks: Helpdesks, store: TicketStore, queue: WorkQueue, now: datetime, platform: str,
            headers: Mapping[str, str], body: bytes) -> Intake:
    """Parse, store and queue. Raises the adapter's WebhookError for bad input (nothing stored then).

    Our own change coming back (the integration user is its actor) is acknowledged and kept nowhere: it says
    nothing the decision that made it did not know, and a write whose answer was lost is resumed by its own retry,
    not by this echo. Storing it would cost a transaction, a task and a run per echo (four or five per escalation)."""
    events = helpdesks.get(platform).parse_webhook(headers, body, now=now)
    accepted: list[TicketEvent] = []
    duplicates: list[TicketEvent] = []
    ours = [event for event in events if event.from_us]
    for event in events:
        if not event.from_us:
            (accepted if store.add_event(event, now) else duplicates).append(event)
    for ticket_id in dict.fromkeys(e.ticket_id for e in accepted):
        try:
            queue.enqueue_process(platform, ticket_id)
        except Exception:  # the queue is down: the event is safe in the inbox and recovery re-queues it
            log.warning("could not queue ticket %s/%s; recovery will pick it up", platform, ticket_id,
                        exc_info=True)
    return Intake(tuple(accepted), tuple(duplicates), tuple(ours))
