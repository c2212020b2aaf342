"""Our own writes coming back as webhooks, known without a read.

Zendesk names who made a change (the integration user is recognised at intake). Freshdesk's webhook body cannot:
it has no placeholder for the performer. It does carry the ticket's update time, status, priority and tags. We hold
the update time of our last read, the exact update times our last writes left on the ticket (the answers to the
update, the note and the reply give them) and the state they wrote. An event sent at one of those times, or no later
than our read, that shows the very state we hold tells nothing we do not know: it is finished without reading the
ticket again (two API credits on Freshdesk). Anything else (a customer's reply between our writes has an update time
of its own) is decided as usual. Only a change by someone else landing in the very second of one of our writes,
leaving the state as we wrote it, would be taken for ours; reconcile and the next look at the ticket read it.
"""

from __future__ import annotations

from plugin.domain import TicketEvent
from plugin.ports import Held


def already_known(event: TicketEvent, held: Held | None) -> bool:
    """Whether `event` shows the ticket as we already hold it, at a time no later than what we hold."""
    if held is None or event.ticket_updated_at is None or event.status is None or "tags" not in event.changes:
        return False
    decided = held.updated_at is not None and event.ticket_updated_at <= held.updated_at
    if not decided and event.ticket_updated_at not in held.written_at:
        return False
    if event.status != held.status:
        return False
    priority = event.changes.get("priority")
    if priority != (held.priority.name.lower() if held.priority is not None else None):
        return False
    return frozenset(event.changes.get("tags") or ()) == held.tags
